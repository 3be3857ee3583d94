/// A format's way of turning its input into outcomes, one record at a time, for `FeedbackReader`.
protocol RecordReader: AnyObject {
    /// The next record's outcome, or `nil` at the end of input.
    func nextOutcome() throws -> ReadOutcome?
    /// Warnings about the input so far.
    var warnings: [String] { get }
    /// Header names for CSV/TSV, else empty.
    var columns: [String] { get }
    /// The column names in use for each field, as spelled in the input.
    var resolvedColumns: ColumnSelection { get }
}
