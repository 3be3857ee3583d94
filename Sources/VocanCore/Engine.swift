import VocanLexicons
import VocanText

/// The configured engine: lexicons and rules of both languages, loaded once and shared read-only by
/// every `Analyzer` (one per thread).
public struct Engine: Sendable {
    public let german: LanguagePack
    public let english: LanguagePack
    public let identifier: LanguageIdentifier
    /// Every key the lexicons know, numbered.
    public let vocabulary: Vocabulary
    /// Emoticons the segmenter must recognize (from the emoji lexicons).
    public let emoticons: Set<String>
    public let options: AnalysisOptions

    /// Loads the bundled lexicons, then `extraLexicons` (sentiment lexicons in the vocan, SentiWS or
    /// VADER format) and `extraEmotionLexicons` whose entries add to or override the bundled ones.
    /// `files` maps lexicon file names to their text; by default the files bundled from `lexicons/`.
    public init(
        options: AnalysisOptions = AnalysisOptions(), extraLexicons: [LexiconSource] = [],
        extraEmotionLexicons: [LexiconSource] = [], files: [String: String] = BundledLexicons.files
    ) throws {
        self.options = options
        func bundled(_ name: String) throws -> String {
            guard let text = files[name] else {
                throw LexiconError(file: name, line: 0, reason: "missing from the bundled lexicons")
            }
            return text
        }
        let emojiEntries = try LexiconFile.sentimentEntries(name: "sentiment.emoji.tsv", text: bundled("sentiment.emoji.tsv"))
        let emoticons = Set(emojiEntries.filter { $0.tags.contains("emoticon") }.map(\.term))
        self.emoticons = emoticons
        let keys = try TermKeys(emoticons: emoticons)
        // Parsed once, added to both languages where they apply.
        let emojiEmotions = try LexiconFile.emotionEntries(name: "emotions.emoji.tsv", text: bundled("emotions.emoji.tsv"))
        let extraOpinions = try extraLexicons.map { ($0.targetLanguages, try LexiconFile.sentimentEntries(name: $0.name, text: $0.text)) }
        let extraEmotions = try extraEmotionLexicons.map { ($0.targetLanguages, try LexiconFile.emotionEntries(name: $0.name, text: $0.text)) }
        var packs: [Language: LanguagePack] = [:]
        var vocabulary = Vocabulary()
        for language in Language.analyzed {
            let code = language.rawValue
            var builder = LanguagePackBuilder(language: language, keys: keys, vocabulary: vocabulary)
            try builder.addRules(name: "rules.\(code).tsv", text: bundled("rules.\(code).tsv"))
            builder.addOpinions(try LexiconFile.sentimentEntries(name: "sentiment.\(code).tsv", text: bundled("sentiment.\(code).tsv")))
            builder.addOpinions(emojiEntries)
            for (languages, entries) in extraOpinions where languages.contains(language) { builder.addOpinions(entries) }
            try builder.addEmotions(LexiconFile.emotionEntries(name: "emotions.\(code).tsv", text: bundled("emotions.\(code).tsv")))
            builder.addEmotions(emojiEmotions)
            for (languages, entries) in extraEmotions where languages.contains(language) { builder.addEmotions(entries) }
            if let parts = files["vocabulary.\(code).txt"] { builder.addCompoundParts(parts) }
            try builder.addSignals(name: "signals.\(code).tsv", text: bundled("signals.\(code).tsv"))
            let (pack, grown) = builder.build()
            packs[language] = pack
            vocabulary = grown
        }
        identifier = try LanguageIdentifier(profile: bundled("language.tsv"), vocabulary: &vocabulary)
        self.vocabulary = vocabulary
        german = packs[.german]!
        english = packs[.english]!
    }
}

extension Engine {
    /// The pack of an analyzed language; nil for `und`.
    public func pack(for language: Language) -> LanguagePack? {
        switch language {
        case .german: german
        case .english: english
        case .undetermined: nil
        }
    }

    /// The opinion entry of a term (after folding and inflection), for inspection and tests.
    public func opinion(_ term: String, in language: Language) throws -> OpinionTerm? {
        let keys = try TermKeys(emoticons: emoticons).keys(term)
        guard keys.count == 1 else { return nil }
        return pack(for: language)?.opinions[vocabulary.id(keys[0])]
    }
}

