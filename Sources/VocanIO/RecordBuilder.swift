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
        // `String(decoding:as:)` validates while it copies and repairs what isn't UTF-8, so the bytes were
        // valid exactly when the string holds them unchanged: one validating pass instead of two.
        // (`String(validating:as:)` costs twice as much: it looks up generic metadata on every call.)
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

    func reject(line: Int, id: String? = nil, _ reason: String) -> ReadOutcome {
        .rejected(Rejection(file: file, line: line, id: id, reason: reason))
    }

    /// The outcome for a record starting at `line` whose fields, indexed by `ColumnRole`, are `values`.
    func outcome(line: Int, values: [FieldValue]) -> ReadOutcome {
        let explicitID: String?
        switch values[ColumnRole.id.rawValue] {
        case .text(let value): explicitID = value
        case .absent: explicitID = nil
        case .undecodable, .notUTF8: return reject(line: line, "undecodable id")
        }
        let id = explicitID ?? String(line)
        let text: String
        switch values[ColumnRole.text.rawValue] {
        case .text(let value): text = value
        case .absent: return reject(line: line, id: id, "empty text")
        case .undecodable, .notUTF8: return reject(line: line, id: id, "undecodable text")
        }
        // Fields are trimmed of ASCII whitespace, so only a non-ASCII start can mean Unicode-only whitespace.
        if text.utf8.first.map({ $0 >= 0x80 }) ?? true, text.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
            return reject(line: line, id: id, "empty text")
        }
        if text.utf8.count > maxChars {
            let count = text.count
            if count > maxChars {
                return reject(line: line, id: id, "too long (\(count) characters, limit \(maxChars))")
            }
        }
        guard let score = optional(values, .score), let date = optional(values, .date),
              let channel = optional(values, .channel)
        else {
            let role = [ColumnRole.score, .date, .channel].first { optional(values, $0) == nil } ?? .score
            return reject(line: line, id: id, "undecodable \(role)")
        }
        return .feedback(Feedback(id: id, text: text, line: line, score: score, date: date, channel: channel))
    }

    /// The value of an optional field: `.some(nil)` when absent, `nil` when undecodable.
    private func optional(_ values: [FieldValue], _ role: ColumnRole) -> String?? {
        switch values[role.rawValue] {
        case .text(let value): .some(value)
        case .absent: .some(nil)
        case .undecodable, .notUTF8: nil
        }
    }
}
