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
        var files: [String] = []
        var byFile: [String: [Finding]] = [:]
        for f in findings {
            if byFile[f.file] == nil { files.append(f.file) }
            byFile[f.file, default: []].append(f)
        }
        var report = TextReport(language: language)
        var out = ""
        for file in files { out += report.file(byFile[file]!) }
        return out + report.ending(checkedFiles: checkedFiles)
    }

    /// `renderText` of findings given one file at a time (each file's findings together, files in
    /// the order to print): the pieces joined are `renderText`'s text, and no finding need be held
    /// beyond its file.
    public struct TextReport {
        public let language: Language
        private var files = 0
        private var errors = 0, warnings = 0, infos = 0

        public init(language: Language) { self.language = language }

        /// The heading, lines and count line of one file's findings (one file, at least one finding).
        public mutating func file(_ findings: [Finding]) -> String {
            guard let first = findings.first else { return "" }
            var out = files > 0 ? "\n" : ""
            files &+= 1
            out += "\(first.file.withControlsVisible)\n"
            for f in findings { out += f.line(language) + "\n" }
            let (e, w, i) = Findings.counts(findings)
            (errors, warnings, infos) = (errors &+ e, warnings &+ w, infos &+ i)
            return out + Findings.summary(errors: e, warnings: w, infos: i, language: language) + "\n"
        }

        /// What ends the report: the total line (when several files were reported, or `checkedFiles`
        /// is more than were), or the no-problems line when no file was.
        public func ending(checkedFiles: Int? = nil) -> String {
            guard files > 0 else {
                let none = language == .ja ? "問題は見つかりませんでした" : "No problems found"
                guard let n = checkedFiles, n > 1 else { return none + "\n" }
                return none + (language == .ja ? "(\(n) ファイル)" : " (\(n) files)") + "\n"
            }
            let total = Findings.summary(errors: errors, warnings: warnings, infos: infos, language: language)
            if let n = checkedFiles, n > files {
                return "\n" + (language == .ja ? "合計(\(n) ファイルを検証、\(files) ファイルに指摘): \(total)"
                                               : "Total (\(n) files checked, \(files) with findings): \(total)") + "\n"
            } else if files > 1 {
                return "\n" + (language == .ja ? "合計(\(files) ファイル): \(total)" : "Total (\(files) files): \(total)") + "\n"
            }
            return ""
        }
    }

    /// How many of the findings are errors, warnings and infos.
    static func counts(_ findings: [Finding]) -> (errors: Int, warnings: Int, infos: Int) {
        var (e, w, i) = (0, 0, 0)
        for f in findings {
            switch f.severity {
            case .error: e &+= 1
            case .warning: w &+= 1
            case .info: i &+= 1
            }
        }
        return (e, w, i)
    }

    /// `エラー 1 件、警告 16 件` (and `、情報 n 件` when there are any) / `1 error, 16 warnings`.
    public static func summary(_ findings: [Finding], language: Language = .ja) -> String {
        let (e, w, i) = counts(findings)
        return summary(errors: e, warnings: w, infos: i, language: language)
    }

    /// `summary` from the counts.
    public static func summary(errors e: Int, warnings w: Int, infos i: Int, language: Language = .ja) -> String {
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
