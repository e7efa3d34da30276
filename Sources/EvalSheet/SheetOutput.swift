import EvalSheetModel
import EvalSheetText
import EvalSheetJSON
import EvalSheetForm
import EvalSheetWorkbook
import FileOutput

/// A format a sheet is written in.
public enum SheetFormat: String, Sendable, CaseIterable {
    /// The city's TAB-separated text form.
    case text = "txt"
    /// The model as JSON (lossless).
    case json
    /// A workbook, one worksheet per section, in the template's layout.
    case xlsx

    /// The file extension of an output in this format.
    public var fileExtension: String { rawValue }
}

/// Writing a sheet in any format: the one entry point every command and a library user go through.
/// Every output appears whole or not at all, and never replaces a file unless `overwrite` is set.
public enum SheetOutput {
    /// A sheet the text form cannot carry exactly (a TAB, a line break or outer spaces in a value),
    /// with each value at its place in the input — the text would otherwise change the value.
    public struct Unrepresentable: SheetReadError {
        public var problems: [ReaderNote]
    }

    /// The sheet as JSON bytes (lossless; key order and layout fixed).
    public static func json(_ loaded: LoadedSheet) throws -> [UInt8] {
        EvaluationSheetJSON.encodedBytes(loaded.sheet)
    }

    /// Writes the sheet to `path` in `format`, atomically; without `overwrite` an existing file is
    /// never replaced. `toolVersion` is recorded in a workbook's properties.
    public static func write(_ loaded: LoadedSheet, as format: SheetFormat, to path: String, overwrite: Bool = false,
                             template: FormTemplate = .standard, toolVersion: String = EvalSheetVersion.current) throws {
        switch format {
        case .xlsx:
            try WorkbookExporter(template: template, toolVersion: toolVersion).export(loaded.sheet, to: path, overwrite: overwrite)
        case .json:
            try AtomicOutput.write(try json(loaded), to: path, overwrite: overwrite)
        case .text:
            try AtomicOutput.write(try text(loaded, template: template), to: path, overwrite: overwrite)
        }
    }

    /// The sheet as a workbook at `path`, left in its temporary file, neither synced nor in place
    /// (`WorkbookExporter.exportUncommitted`): the caller commits it in a group or discards it.
    public static func workbookUncommitted(_ loaded: LoadedSheet, to path: String, overwrite: Bool = false,
                                           template: FormTemplate = .standard,
                                           toolVersion: String = EvalSheetVersion.current) throws -> AtomicOutput {
        try WorkbookExporter(template: template, toolVersion: toolVersion).exportUncommitted(loaded.sheet, to: path, overwrite: overwrite)
    }

    /// What `format` leaves out of the sheet, as warnings at their place: the text form has no place
    /// for last year's reference (budget, rating, reason) that a rolled-over sheet carries.
    public static func notCarried(_ loaded: LoadedSheet, as format: SheetFormat, template: FormTemplate = .standard) -> [ReaderNote] {
        guard format == .text, loaded.sheet.lastYear != nil else { return [] }
        let parts = "\(template.labels.ratingName)・\(template.labels.reasonHeader)"
        return [ReaderNote(id: "output.reference-not-carried", message: .init(
            ja: "テキスト形式には前年度の参考(予算・\(parts))を書き出せないため、参考は書き出していません(残すには --to json か --to xlsx を使ってください)",
            en: "the text form cannot carry last year's reference (budget, rating, reason): it was not written (use --to json or --to xlsx to keep it)"),
            file: loaded.sourceMap.file, location: loaded.sourceMap.describe(.lastYearRating))]
    }

    /// The sheet in the text form (UTF-8), or an error naming every value the form cannot carry.
    public static func text(_ loaded: LoadedSheet, template: FormTemplate = .standard) throws -> [UInt8] {
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
