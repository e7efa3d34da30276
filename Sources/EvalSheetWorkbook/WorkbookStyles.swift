import XLSX
import XLSXWriter

/// The cell styles of the city's layout, derived from a template: labels are locked and filled,
/// input cells are unlocked and white, everything has thin borders and the template's font.
struct WorkbookStyles {
    let title, note, label, header, caption, endMarker, legend: XLSXStyle
    let inputText, inputWrapped, inputCode, inputCenter, inputAmount: XLSXStyle
    let totalLabel, totalAmount: XLSXStyle
    /// Last year's reference on a rolled-over sheet: locked, shaded like a total.
    let referenceAmount, referenceText: XLSXStyle

    init(_ t: WorkbookTemplate) {
        let color = { (hex: String) in UInt32(hex, radix: 16) ?? 0 }
        let border = XLSXBorder.all(.thin, color: color(t.colors.border))
        let base = XLSXStyle(fontName: t.font.name, fontSize: t.font.size, vertical: .center)
        title = base.with { $0.fontSize = t.font.titleSize; $0.bold = true; $0.vertical = .center }
        note = base.with { $0.fontColor = color(t.colors.noteText); $0.fontSize = t.font.size - 1.5 }
        label = base.with {
            $0.fillColor = color(t.colors.labelFill); $0.border = border; $0.wrap = true
        }
        header = label.with { $0.fillColor = color(t.colors.headerFill); $0.horizontal = .center; $0.bold = true }
        caption = label.with { $0.fontSize = t.font.size - 1.5; $0.horizontal = .center }
        endMarker = base.with { $0.fontColor = color(t.colors.noteText); $0.horizontal = .right; $0.fontSize = t.font.size - 1.5 }
        legend = base.with { $0.fontSize = t.font.size - 1; $0.wrap = true; $0.vertical = .top }
        inputText = base.with {
            $0.fillColor = color(t.colors.inputFill); $0.border = border; $0.locked = false; $0.wrap = true
        }
        inputWrapped = inputText.with { $0.vertical = .top }
        inputCode = inputText.with { $0.numberFormat = "@"; $0.wrap = false }
        inputCenter = inputCode.with { $0.horizontal = .center }
        inputAmount = inputText.with { $0.numberFormat = "#,##0"; $0.horizontal = .right; $0.wrap = false }
        totalLabel = header
        totalAmount = label.with {
            $0.fillColor = color(t.colors.totalFill); $0.numberFormat = "#,##0"; $0.horizontal = .right; $0.bold = true
        }
        referenceAmount = label.with {
            $0.fillColor = color(t.colors.totalFill); $0.numberFormat = "#,##0"; $0.horizontal = .right; $0.wrap = false
        }
        referenceText = label.with { $0.fillColor = color(t.colors.totalFill); $0.vertical = .top }
    }

    /// An input cell for an indicator value printed with the given number format.
    func indicatorValue(format: String?) -> XLSXStyle {
        inputText.with { $0.numberFormat = format ?? "@"; $0.horizontal = .right; $0.wrap = false }
    }
}
