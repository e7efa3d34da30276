import Dispatch
import Foundation

/// Runs independent jobs on N threads and hands their results on in input order. Each worker takes
/// the next item when it finishes one, so memory holds at most N items' work at a time (and, with
/// `forEachIndexedInOrder`, the results that finished before those ahead of them).
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
        let results = Results<Output>(count: items.count)
        forEachIndexedInOrder(items, jobs: jobs, completed: completed, consume: results.store, body)
        return results.all()
    }

    /// Runs `body` on each of `items` (with its index, see `mapIndexed`) on `jobs` workers and hands
    /// each output to `consume` in input order, one call at a time, without keeping it: an output
    /// that finishes before those ahead of it waits for them, and nothing else is held.
    /// `completed(index, output)` is called just before each `consume`, in the same order (for
    /// progress output).
    public static func forEachIndexedInOrder<Item: Sendable, Output: Sendable>(
        _ items: [Item], jobs: Int,
        completed: @escaping @Sendable (Int, Output) -> Void = { _, _ in },
        consume: @escaping @Sendable (Int, Output) -> Void,
        _ body: @escaping @Sendable (Int, Item) -> Output
    ) {
        let cursor = Cursor(count: items.count)
        let delivery = InOrderDelivery<Output>()
        let workers = max(1, min(jobs, items.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let i = cursor.next() {
                let output = body(i, items[i])
                delivery.deliver(output, at: i, completed: completed, consume: consume)
            }
        }
    }

    /// Outputs handed on in input order: those that came early wait in `waiting`, behind one lock.
    private final class InOrderDelivery<Output>: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0
        private var waiting: [Int: Output] = [:]

        func deliver(_ output: Output, at i: Int, completed: (Int, Output) -> Void, consume: (Int, Output) -> Void) {
            lock.lock(); defer { lock.unlock() }
            waiting[i] = output
            while let ready = waiting.removeValue(forKey: next) {
                completed(next, ready)
                consume(next, ready)
                next &+= 1
            }
        }
    }

    /// The next item to take, behind one lock.
    private final class Cursor: @unchecked Sendable {
        private let lock = NSLock()
        private var position = 0
        private let count: Int

        init(count: Int) { self.count = count }

        func next() -> Int? {
            lock.lock(); defer { lock.unlock() }
            guard position < count else { return nil }
            position += 1
            return position - 1
        }
    }

    /// `map`'s results, stored as they are handed on (in order, one at a time).
    private final class Results<Output>: @unchecked Sendable {
        private var slots: [Output?]

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func store(_ i: Int, _ output: Output) { slots[i] = output }

        func all() -> [Output] { slots.map { $0! } }
    }
}
