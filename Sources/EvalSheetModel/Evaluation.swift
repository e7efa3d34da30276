/// §5 評価: the overall rating (総合評価) and its reason (評価理由).
public struct Evaluation: Hashable, Sendable, Codable {
    /// 順調 / 維持 / 停滞.
    public var rating: Rating
    /// 評価理由, verbatim (paragraph spaces kept).
    public var reason: String

    public init(rating: Rating, reason: String) {
        self.rating = rating
        self.reason = reason
    }
}

/// The overall rating. Holds any text so that a wrong entry in an edited workbook can be
/// reported by validation; `isKnown` tells whether it is one of the three ratings.
public struct Rating: Hashable, Sendable, Codable, RawRepresentable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// 順調: progressing as planned.
    public static let onTrack = Rating(rawValue: "順調")
    /// 維持: some issues.
    public static let holding = Rating(rawValue: "維持")
    /// 停滞: behind.
    public static let stalled = Rating(rawValue: "停滞")
    /// The three ratings in the legend's order.
    public static let all: [Rating] = [.onTrack, .holding, .stalled]

    public var isKnown: Bool { Self.all.contains(self) }
    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}
