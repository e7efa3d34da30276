/// §7 one 施策を進める上での課題 with its related projects, current work and future work.
public struct Challenge: Hashable, Sendable, Codable {
    /// The circled number (① = 1).
    public var number: Int
    /// 施策を進める上での課題.
    public var challenge: String
    /// 関連する事務事業名, in printed order; may be empty.
    public var relatedProjects: [String]
    /// 現在の取組状況.
    public var current: String
    /// 令和N年度以降の取組.
    public var future: String

    public init(number: Int, challenge: String, relatedProjects: [String], current: String, future: String) {
        self.number = number
        self.challenge = challenge
        self.relatedProjects = relatedProjects
        self.current = current
        self.future = future
    }
}
