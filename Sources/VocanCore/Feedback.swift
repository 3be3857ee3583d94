/// One customer comment as read from an export, before analysis.
///
/// `score`, `date` and `channel` are carried as written in the input (a survey score such as NPS 0–10
/// or CSAT 1–5, a date, a channel such as `Hotline`); the engine only reads the score where a rule needs it.
public struct Feedback: Sendable, Equatable {
    /// The record's id: the id column's value, or the 1-based line number for plain text.
    public var id: String
    /// The comment text.
    public var text: String
    /// The 1-based line in the input where the record starts.
    public var line: Int
    public var score: String?
    public var date: String?
    public var channel: String?

    public init(id: String, text: String, line: Int, score: String? = nil, date: String? = nil, channel: String? = nil) {
        self.id = id
        self.text = text
        self.line = line
        self.score = score
        self.date = date
        self.channel = channel
    }
}
