import XLSX

/// A hyperlink from a cell to another file beside the workbook (`5110000.xlsx`), written by
/// `XLSXSheetWriter.addFileLinks(_:)`.
public struct XLSXFileLink: Sendable, Equatable {
    /// The cell that shows the link (its text is written separately, with `writeString`).
    public var cell: CellReference
    /// The file name the link opens, relative to the workbook.
    public var target: String
    /// The text shown when the pointer rests on the link.
    public var tooltip: String?

    /// A link shown in `cell` that opens `target`.
    public init(cell: CellReference, target: String, tooltip: String? = nil) {
        self.cell = cell
        self.target = target
        self.tooltip = tooltip
    }
}

/// The links of a sheet that the writer adds itself once libxlsxwriter has written the file (the
/// sheet's `<hyperlinks>` and its relationships part), asked for one at a time from `links` then:
/// libxlsxwriter keeps every hyperlink in memory until the workbook is closed and then allocates
/// 2 KB more for each relationship, which a list of thousands of links would otherwise hold.
struct XLSXDeferredLinks {
    /// The sheet's zero-based position in the workbook.
    var sheet: Int
    var links: () -> AnySequence<XLSXFileLink>
}

extension XLSXSheetWriter {
    /// How many hyperlinks libxlsxwriter 1.1.4 accepts in one sheet (`LXW_MAX_NUMBER_URLS`).
    public static let maximumLinks = 65_530

    /// Whether `addFileLinks` writes this link exactly as `writeURL("external:" + target, text:
    /// text, tooltip: tooltip, …)` would — same cell, same `<hyperlink>` and same relationship —
    /// rather than refusing it or writing it otherwise: a plain file name (ASCII letters, digits,
    /// `.`, `_`, `-`; nothing libxlsxwriter would escape or read as a drive, a folder or an
    /// anchor), a short non-empty text, and a tooltip without control characters within Excel's limits.
    public static func canWriteFileLink(target: String, text: String, tooltip: String?) -> Bool {
        guard !target.isEmpty, target.utf8.count <= 255, target.utf8.allSatisfy(isPlainNameByte),
              target.utf8.first != UInt8(ascii: "."),
              !text.isEmpty, text.utf8.count <= 255, XLSXCellText.escaped(text) == nil,
              (try? LXWGuard.text(text, what: "hyperlink text", allowEmpty: false)) != nil else { return false }
        guard let tooltip else { return true }
        return !tooltip.isEmpty && tooltip.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F }
            && (try? LXWGuard.text(tooltip, what: "hyperlink tooltip", allowEmpty: false)) != nil
            && (try? LXWGuard.maxCharacters(tooltip, LXWLimits.tooltipMaxCharacters, what: "hyperlink tooltip")) != nil
    }

    private static func isPlainNameByte(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "-"): true
        default: false
        }
    }

    /// Adds this sheet's links to files, asked for from `links` only when the workbook is finished
    /// (so that nothing per link is held until then). Each link's cell text is written by the caller
    /// (`writeString` with the link's style); `links` must give links that `canWriteFileLink` accepts
    /// (their text aside), in row then column order, at most `maximumLinks`, and the sheet must have no
    /// other relationships (no chart, image or other hyperlink). `finish()` throws otherwise.
    /// Once per sheet.
    public func addFileLinks(_ links: @escaping () -> some Sequence<XLSXFileLink>) throws {
        guard context.book.isOpen else { throw XLSXWriteError.workbookClosed }
        let index = self.index
        if context.deferredLinks.contains(where: { $0.sheet == index }) {
            throw XLSXWriteError.library(function: "addFileLinks", code: 0, message: "file links were already added to this sheet")
        }
        context.deferredLinks.append(XLSXDeferredLinks(sheet: index, links: { AnySequence(links()) }))
    }
}
