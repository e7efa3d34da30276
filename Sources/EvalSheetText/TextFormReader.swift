import Foundation
import EvalSheetModel

/// Reads the city's text form (TAB-separated lines, one or many sheets per file) into models.
///
/// Values are found by their labels, never by column numbers, so every layout variant of the real
/// data reads the same. Anything the reader cannot place is reported as a note with its line.
/// A file that is not this form, or a value that cannot be read, is a `TextFormError` naming the line.
public enum TextFormReader {
    /// Reads every sheet in a file.
    public static func read(contentsOf url: URL, displayName: String? = nil) throws -> [LoadedSheet] {
        let name = displayName ?? url.path
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw TextFormError(file: name, line: 0, message: .init(
                ja: "ファイルを開けません(\(error.localizedDescription))",
                en: "cannot open the file (\(error.localizedDescription))"))
        }
        return try read(data, file: name)
    }

    /// Reads every sheet in the given bytes; `file` names them in messages.
    public static func read(_ data: Data, file: String) throws(TextFormError) -> [LoadedSheet] {
        let lines = try TextDecoding.lines(from: data, file: file)
        return try read(lines: lines, file: file)
    }

    static func read(lines: [TextLine], file: String) throws(TextFormError) -> [LoadedSheet] {
        let starts = lines.indices.filter { SectionHeading.number(of: lines[$0]) == 1 }
        guard let first = starts.first else {
            let at = lines.first(where: { !$0.isEmpty })?.number ?? 1
            throw TextFormError(file: file, line: at, message: .init(
                ja: "施策評価シートの形式ではありません(「1. 基本情報」の見出しがありません)",
                en: "not an evaluation sheet: no \"1. 基本情報\" heading"))
        }
        var sheets: [LoadedSheet] = []
        var leading: [ReaderNote] = []
        for line in lines[..<first] where !line.isEmpty {
            leading.append(ReaderNote(id: "text.unplaced-cell", message: .init(
                ja: "最初のシートより前の内容を無視しました: \"\(line.cells.joined(separator: " "))\"",
                en: "ignored text before the first sheet: \"\(line.cells.joined(separator: " "))\""),
                file: file, location: "\(file):\(line.number)"))
        }
        for (k, start) in starts.enumerated() {
            let end = k + 1 < starts.count ? starts[k + 1] : lines.count
            var loaded = try SheetTextReader(file: file, lines: lines[start..<end]).read()
            if k == 0 { loaded.notes.insert(contentsOf: leading, at: 0) }
            sheets.append(loaded)
        }
        return sheets
    }
}

/// Section headings: a line whose first cell is `N. <title>` (spaces and full-width dots tolerated).
enum SectionHeading {
    static let titles = [
        1: "基本情報", 2: "施策の方向", 3: "構成事業の状況", 4: "まちづくり指標",
        5: "評価", 6: "施策を取り巻く環境", 7: "施策を進める上での課題",
    ]

    /// The section number a line opens, or nil.
    static func number(of line: TextLine) -> Int? {
        guard let first = line.cells.first else { return nil }
        let key = Label.key(first)
        guard key.count >= 3, let digit = key.first?.wholeNumberValue, let title = titles[digit] else { return nil }
        let rest = key.dropFirst()
        guard rest.first == ".", rest.dropFirst().hasPrefix(title) else { return nil }
        return digit
    }

    static func display(_ n: Int) -> String { "\(n). \(titles[n] ?? "")" }
}

/// Reads one sheet: splits it into its seven sections and hands each to its reader.
struct SheetTextReader {
    let file: String
    let lines: ArraySlice<TextLine>
    let context: SheetReadContext

    init(file: String, lines: ArraySlice<TextLine>) {
        self.file = file
        self.lines = lines
        self.context = SheetReadContext(file: file)
    }

    func read() throws(TextFormError) -> LoadedSheet {
        var sections: [Int: ArraySlice<TextLine>] = [:]
        var expected = 1
        var current: (number: Int, start: Int)?
        for i in lines.indices {
            guard let n = SectionHeading.number(of: lines[i]) else { continue }
            guard n == expected else {
                let missing = expected
                throw context.error(lines[i].number,
                    ja: "見出し「\(SectionHeading.display(missing))」が見つからないうちに「\(SectionHeading.display(n))」が現れました",
                    en: "found \"\(SectionHeading.display(n))\" before \"\(SectionHeading.display(missing))\"")
            }
            if let c = current { sections[c.number] = lines[c.start..<i] }
            current = (n, i)
            expected += 1
        }
        if let c = current { sections[c.number] = lines[c.start..<lines.endIndex] }
        guard expected == 8 else {
            let last = lines.last?.number ?? 0
            throw context.error(last,
                ja: "見出し「\(SectionHeading.display(expected))」がありません(シートは \(lines.first?.number ?? 0) 行目から \(last) 行目)",
                en: "section \"\(SectionHeading.display(expected))\" is missing (sheet on lines \(lines.first?.number ?? 0)–\(last))")
        }
        for (n, slice) in sections {
            context.take(slice[slice.startIndex], 0)
            context.sourceMap.sections[n] = .line(slice[slice.startIndex].number)
        }

        let basic = try BasicInformationReader(context: context, lines: sections[1]!).read()
        let (vision, directions) = try DirectionsReader(context: context, lines: sections[2]!).read()
        let projects = try ProjectsReader(context: context, lines: sections[3]!).read()
        let indicators = try IndicatorsReader(context: context, lines: sections[4]!).read()
        let evaluation = try EvaluationReader(context: context, lines: sections[5]!, fiscalYear: basic.fiscalYear).read()
        let environment = try EnvironmentReader(context: context, lines: sections[6]!).read()
        let (challenges, fromYear) = try ChallengesReader(context: context, lines: sections[7]!).read()
        context.reportUnplaced(lines)

        let sheet = EvaluationSheet(
            fiscalYear: basic.fiscalYear, policy: basic.policy, vision: basic.vision, goal: basic.goal,
            organization: basic.organization, futureVision: vision, directions: directions,
            projects: projects, indicators: indicators, evaluation: evaluation,
            environment: environment, challenges: challenges,
            futureActionsFromYear: fromYear ?? basic.fiscalYear + 2)
        return LoadedSheet(sheet: sheet, sourceMap: context.sourceMap, notes: context.notes)
    }
}
