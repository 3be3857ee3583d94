/// The language of a comment: German, English, or undetermined (`und`, as in BCP 47).
public enum Language: String, Sendable, CaseIterable, Codable {
    case german = "de"
    case english = "en"
    case undetermined = "und"

    /// The languages vocan has lexicons for.
    public static let analyzed: [Language] = [.german, .english]
}
