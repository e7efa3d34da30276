import Dispatch
import Foundation

/// Reads the sheets of one file on several threads while the file is still being split into
/// sheets, and hands each result on in file order, on the thread that submits them. At most
/// `window` sheets are in flight (read or waiting to be handed on), so memory holds a few sheets
/// whatever the file's size; each worker reads the sheets given to it one after another.
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
    private let workers: [DispatchQueue]

    init(jobs: Int) {
        let n = max(1, jobs)
        window = 2 * n
        workers = (0..<n).map { DispatchQueue(label: "evalsheet.text-reader.\($0)") }
    }

    /// Starts `work` on a worker, then hands on every result that is ready (waiting while `window`
    /// sheets are in flight).
    func submit(_ work: @escaping @Sendable () -> Output, deliver: (Output) -> Void) {
        let index = submitted
        submitted += 1
        workers[index % workers.count].async { [self] in
            let output = work()
            condition.lock()
            done[index] = output
            condition.broadcast()
            condition.unlock()
        }
        handOn(deliver, whileInFlightAtLeast: window)
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
