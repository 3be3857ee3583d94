/// A problem with the input as a whole (missing file, unknown format, missing column) that stops reading.
///
/// The message is one line the CLI can print as is, e.g. `file 'x.csv': no text column (...; use --text-column)`.
public struct InputError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The one-line message for the user.
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }

    static func notFound(_ file: String) -> InputError {
        InputError("\(file) not found")
    }

    static func unknownFormat(_ file: String) -> InputError {
        InputError("\(file): unknown input format (use --input-format \(InputFormat.choices))")
    }

    static func noTextColumn(_ file: String, kind: String) -> InputError {
        let names = ColumnRole.text.commonNames.joined(separator: ", ")
        return InputError("\(file): no text \(kind) (looked for \(names); use --text-column)")
    }

    static func unknownColumn(_ file: String, kind: String, name: String, option: String, available: [String]) -> InputError {
        let list = available.isEmpty ? "none" : available.joined(separator: ", ")
        return InputError("\(file): \(kind) '\(name)' given by \(option) not found (\(kind)s: \(list))")
    }

    static func unreadable(_ file: String, _ reason: String) -> InputError {
        InputError("\(file): \(reason)")
    }
}
