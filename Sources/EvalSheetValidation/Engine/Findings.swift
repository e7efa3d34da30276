import Foundation
import EvalSheetModel

/// Reports of findings for people (text, grouped by file) and for programs (JSON).
public enum Findings {
    /// Per file: the file name as a heading, one line per finding
    /// (`location: [エラー] ruleID: message`) and a count line (`エラー 0 件、警告 16 件`);
    /// when several files are reported, a total at the end. `checkedFiles`, when given, is how many
    /// files were checked (files without a finding are not listed, so the total names both counts).
    /// Ends with a newline.
    public static func renderText(_ findings: [Finding], language: Language = .ja, checkedFiles: Int? = nil) -> String {
        guard !findings.isEmpty else {
            let none = language == .ja ? "問題は見つかりませんでした" : "No problems found"
            guard let n = checkedFiles, n > 1 else { return none + "\n" }
            return none + (language == .ja ? "(\(n) ファイル)" : " (\(n) files)") + "\n"
        }
        var files: [String] = []
        var byFile: [String: [Finding]] = [:]
        for f in findings {
            if byFile[f.file] == nil { files.append(f.file) }
            byFile[f.file, default: []].append(f)
        }
        var out = ""
        for (n, file) in files.enumerated() {
            if n > 0 { out += "\n" }
            out += "\(file)\n"
            for f in byFile[file]! { out += f.line(language) + "\n" }
            out += summary(byFile[file]!, language: language) + "\n"
        }
        if let n = checkedFiles, n > files.count {
            let total = summary(findings, language: language)
            out += "\n" + (language == .ja ? "合計(\(n) ファイルを検証、\(files.count) ファイルに指摘): \(total)"
                                            : "Total (\(n) files checked, \(files.count) with findings): \(total)") + "\n"
        } else if files.count > 1 {
            let total = summary(findings, language: language)
            out += "\n" + (language == .ja ? "合計(\(files.count) ファイル): \(total)" : "Total (\(files.count) files): \(total)") + "\n"
        }
        return out
    }

    /// `エラー 1 件、警告 16 件` (and `、情報 n 件` when there are any) / `1 error, 16 warnings`.
    public static func summary(_ findings: [Finding], language: Language = .ja) -> String {
        let count = { (s: Severity) in findings.filter { $0.severity == s }.count }
        let (e, w, i) = (count(.error), count(.warning), count(.info))
        switch language {
        case .ja:
            return "エラー \(e) 件、警告 \(w) 件" + (i > 0 ? "、情報 \(i) 件" : "")
        case .en:
            func n(_ k: Int, _ word: String) -> String { "\(k) \(word)\(k == 1 ? "" : "s")" }
            return n(e, "error") + ", " + n(w, "warning") + (i > 0 ? ", " + n(i, "info") : "")
        }
    }

    /// A JSON array of findings (`ruleID`, `severity`, `policy`, `file`, `location`, `pointer`,
    /// `message` with `ja` and `en`), pretty-printed with sorted keys, ending with a newline.
    public static func renderJSON(_ findings: [Finding]) -> String {
        JSONRendering.render(findings)
    }

    /// `renderJSON`'s text as UTF-8 bytes, without copying it into a String (a year's findings run
    /// to megabytes).
    public static func renderJSONData(_ findings: [Finding]) -> Data {
        JSONRendering.renderData(findings)
    }

    /// Reads findings back from `renderJSON`'s output.
    public static func decodeJSON(_ data: Data) throws -> [Finding] {
        try JSONDecoder().decode([Finding].self, from: data)
    }

    /// Whether any finding is an error (what a command's exit status would reflect).
    public static func hasErrors(_ findings: [Finding]) -> Bool {
        findings.contains { $0.severity == .error }
    }
}

/// The JSON encoding shared by findings and changes.
enum JSONRendering {
    static func render<T: Encodable>(_ value: T) -> String {
        String(decoding: renderData(value), as: UTF8.self)
    }

    /// `render`'s text as UTF-8 bytes.
    static func renderData<T: Encodable>(_ value: T) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding these plain structs cannot fail.
        guard var data = try? encoder.encode(value) else { return Data("[]\n".utf8) }
        data.append(0x0A)
        return data
    }
}
