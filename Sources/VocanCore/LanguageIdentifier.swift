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
    struct Weights: Sendable, BitwiseCopyable {
        var german = 0.0
        var english = 0.0

        mutating func add(_ weight: Double, for language: Language) {
            if language == .german { german += weight } else if language == .english { english += weight }
        }

        mutating func add(_ other: Weights) {
            german += other.german
            english += other.english
        }
    }

    /// The weights of profile words; a word's `TermEntry.languageWord` is its index + 1 here.
    private(set) var wordWeights: [Weights] = []
    /// Trigrams packed into the low 24 bits (three UTF-8 bytes), which is much cheaper than strings.
    private(set) var trigrams: [UInt32: Weights] = [:]
    private(set) var letters: [Unicode.Scalar: Weights] = [:]

    init(wordWeights: [Weights], trigrams: [UInt32: Weights], letters: [Unicode.Scalar: Weights]) {
        self.wordWeights = wordWeights
        self.trigrams = trigrams
        self.letters = letters
    }

    /// Parses the profile file, numbering its words in the engine's vocabulary.
    public init(profile: String, file: String = "language.tsv", vocabulary: inout Vocabulary) throws {
        var words: [TermID: Weights] = [:]
        for (line, fields) in LexiconFile.records(profile) {
            guard fields.count >= 4, let language = Language(rawValue: String(fields[0])),
                  let weight = Double(fields[3]) else {
                throw LexiconError(file: file, line: line, reason: "expected lang<TAB>word|trigram|char<TAB>feature<TAB>weight")
            }
            let feature = String(fields[2])
            switch fields[1] {
            case "word":
                words[vocabulary.intern(feature), default: Weights()].add(weight, for: language)
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
        for (id, weights) in words.sorted(by: { $0.key < $1.key }) {
            guard wordWeights.count < Int(UInt16.max) else {
                throw LexiconError(file: file, line: 0, reason: "more than \(UInt16.max - 1) profile words")
            }
            wordWeights.append(weights)
            let number = UInt16(wordWeights.count)
            vocabulary.update(id) { $0.languageWord = number }
        }
    }

    private static func pack(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> UInt32 { UInt32(a) << 16 | UInt32(b) << 8 | UInt32(c) }

    /// The language of a tokenized comment.
    func identify(_ comment: CommentText, german: LanguagePack, english: LanguagePack) -> Language {
        var scores = Weights()
        let tokens = comment.tokens
        for index in tokens.indices where tokens[index].kind.isWordLike {
            let entry = comment.entries[index]
            if entry.languageWord != 0 { scores.add(wordWeights[Int(entry.languageWord) - 1]) }
            let inGerman = german.startsOpinion(entry), inEnglish = english.startsOpinion(entry)
            if inGerman != inEnglish { scores.add(Self.lexiconWordScore, for: inGerman ? .german : .english) }
        }
        // Stop words and lexicons usually decide; letters and trigrams only when they do not.
        if let clear = decision(scores, margin: Self.clearLead) { return clear }
        for index in tokens.indices where tokens[index].kind.isWordLike {
            var window: UInt32 = 0x5F
            var length = 1
            for byte in comment.key(index) {
                window = (window << 8 | UInt32(byte)) & 0xFF_FFFF
                length += 1
                if length >= 3, let weights = trigrams[window] { scores.add(weights) }
            }
            window = (window << 8 | 0x5F) & 0xFF_FFFF
            if let weights = trigrams[window] { scores.add(weights) }
            let text = comment.text(index)
            if !text.utf8.allSatisfy({ $0 < 0x80 }) {
                for scalar in text.lowercased().unicodeScalars {
                    if let weights = letters[scalar] { scores.add(weights) }
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
