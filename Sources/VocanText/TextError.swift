/// A failure of the system ICU (a missing break rule or normalizer), which vocan cannot work without.
public struct TextError: Error, Sendable, CustomStringConvertible {
    public let description: String

    init(_ what: String, status: Int32) {
        description = "ICU: \(what) failed (UErrorCode \(status)); is libicu installed?"
    }
}
