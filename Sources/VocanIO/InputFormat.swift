/// The layout of an input file: plain text lines, delimited values with a header row, or JSON Lines.
///
/// Chosen from the file extension unless `--input-format` names it; standard input needs it unless
/// the content is clearly JSON Lines.
public enum InputFormat: String, CaseIterable, Sendable {
    /// One comment per non-empty line.
    case txt
    /// Delimited values with a header row; the delimiter (`,` `;` or tab) is detected from the header.
    case csv
    /// Tab-separated values with a header row.
    case tsv
    /// One JSON object per line.
    case jsonl

    /// The format a file extension stands for (case-insensitive), or `nil` when it names none.
    public init?(fileExtension: String) {
        switch fileExtension.lowercased() {
        case "txt", "text": self = .txt
        case "csv": self = .csv
        case "tsv", "tab": self = .tsv
        case "jsonl", "ndjson": self = .jsonl
        default: return nil
        }
    }

    /// The format of `path` judged by its extension, or `nil` when it has none or an unknown one.
    static func fromPath(_ path: String) -> InputFormat? {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? Substring(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        return InputFormat(fileExtension: String(name[name.index(after: dot)...]))
    }

    /// The format the first bytes of a stream make obvious: an object start means JSON Lines.
    static func sniff(_ bytes: UnsafeBufferPointer<UInt8>) -> InputFormat? {
        for byte in bytes where !ASCII.isWhitespace(byte) {
            return byte == UInt8(ascii: "{") ? .jsonl : nil
        }
        return nil
    }

    /// The usage hint shown when no format could be chosen.
    static let choices = allCases.map(\.rawValue).joined(separator: "|")
}
