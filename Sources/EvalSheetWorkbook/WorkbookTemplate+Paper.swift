import EvalSheetForm
import XLSXWriter

extension FormTemplate {
    /// The writer's paper size for a name the template may give (`FormTemplate.paperSizeNames`).
    static func paperSize(_ name: String) -> XLSXPaperSize? {
        ["A4": .a4, "A3": .a3, "B4": .b4, "B5": .b5, "LETTER": .letter][name.uppercased()]
    }
}
