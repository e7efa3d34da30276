// The entry point: opens a workbook, resolves its parts through relationships, and reads
// worksheets on demand.

import XLSX

/// An .xlsx workbook opened for reading.
///
/// Opening reads the package relationships, the workbook part (sheet list, defined names) and the
/// document properties. Worksheets — with the shared strings and styles they need, read once —
/// are parsed when asked for. Every failure is an `XLSXReadError` naming the file and part.
///
/// Not thread-safe: use one document from one task at a time (the worksheets it returns are
/// `Sendable` values).
public final class XLSXDocument {
    /// The file name used in error messages.
    public let fileName: String
    /// The sheets in workbook (tab) order.
    public let sheets: [XLSXSheetInfo]
    /// The workbook's defined names, in document order.
    public let definedNames: [XLSXDefinedName]
    /// Custom document properties (`docProps/custom.xml`), by name.
    public let customProperties: [String: XLSXPropertyValue]
    /// Core document properties (`docProps/core.xml`), when present.
    public let coreProperties: XLSXCoreProperties?
    /// True when the workbook uses the 1904 date system (`<workbookPr date1904="1">`).
    public let usesDate1904: Bool
    /// The workbook part, e.g. `xl/workbook.xml`.
    public let workbookPartName: String
    /// The limits the document was opened with.
    public let limits: XLSXReadLimits

    private let archive: ZipArchive
    private let sharedStringsPart: String?
    private let stylesPart: String?
    private var cachedSharedStrings: SharedStringSource?
    private var cachedStyles: StyleTable?

    /// Opens the workbook at `path`.
    public convenience init(path: String, limits: XLSXReadLimits = .default) throws(XLSXReadError) {
        try self.init(archive: ZipArchive(path: path, limits: limits))
    }

    /// Opens a workbook held in memory; `name` is used in error messages.
    public convenience init(bytes: [UInt8], name: String, limits: XLSXReadLimits = .default) throws(XLSXReadError) {
        let opened: Result<ZipArchive, XLSXReadError> = bytes.withUnsafeBytes { raw in
            do throws(XLSXReadError) {
                return .success(try ZipArchive(bytes: raw, name: name, limits: limits))
            } catch {
                return .failure(error)
            }
        }
        try self.init(archive: opened.get())
    }

    private init(archive: ZipArchive) throws(XLSXReadError) {
        self.archive = archive
        fileName = archive.fileName
        limits = archive.limits

        guard archive.contains("[Content_Types].xml") else {
            throw XLSXReadError(.missingPart, file: fileName, part: "[Content_Types].xml",
                                detail: "the package has no [Content_Types].xml, so it is not an OOXML workbook")
        }
        let root = try Relationships.read(for: "", in: archive, required: true)
        guard let officeDocument = root.first(.officeDocument) else {
            throw XLSXReadError(.missingRelationship, file: fileName, part: "_rels/.rels",
                                detail: "no officeDocument relationship: the package does not say where its workbook is")
        }
        let workbookPart = try root.resolve(officeDocument, archive: archive)
        guard archive.contains(workbookPart) else {
            throw XLSXReadError(.missingPart, file: fileName, part: workbookPart,
                                detail: "the workbook part named by _rels/.rels is missing")
        }
        workbookPartName = archive.storedName(workbookPart) ?? workbookPart

        var workbookXML = try archive.tokenizer(workbookPart)
        let workbook = try WorkbookPart.parse(&workbookXML)
        let workbookRels = try Relationships.read(for: workbookPart, in: archive)
        let workbookRelsPart = Relationships.partName(for: workbookPart)

        var sheets: [XLSXSheetInfo] = []
        for (index, sheet) in workbook.sheets.enumerated() {
            guard let rel = workbookRels.byID(sheet.relationshipID) else {
                throw XLSXReadError(.missingRelationship, file: fileName, part: workbookRelsPart,
                                    detail: "sheet \"\(sheet.name)\" refers to relationship \(sheet.relationshipID), which does not exist")
            }
            let kind: XLSXSheetKind
            switch rel.type {
            case .worksheet: kind = .worksheet
            case .chartsheet: kind = .chartsheet
            case .dialogsheet: kind = .dialogsheet
            case .macrosheet: kind = .macrosheet
            default:
                throw XLSXReadError(.invalidWorkbook, file: fileName, part: workbookRelsPart,
                                    detail: "sheet \"\(sheet.name)\" refers to relationship \(rel.id) of type \(rel.typeURI), which is not a sheet")
            }
            let part = try workbookRels.resolve(rel, archive: archive)
            guard archive.contains(part) else {
                throw XLSXReadError(.missingPart, file: fileName, part: part,
                                    detail: "the part of sheet \"\(sheet.name)\" is missing from the package")
            }
            sheets.append(XLSXSheetInfo(name: sheet.name, sheetId: sheet.sheetId, index: index, state: sheet.state,
                                        kind: kind, partName: archive.storedName(part) ?? part))
        }
        self.sheets = sheets
        definedNames = workbook.definedNames
        usesDate1904 = workbook.date1904

        // Shared strings and styles: resolved now, read on first use. A relationship that is
        // external or leaves the package is an error; an absent one is not (yet).
        if let rel = workbookRels.first(.sharedStrings) {
            sharedStringsPart = try workbookRels.resolve(rel, archive: archive)
        } else {
            sharedStringsPart = nil
        }
        if let rel = workbookRels.first(.styles) {
            stylesPart = try workbookRels.resolve(rel, archive: archive)
        } else {
            stylesPart = nil
        }

        if let rel = root.first(.customProperties) {
            let part = try root.resolve(rel, archive: archive)
            if archive.contains(part) {
                var xml = try archive.tokenizer(part)
                customProperties = try CustomProperties.parse(&xml)
            } else {
                customProperties = [:]
            }
        } else {
            customProperties = [:]
        }
        if let rel = root.first(.coreProperties) {
            let part = try root.resolve(rel, archive: archive)
            if archive.contains(part) {
                var xml = try archive.tokenizer(part)
                coreProperties = try XLSXCoreProperties.parse(&xml)
            } else {
                coreProperties = nil
            }
        } else {
            coreProperties = nil
        }
    }

