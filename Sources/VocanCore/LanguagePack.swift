/// A scored opinion term as the engine uses it.
public struct OpinionTerm: Sendable, Hashable, BitwiseCopyable {
    public var weight: Double
    /// Compound first part that intensifies its head (`riesen`, `mega`).
    public var isPrefix: Bool
    /// Customer-experience vocabulary; a negated positive CX term (`kein Rückruf`) is a complaint.
    public var isCX: Bool
    /// Comments on the whole sentence (`leider`, `unfortunately`): never negated, and no barrier to a
    /// negation of the words around it ("Passt leider nicht").
    public var isSentenceAdverb = false
}

/// Everything the engine knows about one language: opinion words, rule words, emotions, signal
/// patterns and compound vocabulary, all keyed by the engine's term ids.
///
/// Immutable and shared by reference, so handing a pack to a scorer copies no tables.
public final class LanguagePack: Sendable {
    public let language: Language
    public let opinions: TermTable<OpinionTerm>
    public let rules: TermTable<Rule>
    public let emotions: TermTable<EmotionProfile>
    public let signals: SignalPatterns
    /// Knows the keys the compound splitter may use as parts.
    public let splitter: CompoundSplitter
    /// The `n't` rule of English, applied to every key that ends in `n't`.
    public let contractedNegation: Rule?

    init(language: Language, opinions: TermTable<OpinionTerm>, rules: TermTable<Rule>, emotions: TermTable<EmotionProfile>,
         signals: SignalPatterns, splitter: CompoundSplitter, contractedNegation: Rule?) {
        self.language = language
        self.opinions = opinions
        self.rules = rules
        self.emotions = emotions
        self.signals = signals
        self.splitter = splitter
        self.contractedNegation = contractedNegation
    }
}

/// A lexicon file's name and contents, as the loader receives them (the CLI reads files; the bundle embeds them).
public struct LexiconSource: Sendable {
    public var name: String
    public var text: String
    /// The languages it applies to; nil means guess from the name (`*.de.tsv`) or apply to both.
    public var languages: [Language]?

    public init(name: String, text: String, languages: [Language]? = nil) {
        self.name = name
        self.text = text
        self.languages = languages
    }

    /// The languages this source applies to.
    var targetLanguages: [Language] {
        if let languages { return languages }
        if name.contains(".de.") { return [.german] }
        if name.contains(".en.") { return [.english] }
        if LexiconFile.detectFormat(text) == .sentiws { return [.german] }
        if LexiconFile.detectFormat(text) == .vader { return [.english] }
        return Language.analyzed
    }
}

extension LexiconFile {
    /// Parses an emotion lexicon (`term<TAB>emotion<TAB>intensity`) into one profile per term.
    public static func emotionEntries(name: String, text: String) throws -> [(term: String, profile: EmotionProfile)] {
        var order: [String] = []
        var profiles: [String: EmotionProfile] = [:]
        for (line, fields) in records(text) {
            guard fields.count >= 3, let emotion = Emotion(rawValue: String(fields[1].trimmingSpaces)),
                  let intensity = Double(fields[2].trimmingSpaces), intensity > 0, intensity <= 1 else {
                throw LexiconError(file: name, line: line,
                                   reason: "expected term<TAB>emotion<TAB>intensity with an emotion from \(Emotion.allCases.map(\.rawValue)) and intensity in (0, 1]")
            }
            let term = String(fields[0].trimmingSpaces)
            if profiles[term] == nil { order.append(term) }
            profiles[term, default: EmotionProfile()][emotion] = intensity
        }
        return order.map { ($0, profiles[$0]!) }
    }
}
