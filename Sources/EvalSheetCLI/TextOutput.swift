import EvalSheetModel
import EvalSheetText
import EvalSheetForm

/// The text form as an output: a sheet it cannot carry exactly (a TAB, a line break or outer spaces
/// in a value) is refused, naming each value at its place in the input — the text would otherwise
/// change the value without a word.
enum TextOutput {
    struct Unrepresentable: SheetReadError {
        var problems: [ReaderNote]
    }

    /// The text of the sheet, or an error naming every value the text form cannot carry.
    static func render(_ loaded: LoadedSheet, template: FormTemplate = .standard) throws -> [UInt8] {
        let fields = TextFormWriter.unrepresentableFields(loaded.sheet)
        guard fields.isEmpty else {
            throw Unrepresentable(problems: fields.map { path in
                ReaderNote(id: "text.unrepresentable", message: .init(
                    ja: "テキスト形式ではタブ・改行・前後の空白を表せないため、この値を含む施策は書き出していません(--to json を使ってください)",
                    en: "the text form cannot carry a TAB, a line break or outer spaces, so this policy was not written (use --to json)"),
                    file: loaded.sourceMap.file, location: loaded.sourceMap.describe(path))
            })
        }
        return Array(TextFormWriter.write(loaded.sheet, template: template).utf8)
    }
}
