import Foundation

/// Paths into the repository for tests: the samples, fixtures and the built binary.
public enum RepositoryPaths {
    /// The repository root (the directory holding Package.swift).
    public static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// `samples/kiyose-2019`: the real FY2019 year, one file per policy plus the whole year.
    public static let sampleYear = root.appendingPathComponent("samples/kiyose-2019")

    /// The whole-year file exactly as the city gave it.
    public static let wholeYear = sampleYear.appendingPathComponent("kiyose-2019.txt")

    /// `Tests/Fixtures`.
    public static let fixtures = root.appendingPathComponent("Tests/Fixtures")

    /// The nine policy codes of the real year, in file order.
    public static let policyCodes = ["511", "512", "513", "521", "522", "531", "532", "533", "541"]

    /// A fresh temporary directory, removed by the caller (or left for inspection on failure).
    public static func temporaryDirectory(_ label: String = "evalsheet") -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(label)-\(UUID().uuidString.prefix(8))")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
