import VocanText

/// Tells German from English without a model: stop words, character trigrams and letters from
/// `lexicons/language.tsv`, plus how many words each language's opinion lexicon knows.
public struct LanguageIdentifier: Sendable {
    /// Below this score neither language is plausible and the comment is `und`.
    public static let minimumScore = 1.0
    /// The winner must score at least this many times the other language.
    public static let minimumLead = 1.5
    /// A lead this clear on stop words and lexicon words alone decides without trigrams.
    static let clearLead = 3.0
    /// Score for a word that only one language's opinion lexicon knows.
    public static let lexiconWordScore = 0.5

    /// Weights of one feature for German and English.
    struct Weights: Sendable {
        var german = 0.0
        var english = 0.0

        mutating func add(_ weight: Double, for language: Language) {
            if language == .german { german += weight } else if language == .english { english += weight }
        }
    }

    /// Indexed by term id (dense), so a lookup is no hash.
    private var words: [Weights?] = []
    /// Trigrams packed into the low 24 bits (three UTF-8 bytes), which is much cheaper than strings.
    private var trigrams: [UInt32: Weights] = [:]
    private var letters: [Unicode.Scalar: Weights] = [:]

    /// Parses the profile file, numbering its words in the engine's vocabulary.
    public init(profile: String, file: String = "language.tsv", vocabulary: inout Vocabulary) throws {
        for (line, fields) in LexiconFile.records(profile) {
            guard fields.count >= 4, let language = Language(rawValue: String(fields[0])),
                  let weight = Double(fields[3]) else {
                throw LexiconError(file: file, line: line, reason: "expected lang<TAB>word|trigram|char<TAB>feature<TAB>weight")
            }
            let feature = String(fields[2])
            switch fields[1] {
            case "word":
                let id = Int(vocabulary.intern(feature))
                if id >= words.count { words += Array(repeating: nil, count: id - words.count + 1) }
                var weights = words[id] ?? Weights()
                weights.add(weight, for: language)
                words[id] = weights
            case "trigram":
                let bytes = Array(feature.utf8)
                guard bytes.count == 3 else { throw LexiconError(file: file, line: line, reason: "a trigram has three ASCII letters") }
                trigrams[Self.pack(bytes[0], bytes[1], bytes[2]), default: Weights()].add(weight, for: language)
            case "char":
                for scalar in feature.unicodeScalars { letters[scalar, default: Weights()].add(weight, for: language) }
            default:
                throw LexiconError(file: file, line: line, reason: "feature kind must be word, trigram or char")
            }
        }
    }

    private static func pack(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> UInt32 { UInt32(a) << 16 | UInt32(b) << 8 | UInt32(c) }

    /// The language of a tokenized comment.
    public func identify(_ tokens: [Token], ids: [TermID], german: LanguagePack, english: LanguagePack) -> Language {
        var scores = Weights()
        for (index, token) in tokens.enumerated() where token.kind.isWordLike {
            let id = ids[index]
            if id >= 0, Int(id) < words.count, let weights = words[Int(id)] {
                scores.german += weights.german
                scores.english += weights.english
            }
            let inGerman = german.opinions.starts(with: id), inEnglish = english.opinions.starts(with: id)
            if inGerman != inEnglish { scores.add(Self.lexiconWordScore, for: inGerman ? .german : .english) }
        }
        // Stop words and lexicons usually decide; letters and trigrams only when they do not.
        if let clear = decision(scores, margin: Self.clearLead) { return clear }
        for token in tokens where token.kind.isWordLike {
            var window: UInt32 = 0x5F
            var length = 1
            for byte in token.key.utf8 {
                window = (window << 8 | UInt32(byte)) & 0xFF_FFFF
                length += 1
                if length >= 3, let weights = trigrams[window] {
                    scores.german += weights.german
                    scores.english += weights.english
                }
            }
            window = (window << 8 | 0x5F) & 0xFF_FFFF
            if let weights = trigrams[window] {
                scores.german += weights.german
                scores.english += weights.english
            }
            if !token.text.utf8.allSatisfy({ $0 < 0x80 }) {
                for scalar in token.text.lowercased().unicodeScalars {
                    if let weights = letters[scalar] {
                        scores.german += weights.german
                        scores.english += weights.english
                    }
                }
            }
        }
        return decision(scores, margin: Self.minimumLead) ?? .undetermined
    }

    private func decision(_ scores: Weights, margin: Double) -> Language? {
        let (german, english) = (scores.german, scores.english)
        if german >= Self.minimumScore, german >= english * margin, german > english { return .german }
        if english >= Self.minimumScore, english >= german * margin, english > german { return .english }
        return nil
    }
}
