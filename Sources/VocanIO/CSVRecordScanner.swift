/// Finds one RFC 4180 record in a byte stream and where its fields are, without copying them.
///
/// Hand-written rather than a CSV library because the reader needs what libraries don't give together:
/// the physical line where each record starts, records that may span chunk boundaries (the scan resumes
/// where it stopped when more bytes arrive), and raw field bytes so each record can fall back to
/// Windows-1252 on its own. A quote opens a quoted field only at the start of a field; elsewhere it is an
/// ordinary character, as spreadsheets write it (`5" screen`).
struct CSVRecordScanner {
    /// Where one field's bytes are, relative to the record start.
    struct FieldSpan {
        var start: Int
        var end: Int
        /// The field starts with a quote; its bytes include the quotes.
        var quoted: Bool
        /// A quoted field with doubled quotes or characters after the closing quote: needs `unquote`.
        var escaped: Bool
    }

    enum Result: Equatable {
        /// The record may continue beyond the bytes given.
        case needMore
        /// A record of `length` bytes (line end excluded) followed by `consumed - length` line-end bytes.
        case record(length: Int, consumed: Int)
        /// The input ended inside a quoted field.
        case unterminatedQuote
    }

    private enum State { case fieldStart, unquoted, quoted, afterQuote }

    let delimiter: UInt8
    /// The fields of the record found by the last `scan` that returned `.record`.
    private(set) var fields: [FieldSpan] = []
    /// Line breaks inside quoted fields of the current record, so the next record's line is known.
    private(set) var lineBreaks = 0
    private var state = State.fieldStart
    private var offset = 0
    private var fieldStart = 0
    private var fieldQuoted = false
    private var fieldEscaped = false

    init(delimiter: UInt8) {
        self.delimiter = delimiter
        fields.reserveCapacity(16)
    }

    /// Forgets the last record, ready to scan the next one from its first byte.
    mutating func reset() {
        fields.removeAll(keepingCapacity: true)
        lineBreaks = 0
        state = .fieldStart
        offset = 0
        fieldStart = 0
        fieldQuoted = false
        fieldEscaped = false
    }

    /// Scans `bytes`, which start at the record start; resumes where the previous `.needMore` stopped.
    ///
    /// `atEnd` says no more bytes will follow, so an open record ends with them.
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, atEnd: Bool) -> Result {
        var index = offset
        let count = bytes.count
        scanning: while index < count {
            switch state {
            case .fieldStart:
                if bytes[index] == ASCII.quote {
                    fieldQuoted = true
                    state = .quoted
                    index += 1
                } else {
                    state = .unquoted
                }
            case .unquoted:
                index = ASCII.firstIndex(of: delimiter, or: ASCII.lineFeed, in: bytes, from: index)
                guard index < count else { break scanning }
                if bytes[index] == delimiter {
                    endField(at: index)
                    index += 1
                } else {
                    return endRecord(bytes, lineFeedAt: index)
                }
            case .quoted:
                index = ASCII.firstIndex(of: ASCII.quote, or: ASCII.lineFeed, in: bytes, from: index)
                guard index < count else { break scanning }
                if bytes[index] == ASCII.lineFeed {
                    lineBreaks += 1
                    index += 1
                    continue
                }
                state = .afterQuote
                index += 1
            case .afterQuote:
                let byte = bytes[index]
                if byte == ASCII.quote {
                    fieldEscaped = true
                    state = .quoted
                    index += 1
                } else if byte == delimiter {
                    endField(at: index)
                    index += 1
                } else if byte == ASCII.lineFeed {
                    return endRecord(bytes, lineFeedAt: index)
                } else if byte == ASCII.carriageReturn, index + 1 < count || atEnd {
                    if index + 1 < count, bytes[index + 1] == ASCII.lineFeed {
                        return endRecord(bytes, lineFeedAt: index + 1)
                    }
                    fieldEscaped = index + 1 < count
                    state = .unquoted
                    index += 1
                } else if byte == ASCII.carriageReturn {
                    break scanning
                } else {
                    fieldEscaped = true
                    state = .unquoted
                }
            }
        }
        offset = index
        guard atEnd else { return .needMore }
        if state == .quoted { return .unterminatedQuote }
        var end = count
        if end > fieldStart, bytes[end - 1] == ASCII.carriageReturn, state != .afterQuote { end -= 1 }
        endField(at: end)
        return .record(length: end, consumed: count)
    }

    /// The bytes of field `span` of a record, quotes removed, passed to `body`.
    static func withValue<Output>(
        of span: FieldSpan, in record: UnsafeBufferPointer<UInt8>, scratch: inout [UInt8],
        _ body: (UnsafeBufferPointer<UInt8>) -> Output
    ) -> Output {
        guard span.quoted else { return body(UnsafeBufferPointer(rebasing: record[span.start..<span.end])) }
        if !span.escaped, span.end - span.start >= 2, record[span.end - 1] == ASCII.quote {
            return body(UnsafeBufferPointer(rebasing: record[(span.start + 1)..<(span.end - 1)]))
        }
        unquote(UnsafeBufferPointer(rebasing: record[span.start..<span.end]), into: &scratch)
        return scratch.withUnsafeBufferPointer(body)
    }

    /// A quoted field's content: doubled quotes made single, anything after the closing quote kept as is.
    private static func unquote(_ field: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        output.removeAll(keepingCapacity: true)
        output.reserveCapacity(field.count)
        var index = 1
        while index < field.count {
            // Copy the run up to the next quote at once rather than byte by byte.
            let run = index
            index = ASCII.firstIndex(of: ASCII.quote, or: ASCII.quote, in: field, from: index)
            output.append(contentsOf: UnsafeBufferPointer(rebasing: field[run..<index]))
            guard index < field.count else { return }
            index += 1
            if index < field.count, field[index] == ASCII.quote {
                output.append(ASCII.quote)
                index += 1
            } else {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: field[index...]))
                return
            }
        }
    }

    private mutating func endField(at end: Int) {
        fields.append(FieldSpan(start: fieldStart, end: end, quoted: fieldQuoted, escaped: fieldEscaped))
        fieldStart = end + 1
        fieldQuoted = false
        fieldEscaped = false
        state = .fieldStart
    }

    private mutating func endRecord(_ bytes: UnsafeBufferPointer<UInt8>, lineFeedAt index: Int) -> Result {
        var end = index
        if end > fieldStart, bytes[end - 1] == ASCII.carriageReturn { end -= 1 }
        endField(at: end)
        offset = index + 1
        return .record(length: end, consumed: index + 1)
    }
}
