#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension XLSXWriteError {
    /// The error in Japanese, for the people who use the workbooks (`description` is English).
    /// Names the file where the error concerns one.
    public var japaneseDescription: String {
        switch self {
        case .fileExists(let path):
            return "\(path) は既にあります(上書きしませんでした)"
        case .directoryNotWritable(let dir):
            return "フォルダ \(dir) がないか、書き込めません"
        case .cannotCreateWorkbook(let path):
            return "ブック \(path) を作成できません"
        case .cannotMoveIntoPlace(_, let to, let reason):
            return "ブック \(to) を書き込めません(一時ファイルを置き換えられません: \(reason))"
        case .cannotWriteFile(let path, let code, _, let systemError):
            let cause = systemError == 0 ? Self.japaneseLibraryCause(code) : XLSXSystemError.japanese(systemError)
            return "ブック \(path) を書き込めません: \(cause)"
        case .cannotWriteScratchFile(let path, let directory, let systemError):
            return "ブック \(path) を書き込めません: 作業用フォルダ \(directory) で\(XLSXSystemError.japanese(systemError))"
        case .workbookClosed:
            return "ブックは既に書き終えたか破棄されています"
        case .library(let function, let code, let message):
            return "libxlsxwriter の \(function) が失敗しました(エラー \(code): \(message))"
        case .emptyString(let what):
            return "\(Self.japanese(what))が空です"
        case .tooLong(let what, let length, let limit, let unit):
            let u = unit == .bytes ? "バイト" : "文字"
            return "\(Self.japanese(what))が長すぎます(\(length) \(u)、上限 \(limit) \(u))"
        case .invalidCharacter(let what, let scalar):
            return "\(Self.japanese(what))にブックに書けない文字 U+\(String(scalar, radix: 16, uppercase: true)) があります"
        case .invalidHeaderFooter(let text, let reason):
            return "ヘッダー/フッター「\(text)」を書けません(\(reason))"
        case .valueOutOfRange(let what, let value, let range):
            guard value.isFinite else { return "\(Self.japanese(what))が有限の数ではありません" }
            return "\(Self.japanese(what)) \(Self.plain(value)) は範囲 \(Self.plain(range.lowerBound))〜\(Self.plain(range.upperBound)) の外です"
        case .cellOutOfRange(let row, let column):
            return "セル(\(row + 1) 行目、\(column + 1) 列目)がシートの範囲(1,048,576 行 × 16,384 列)の外です"
        case .invalidSheetName(let name, let reason):
            return "シート名「\(name)」は使えません(\(reason))"
        case .duplicateSheetName(let name):
            return "シート名「\(name)」が重複しています(大文字と小文字は区別されません)"
        case .invalidDefinedName(let name, let reason):
            return "名前「\(name)」は定義できません(\(reason))"
        case .duplicateDefinedName(let name):
            return "名前「\(name)」は既に定義されています"
        case .duplicateCustomProperty(let name):
            return "ユーザー設定プロパティ「\(name)」は既に設定されています"
        case .invalidPassword(let reason):
            return "シート保護のパスワードが使えません(\(reason))"
        case .overlappingMerge(let range, let existing):
            return "セル結合 \(range) が結合済みの \(existing) と重なります"
        case .invalidMerge(let range, let reason):
            return "セル \(range) を結合できません(\(reason))"
        case .invalidDataValidation(let reason):
            return "入力規則を設定できません(\(reason))"
        case .invalidChart(let reason):
            return "グラフを作成できません(\(reason))"
        case .foreignObject(let what):
            return "\(Self.japanese(what))は別のブックのものです"
        }
    }

    /// The Japanese names of the things the guards name in English; unknown ones stay English.
    static func japanese(_ what: String) -> String {
        let names: [String: String] = [
            "cell text": "セルの文字列", "cell number": "セルの数値", "formula": "数式",
            "cached formula result": "数式の計算結果", "hyperlink": "ハイパーリンク",
            "hyperlink text": "ハイパーリンクの表示文字列", "hyperlink tooltip": "ハイパーリンクのヒント",
            "hyperlink (after %-escaping)": "ハイパーリンク(%エスケープ後)", "header": "ヘッダー", "footer": "フッター",
            "row height": "行の高さ", "column width": "列幅", "font size": "フォントサイズ", "font name": "フォント名",
            "font colour": "文字色", "fill colour": "塗りつぶしの色", "border colour": "罫線の色", "tab colour": "シート見出しの色",
            "number format": "表示形式", "indent": "インデント", "zoom": "表示倍率", "paper size code": "用紙サイズ",
            "print scale": "印刷倍率", "pages wide": "横のページ数", "pages tall": "縦のページ数",
            "print titles": "印刷タイトル", "print area": "印刷範囲", "list item": "リストの項目",
            "input title": "入力時メッセージのタイトル", "input message": "入力時メッセージ",
            "error title": "エラーメッセージのタイトル", "error message": "エラーメッセージ",
            "validation formula": "入力規則の数式", "validation minimum": "入力規則の最小値",
            "validation maximum": "入力規則の最大値", "defined name": "名前", "custom property name": "ユーザー設定プロパティ名",
            "sheet": "シート", "chart": "グラフ", "chart title": "グラフのタイトル", "series name": "系列名",
            "series values": "系列の値", "series categories": "系列の項目", "left margin": "左余白",
            "right margin": "右余白", "top margin": "上余白", "bottom margin": "下余白",
            "header margin": "ヘッダーの余白", "footer margin": "フッターの余白",
        ]
        return names[what] ?? what
    }

    /// What a libxlsxwriter error code means for a file being written, in Japanese.
    static func japaneseLibraryCause(_ code: Int32) -> String {
        switch UInt32(bitPattern: code) {
        case 0: return "書き終えたブックの数値の表記を直せませんでした"
        case LXWErrorCodes.memory: return "メモリが足りません"
        case LXWErrorCodes.creatingFile: return "ファイルを作成できません(フォルダがないか、書き込む権限がありません)"
        case LXWErrorCodes.creatingTemporaryFile: return "作業用の一時ファイルを作成できません"
        case LXWErrorCodes.readingTemporaryFile: return "作業用の一時ファイルを読めません(ディスクの空き容量を確認してください)"
        case LXWErrorCodes.zipFirst...LXWErrorCodes.zipLast: return "ZIP 形式での書き込みに失敗しました(ディスクの空き容量を確認してください)"
        default: return "libxlsxwriter のエラー \(code)"
        }
    }
}

