/// Column names the user gave on the command line (`--text-column`, `--id-column`, ...).
///
/// Names match header names (CSV/TSV) or keys (JSON Lines) case-insensitively; a `nil` name means
/// the reader looks for a common name such as `comment` or `Kommentar`.
public struct ColumnSelection: Sendable, Equatable {
    /// The column holding the comment text.
    public var text: String?
    /// The column holding the record's id.
    public var id: String?
    /// The column holding a survey score such as NPS or CSAT.
    public var score: String?
    /// The column holding the date of the comment.
    public var date: String?
    /// The column holding the channel or touchpoint the comment came from.
    public var channel: String?

    public init(text: String? = nil, id: String? = nil, score: String? = nil, date: String? = nil, channel: String? = nil) {
        self.text = text
        self.id = id
        self.score = score
        self.date = date
        self.channel = channel
    }
}
