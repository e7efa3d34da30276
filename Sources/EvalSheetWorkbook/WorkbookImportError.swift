import EvalSheetModel
import XLSXReader

/// A workbook that cannot be imported: the file, where in it (a part, or `Sheet!Cell`), and why,
/// in Japanese and English — plus every further problem found in the same workbook (`additional`),
/// so that one run reports them all.
public struct WorkbookImportError: SheetReadError, CustomStringConvertible {
    public var file: String
    /// `'3 構成事業'!F7`, a sheet name, or a package part such as `xl/worksheets/sheet3.xml`; "" for the whole file.
    public var place: String
    public var message: LocalizedMessage
    /// A stable identifier of the kind of problem, e.g. `xlsx.amount`.
    public var id: String
    /// The other problems of the same workbook, in sheet and cell order.
    public var additional: [WorkbookImportError] = []

    public init(file: String, place: String = "", message: LocalizedMessage, id: String = "xlsx.unreadable") {
        self.file = file
        self.place = place
        self.message = message
        self.id = id
    }

    /// `511.xlsx '3 構成事業'!F7`, or just the file.
    public var location: String { place.isEmpty ? file : "\(file) \(place)" }

    /// This problem and the additional ones.
    public var problems: [ReaderNote] {
        ([self] + additional).map { ReaderNote(id: $0.id, message: $0.message, file: $0.file, location: $0.location) }
    }

    /// One line per problem: `511.xlsx '3 構成事業'!F7: message`.
    public func text(_ language: Language) -> String {
        lines(language).joined(separator: "\n")
    }

    public var description: String { text(.ja) }

    /// The reader's error, explained for the people who will read it. A problem at one cell of a
    /// worksheet is placed at `'Sheet'!Cell`; others at the package part.
    init(_ e: XLSXReadError, file: String) {
        let place: String
        if let sheet = e.sheet, let reference = e.reference {
            place = ImportContext.place(sheet, reference)
        } else if let sheet = e.sheet {
            place = ImportContext.quotedIfNeeded(sheet)  // a cell without an address: its sheet
        } else {
            place = e.cell.map { c in e.part.map { "\($0) \(c)" } ?? c } ?? e.part ?? ""
        }
        let ja: String
        var id = "xlsx.unreadable"
        switch e.kind {
        case .emptyFile: ja = "ファイルが空です"
        case .encryptedOrLegacyWorkbook:
            ja = "パスワード付きのブック、または古い .xls 形式です。パスワードを外して .xlsx 形式で保存し直してください"
        case .notAZip: ja = "Excel ブック(.xlsx)ではありません"
        case .cannotOpenFile: ja = "ファイルを開けません"
        case .corruptZip: ja = "ブックが壊れています(ZIP として読めません)"
        case .tooManyEntries, .partTooLarge, .archiveTooLarge:
            ja = "ブックの中身が大きすぎるため読み込みを中止しました(圧縮爆弾の可能性があります)"
        case .encryptedEntry: ja = "暗号化された部分があるため読めません"
        case .unsupportedCompression: ja = "対応していない圧縮方式が使われています"
        case .missingPart, .missingRelationship, .invalidWorkbook: ja = "ブックの構成が不完全です(必要な部分がありません)"
        case .externalRelationship, .targetOutsidePackage: ja = "ブックの外を参照する部分があるため読み込みを中止しました"
        case .doctypeNotAllowed: ja = "安全でない XML(DOCTYPE 宣言)を含むため読み込みを中止しました"
        case .malformedXML, .invalidEncoding, .nestingTooDeep: ja = "ブックの XML が壊れています"
        case .missingSharedStrings, .sharedStringIndexOutOfRange: ja = "ブックの文字列表が壊れています"
        case .invalidCellReference, .cellOutOfRange, .tooManyCells: ja = "セル番地が不正です"; id = "xlsx.cell-address"
        case .duplicateCell:
            ja = "同じ番地のセルが2つあります(どちらの値が正しいか分からないため読み込みを中止しました)"; id = "xlsx.duplicate-cell"
        case .cellOutsideItsRow:
            ja = "セルの番地が行の番号と一致しません(どの位置の値か分からないため読み込みを中止しました)"; id = "xlsx.cell-outside-row"
        case .invalidCellValue: ja = "セルの値が不正です"; id = "xlsx.cell-value"
        case .twoValuesInOneCell:
            ja = "1つのセルに値が2つあります(どちらの値が正しいか分からないため読み込みを中止しました)"; id = "xlsx.two-values"
        case .notAWorksheet, .noSuchSheet: ja = "ワークシートが見つかりません"
        @unknown default: ja = "ブックを読めません"
        }
        // Where the cell is named, the Japanese sentence says all a department needs; otherwise the
        // reader's technical detail follows for whoever looks into the file.
        // The cell's own text, when the reader quoted it, is shown as it is.
        let cellLevel = e.reference != nil && [.invalidCellValue, .twoValuesInOneCell, .duplicateCell, .cellOutsideItsRow].contains(e.kind)
        var japanese = ja + "(詳細: \(e.detail))"
        if cellLevel {
            let parts = e.detail.split(separator: "\"", maxSplits: 2, omittingEmptySubsequences: false)
            japanese = parts.count == 3 ? ja + ": \"\(parts[1])\"" : ja
        }
        self.init(file: file, place: place, message: .init(ja: japanese, en: e.detail), id: id)
    }
}