/// libxlsxwriter 1.1.4's `lxw_error` codes that concern writing the file (common.h).
enum LXWErrorCodes {
    static let memory: UInt32 = 1          // LXW_ERROR_MEMORY_MALLOC_FAILED
    static let creatingFile: UInt32 = 2    // LXW_ERROR_CREATING_XLSX_FILE
    static let creatingTemporaryFile: UInt32 = 3
    static let readingTemporaryFile: UInt32 = 4
    static let zipFirst: UInt32 = 5        // LXW_ERROR_ZIP_FILE_OPERATION
    static let zipLast: UInt32 = 10        // LXW_ERROR_ZIP_CLOSE
}

/// The system errors (`errno`) a file write meets, said plainly.
enum XLSXSystemError {
    static func japanese(_ code: Int32) -> String {
        switch code {
        case ENOSPC: return "ディスクの空き容量が足りません"
        case EDQUOT: return "ディスクの使用量の上限(クォータ)を超えました"
        case EACCES, EPERM: return "書き込む権限がありません"
        case EROFS: return "読み取り専用のディスクです"
        case ENOENT: return "書き込み先のフォルダがありません"
        case ENOTDIR: return "書き込み先がフォルダではありません"
        case EIO: return "ディスクの入出力エラーです"
        case EFBIG: return "ファイルが大きすぎます"
        case EMFILE, ENFILE: return "開いているファイルが多すぎます"
        case ENOMEM: return "メモリが足りません"
        default: return "システムエラー \(code)(\(english(code)))"
        }
    }

    static func english(_ code: Int32) -> String {
        strerror(code).map { String(cString: $0) } ?? "system error \(code)"
    }
}
