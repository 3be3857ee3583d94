/// Reads CSV and TSV: a header row names the columns, each following record is one comment.
///
/// The delimiter is found by counting `,` `;` and tab outside quotes in the header line (TSV is always tab).
/// Blank lines are no records. Short rows are padded with empty fields, extra fields are ignored.
struct DelimitedReader: RecordReader {
    private var window: InputWindow
    private var builder: RecordBuilder
    private var scanner: CSVRecordScanner
    /// For each `ColumnRole`, the index of its column.
    private var roleColumns: [Int?] = []
    private(set) var columns: [String] = []
    private(set) var resolvedColumns = ColumnSelection()
    /// The line where the next record starts.
    private var nextLine = 1
    /// Bytes of the scanned record, consumed by `finishRecord()`.
    private var pendingConsumed = 0
    private var fieldScratch: [UInt8] = []
    private var recordScratch: [UInt8] = []

    init(window: InputWindow, format: InputFormat, builder: RecordBuilder, selection: ColumnSelection) throws {
        self.window = window
        self.builder = builder
        try self.window.fill(toAtLeast: 1)
        let delimiter = format == .tsv ? ASCII.tab : try Self.detectDelimiter(&self.window)
        scanner = CSVRecordScanner(delimiter: delimiter)
        guard let header = try readHeader() else {
            throw InputError.unreadable(builder.label, "no header row (the file is empty)")
        }
        columns = header
        let resolved = try ColumnRole.resolve(header, selection: selection, file: builder.label, kind: "column")
        roleColumns = resolved
        resolvedColumns = ColumnSelection(
            text: resolved[0].map { header[$0] }, id: resolved[1].map { header[$0] },
            score: resolved[2].map { header[$0] }, date: resolved[3].map { header[$0] },
            channel: resolved[4].map { header[$0] })
    }

    var warnings: [String] { builder.warnings }

    mutating func read(maxCount: Int, into batch: inout RecordBatch) throws {
        while batch.count < maxCount, let (line, record) = try nextRecord() {
            switch record {
            case .unterminatedQuote:
                batch.rejections.append(builder.rejection(line: line, "unterminated quote"))
            case .fields(let length):
                add(UnsafeBufferPointer(rebasing: window.remaining[0..<length]), line, to: &batch)
                finishRecord()
            }
        }
    }

    private enum Record { case fields(length: Int), unterminatedQuote }

    /// Scans the next record; on `.fields` its bytes stay unconsumed until `finishRecord()`.
    ///
    /// The scanner is fresh: `finishRecord()` resets it, and nothing is read after an unterminated quote.
    private mutating func nextRecord() throws -> (line: Int, Record)? {
        while true {
            if window.isExhausted { return nil }
            let atEnd = window.atEnd
            let result = scanner.scan(window.remaining, atEnd: atEnd)
            switch result {
            case .needMore:
                try window.fill()
            case .unterminatedQuote:
                let line = nextLine
                window.consume(window.remaining.count)
                return (line, .unterminatedQuote)
            case .record(let length, let consumed):
                pendingConsumed = consumed
                if isBlank(length) {
                    finishRecord()
                    continue
                }
                return (nextLine, .fields(length: length))
            }
        }
    }

    private mutating func finishRecord() {
        window.consume(pendingConsumed)
        nextLine += 1 + scanner.lineBreaks
        scanner.reset()
    }

    /// Whether the record just scanned is an empty or whitespace-only line.
    private func isBlank(_ length: Int) -> Bool {
        guard scanner.fields.count == 1, !scanner.fields[0].quoted else { return false }
        return UnsafeBufferPointer(rebasing: window.remaining[0..<length]).allSatisfy(ASCII.isWhitespace)
    }

