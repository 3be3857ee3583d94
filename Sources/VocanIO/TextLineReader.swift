/// Reads plain text: every non-blank line is one comment, its id the line number.
struct TextLineReader: RecordReader {
    private var lines: LineSource
    private var builder: RecordBuilder
    private var values = [FieldValue](repeating: .absent, count: ColumnRole.allCases.count)
    private var scratch: [UInt8] = []

    init(window: InputWindow, builder: RecordBuilder, selection: ColumnSelection) {
        lines = LineSource(window: window)
        self.builder = builder
        if selection != ColumnSelection() {
            self.builder.warn("column options are ignored for plain text")
        }
    }

    var warnings: [String] { builder.warnings }
    var columns: [String] { [] }
    var resolvedColumns: ColumnSelection { ColumnSelection() }

    mutating func read(maxCount: Int, into batch: inout RecordBatch) throws {
        while batch.count < maxCount, let (line, number) = try lines.next() {
            if let outcome = outcome(line, number) { batch.append(outcome) }
        }
    }

    /// The outcome for one line, or `nil` for a blank line (which is no record).
    private mutating func outcome(_ line: UnsafeBufferPointer<UInt8>, _ number: Int) -> ReadOutcome? {
        var text = RecordBuilder.decode(line)
        if text == .absent { return nil }
        if text == .notUTF8 {
            builder.noteWindows1252()
            Windows1252.transcode(line, into: &scratch)
            text = scratch.withUnsafeBufferPointer(RecordBuilder.decode)
        }
        values[ColumnRole.text.rawValue] = text
        return builder.outcome(line: number, values: values)
    }
}
