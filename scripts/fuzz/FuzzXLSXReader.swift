// libFuzzer entry point for the XLSX reader (built by scripts/fuzz-xlsx-reader.sh).
//
// Two input modes:
//  - input starting with "PK": the bytes are a whole .xlsx (zip-level fuzzing);
//  - anything else: the input is split at NUL bytes into worksheet XML, shared-strings XML,
//    styles XML and workbook XML, which are packed into a stored (uncompressed) zip around a fixed
//    package skeleton. This lets the fuzzer reach the XML parsers without fighting CRCs.

import XLSX
import XLSXReader

private let limits = XLSXReadLimits(maxPartBytes: 4 << 20, maxTotalBytes: 16 << 20, maxEntries: 2_000,
                                    maxCellsPerSheet: 200_000)

private let crcTable: [UInt32] = (0..<256).map { n -> UInt32 in
    var c = UInt32(n)
    for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
    return c
}

private func crc32(_ bytes: ArraySlice<UInt8>) -> UInt32 {
    var c: UInt32 = 0xFFFF_FFFF
    for b in bytes { c = crcTable[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
    return c ^ 0xFFFF_FFFF
}

private func le16(_ v: Int, _ out: inout [UInt8]) { out += [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF)] }
private func le32(_ v: UInt32, _ out: inout [UInt8]) { for k in 0..<4 { out.append(UInt8((v >> (8 * UInt32(k))) & 0xFF)) } }

/// A stored zip of (name, data) entries.
private func storedZip(_ entries: [(String, ArraySlice<UInt8>)]) -> [UInt8] {
    var out: [UInt8] = []
    var central: [UInt8] = []
    for (name, data) in entries {
        let nameBytes = Array(name.utf8)
        let crc = crc32(data)
        let offset = UInt32(out.count)
        le32(0x0403_4B50, &out); le16(20, &out); le16(0, &out); le16(0, &out); le16(0, &out); le16(0x21, &out)
        le32(crc, &out); le32(UInt32(data.count), &out); le32(UInt32(data.count), &out)
        le16(nameBytes.count, &out); le16(0, &out)
        out += nameBytes
        out += data
        le32(0x0201_4B50, &central); le16(20, &central); le16(20, &central); le16(0, &central); le16(0, &central)
        le16(0, &central); le16(0x21, &central); le32(crc, &central); le32(UInt32(data.count), &central)
        le32(UInt32(data.count), &central); le16(nameBytes.count, &central); le16(0, &central); le16(0, &central)
        le16(0, &central); le16(0, &central); le32(0, &central); le32(offset, &central)
        central += nameBytes
    }
    let cdOffset = UInt32(out.count)
    out += central
    le32(0x0605_4B50, &out); le16(0, &out); le16(0, &out); le16(entries.count, &out); le16(entries.count, &out)
    le32(UInt32(central.count), &out); le32(cdOffset, &out); le16(0, &out)
    return out
}

private let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
private let rt = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
private let contentTypes = Array("""
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>
""".utf8)
private let rootRels = Array("""
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\(rt)/officeDocument" Target="xl/workbook.xml"/></Relationships>
""".utf8)
private let workbookRels = Array("""
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\(rt)/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="\(rt)/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="\(rt)/styles" Target="styles.xml"/></Relationships>
""".utf8)
private let defaultWorkbook = Array("""
<workbook xmlns="\(main)" xmlns:r="\(rt)"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>
""".utf8)

private func package(fromXML input: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    let chunks = input.split(separator: 0, maxSplits: 3, omittingEmptySubsequences: false).map { ArraySlice($0) }
    var entries: [(String, ArraySlice<UInt8>)] = [
        ("[Content_Types].xml", contentTypes[...]), ("_rels/.rels", rootRels[...]),
        ("xl/_rels/workbook.xml.rels", workbookRels[...]),
    ]
    entries.append(("xl/worksheets/sheet1.xml", chunks[0]))
    if chunks.count > 1 { entries.append(("xl/sharedStrings.xml", chunks[1])) }
    if chunks.count > 2 { entries.append(("xl/styles.xml", chunks[2])) }
    entries.append(("xl/workbook.xml", chunks.count > 3 ? chunks[3] : defaultWorkbook[...]))
    return storedZip(entries)
}

private func exercise(_ bytes: [UInt8]) {
    guard let document = try? XLSXDocument(bytes: bytes, name: "fuzz.xlsx", limits: limits) else { return }
    var checksum = 0
    for name in document.definedNames {
        if let area = name.area { checksum &+= area.range.rowCount &+ area.description.utf8.count }
    }
    for (_, value) in document.customProperties { if case .string(let s) = value { checksum &+= s.utf8.count } }
    for info in document.sheets {
        guard let sheet = try? document.worksheet(at: info.index) else { continue }
        for row in sheet.rows {
            for cell in row.cells {
                precondition(sheet[cell.reference] == cell, "lookup disagrees with iteration")
                switch cell.value {
                case .string(let s), .error(let s), .date(let s): checksum &+= s.utf8.count
                case .number(let d, let raw): checksum &+= raw.utf8.count &+ (d.isFinite ? 1 : 0)
                case .bool(let b): checksum &+= b ? 1 : 0
                case .empty: break
                }
                checksum &+= cell.numberFormat?.utf8.count ?? 0
                checksum &+= cell.formula?.utf8.count ?? 0
            }
        }
        for merge in sheet.merges { checksum &+= merge.rowCount }
        if let used = sheet.usedRange { checksum &+= used.columnCount }
    }
    if checksum == 0x7FFF_FFFF_FFFF { print(checksum) }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzXLSXReader(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = UnsafeBufferPointer(start: data, count: size)
    if size >= 2 && input[0] == 0x50 && input[1] == 0x4B {
        exercise(Array(input))
    } else {
        exercise(package(fromXML: input))
    }
    return 0
}