    private mutating func add(_ record: UnsafeBufferPointer<UInt8>, _ line: Int, to batch: inout RecordBatch) {
        var fields = decodeFields(record, spans: scanner.fields)
        if fields.hasNotUTF8 {
            builder.noteWindows1252()
            Windows1252.transcode(record, into: &recordScratch)
            let transcoded = recordScratch
            var rescan = CSVRecordScanner(delimiter: scanner.delimiter)
            fields = transcoded.withUnsafeBufferPointer { bytes in
                _ = rescan.scan(bytes, atEnd: true)
                return decodeFields(bytes, spans: rescan.fields)
            }
        }
        builder.add(line: line, fields: &fields, to: &batch)
    }

    /// The fields of `record` for each role, from the field spans the scanner found in it.
    private mutating func decodeFields(_ record: UnsafeBufferPointer<UInt8>, spans: [CSVRecordScanner.FieldSpan]) -> RecordFields {
        RecordFields { role in
            guard let column = roleColumns[role.rawValue], column < spans.count else { return .absent }
            return CSVRecordScanner.withValue(of: spans[column], in: record, scratch: &fieldScratch, RecordBuilder.decode)
        }
    }

    /// The header's column names, or `nil` when the input has no non-blank line.
    private mutating func readHeader() throws -> [String]? {
        guard let (line, record) = try nextRecord() else { return nil }
        switch record {
        case .unterminatedQuote:
            throw InputError.unreadable("\(builder.label), line \(line)", "unterminated quote in the header row")
        case .fields(let length):
            let names = headerNames(UnsafeBufferPointer(rebasing: window.remaining[0..<length]))
            finishRecord()
            return names
        }
    }

    private mutating func headerNames(_ record: UnsafeBufferPointer<UInt8>) -> [String] {
        var names: [String] = []
        var needsFallback = false
        for span in scanner.fields {
            switch CSVRecordScanner.withValue(of: span, in: record, scratch: &fieldScratch, RecordBuilder.decode) {
            case .text(let name): names.append(name)
            case .notUTF8: needsFallback = true
            default: names.append("")
            }
        }
        guard needsFallback else { return names }
        builder.noteWindows1252()
        Windows1252.transcode(record, into: &recordScratch)
        let transcoded = recordScratch
        var rescan = CSVRecordScanner(delimiter: scanner.delimiter)
        return transcoded.withUnsafeBufferPointer { bytes in
            _ = rescan.scan(bytes, atEnd: true)
            return rescan.fields.map { span in
                if case .text(let name) = CSVRecordScanner.withValue(of: span, in: bytes, scratch: &fieldScratch, RecordBuilder.decode) {
                    return name
                }
                return ""
            }
        }
    }

    /// The delimiter among `,` `;` and tab that occurs most often outside quotes in the header line.
    ///
    /// Leading blank lines are skipped; a tie prefers `,` then `;`; a header without any means `,`.
    private static func detectDelimiter(_ window: inout InputWindow) throws -> UInt8 {
        while true {
            if let counts = delimiterCounts(window.remaining, atEnd: window.atEnd) {
                let best = counts.max() ?? 0
                if best == 0 { return ASCII.comma }
                return [ASCII.comma, ASCII.semicolon, ASCII.tab][counts.firstIndex(of: best) ?? 0]
            }
            try window.fill()
        }
    }

    /// Counts of `,` `;` and tab in the first non-blank line, or `nil` when that line may not be complete.
    private static func delimiterCounts(_ bytes: UnsafeBufferPointer<UInt8>, atEnd: Bool) -> [Int]? {
        var counts = [0, 0, 0]
        var quoted = false
        var sawText = false
        for byte in bytes {
            if byte == ASCII.quote {
                quoted.toggle()
            } else if quoted {
                continue
            } else if byte == ASCII.lineFeed {
                if sawText { return counts }
                counts = [0, 0, 0]
            } else if byte == ASCII.comma {
                counts[0] += 1
            } else if byte == ASCII.semicolon {
                counts[1] += 1
            } else if byte == ASCII.tab {
                counts[2] += 1
            }
            if !ASCII.isWhitespace(byte) { sawText = true }
        }
        return atEnd ? counts : nil
    }
}
