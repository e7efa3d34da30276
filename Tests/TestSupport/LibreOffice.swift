import Foundation

/// LibreOffice headless, the real office program the tests use to open, print and re-save
/// workbooks. `make test` installs it (libreoffice-calc-nogui); a missing install fails the test.
public enum LibreOffice {
    /// `soffice` on PATH.
    public static func executable() throws -> String {
        guard let path = ProcessRunner.which("soffice") ?? ProcessRunner.which("libreoffice") else {
            throw WorkbookDump.DumpError(message: "LibreOffice (soffice) is not installed: run `make test`")
        }
        return path
    }

    /// Converts files with `--convert-to <filter>` into `outdir`; returns the process result.
    /// Each call uses its own profile directory, so runs in parallel do not collide.
    @discardableResult
    public static func convert(_ files: [String], to filter: String, outdir: URL) throws -> ProcessResult {
        let profile = RepositoryPaths.temporaryDirectory("lo-profile")
        defer { try? FileManager.default.removeItem(at: profile) }
        let r = try ProcessRunner.run(try executable(), [
            "-env:UserInstallation=file://\(profile.path)", "--headless", "--norestore",
            "--convert-to", filter, "--outdir", outdir.path,
        ] + files, environment: ["HOME": profile.path])
        guard r.status == 0 else {
            throw WorkbookDump.DumpError(message: "soffice failed (\(r.status)): \(r.stderr)")
        }
        return r
    }

    /// Every sheet of each workbook as TAB-separated text exactly as LibreOffice shows the cells
    /// (number formats applied): keyed by "<book stem>-<sheet name>".
    public static func shownText(_ files: [String], outdir: URL) throws -> [String: [[String]]] {
        try convert(files, to: "csv:Text - txt - csv (StarCalc):9,34,76,1,,0,false,true,true,false,false,-1", outdir: outdir)
        var out: [String: [[String]]] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: outdir.path) where name.hasSuffix(".csv") {
            let text = try String(contentsOf: outdir.appendingPathComponent(name), encoding: .utf8)
            out[String(name.dropLast(4))] = text.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.split(separator: "\t", omittingEmptySubsequences: false).map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: "\"\r")) } }
        }
        return out
    }
}
