/// What a token is, as far as the text layer can tell without any lexicon.
public enum TokenKind: UInt8, Sendable, Equatable, BitwiseCopyable, CustomStringConvertible {
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
    @inlinable
    public var isWordLike: Bool {
        switch self {
        case .word, .hashtag: true
        default: false
        }
    }
}

/// One token of a comment: where it stands, where its surface text and its folded lookup key are.
///
/// A token holds no strings: `start`/`end` count Unicode scalars from the start of the comment (like
/// Python string indices, for the outputs), `textStart`/`textEnd` are UTF-8 offsets of the surface text
/// (for hashtags without the `#`), and `keyStart`/`keyEnd` locate the key in the segmenter's key bytes.
public struct Token: Sendable, Equatable, BitwiseCopyable {
    public var kind: TokenKind
    /// Written in capitals (`NIE`, `TOP`): two or more letters and no lowercase letter.
    public var isAllCaps: Bool
    /// Contains a letter repeated three or more times (`suuuper`, `sooo`).
    public var isElongated: Bool
    /// Punctuation that ends the scope of a negator or intensifier: , . ! ? ; : ( ) – —
    public var isBoundary: Bool
    /// Punctuation that may end a sentence (`.`, `!`, `?`, `。`...).
    public var isTerminator: Bool
    /// The key contains a hyphen (`top-beratung`, `e-mail`).
    public var hasHyphen: Bool
    /// The key's byte when the key is a single ASCII character (`!`, `?`, `,`), else 0.
    public var mark: UInt8
    /// Scalar offset of the first character (of the `#` for hashtags).
    public var start: Int
    /// Scalar offset just past the last character.
    public var end: Int
    /// UTF-8 offsets of the surface text in the comment.
    public var textStart: Int32
    public var textEnd: Int32
    /// Offsets of the folded key in the segmenter's key bytes.
    public var keyStart: Int32
    public var keyEnd: Int32

    /// The number of bytes of the key.
    public var keyLength: Int { Int(keyEnd - keyStart) }
}

/// A sentence found by ICU's sentence break iterator, as a range of tokens and of characters.
public struct SentenceSpan: Sendable, Equatable {
    /// Indices into the comment's token array.
    public var tokens: Range<Int>
    /// Scalar offset of the first character.
    public var start: Int
    /// Scalar offset just past the last non-space character.
    public var end: Int
    /// UTF-8 offsets of the sentence text without surrounding white space.
    public var textStart: Int32
    public var textEnd: Int32
}

/// A comment cut into tokens and sentences, with the key bytes the tokens point into: a snapshot of a
/// segmenter's work for inspection and tests (the engine reads the segmenter's buffers directly).
public struct Segmentation: Sendable {
    public let text: String
    public let tokens: [Token]
    public let sentences: [SentenceSpan]
    let keyBytes: [UInt8]

    /// The folded lookup key of a token (`Ärger` → `aerger`).
    public func key(_ token: Token) -> String {
        String(decoding: keyBytes[Int(token.keyStart)..<Int(token.keyEnd)], as: UTF8.self)
    }

    /// The surface text of a token, as written.
    public func text(_ token: Token) -> Substring { text.utf8Slice(token.textStart, token.textEnd) }

    /// The text of a sentence without surrounding white space.
    public func text(_ sentence: SentenceSpan) -> Substring { text.utf8Slice(sentence.textStart, sentence.textEnd) }
}

extension String {
    /// The text between two UTF-8 offsets (constant time on native strings).
    public func utf8Slice(_ start: Int32, _ end: Int32) -> Substring {
        let utf8 = self.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: Int(start))
        return self[lower..<utf8.index(lower, offsetBy: Int(end - start))]
    }
}
