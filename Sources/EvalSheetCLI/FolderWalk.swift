import Foundation
import EvalSheet
import EvalSheetModel

/// Every file under the inputs, at any depth — what came back from the departments may be anywhere
/// in the folder they returned. Hidden entries (and our temporaries, which start with a dot) are
/// left out — a hidden file or folder that holds sheets with a note; a symbolic link is not
/// followed and a folder nested too deep is not entered, each with a note, so nothing is passed
/// over without a word. Files come sorted, folder by folder.
enum FolderWalk {
    struct Result {
        var files: [String] = []
        var missing: [InputFileError] = []
        var passedOver: [ReaderNote] = []
    }

    /// How deep folders are entered below each input.
    static let maxDepth = 16

    static func files(_ inputs: [String]) -> Result {
        var out = Result()
        for input in inputs {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
                out.missing.append(.missing(input))
                continue
            }
            if isDirectory.boolValue { walk(input, depth: 0, into: &out) } else { out.files.append(input) }
        }
        return out
    }

    private static func walk(_ folder: String, depth: Int, into out: inout Result) {
        guard depth <= maxDepth else {
            out.passedOver.append(note(folder, ja: "フォルダの階層が深すぎるため読みません(\(maxDepth) 階層まで)",
                                       en: "not read: folders nested deeper than \(maxDepth) levels"))
            return
        }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            out.passedOver.append(note(folder, ja: "フォルダを読めません", en: "cannot read the folder"))
            return
        }
        for name in names.sorted() where name.hasPrefix(".") {
            if let hidden = SheetSource.hiddenEntryNote(name, in: folder) { out.passedOver.append(hidden) }
        }
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = (folder as NSString).appendingPathComponent(name)
            let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
            switch type {
            case .typeDirectory?: walk(path, depth: depth + 1, into: &out)
            case .typeRegular?: out.files.append(path)
            case .typeSymbolicLink?:
                out.passedOver.append(note(path, ja: "シンボリックリンクはたどりません(元のファイルを指定してください)",
                                           en: "a symbolic link is not followed (name the file it points to)"))
            default:
                out.passedOver.append(note(path, ja: "通常のファイルではないため読みません", en: "not a regular file: not read"))
            }
        }
    }

    private static func note(_ path: String, ja: String, en: String) -> ReaderNote {
        ReaderNote(id: "input.passed-over", message: .init(ja: ja, en: en), file: path, location: path)
    }

    /// `path` relative to the folder `base` (both made absolute first), with `/` separators:
    /// what a link in a workbook written into `base` needs to reach `path`.
    static func relative(_ path: String, from base: String) -> String {
        func parts(_ p: String) -> [String] {
            URL(fileURLWithPath: p).standardizedFileURL.resolvingSymlinksInPath().pathComponents.filter { $0 != "/" }
        }
        let (to, from) = (parts(path), parts(base))
        var common = 0
        while common < min(to.count, from.count), to[common] == from[common] { common += 1 }
        let up = Array(repeating: "..", count: from.count - common)
        return (up + to[common...]).joined(separator: "/")
    }
}
