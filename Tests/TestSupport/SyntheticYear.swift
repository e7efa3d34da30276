import Foundation
import EvalSheetModel
import EvalSheetJSON

/// A synthetic year for tests that need many policies: the nine real sheets repeated with new policy
/// codes (`<real code><4-digit serial>`, as the benchmark makes them), one JSON file each.
public enum SyntheticYear {
    /// Writes `count` policies into `directory`; returns their codes.
    @discardableResult
    public static func write(count: Int, into directory: URL) throws -> [String] {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var codes: [String] = []
        for n in 0..<count {
            var sheet = RealYear.sheets[n % RealYear.sheets.count]
            sheet.policy.code += String(format: "%04d", n)
            try EvaluationSheetJSON.encode(sheet).write(to: directory.appendingPathComponent("\(sheet.policy.code).json"))
            codes.append(sheet.policy.code)
        }
        return codes
    }
}
