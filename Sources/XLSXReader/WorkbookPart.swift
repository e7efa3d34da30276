// `xl/workbook.xml`: the sheet list, defined names and the 1904 date system flag.

/// What the workbook part says, before relationship ids are resolved.
struct WorkbookPart {
    struct Sheet {
        var name: String
        var sheetId: Int
        var state: XLSXSheetState
        var relationshipID: String
    }

    var sheets: [Sheet] = []
    var definedNames: [XLSXDefinedName] = []
    var date1904 = false

    static func parse(_ xml: inout XMLTokenizer) throws(XLSXReadError) -> WorkbookPart {
        var result = WorkbookPart()
        var sawRoot = false
        var sawSheets = false
        while true {
            switch try xml.next() {
            case .startElement:
                if xml.depth == 1 {
                    guard xml.isElement(.spreadsheetML, "workbook") else {
                        throw xml.source.error(.invalidWorkbook, offset: xml.offset,
                                               "the root element is not a SpreadsheetML <workbook>")
                    }
                    sawRoot = true
                    continue
                }
                guard xml.depth == 2 else { continue }
                if xml.isElement(.spreadsheetML, "workbookPr") {
                    if let value = xml.attribute(.none, "date1904") { result.date1904 = value == "1" || value == "true" }
                } else if xml.isElement(.spreadsheetML, "sheets") {
                    sawSheets = true
                    try parseSheets(&xml, into: &result)
                } else if xml.isElement(.spreadsheetML, "definedNames") {
                    try parseDefinedNames(&xml, into: &result)
                } else {
                    try xml.skipElement()
                }
            case .endOfDocument:
                guard sawRoot, sawSheets else {
                    throw xml.source.error(.invalidWorkbook, "the workbook part has no <sheets> list")
                }
                return result
            default:
                continue
            }
        }
    }

    private static func parseSheets(_ xml: inout XMLTokenizer, into result: inout WorkbookPart) throws(XLSXReadError) {
        try xml.forEachChild { (xml: inout XMLTokenizer) throws(XLSXReadError) in
            guard xml.isElement(.spreadsheetML, "sheet") else { return }
            guard let name = xml.attribute(.none, "name"), !name.isEmpty else {
                throw xml.source.error(.invalidWorkbook, offset: xml.offset, "a <sheet> has no name")
            }
            guard let rid = xml.attribute(.officeRelationships, "id") else {
                throw xml.source.error(.invalidWorkbook, offset: xml.offset, "sheet \"\(name)\" has no r:id")
            }
            let sheetId = xml.attribute(.none, "sheetId").flatMap { Int($0) } ?? 0
            let state: XLSXSheetState
            switch xml.attribute(.none, "state") {
            case "hidden": state = .hidden
            case "veryHidden": state = .veryHidden
            default: state = .visible
            }
            result.sheets.append(Sheet(name: name, sheetId: sheetId, state: state, relationshipID: rid))
        }
    }

    private static func parseDefinedNames(_ xml: inout XMLTokenizer, into result: inout WorkbookPart) throws(XLSXReadError) {
        try xml.forEachChild(takingPlain: "definedName") { (xml: inout XMLTokenizer) throws(XLSXReadError) in
            guard xml.isElement(.spreadsheetML, "definedName") else { return }
            // Every workbook of a template names the same areas: their texts are made into Strings once.
            let name = xml.attributeIndex(.none, "name").map { xml.attributeString($0, cache: .shared) } ?? ""
            let local = xml.attribute(.none, "localSheetId").flatMap { Int($0) }
            let hiddenText = xml.attribute(.none, "hidden")
            let hidden = hiddenText == "1" || hiddenText == "true"
            let refersTo = try xml.readText(cache: .shared)
            if !name.isEmpty {
                result.definedNames.append(XLSXDefinedName(name: name, refersTo: refersTo,
                                                           localSheetId: local, isHidden: hidden))
            }
        }
    }
}
