import Dispatch
import Foundation

/// Runs independent jobs on N threads and returns their results in input order. Each worker takes
/// the next item when it finishes one, so memory holds at most N items' work at a time.
public enum WorkerPool {
    /// The default number of workers: the machine's active cores.
    public static var defaultJobs: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// The threads each of `items` inputs may use inside itself when `jobs` workers share them: the
    /// spare workers when there are fewer inputs than workers (a year in one text file), else 1.
    public static func jobsPerItem(_ jobs: Int, items: Int) -> Int { max(1, jobs / max(1, items)) }

    /// Maps `items` through `body` on `jobs` workers. `completed(index, result)` is called for each
    /// item in input order, one call at a time, as soon as it and every item before it have
    /// finished (for progress output: what a run reports does not depend on which worker was
    /// faster).
    public static func map<Item: Sendable, Output: Sendable>(
        _ items: [Item], jobs: Int,
        completed: @escaping @Sendable (Int, Output) -> Void = { _, _ in },
        _ body: @escaping @Sendable (Item) -> Output
    ) -> [Output] {
        mapIndexed(items, jobs: jobs, completed: completed) { _, item in body(item) }
    }

    /// `map`, with each item's index passed to `body` beside it. Items are handed out in order: when
    /// `body` of item n runs, every item before it has been taken by a worker that is running it,
    /// so `body` may wait for earlier items to reach a point without ever waiting for itself.
    public static func mapIndexed<Item: Sendable, Output: Sendable>(
        _ items: [Item], jobs: Int,
        completed: @escaping @Sendable (Int, Output) -> Void = { _, _ in },
        _ body: @escaping @Sendable (Int, Item) -> Output
    ) -> [Output] {
        let state = State<Output>(count: items.count)
        let workers = max(1, min(jobs, items.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let i = state.next() {
                let output = body(i, items[i])
                state.store(output, at: i, then: completed)
            }
        }
        return state.results()
    }

    /// The shared cursor and result slots, behind one lock.
    private final class State<Output>: @unchecked Sendable {
        private let lock = NSLock()
        private var cursor = 0
        private var slots: [Output?]
        /// Every result below this index has been passed to `completed`.
        private var reported = 0

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func next() -> Int? {
            lock.lock(); defer { lock.unlock() }
            guard cursor < slots.count else { return nil }
            cursor += 1
            return cursor - 1
        }

        func store(_ output: Output, at i: Int, then completed: (Int, Output) -> Void) {
            lock.lock(); defer { lock.unlock() }
            slots[i] = output
            while reported < slots.count, case let next? = slots[reported] {
                completed(reported, next)
                reported += 1
            }
        }

        func results() -> [Output] { slots.map { $0! } }
    }
}
