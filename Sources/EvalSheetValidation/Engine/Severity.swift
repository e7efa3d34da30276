import EvalSheetModel

/// How serious a finding is. `error` means the sheet contradicts itself or the form;
/// `warning` marks something a person should look at; `info` is a remark.
public enum Severity: String, Hashable, Sendable, Codable, CaseIterable, Comparable {
    case error
    case warning
    case info

    /// The word shown in text output: エラー / 警告 / 情報 (error / warning / info).
    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.error, .ja): "エラー"
        case (.warning, .ja): "警告"
        case (.info, .ja): "情報"
        case (.error, .en): "error"
        case (.warning, .en): "warning"
        case (.info, .en): "info"
        }
    }

    private var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .info: 2
        }
    }

    /// Errors sort before warnings, warnings before infos.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
