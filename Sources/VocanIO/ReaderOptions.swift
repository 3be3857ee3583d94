/// How `FeedbackReader` reads an input: its format, which columns to use, and the longest comment accepted.
public struct ReaderOptions: Sendable, Equatable {
    /// The input format; `nil` means judge it from the file extension (or the content of standard input).
    public var format: InputFormat?
    /// Column names given by the user; the rest are detected from common names.
    public var columns: ColumnSelection
    /// Comments with more characters than this are rejected, so one runaway field can't dominate a run.
    public var maxChars: Int

    public init(format: InputFormat? = nil, columns: ColumnSelection = ColumnSelection(), maxChars: Int = 20_000) {
        self.format = format
        self.columns = columns
        self.maxChars = maxChars
    }
}