/// Folds lexicon terms into token keys exactly as the segmenter folds comment text.
struct TermKeys {
    private let segmenter: Segmenter

    init(emoticons: Set<String>) throws { segmenter = try Segmenter(emoticons: emoticons) }

    /// The keys of a term: one per token (`gar nicht` → `gar`, `nicht`; `Top-Beratung` → `top-beratung`).
    func keys(_ term: String) -> [String] {
        if term.utf8.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }) { return [term.lowercased()] }
        // A single word of letters (umlauts included) needs folding but no segmentation.
        if term.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic }) { return [segmenter.key(term)] }
        return segmenter.segment(term) { _ in .german }.tokens.map(\.key)
    }
}

/// Assembles a `LanguagePack` from lexicon entries, generating inflected forms.
struct LanguagePackBuilder {
    private var pack: LanguagePack
    private let keys: TermKeys
    private var vocabulary: Vocabulary
    private let inflector: Inflector
    private var compoundParts: Set<String> = []
    private var generated: [(key: String, term: OpinionTerm)] = []
    private var generatedEmotions: [(keys: [String], profile: EmotionProfile)] = []

    init(language: Language, keys: TermKeys, vocabulary: Vocabulary) {
        pack = LanguagePack(language: language)
        self.keys = keys
        self.vocabulary = vocabulary
        inflector = Inflector(language: language)
    }

    mutating func addRules(name: String, text: String) throws {
        for (line, fields) in LexiconFile.records(text) {
            let (term, rule) = try Rule.parse(fields, file: name, line: line)
            if term == "n't" { pack.contractedNegation = rule }
            pack.rules.insert(ids(term), rule)
        }
    }

    mutating func addOpinions(_ entries: [LexiconEntry]) {
        for entry in entries {
            let termKeys = keys.keys(entry.term)
            guard !termKeys.isEmpty else { continue }
            let term = OpinionTerm(weight: entry.weight, isPrefix: entry.tags.contains("prefix"), isCX: entry.tags.contains("cx"),
                                   isSentenceAdverb: entry.tags.contains("sentence_adverb"))
            pack.opinions.insert(termKeys.map { vocabulary.intern($0) }, term)
            if termKeys.count == 1 {
                compoundParts.insert(termKeys[0])
                for form in inflector.forms(of: termKeys[0], tags: entry.tags) { generated.append((form, term)) }
            }
        }
    }

    mutating func addEmotions(_ entries: [(term: String, profile: EmotionProfile)]) {
        for (term, profile) in entries {
            let termKeys = keys.keys(term)
            guard !termKeys.isEmpty else { continue }
            pack.emotions.insert(termKeys.map { vocabulary.intern($0) }, profile)
            if termKeys.count == 1 {
                for form in inflector.forms(of: termKeys[0], tags: [], comparison: false) { generatedEmotions.append(([form], profile)) }
            }
        }
    }

    mutating func addSignals(name: String, text: String) throws {
        let keys = self.keys
        try pack.signals.add(name: name, text: text) { term in keys.keys(term).map { vocabulary.intern($0) } }
    }

    /// Neutral words the compound splitter may use as parts (`vocabulary.de.txt`).
    mutating func addCompoundParts(_ text: String) {
        for (_, fields) in LexiconFile.records(text) {
            for key in keys.keys(String(fields[0].trimmingSpaces)) where key.count >= 3 {
                compoundParts.insert(key)
                compoundParts.formUnion(inflector.forms(of: key, tags: ["noun"]))
            }
        }
    }

    /// The finished pack and the vocabulary grown by its terms.
    consuming func build() -> (LanguagePack, Vocabulary) {
        // Later sources override earlier ones, so their generated forms go in first.
        // Inflected parts matter for German compounds only (Kunden|service); English splits at hyphens.
        let inflectedParts = pack.language == .german
        for (key, term) in generated.reversed() {
            pack.opinions.insert([vocabulary.intern(key)], term, replace: false)
            if inflectedParts { compoundParts.insert(key) }
        }
        for (keys, profile) in generatedEmotions.reversed() {
            pack.emotions.insert(keys.map { vocabulary.intern($0) }, profile, replace: false)
        }
        pack.splitter = CompoundSplitter(known: compoundParts)
        return (pack, vocabulary)
    }

    private mutating func ids(_ term: String) -> [TermID] { keys.keys(term).map { vocabulary.intern($0) } }
}
