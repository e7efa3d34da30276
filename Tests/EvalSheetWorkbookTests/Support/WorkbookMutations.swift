// The mutation test's edits (also compiled into the importer fuzz harness, which drives them from
// the fuzzer's bytes). No Testing import.

import Foundation
import EvalSheetModel
import EvalSheetWorkbook
import XLSX
#if canImport(TestSupport)
import TestSupport  // SeededGenerator (the fuzzer compiles its file in directly)
#endif

/// A worksheet part as rows of cells, kept as the XML libxlsxwriter wrote (attributes and bodies
/// untouched), so that a mutation changes exactly what it says and nothing else.
struct SheetXML {
    var prefix: String
    var suffix: String
    var rows: [Row]

    struct Row {
        var number: Int
        var attributes: String
        var cells: [Cell]
    }

    struct Cell {
        var reference: CellReference
        var attributes: String
        var body: String?

        var isNumeric: Bool { !attributes.contains(" t=\"") && (body?.contains("<v>") ?? false) && !(body?.contains("<f>") ?? false) }
        var isSharedString: Bool { attributes.contains(" t=\"s\"") }
        var style: String { attributes.range(of: #" s="\d+""#, options: .regularExpression).map { String(attributes[$0]) } ?? "" }

        func xml() -> String {
            "<c r=\"\(reference)\"\(attributes)" + (body.map { ">\($0)</c>" } ?? "/>")
        }
    }

    init(_ text: String) {
        if let open = text.range(of: "<sheetData>"), let close = text.range(of: "</sheetData>") {
            prefix = String(text[..<open.upperBound])
            suffix = String(text[close.lowerBound...])
            rows = Self.parseRows(String(text[open.upperBound..<close.lowerBound]))
        } else if let empty = text.range(of: "<sheetData/>") {
            prefix = String(text[..<empty.lowerBound]) + "<sheetData>"
            suffix = "</sheetData>" + String(text[empty.upperBound...])
            rows = []
        } else {
            prefix = text
            suffix = ""
            rows = []
        }
    }

    func xml() -> String {
        var out = prefix
        for row in rows {
            out += "<row r=\"\(row.number)\"\(row.attributes)>"
            for cell in row.cells { out += cell.xml() }
            out += "</row>"
        }
        return out + suffix
    }

    private static func attribute(_ name: String, in attributes: Substring) -> (value: String, rest: String)? {
        guard let r = attributes.range(of: " \(name)=\"") else { return nil }
        guard let end = attributes[r.upperBound...].firstIndex(of: "\"") else { return nil }
        let value = String(attributes[r.upperBound..<end])
        let rest = String(attributes[..<r.lowerBound]) + String(attributes[attributes.index(after: end)...])
        return (value, rest)
    }

    private static func parseRows(_ data: String) -> [Row] {
        var rows: [Row] = []
        var rest = Substring(data)
        while let start = rest.range(of: "<row") {
            guard let tagEnd = rest[start.upperBound...].firstIndex(of: ">") else { break }
            let selfClosing = rest[rest.index(before: tagEnd)] == "/"
            var attrs = rest[start.upperBound..<(selfClosing ? rest.index(before: tagEnd) : tagEnd)]
            let (number, others) = attribute("r", in: attrs).map { (Int($0.value) ?? 0, $0.rest) } ?? (0, String(attrs))
            attrs = Substring(others)
            var cells: [Cell] = []
            if selfClosing {
                rest = rest[rest.index(after: tagEnd)...]
            } else {
                guard let close = rest[tagEnd...].range(of: "</row>") else { break }
                cells = parseCells(rest[rest.index(after: tagEnd)..<close.lowerBound])
                rest = rest[close.upperBound...]
            }
            rows.append(Row(number: number, attributes: String(attrs).replacingOccurrences(of: #" spans="[^"]*""#, with: "", options: .regularExpression), cells: cells))
        }
        return rows
    }

    private static func parseCells(_ data: Substring) -> [Cell] {
        var cells: [Cell] = []
        var rest = data
        while let start = rest.range(of: "<c ") {
            guard let tagEnd = rest[start.upperBound...].firstIndex(of: ">") else { break }
            let selfClosing = rest[rest.index(before: tagEnd)] == "/"
            let attrs = " " + rest[start.upperBound..<(selfClosing ? rest.index(before: tagEnd) : tagEnd)]
            guard let (ref, others) = attribute("r", in: Substring(attrs)), let reference = CellReference(ref) else { break }
            if selfClosing {
                cells.append(Cell(reference: reference, attributes: others.trimmingTrailingSpace(), body: nil))
                rest = rest[rest.index(after: tagEnd)...]
            } else {
                guard let close = rest[tagEnd...].range(of: "</c>") else { break }
                cells.append(Cell(reference: reference, attributes: others.trimmingTrailingSpace(),
                                  body: String(rest[rest.index(after: tagEnd)..<close.lowerBound])))
                rest = rest[close.upperBound...]
            }
        }
        return cells
    }
}

private extension String {
    func trimmingTrailingSpace() -> String {
        var s = self
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}

/// One exported workbook as parts, with its section sheets parsed, ready to be mutated and packed.
struct MutableWorkbook {
    var parts: [(name: String, bytes: [UInt8])]
    var sheets: [SheetXML]  // the seven sections, in order
    var workbookXML: String
    let sharedStrings: [String]

    static func sheetPart(_ k: Int) -> String { "xl/worksheets/sheet\(k + 1).xml" }

    init(parts: [(name: String, bytes: [UInt8])]) {
        self.parts = parts
        func text(_ name: String) -> String {
            parts.first { $0.name == name }.map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
        }
        sheets = (0..<7).map { SheetXML(text(Self.sheetPart($0))) }
        workbookXML = text("xl/workbook.xml")
        sharedStrings = Self.parseSharedStrings(text("xl/sharedStrings.xml"))
    }

    /// The workbook as a stored zip, with the section sheets as mutated.
    func bytes() -> [UInt8] {
        var entries = parts
        if let i = entries.firstIndex(where: { $0.name == "xl/workbook.xml" }) { entries[i].bytes = Array(workbookXML.utf8) }
        for k in 0..<7 {
            if let i = entries.firstIndex(where: { $0.name == Self.sheetPart(k) }) {
                entries[i].bytes = Array(sheets[k].xml().utf8)
            }
        }
        return StoredZip.make(entries)
    }

    /// The text a cell shows (shared or inline string), or nil for numbers and blanks.
    func text(_ cell: SheetXML.Cell) -> String? {
        guard let body = cell.body else { return nil }
        if cell.isSharedString, let v = body.between("<v>", "</v>"), let i = Int(v), i < sharedStrings.count { return sharedStrings[i] }
        if cell.attributes.contains("inlineStr") { return body.between("<t xml:space=\"preserve\">", "</t>") ?? body.between("<t>", "</t>") }
        return nil
    }

    static func parseSharedStrings(_ xml: String) -> [String] {
        var out: [String] = []
        var rest = Substring(xml)
        while let start = rest.range(of: "<si>") {
            guard let end = rest[start.upperBound...].range(of: "</si>") else { break }
            var item = rest[start.upperBound..<end.lowerBound]
            var text = ""
            while let t = item.range(of: "<t") {
                guard let open = item[t.upperBound...].firstIndex(of: ">"), let close = item[open...].range(of: "</t>") else { break }
                text += unescape(String(item[item.index(after: open)..<close.lowerBound]))
                item = item[close.upperBound...]
            }
            out.append(text)
            rest = rest[end.upperBound...]
        }
        return out
    }

    static func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}

private extension String {
    func between(_ a: String, _ b: String) -> String? {
        guard let r = range(of: a), let e = self[r.upperBound...].range(of: b) else { return nil }
        return String(self[r.upperBound..<e.lowerBound])
    }
}

/// The edits of the mutation test: what a careless department, an office program or a library
/// inserting rows does to a workbook.
enum Mutation: CaseIterable {
    case editText, editNumber, textInNumberCell, duplicateRowVerbatim, duplicateRowShifted, insertJunkCell,
         changeLabel, moveValueOneColumn, deleteCell, deleteRowShifted, cellOutsideItsRow, styleIndexPointsNowhere,
         formulaWithoutResult, moveValueOneRow, renameSheet

    /// Texts typed into cells: plain words, numbers typed as text (also out of range), dashes,
    /// template labels, choice values.
    static let texts: [String] = [
        "テスト", "未定", "abc", "  ", "1,234", "１２３４", "12.5", "-3", "99999999999999999999", "1E+30", "0.0000000000001",
        "—", "-", "対象", "はい", "1,2", "一と二", "①", "(21)", "令和3年度", "令和元年度決算", "高いほど良い", "どちらでもない",
        "1. 施策遂行に役立つ・有利", "3. 施策の必要性を高める", "とても有利", "順調", "良好", "名称", "説明", "抽出方法", "目標値",
        "以下余白", "総事業費(施策の合計)", "No.", "現在の取組状況", "関連する事務事業名", "施策を進める上での課題",
        "1. 基本情報", "33.0%", "32.2(※)", "360,000", "1,23", "../x", "511", "05010201", "A&B <c>", "タブ\tあり", "改行\nあり",
        String(repeating: "長", count: 300),
    ]
    /// Raw `<v>` texts of numeric cells: ordinary, fractional, negative, at and past the bound, tiny, huge.
    static let numbers: [String] = [
        "0", "-0", "-1", "12.5", "2460", "999999999999", "1000000000000", "1E+30", "1e-12", "33.04", "0.948", "4.5E+15",
        "123456789012345", "1234567890123456", "0.30000000000000004", "1E+200", "7", "2019", "1.5", "100", "5E-324",
    ]

    func apply<G: RandomNumberGenerator>(to book: inout MutableWorkbook, _ rng: inout G) -> String {
        let k = Int.random(in: 0..<7, using: &rng)
        var sheet = book.sheets[k]
        defer { book.sheets[k] = sheet }
        let name = "sheet\(k + 1)"
        func allCells() -> [(Int, Int)] {
            sheet.rows.indices.flatMap { r in sheet.rows[r].cells.indices.map { (r, $0) } }
        }
        func contentCells() -> [(Int, Int)] { allCells().filter { sheet.rows[$0.0].cells[$0.1].body != nil } }
        func inline(_ text: String, _ ref: CellReference, style: String) -> SheetXML.Cell {
            SheetXML.Cell(reference: ref, attributes: style + " t=\"inlineStr\"",
                          body: "<is><t xml:space=\"preserve\">\(MutableWorkbook.escape(text))</t></is>")
        }
        func number(_ raw: String, _ ref: CellReference, style: String) -> SheetXML.Cell {
            SheetXML.Cell(reference: ref, attributes: style, body: "<v>\(raw)</v>")
        }
        func renumber(_ row: inout SheetXML.Row, to number: Int) {
            row.number = number
            for i in row.cells.indices { row.cells[i].reference.row = number - 1 }
        }
        switch self {
        case .editText, .editNumber, .textInNumberCell, .changeLabel, .formulaWithoutResult, .styleIndexPointsNowhere:
            var pool = contentCells()
            if self == .textInNumberCell || self == .styleIndexPointsNowhere { pool = pool.filter { sheet.rows[$0.0].cells[$0.1].isNumeric } }
            if self == .changeLabel {
                let labels = Set(Mutation.texts.map { $0.labelKey() })
                pool = pool.filter { book.text(sheet.rows[$0.0].cells[$0.1]).map { labels.contains($0.labelKey()) || $0.count < 12 } ?? false }
            }
            guard let (r, c) = pool.randomElement(using: &rng) else { return "\(self) on \(name): no cell" }
            let old = sheet.rows[r].cells[c]
            switch self {
            case .editNumber:
                let raw = Mutation.numbers.randomElement(using: &rng)!
                sheet.rows[r].cells[c] = number(raw, old.reference, style: old.style)
                return "\(name)!\(old.reference) = number \(raw)"
            case .changeLabel:
                let current = book.text(old) ?? ""
                let variants = [current + "X", " " + current + " ", PrintedNumber.foldFullWidth(current), String(current.dropLast()),
                                Mutation.texts.randomElement(using: &rng)!]
                let text = variants.randomElement(using: &rng)!
                sheet.rows[r].cells[c] = inline(text, old.reference, style: old.style)
                return "\(name)!\(old.reference) label \"\(current)\" → \"\(text)\""
            case .formulaWithoutResult:
                sheet.rows[r].cells[c] = SheetXML.Cell(reference: old.reference, attributes: old.style, body: "<f>1+1</f>")
                return "\(name)!\(old.reference) = formula without result"
            case .styleIndexPointsNowhere:
                sheet.rows[r].cells[c].attributes = " s=\"999\""
                return "\(name)!\(old.reference) style 999"
            default:
                let text = Mutation.texts.randomElement(using: &rng)!
                sheet.rows[r].cells[c] = inline(text, old.reference, style: old.style)
                return "\(name)!\(old.reference) = text \"\(PolicyCodeSyntax.visible(String(text.prefix(20))))\""
            }
        case .duplicateRowVerbatim:
            guard let r = sheet.rows.indices.randomElement(using: &rng) else { return "no rows" }
            sheet.rows.insert(sheet.rows[r], at: r + 1)
            return "\(name) row \(sheet.rows[r].number) written twice"
        case .duplicateRowShifted, .deleteRowShifted:
            guard let r = sheet.rows.indices.randomElement(using: &rng) else { return "no rows" }
            let n = sheet.rows[r].number
            if self == .duplicateRowShifted {
                for i in sheet.rows.indices where sheet.rows[i].number > n { renumber(&sheet.rows[i], to: sheet.rows[i].number + 1) }
                var copy = sheet.rows[r]
                renumber(&copy, to: n + 1)
                sheet.rows.insert(copy, at: r + 1)
                return "\(name) row \(n) copied below, later rows shifted"
            }
            sheet.rows.remove(at: r)
            for i in sheet.rows.indices where sheet.rows[i].number > n { renumber(&sheet.rows[i], to: sheet.rows[i].number - 1) }
            return "\(name) row \(n) deleted, later rows shifted"
        case .insertJunkCell:
            let lastRow = sheet.rows.map(\.number).max() ?? 1
            let row = Int.random(in: 1...(lastRow + 4), using: &rng)
            let column = Int.random(in: 0...12, using: &rng)
            let ref = CellReference(row: row - 1, column: column)
            let cell = Bool.random(using: &rng) ? inline(Mutation.texts.randomElement(using: &rng)!, ref, style: "")
                                                : number(Mutation.numbers.randomElement(using: &rng)!, ref, style: "")
            if let r = sheet.rows.firstIndex(where: { $0.number == row }) {
                if let c = sheet.rows[r].cells.firstIndex(where: { $0.reference == ref }) {
                    sheet.rows[r].cells[c] = cell
                } else {
                    let at = sheet.rows[r].cells.firstIndex { $0.reference.column > column } ?? sheet.rows[r].cells.count
                    sheet.rows[r].cells.insert(cell, at: at)
                }
            } else {
                let at = sheet.rows.firstIndex { $0.number > row } ?? sheet.rows.count
                sheet.rows.insert(SheetXML.Row(number: row, attributes: "", cells: [cell]), at: at)
            }
            return "\(name)!\(ref) junk \(cell.body ?? "")"
        case .moveValueOneColumn:
            guard let (r, c) = contentCells().randomElement(using: &rng) else { return "no cell" }
            let old = sheet.rows[r].cells[c]
            let target = old.reference.column + (old.reference.column == 0 || Bool.random(using: &rng) ? 1 : -1)
            let ref = CellReference(row: old.reference.row, column: target)
            if let t = sheet.rows[r].cells.firstIndex(where: { $0.reference == ref }) {
                let other = sheet.rows[r].cells[t]
                sheet.rows[r].cells[t] = SheetXML.Cell(reference: ref, attributes: other.style + old.attributes.replacingOccurrences(of: old.style, with: ""), body: old.body)
                sheet.rows[r].cells[c] = SheetXML.Cell(reference: old.reference, attributes: old.style, body: nil)
            } else {
                sheet.rows[r].cells[c] = SheetXML.Cell(reference: old.reference, attributes: old.style, body: nil)
                var moved = old
                moved.reference = ref
                let at = sheet.rows[r].cells.firstIndex { $0.reference.column > target } ?? sheet.rows[r].cells.count
                sheet.rows[r].cells.insert(moved, at: at)
            }
            return "\(name)!\(old.reference) moved to \(ref)"
        case .deleteCell:
            guard let (r, c) = contentCells().randomElement(using: &rng) else { return "no cell" }
            let ref = sheet.rows[r].cells[c].reference
            sheet.rows[r].cells.remove(at: c)
            return "\(name)!\(ref) deleted"
        case .moveValueOneRow:
            guard let (r, c) = contentCells().randomElement(using: &rng) else { return "no cell" }
            var moved = sheet.rows[r].cells[c]
            let from = moved.reference
            sheet.rows[r].cells[c] = SheetXML.Cell(reference: from, attributes: moved.style, body: nil)
            let number = sheet.rows[r].number + (Bool.random(using: &rng) || sheet.rows[r].number == 1 ? 1 : -1)
            moved.reference = CellReference(row: number - 1, column: from.column)
            if let t = sheet.rows.firstIndex(where: { $0.number == number }) {
                if let u = sheet.rows[t].cells.firstIndex(where: { $0.reference == moved.reference }) {
                    sheet.rows[t].cells[u] = moved
                } else {
                    let at = sheet.rows[t].cells.firstIndex { $0.reference.column > from.column } ?? sheet.rows[t].cells.count
                    sheet.rows[t].cells.insert(moved, at: at)
                }
            } else {
                let at = sheet.rows.firstIndex { $0.number > number } ?? sheet.rows.count
                sheet.rows.insert(SheetXML.Row(number: number, attributes: "", cells: [moved]), at: at)
            }
            return "\(name)!\(from) moved to \(moved.reference)"
        case .renameSheet:
            let names = ["Sheet\(k + 1)", "構成事業(修正版)", "コピー", "\(k + 1) 別名"]
            let new = names.randomElement(using: &rng)!
            var at = book.workbookXML.startIndex
            for _ in 0...k {
                guard let next = book.workbookXML.range(of: "<sheet name=\"", range: at..<book.workbookXML.endIndex) else { return "no sheet" }
                at = next.upperBound
            }
            guard let end = book.workbookXML[at...].firstIndex(of: "\"") else { return "no sheet" }
            let old = String(book.workbookXML[at..<end])
            book.workbookXML.replaceSubrange(at..<end, with: MutableWorkbook.escape(new))
            return "sheet \"\(old)\" renamed \"\(new)\""
        case .cellOutsideItsRow:
            guard let (r, c) = contentCells().randomElement(using: &rng) else { return "no cell" }
            let ref = sheet.rows[r].cells[c].reference
            sheet.rows[r].cells[c].reference.row += 2
            return "\(name)!\(ref) written as \(sheet.rows[r].cells[c].reference) inside row \(sheet.rows[r].number)"
        }
    }
}
