/// A format's way of turning its input into outcomes, a batch at a time, for `FeedbackReader`.
///
/// Readers are structs that read a whole batch in one mutating call: their per-record state is then
/// plain stored properties, without the exclusivity checks of class properties (which cost about 900
/// instructions per JSON line when the readers were classes asked for one record at a time).
protocol RecordReader {
    /// Appends outcomes to `batch` until it holds `maxCount` records or the input ends.
    mutating func read(maxCount: Int, into batch: inout RecordBatch) throws
    /// Warnings about the input so far.
    var warnings: [String] { get }
    /// Header names for CSV/TSV, else empty.
    var columns: [String] { get }
    /// The column names in use for each field, as spelled in the input.
    var resolvedColumns: ColumnSelection { get }
}
