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

    /// A letter of the profile (`ä`, `ß`) with its weights.
    struct Letter: Sendable, BitwiseCopyable {
        var scalar: UInt32
        var weights: Weights
    }

    /// The weights of profile words, each in the row numbered by its `TermEntry.languageWord`; row 0,
    /// that of every other word, weighs nothing.
    private(set) var wordWeights = [Weights()]
    private(set) var trigrams = TrigramTable()
    /// Sorted by scalar. A handful, so a scan is cheaper than hashing.
    private(set) var letters: [Letter] = []

    init(wordWeights: [Weights], trigrams: TrigramTable, letters: [Letter]) {
        self.wordWeights = wordWeights
        self.trigrams = trigrams
        self.letters = letters
    }

    /// Adds `lexiconWordScore` to the row of every word that starts an opinion (a word or phrase) in
    /// one language's lexicon and not in the other's: the row of a profile word, or one of two shared
    /// rows, so that identifying reads one row per word. Call once the packs are built.
    mutating func addLexiconWords(german: LanguagePack, english: LanguagePack, vocabulary: inout Vocabulary) throws {
        var bonusRows: [Language: UInt16] = [:]
        for id in 0..<TermID(vocabulary.count) {
            let entry = vocabulary.entry(id)
            let inGerman = german.startsOpinion(entry), inEnglish = english.startsOpinion(entry)
            guard inGerman != inEnglish else { continue }
            let language: Language = inGerman ? .german : .english
            if entry.languageWord != 0 {
                wordWeights[Int(entry.languageWord)].add(Self.lexiconWordScore, for: language)
                continue
            }
            if bonusRows[language] == nil {
                var row = Weights()
                row.add(Self.lexiconWordScore, for: language)
                bonusRows[language] = try appendRow(row, file: "language.tsv")
            }
            let row = bonusRows[language]!
            vocabulary.update(id) { $0.languageWord = row }
        }
    }

    /// Appends a row to `wordWeights`; returns its number, which a `TermEntry.languageWord` holds.
    private mutating func appendRow(_ weights: Weights, file: String) throws -> UInt16 {
        guard wordWeights.count <= Int(UInt16.max) else {
            throw LexiconError(file: file, line: 0, reason: "more than \(UInt16.max - 1) profile words")
        }
        wordWeights.append(weights)
        return UInt16(wordWeights.count - 1)
    }

    /// Parses the profile file, numbering its words in the engine's vocabulary.
    public init(profile: String, file: String = "language.tsv", vocabulary: inout Vocabulary) throws {
        var words: [TermID: Weights] = [:]
        var trigrams: [UInt32: Weights] = [:]
        var letters: [UInt32: Weights] = [:]
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
                trigrams[UInt32(bytes[0]) << 16 | UInt32(bytes[1]) << 8 | UInt32(bytes[2]), default: Weights()].add(weight, for: language)
            case "char":
                for scalar in feature.unicodeScalars { letters[scalar.value, default: Weights()].add(weight, for: language) }
            default:
                throw LexiconError(file: file, line: line, reason: "feature kind must be word, trigram or char")
            }
        }
        for (id, weights) in words.sorted(by: { $0.key < $1.key }) {
            let number = try appendRow(weights, file: file)
            vocabulary.update(id) { $0.languageWord = number }
        }
        self.trigrams = TrigramTable(trigrams)
        self.letters = letters.sorted { $0.key < $1.key }.map { Letter(scalar: $0.key, weights: $0.value) }
    }

    /// The language of a tokenized comment.
    func identify(_ comment: CommentText) -> Language {
        var scores = Weights()
        let tokens = comment.tokens, entries = comment.entries
        for index in tokens.indices {
            // Every token adds a row, row 0 unless it is a word: adding zeros changes no sum, where a
            // branch on which words the profile has would often be mispredicted.
            scores.add(wordWeights[tokens[index].kind.isWordLike ? Int(entries[index].languageWord) : 0])
        }
        // Stop words and lexicons usually decide; letters and trigrams only when they do not.
        if let clear = decision(scores, margin: Self.clearLead) { return clear }
        // Letters count in words with a non-ASCII byte, which the text's bytes tell without a Substring per word.
        comment.withBytes { text in
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
                let token = tokens[index]
                if text[Int(token.textStart)..<Int(token.textEnd)].contains(where: { $0 >= 0x80 }) {
                    addLetters(of: comment.text(index), to: &scores)
                }
            }
        }
        return decision(scores, margin: Self.minimumLead) ?? .undetermined
    }

    /// Adds the weights of the letters of a word in lowercase, as `lowercased()` would spell it, without
    /// building that string: ASCII letters are folded here, other scalars mapped one by one.
    private func addLetters(of word: Substring, to scores: inout Weights) {
        for scalar in word.unicodeScalars {
            if scalar.isASCII {
                let value = scalar.value
                addLetter((0x41...0x5A).contains(value) ? value | 0x20 : value, to: &scores)
            } else {
                for lower in scalar.properties.lowercaseMapping.unicodeScalars { addLetter(lower.value, to: &scores) }
            }
        }
    }

    private func addLetter(_ scalar: UInt32, to scores: inout Weights) {
        for letter in letters where letter.scalar >= scalar {
            if letter.scalar == scalar { scores.add(letter.weights) }
            return
        }
    }

    private func decision(_ scores: Weights, margin: Double) -> Language? {
        let (german, english) = (scores.german, scores.english)
        if german >= Self.minimumScore, german >= english * margin, german > english { return .german }
        if english >= Self.minimumScore, english >= german * margin, english > german { return .english }
        return nil
    }
}

