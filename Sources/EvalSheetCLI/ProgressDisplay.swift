import Foundation
import EvalSheetModel

/// Shows progress on standard error: on a terminal a bar with done/total, the current file and the
/// time left, redrawn in place; otherwise one line per finished file (for logs). Quiet shows nothing.
final class ProgressDisplay: @unchecked Sendable {
    enum Mode { case bar, lines, quiet }

    let mode: Mode
    let total: Int
    let language: Language
    private let start = Date()
    private let lock = NSLock()
    private var done = 0

    init(total: Int, quiet: Bool, language: Language = .ja, isTerminal: Bool = isatty(STDERR_FILENO) == 1) {
        self.total = total
        self.language = language
        mode = quiet ? .quiet : (isTerminal ? .bar : .lines)
    }

    /// Records one finished file; `ok` false marks a failure.
    func finished(_ file: String, ok: Bool, detail: String) {
        lock.lock(); defer { lock.unlock() }
        done += 1
        switch mode {
        case .quiet: return
        case .lines: Reporter.printError(Self.line(done: done, total: total, file: file, ok: ok, detail: detail, language: language))
        case .bar:
            let elapsed = Date().timeIntervalSince(start)
            StandardStreams.err(Data(("\r\u{1B}[K" + Self.bar(done: done, total: total, file: file, elapsed: elapsed, language: language)).utf8))
            if done == total { StandardStreams.err(Data("\n".utf8)) }
        }
    }

    /// `[  3/9] OK  samples/511.txt → out/511.xlsx` — the non-terminal format, one line per file.
    static func line(done: Int, total: Int, file: String, ok: Bool, detail: String, language: Language = .ja) -> String {
        let width = String(total).count
        let n = String(repeating: " ", count: max(0, width - String(done).count)) + String(done)
        let status = ok ? "OK  " : (language == .en ? "FAIL" : "失敗")
        return "[\(n)/\(total)] \(status) \(file)\(detail.isEmpty ? "" : " " + detail)"
    }

    /// `[██████░░░░░░░░░░░░░░]  30% 300/1000 511.txt 残り 0:07` — the terminal bar.
    static func bar(done: Int, total: Int, file: String, elapsed: TimeInterval, width: Int = 24, language: Language = .ja) -> String {
        let fraction = total == 0 ? 1 : Double(done) / Double(total)
        let filled = Int((fraction * Double(width)).rounded(.down))
        let left = done == 0 ? 0 : elapsed / Double(done) * Double(total - done)
        let seconds = Int(left.rounded(.up))
        let name = (file as NSString).lastPathComponent
        return "[" + String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled) + "] "
            + String(format: "%3d%% %d/%d ", Int(fraction * 100), done, total)
            + name + "  " + (language == .en ? "left " : "残り ") + String(format: "%d:%02d", seconds / 60, seconds % 60)
    }
}
