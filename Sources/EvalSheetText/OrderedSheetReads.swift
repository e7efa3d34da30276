import Dispatch
import Foundation

/// Reads the sheets of one file on several threads while the file is still being split into
/// sheets, and hands each result on in file order, on the thread that submits them. At most
/// `window` sheets are in flight (read or waiting to be handed on), so memory holds a few sheets
/// whatever the file's size; the sheets wait in one line, and each of the `jobs` workers takes the
/// next as soon as it is free (a long sheet keeps one worker, never the others, from going on).
///
/// What the caller sees is exactly what reading the sheets one by one gives, in the same order:
/// only where the reading happens changes.
final class OrderedSheetReads<Output: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var done: [Int: Output] = [:]
    /// The index the next submission gets.
    private var submitted = 0
    /// The index of the next result to hand on.
    private var delivered = 0
    private let window: Int
    /// The workers' threads (serial queues: each always gets a thread of its own, even while other
    /// threads of the process wait).
    private let workers: [DispatchQueue]
    private var started = 0
    /// Sheets submitted and not started yet, oldest first (at most `window`).
    private var waiting: [(index: Int, work: @Sendable () -> Output)] = []
    /// Workers taking sheets off `waiting` now.
    private var working = 0

    init(jobs: Int) {
        let n = max(1, jobs)
        window = 4 * n
        workers = (0..<n).map { DispatchQueue(label: "evalsheet.text-reader.\($0)") }
    }

    /// Starts `work` on a worker, then hands on every result that is ready (waiting while `window`
    /// sheets are in flight).
    func submit(_ work: @escaping @Sendable () -> Output, deliver: (Output) -> Void) {
        condition.lock()
        waiting.append((submitted, work))
        submitted += 1
        let worker: DispatchQueue? = working < workers.count ? workers[started % workers.count] : nil
        if worker != nil { working += 1; started += 1 }
        condition.unlock()
        worker?.async { [self] in readWaiting() }
        handOn(deliver, whileInFlightAtLeast: window)
    }

    /// A worker: reads the next waiting sheet until none is left.
    private func readWaiting() {
        condition.lock()
        while !waiting.isEmpty {
            let (index, work) = waiting.removeFirst()  // a started sheet is no longer held here
            condition.unlock()
            let output = work()
            condition.lock()
            done[index] = output
            condition.broadcast()
        }
        working -= 1
        condition.unlock()
    }

    /// Waits for every sheet submitted and hands on the rest, in order.
    func finish(deliver: (Output) -> Void) {
        handOn(deliver, whileInFlightAtLeast: 1)
    }

    /// Hands on results in order as long as the next one is ready; waits for it while at least
    /// `limit` are in flight.
    private func handOn(_ deliver: (Output) -> Void, whileInFlightAtLeast limit: Int) {
        while true {
            condition.lock()
            while done[delivered] == nil && submitted - delivered >= limit { condition.wait() }
            guard let output = done.removeValue(forKey: delivered) else {
                condition.unlock()
                return
            }
            delivered += 1
            condition.unlock()
            deliver(output)  // outside the lock: the workers go on meanwhile
        }
    }
}
