#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import VocanCore

/// One field of a record after decoding its bytes.
enum FieldValue: Equatable {
    /// No such column, or only whitespace in it.
    case absent
    case text(String)
    /// Valid UTF-8 that holds a NUL (or an unpaired UTF-16 surrogate, which the source turns into NUL).
    case undecodable
    /// Not valid UTF-8: the record is read again as Windows-1252.
    case notUTF8

    var isNotUTF8: Bool {
        if case .notUTF8 = self { return true }
        return false
    }

    /// The value, leaving `.absent` behind: moves a string out without retaining and releasing it.
    mutating func take() -> FieldValue {
        let value = consume self
        self = .absent
        return value
    }
}

/// The decoded fields of one record, one per `ColumnRole`.
///
/// A struct rather than an array indexed by role, so a record's fields live on the stack and their
/// strings move into the `Feedback` without being retained and released again.
struct RecordFields {
    var text: FieldValue
    var id: FieldValue
    var score: FieldValue
    var date: FieldValue
    var channel: FieldValue

    /// Each role's field as `decode` gives it.
    @inline(__always)
    init(_ decode: (ColumnRole) -> FieldValue) {
        text = decode(.text)
        id = decode(.id)
        score = decode(.score)
        date = decode(.date)
        channel = decode(.channel)
    }

    /// Only a text field, as for plain text.
    init(text: FieldValue) {
        self.text = text
        id = .absent
        score = .absent
        date = .absent
        channel = .absent
    }

    /// Whether any field isn't valid UTF-8, so the record must be read again as Windows-1252.
    var hasNotUTF8: Bool {
        text.isNotUTF8 || id.isNotUTF8 || score.isNotUTF8 || date.isNotUTF8 || channel.isNotUTF8
    }
}

/// Turns the decoded fields of one record into a `Feedback` or a `Rejection`, the same way for every format.
struct RecordBuilder {
    /// The path as given, for rejections.
    let file: String
    /// The path as named in messages, e.g. `file 'x.csv'`.
    let label: String
    let maxChars: Int
    private(set) var warnings: [String] = []
    private var warnedWindows1252 = false

    init(file: String, label: String, maxChars: Int) {
        self.file = file
        self.label = label
        self.maxChars = maxChars
    }

    /// Decodes one field's bytes, trimmed of ASCII whitespace, as UTF-8.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>) -> FieldValue {
        let trimmed = ASCII.trimmed(bytes)
        guard let base = trimmed.baseAddress, !trimmed.isEmpty else { return .absent }
        // Most fields are ASCII without NUL, valid UTF-8 as they are: copied into the string as known
        // ASCII, which `UTF8Span(unchecked:)` requires to be true and `isNonzeroASCII` has just shown,
        // instead of scanned by the string's own validation a second time.
        if ASCII.isNonzeroASCII(trimmed) {
            return .text(String(copying: UTF8Span(unchecked: trimmed.span, isKnownASCII: true)))
        }
        // Otherwise one validating pass: `String(decoding:as:)` validates while it copies, repairing what
        // isn't UTF-8. (`String(validating:as:)` costs twice as much: it looks up generic metadata on every
        // call.) The bytes were valid exactly when the string holds them unrepaired.
        let text = String(decoding: trimmed, as: UTF8.self)
        let unchanged = text.utf8.count == trimmed.count
            && (text.utf8.withContiguousStorageIfAvailable { memcmp(base, $0.baseAddress!, $0.count) == 0 }
                ?? text.utf8.elementsEqual(trimmed))
        guard unchanged else { return .notUTF8 }
        if memchr(base, 0, trimmed.count) != nil { return .undecodable }
        return .text(text)
    }

    /// Records, once per file, that some record wasn't UTF-8 and was read as Windows-1252.
    mutating func noteWindows1252() {
        guard !warnedWindows1252 else { return }
        warnedWindows1252 = true
        warnings.append("\(label): not valid UTF-8, read as Windows-1252")
    }

    /// Adds a warning about the input as a whole.
    mutating func warn(_ message: String) {
        warnings.append("\(label): \(message)")
    }

    func rejection(line: Int, id: String? = nil, _ reason: String) -> Rejection {
        Rejection(file: file, line: line, id: id, reason: reason)
    }

    /// Adds the outcome for a record starting at `line` with `fields` to `batch`.
    ///
    /// Appends to the batch rather than returning a `ReadOutcome`, which the readers then copied into
    /// the batch and destroyed, retaining and releasing every string of the record once more.
    func add(line: Int, fields: inout RecordFields, to batch: inout RecordBatch) {
        func reject(id: String? = nil, _ reason: String) {
            batch.rejections.append(rejection(line: line, id: id, reason))
        }
        let explicitID: String?
        switch fields.id.take() {
        case .text(let value): explicitID = value
        case .absent: explicitID = nil
        case .undecodable, .notUTF8: return reject("undecodable id")
        }
        let id = explicitID ?? String(line)
        let text: String
        switch fields.text.take() {
        case .text(let value): text = value
        case .absent: return reject(id: id, "empty text")
        case .undecodable, .notUTF8: return reject(id: id, "undecodable text")
        }
        // Fields are trimmed of ASCII whitespace, so only a non-ASCII start can mean Unicode-only whitespace.
        if text.isEmpty || text.utf8[text.utf8.startIndex] >= 0x80,
           text.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
            return reject(id: id, "empty text")
        }
        if text.utf8.count > maxChars {
            let count = text.count
            if count > maxChars {
                return reject(id: id, "too long (\(count) characters, limit \(maxChars))")
            }
        }
        guard let score = Self.optional(fields.score.take()) else { return reject(id: id, "undecodable score") }
        guard let date = Self.optional(fields.date.take()) else { return reject(id: id, "undecodable date") }
        guard let channel = Self.optional(fields.channel.take()) else { return reject(id: id, "undecodable channel") }
        // Without `consume` the optimizer kept a copy of each field's string for the rejections above.
        let feedback = Feedback(id: consume id, text: consume text, line: line, score: score, date: date, channel: channel)
        batch.feedback.append(consume feedback)
    }

    /// The value of an optional field: `.some(nil)` when absent, `nil` when undecodable.
    private static func optional(_ value: FieldValue) -> String?? {
        switch value {
        case .text(let value): .some(value)
        case .absent: .some(nil)
        case .undecodable, .notUTF8: nil
        }
    }
}
