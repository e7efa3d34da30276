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

    /// Maps `items` through `body` on `jobs` workers. `completed(index, result)` is called as each
    /// finishes, one call at a time (for progress output).
    public static func map<Item: Sendable, Output: Sendable>(
        _ items: [Item], jobs: Int,
        completed: @escaping @Sendable (Int, Output) -> Void = { _, _ in },
        _ body: @escaping @Sendable (Item) -> Output
    ) -> [Output] {
        let state = State<Output>(count: items.count)
        let workers = max(1, min(jobs, items.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let i = state.next() {
                let output = body(items[i])
                state.store(output, at: i, then: completed)
            }
        }
        return state.results()
    }

    /// Runs `body` on each of `items` on `jobs` workers and hands each output to `consume` in input
    /// order, one call at a time, without keeping it: an output that finishes before those ahead of
    /// it waits for them, and nothing else is held. `completed(index, output)` is called as each
    /// finishes, one call at a time (for progress output).
    public static func forEachInOrder<Item: Sendable, Output: Sendable>(
        _ items: [Item], jobs: Int,
        completed: @escaping @Sendable (Int, Output) -> Void = { _, _ in },
        consume: @escaping @Sendable (Int, Output) -> Void,
        _ body: @escaping @Sendable (Item) -> Output
    ) {
        let cursor = Cursor(count: items.count)
        let delivery = InOrderDelivery<Output>()
        let workers = max(1, min(jobs, items.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let i = cursor.next() {
                let output = body(items[i])
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
            completed(i, output)
            waiting[i] = output
            while let ready = waiting.removeValue(forKey: next) {
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

    /// The shared cursor and result slots, each behind its lock.
    private final class State<Output>: @unchecked Sendable {
        private let lock = NSLock()
        private let cursor: Cursor
        private var slots: [Output?]

        init(count: Int) {
            cursor = Cursor(count: count)
            slots = Array(repeating: nil, count: count)
        }

        func next() -> Int? { cursor.next() }

        func store(_ output: Output, at i: Int, then completed: (Int, Output) -> Void) {
            lock.lock(); defer { lock.unlock() }
            slots[i] = output
            completed(i, output)
        }

        func results() -> [Output] { slots.map { $0! } }
    }
}
