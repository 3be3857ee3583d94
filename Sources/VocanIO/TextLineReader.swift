/// Reads plain text: every non-blank line is one comment, its id the line number.
struct TextLineReader: RecordReader {
    private var lines: LineSource
    private var builder: RecordBuilder
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
            add(line, number, to: &batch)
        }
    }

    /// Adds the outcome for one line to `batch`, unless the line is blank (which is no record).
    private mutating func add(_ line: UnsafeBufferPointer<UInt8>, _ number: Int, to batch: inout RecordBatch) {
        var fields = RecordFields(text: RecordBuilder.decode(line))
        if fields.text == .absent { return }
        if fields.text.isNotUTF8 {
            builder.noteWindows1252()
            Windows1252.transcode(line, into: &scratch)
            fields.text = scratch.withUnsafeBufferPointer(RecordBuilder.decode)
        }
        builder.add(line: number, fields: &fields, to: &batch)
    }
}