/// The profile's trigrams in an open-addressing table, built once with the engine and stored as it
/// sits in memory in the `EngineImage`: a probe is a multiply and mostly one slot, where a
/// `Dictionary` would hash every window with SipHash.
struct TrigramTable: Sendable {
    /// A trigram (three UTF-8 bytes in the low 24 bits) with its weights, or `empty`.
    struct Slot: Sendable, BitwiseCopyable {
        var trigram: UInt32
        var weights: LanguageIdentifier.Weights
    }

    /// No window of three bytes has bits above the low 24.
    static let empty: UInt32 = .max

    /// A power of two, at least twice the number of trigrams, so that a miss ends in a slot or two.
    private(set) var slots: [Slot]

    init(_ trigrams: [UInt32: LanguageIdentifier.Weights] = [:]) {
        var count = 8
        while count < trigrams.count * 2 { count *= 2 }
        slots = Array(repeating: Slot(trigram: Self.empty, weights: .init()), count: count)
        // In key order, so that every build writes the same image.
        for (trigram, weights) in trigrams.sorted(by: { $0.key < $1.key }) {
            var index = Self.home(trigram, count: count)
            while slots[index].trigram != Self.empty { index = (index + 1) & (count - 1) }
            slots[index] = Slot(trigram: trigram, weights: weights)
        }
    }

    /// The table an `EngineImage` stored; nil unless it has the shape `init` gives.
    init?(slots: [Slot]) {
        guard slots.count >= 8, slots.count & (slots.count - 1) == 0,
              slots.contains(where: { $0.trigram == Self.empty }) else { return nil }
        self.slots = slots
    }

    /// Fibonacci hashing: the top bits of the product, which spread trigrams that share bytes.
    private static func home(_ trigram: UInt32, count: Int) -> Int {
        Int((trigram &* 0x9E37_79B9) >> UInt32(32 - count.trailingZeroBitCount))
    }

    subscript(trigram: UInt32) -> LanguageIdentifier.Weights? {
        var index = Self.home(trigram, count: slots.count)
        while true {
            let slot = slots[index]
            if slot.trigram == trigram { return slot.weights }
            if slot.trigram == Self.empty { return nil }
            index = (index + 1) & (slots.count - 1)
        }
    }
}
