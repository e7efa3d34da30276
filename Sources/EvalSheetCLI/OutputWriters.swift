import Dispatch
import Foundation

/// Threads that render and write outputs beside the threads that read the inputs, so that reading
/// the next sheet and writing the last one overlap. Jobs go to `count` serial threads in turn; at
/// most `window` are waiting or running at once (`submit` waits for room), so memory holds a few
/// sheets whatever the number of inputs.
final class OutputWriters: @unchecked Sendable {
    private let condition = NSCondition()
    private let queues: [DispatchQueue]
    private let window: Int
    /// The number the next job gets.
    private var submitted = 0
    /// The numbers of the jobs submitted and not finished yet.
    private var running: Set<Int> = []

    /// `count` threads (at least one), each with `perThread` jobs in flight at most.
    init(count: Int, perThread: Int = 8) {
        let n = max(1, count)
        queues = (0..<n).map { DispatchQueue(label: "evalsheet.output-writer.\($0)") }
        window = n * max(1, perThread)
    }

    /// The number of threads.
    var count: Int { queues.count }

    /// Runs `job` on the next thread in turn, once fewer than `window` jobs are in flight.
    func submit(_ job: @escaping @Sendable () -> Void) {
        condition.lock()
        while running.count >= window { condition.wait() }
        let number = submitted
        submitted += 1
        running.insert(number)
        condition.unlock()
        queues[number % queues.count].async { [self] in
            job()
            condition.lock()
            running.remove(number)
            condition.broadcast()
            condition.unlock()
        }
    }

    /// Returns once every job submitted before this call has finished (jobs submitted meanwhile by
    /// other threads are not waited for).
    func waitForSubmitted() {
        condition.lock()
        let target = submitted
        while running.contains(where: { $0 < target }) { condition.wait() }
        condition.unlock()
    }
}
