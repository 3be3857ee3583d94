/// A record that was read but can't be analyzed, with the reason, so that nothing is dropped silently.
public struct Rejection: Sendable, Equatable, Codable {
    /// The input path as given (`-` for standard input).
    public var file: String
    /// The 1-based line where the record starts.
    public var line: Int
    /// The record's id when it could be read, else `nil`.
    public var id: String?
    /// Why the record was rejected, e.g. `empty text` or `too long (25000 characters, limit 20000)`.
    public var reason: String

    public init(file: String, line: Int, id: String? = nil, reason: String) {
        self.file = file
        self.line = line
        self.id = id
        self.reason = reason
    }
}
