import ArgumentParser
import Foundation
import EvalSheet
import EvalSheetModel
import EvalSheetValidation
import EvalSheetWorkbook

/// `evalsheet diff`: what changed between two versions of a policy (or two directories of them).
struct DiffCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "diff", abstract: HelpText.diffAbstract, discussion: HelpText.diffDiscussion)
    }

    @Argument(help: .init(HelpText.diffOld))
    var old: String

    @Argument(help: .init(HelpText.diffNew))
    var new: String

    @Option(name: .long, help: .init(HelpText.reportFormat))
    var format: ValidateCommand.Format = .text

    @OptionGroup var form: FormOptions

    @OptionGroup var global: GlobalOptions

    func run() throws {
        try global.guarded(failure: ExitStatus.unusable) {
            let report = Reporter(global: global)
            let tpl = try form.loadTemplate()
            let olds = SheetLoading.readAll([old], jobs: form.workers, template: tpl), news = SheetLoading.readAll([new], jobs: form.workers, template: tpl)
            for r in [olds, news] {
                r.failures.forEach(report.error)
                report.notes(r.notes + r.sheets.flatMap(\.notes))
            }
            var unusable = olds.unreadable + news.unreadable
            for (side, r) in [(old, olds), (new, news)] {
                for code in YearDiff.duplicateCodes(r.sheets) {
                    report.error(CLIError(.init(ja: "施策 \(code) が \(side) に2つ以上あり、どちらと比べるか決められません",
                                                en: "policy \(code) appears more than once in \(side): cannot tell which to compare")))
                    unusable += 1
                }
            }
            if olds.sheets.isEmpty || news.sheets.isEmpty, unusable == 0 {
                report.error(CLIError(.init(ja: "比べる施策がありません", en: "no policy to compare")))
                unusable += 1
            }
            guard unusable == 0 else { throw ExitCode(ExitStatus.unusable) }
            let diff = YearDiff(old: olds.sheets, new: news.sheets, template: tpl)
            let changes = diff.changes
            let unpaired = diff.removed.map { o in
                LocalizedMessage(ja: "施策 \(o.sheet.policy.code) が \(new) にありません(削除)", en: "policy \(o.sheet.policy.code) is not in \(new) (removed)")
            } + diff.added.map { n in
                LocalizedMessage(ja: "施策 \(n.sheet.policy.code) は \(old) にありません(新規)", en: "policy \(n.sheet.policy.code) is not in \(old) (added)")
            }
            switch format {
            case .text:
                // A policy on one side only is a change too: listed before the count.
                var text = Changes.renderText(changes, language: global.lang)
                if !unpaired.isEmpty {
                    let lines = unpaired.map { $0.text(global.lang) }.joined(separator: "\n") + "\n"
                    text = changes.isEmpty ? lines : lines + text
                }
                try StandardStreams.print(text)
            case .json: try StandardStreams.print(Changes.renderJSON(changes))
            }
            if !diff.isEmpty { throw ExitCode(ExitStatus.failed) }
        }
    }
}
