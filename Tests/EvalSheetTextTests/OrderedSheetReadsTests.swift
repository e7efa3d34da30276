import Foundation
import Testing
@testable import EvalSheetText

/// Sheets read on several threads come back in order, and a sheet once started is no longer held
/// by the line it waited in (memory stays a few sheets, whatever the file's size).
@Suite("ordered sheet reads")
struct OrderedSheetReadsTests {
    @Test(arguments: [1, 2, 3])
    func resultsComeBackInOrderAndOnlyAFewAreHeld(_ jobs: Int) {
        let reads = OrderedSheetReads<Int>(jobs: jobs)
        var seen: [Int] = []
        var mostAlive = 0
        let live = LiveCount()
        for i in 0..<600 {
            let token = Token(live)
            reads.submit({ withExtendedLifetime(token) { i * 2 } }, deliver: { value in
                seen.append(value)
                mostAlive = max(mostAlive, live.value)
            })
        }
        reads.finish { seen.append($0) }
        #expect(seen == (0..<600).map { $0 * 2 })
        // At most the window (4 a worker) in flight, one per worker just finished, and the one submitted.
        #expect(mostAlive <= 5 * jobs + 1, "\(mostAlive) sheets held at once")
    }
}

/// How many tokens of one run are alive (what the submitted work still holds).
private final class LiveCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func add(_ n: Int) { lock.withLock { count += n } }
}

/// Held by one submitted piece of work.
private final class Token: @unchecked Sendable {
    private let live: LiveCount
    init(_ live: LiveCount) { self.live = live; live.add(1) }
    deinit { live.add(-1) }
}
