import Foundation
import EvalSheetModel
import EvalSheetText

/// The nine real FY2019 sheets, read once from `samples/kiyose-2019/kiyose-2019.txt`.
public enum RealYear {
    /// The loaded sheets in file order (511 … 541).
    public static let loaded: [LoadedSheet] = {
        do {
            return try TextFormReader.read(contentsOf: RepositoryPaths.wholeYear, displayName: "kiyose-2019.txt")
        } catch {
            fatalError("the real year must parse: \(error)")
        }
    }()

    /// The models in file order.
    public static var sheets: [EvaluationSheet] { loaded.map(\.sheet) }

    /// The sheet with this policy code.
    public static func sheet(_ code: String) -> EvaluationSheet {
        guard let s = sheets.first(where: { $0.policy.code == code }) else { fatalError("no policy \(code)") }
        return s
    }

    /// The loaded sheet (with source map and notes) with this policy code.
    public static func loadedSheet(_ code: String) -> LoadedSheet {
        loaded.first { $0.sheet.policy.code == code }!
    }

    /// The whole-year text, as bytes.
    public static var text: String {
        try! String(contentsOf: RepositoryPaths.wholeYear, encoding: .utf8)
    }
}
