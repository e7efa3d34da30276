import Foundation
import EvalSheetModel
import EvalSheetWorkbook

/// Equal values of the summary rows a batch keeps for the index (the goal, the department and
/// section, the money columns), stored once for the whole year and shared by its workers (one lock):
/// most policies of a year repeat them, and every row is held until the index is written.
final class SummaryValues: @unchecked Sendable {
    private let lock = NSLock()
    private var strings: Set<String> = []
    private var goals: Set<CodedName> = []
    private var columnLists: Set<[MoneyColumn]> = []

    /// `summary` with its repeated values replaced by the stored equal ones (the same values).
    func shared(_ summary: PolicySummary) -> PolicySummary {
        var s = summary
        lock.withLock {
            s.goal = goals.insert(s.goal).memberAfterInsert
            s.department = strings.insert(s.department).memberAfterInsert
            s.section = strings.insert(s.section).memberAfterInsert
            s.columns = columnLists.insert(s.columns).memberAfterInsert
        }
        return s
    }
}