    /// The sheet with a name (exact match first, then case-insensitive as Excel compares names).
    public func sheet(named name: String) -> XLSXSheetInfo? {
        sheets.first { $0.name == name } ?? sheets.first { $0.name.lowercased() == name.lowercased() }
    }

    /// Reads the worksheet with a name; nil when there is no sheet of that name.
    public func worksheet(named name: String) throws(XLSXReadError) -> XLSXWorksheet? {
        guard let info = sheet(named: name) else { return nil }
        return try worksheet(at: info.index)
    }

    /// Reads the worksheet at a position (0-based, workbook order).
    public func worksheet(at index: Int) throws(XLSXReadError) -> XLSXWorksheet {
        guard sheets.indices.contains(index) else {
            throw XLSXReadError(.noSuchSheet, file: fileName, part: workbookPartName,
                                detail: "there is no sheet at index \(index) (the workbook has \(sheets.count))")
        }
        let info = sheets[index]
        guard info.kind == .worksheet else {
            throw XLSXReadError(.notAWorksheet, file: fileName, part: info.partName,
                                detail: "sheet \"\(info.name)\" is a \(info.kind.rawValue), not a worksheet")
        }
        let strings = try sharedStrings()
        let styles = try styleTable()
        let xml = try archive.tokenizer(info.partName)
        var parser = WorksheetParser(xml, sheetName: info.name, sharedStrings: strings, styles: styles,
                                     maxCells: limits.maxCellsPerSheet)
        return try parser.parse(index: index)
    }

    private func sharedStrings() throws(XLSXReadError) -> SharedStringSource {
        if let cachedSharedStrings { return cachedSharedStrings }
        let source: SharedStringSource
        if let part = sharedStringsPart {
            if archive.contains(part) {
                var xml = try archive.tokenizer(part)
                source = .table(try SharedStrings.parse(&xml))
            } else {
                source = .missing("the shared-strings part \(part) is missing from the package")
            }
        } else {
            source = .missing("the workbook has no shared-strings part")
        }
        cachedSharedStrings = source
        return source
    }

    private func styleTable() throws(XLSXReadError) -> StyleTable {
        if let cachedStyles { return cachedStyles }
        var table = StyleTable()
        if let part = stylesPart, archive.contains(part) {
            table = try archive.parse(part, memo: StyleTable.parsed) { (xml) throws(XLSXReadError) in try StyleTable.parse(&xml) }
        }
        cachedStyles = table
        return table
    }
}
