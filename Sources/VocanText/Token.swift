/// What a token is, as far as the text layer can tell without any lexicon.
public enum TokenKind: UInt8, Sendable, Equatable, CustomStringConvertible {
    /// Letters, possibly with inner apostrophes or hyphens (`don't`, `Top-Beratung`).
    case word
    /// Digits, possibly with separators (`29,99`, `2.0`).
    case number
    /// Punctuation and symbols that are not emoji (`!`, `?`, `,`, `-`, `€`).
    case punctuation
    /// A pictographic emoji or flag (`👍`, `😡`, `🇩🇪`), key without skin tone or variation selector.
    case emoji
    /// An ASCII emoticon from the lexicon's list (`:-)`, `:(`, `<3`, `xD`).
    case emoticon
    /// A web address (`https://example.com/x`, `www.example.de`).
    case url
    /// An email address (`info@example.de`).
    case email
    /// A social-media handle (`@support`).
    case mention
    /// A hashtag; its key is the folded word without `#` (`#Verspätung` → `verspaetung`).
    case hashtag

    public var description: String {
        switch self {
        case .word: "word"
        case .number: "number"
        case .punctuation: "punctuation"
        case .emoji: "emoji"
        case .emoticon: "emoticon"
        case .url: "url"
        case .email: "email"
        case .mention: "mention"
        case .hashtag: "hashtag"
        }
    }

    /// Whether tokens of this kind can carry opinion words (words and hashtags).
    public var isWordLike: Bool { self == .word || self == .hashtag }
}

/// One token of a comment: its surface text, its folded lookup key and where it stands.
///
/// Offsets count Unicode scalars (code points) from the start of the comment, like Python string
/// indices, so `text[start..<end]` in most languages gives the surface back.
public struct Token: Sendable, Equatable {
    /// The text as written (for hashtags without the `#`).
    public var text: String
    /// The lookup key: NFKC case-folded, umlauts and ß spelled out (`Ärger` → `aerger`), `’` as `'`.
    public var key: String
    public var kind: TokenKind
    /// Scalar offset of the first character.
    public var start: Int
    /// Scalar offset just past the last character.
    public var end: Int
    /// Written in capitals (`NIE`, `TOP`): two or more letters and no lowercase letter.
    public var isAllCaps: Bool
    /// Contains a letter repeated three or more times (`suuuper`, `sooo`).
    public var isElongated: Bool

    public init(
        text: String, key: String, kind: TokenKind, start: Int, end: Int,
        isAllCaps: Bool = false, isElongated: Bool = false
    ) {
        self.text = text
        self.key = key
        self.kind = kind
        self.start = start
        self.end = end
        self.isAllCaps = isAllCaps
        self.isElongated = isElongated
    }
}

/// A sentence found by ICU's sentence break iterator, as a range of tokens and of characters.
public struct SentenceSpan: Sendable, Equatable {
    /// The sentence text without trailing white space.
    public var text: String
    /// Indices into the comment's token array.
    public var tokens: Range<Int>
    /// Scalar offset of the first character.
    public var start: Int
    /// Scalar offset just past the last non-space character.
    public var end: Int
}

/// A comment cut into tokens and sentences.
public struct Segmentation: Sendable, Equatable {
    public var tokens: [Token]
    public var sentences: [SentenceSpan]
}
