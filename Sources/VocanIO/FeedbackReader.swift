import VocanCore

/// Reads customer comments from a text, CSV/TSV or JSON Lines export, in batches, in input order.
///
/// Every record read becomes exactly one outcome: a `Feedback` ready for analysis, or a `Rejection` saying
/// why not (`empty text`, `too long (...)`, `invalid JSON: ...`, `unterminated quote`, `undecodable text`).
/// The input is streamed in chunks, so memory stays flat however large the file. Problems with the input as
/// a whole (missing file, unknown format, no text column) throw `InputError` from `init`.
///
/// ```swift
/// let reader = try FeedbackReader(path: "survey.csv", options: ReaderOptions())
/// while case let batch = try reader.next(maxCount: 4096), !batch.isEmpty { ... }
/// ```
public final class FeedbackReader {
    /// The chunk size for reading the input.
    static let defaultChunkSize = 1 << 16

    private var reader: any RecordReader

    /// The format the input is read as.
    public let format: InputFormat

    /// Warnings about the input so far, e.g. `file 'x.csv': not valid UTF-8, read as Windows-1252`.
    public var warnings: [String] { reader.warnings }

    /// Records read so far: the feedback handed out plus the rejections.
    public private(set) var recordsRead = 0

    /// The header names for CSV/TSV input; empty for other formats.
    public var columns: [String] { reader.columns }

    /// The columns (CSV/TSV) or keys (JSON Lines) in use for each field, as spelled in the input.
    public var resolvedColumns: ColumnSelection { reader.resolvedColumns }

    /// Opens `path` (`-` for standard input) and reads up to the first record (the header for CSV/TSV).
    ///
    /// The format is `options.format`, else the file extension; standard input without a format is read as
    /// JSON Lines when it starts with `{`. Throws `InputError` when the input can't be opened, its format
    /// is unknown, or a column named in `options.columns` (or any text column) isn't there.
    public convenience init(path: String, options: ReaderOptions) throws {
        try self.init(path: path, options: options, chunkSize: Self.defaultChunkSize)
    }

    /// As `init(path:options:)`, reading `chunkSize` bytes at a time (small sizes test chunk boundaries).
    init(path: String, options: ReaderOptions, chunkSize: Int) throws {
        let label = path == "-" ? "standard input" : "file '\(path)'"
        let extensionFormat = path == "-" ? nil : InputFormat.fromPath(path)
        if options.format == nil, extensionFormat == nil, path != "-" {
            throw InputError.unknownFormat(label)
        }
        let source = try ByteSource(path: path, label: label, chunkSize: chunkSize)
        var window = InputWindow(source: source, chunkSize: chunkSize)
        var format = options.format ?? extensionFormat
        if format == nil {
            try Self.fillForSniffing(&window)
            format = InputFormat.sniff(window.remaining)
        }
        guard let format else { throw InputError.unknownFormat(label) }
        self.format = format
        let builder = RecordBuilder(file: path, label: label, maxChars: options.maxChars)
        switch format {
        case .txt:
            reader = TextLineReader(window: window, builder: builder, selection: options.columns)
        case .csv, .tsv:
            reader = try DelimitedReader(window: window, format: format, builder: builder, selection: options.columns)
        case .jsonl:
            reader = try JSONLinesReader(window: window, builder: builder, selection: options.columns)
        }
    }

    /// Up to `maxCount` records (at least one) split into the comments and the rejections, each in
    /// input order; both empty means the input has ended.
    ///
    /// Throws `InputError` when reading the input fails midway (e.g. an I/O error).
    public func nextBatch(maxCount: Int) throws -> (feedback: [Feedback], rejections: [Rejection]) {
        let batch = try read(maxCount: maxCount)
        return (batch.feedback, batch.rejections)
    }

    /// Up to `maxCount` outcomes (at least one) in input order; an empty array means the input has ended.
    ///
    /// Throws `InputError` when reading the input fails midway (e.g. an I/O error).
    public func next(maxCount: Int) throws -> [ReadOutcome] {
        try read(maxCount: maxCount).outcomes
    }

    private func read(maxCount: Int) throws -> RecordBatch {
        let limit = max(1, maxCount)
        var batch = RecordBatch()
        batch.feedback.reserveCapacity(min(limit, 65_536))
        try reader.read(maxCount: limit, into: &batch)
        recordsRead += batch.count
        return batch
    }

    /// Reads until the first non-whitespace byte of standard input is there (or the input ends).
    private static func fillForSniffing(_ window: inout InputWindow) throws {
        while !window.atEnd, window.remaining.allSatisfy(ASCII.isWhitespace) {
            try window.fill()
        }
    }
}
