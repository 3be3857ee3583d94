import VocanText

/// The configured engine: lexicons and rules of both languages, loaded once and shared read-only by
/// every `Analyzer` (one per thread).
///
/// An engine is built from lexicon texts (`init(options:extraLexicons:extraEmotionLexicons:files:)`)
/// or, much faster, loaded from a compiled `EngineImage` of them; the vocan binary carries the image
/// of its bundled lexicons, built when vocan is built.
public struct Engine: Sendable {
    public let german: LanguagePack
    public let english: LanguagePack
    public let identifier: LanguageIdentifier
    /// Every key the lexicons know, numbered.
    public let vocabulary: Vocabulary
    /// Emoticons the segmenter must recognize (from the emoji lexicons).
    public let emoticons: [String]
    /// How keys spell Latin letters such as `ø` (made with ICU's transliterator when the engine was built).
    public let latinSpellings: LatinSpellings
    public var options: AnalysisOptions

    init(german: LanguagePack, english: LanguagePack, identifier: LanguageIdentifier, vocabulary: Vocabulary,
         emoticons: [String], latinSpellings: LatinSpellings, options: AnalysisOptions) {
        self.german = german
        self.english = english
        self.identifier = identifier
        self.vocabulary = vocabulary
        self.emoticons = emoticons
        self.latinSpellings = latinSpellings
        self.options = options
    }

    /// Loads the lexicons in `files` (lexicon file names to their text, as in `lexicons/`), then
    /// `extraLexicons` (sentiment lexicons in the vocan, SentiWS or VADER format) and
    /// `extraEmotionLexicons`, whose entries add to or override the earlier ones.
    public init(
        options: AnalysisOptions = AnalysisOptions(), extraLexicons: [LexiconSource] = [],
        extraEmotionLexicons: [LexiconSource] = [], files: [String: String]
    ) throws {
        func bundled(_ name: String) throws -> String {
            guard let text = files[name] else {
                throw LexiconError(file: name, line: 0, reason: "missing from the lexicons")
            }
            return text
        }
        let emojiEntries = try LexiconFile.sentimentEntries(name: "sentiment.emoji.tsv", text: bundled("sentiment.emoji.tsv"))
        let emoticons = Set(emojiEntries.filter { $0.tags.contains("emoticon") }.map(\.term)).sorted()
        let keys = try TermKeys(emoticons: emoticons)
        // Parsed once, added to both languages where they apply.
        let emojiEmotions = try LexiconFile.emotionEntries(name: "emotions.emoji.tsv", text: bundled("emotions.emoji.tsv"))
        let extraOpinions = try extraLexicons.map { ($0.targetLanguages, try LexiconFile.sentimentEntries(name: $0.name, text: $0.text)) }
        let extraEmotions = try extraEmotionLexicons.map { ($0.targetLanguages, try LexiconFile.emotionEntries(name: $0.name, text: $0.text)) }
        var builders: [LanguagePackBuilder] = []
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
            vocabulary = builder.finishVocabulary()
            builders.append(builder)
        }
        var identifier = try LanguageIdentifier(profile: bundled("language.tsv"), vocabulary: &vocabulary)
        var packs: [LanguagePack] = []
        for (number, builder) in builders.enumerated() { packs.append(try builder.build(number: number, vocabulary: &vocabulary)) }
        try identifier.addLexiconWords(german: packs[0], english: packs[1], vocabulary: &vocabulary)
        vocabulary.shareValues()
        self.init(german: packs[0], english: packs[1], identifier: identifier,
                  vocabulary: vocabulary, emoticons: emoticons, latinSpellings: keys.latinSpellings(), options: options)
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
        return pack(for: language)?.opinion(vocabulary.entry(vocabulary.id(keys[0])))
    }

    /// The parts the compound splitter finds in a key (`routeraustauschtermin` → router, austausch,
    /// termin), nil when it is no compound of known words; for inspection and tests.
    public func compoundParts(_ key: String, in language: Language) -> [String]? {
        guard let splitter = pack(for: language)?.splitter else { return nil }
        var bytes = Array(key.utf8)
        var parts: [Range<Int>] = []
        let found = bytes.withUnsafeMutableBufferPointer { splitter.split(UnsafeBufferPointer($0), vocabulary: vocabulary, into: &parts) }
        bytes = Array(key.utf8)
        return found ? parts.map { String(decoding: bytes[$0], as: UTF8.self) } : nil
    }
}

/// Folds lexicon terms into token keys exactly as the segmenter folds comment text.
final class TermKeys {
    private var segmenter: Segmenter
    /// The segmenter keys an emoticon by its exact text (`xD` is no `xd`), so its term keeps it too.
    private let emoticons: Set<String>

    init(emoticons: [String]) throws {
        segmenter = try Segmenter(emoticons: emoticons)
        self.emoticons = Set(emoticons)
    }

    /// The spellings of non-ASCII Latin letters this folding uses (from ICU's transliterator).
    func latinSpellings() -> LatinSpellings { segmenter.latinSpellings() }

    /// The keys of a term: one per token (`gar nicht` → `gar`, `nicht`; `Top-Beratung` → `top-beratung`).
    func keys(_ term: String) -> [String] {
        if emoticons.contains(term) { return [term] }
        if term.utf8.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }) { return [term.lowercased()] }
        // A single word of letters (umlauts included) needs folding but no segmentation.
        if term.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic }) { return [segmenter.key(term)] }
        let segmentation = segmenter.segment(term, locale: .german)
        return segmentation.tokens.map(segmentation.key)
    }
}

/// Assembles a `LanguagePack` from lexicon entries, generating inflected forms.
struct LanguagePackBuilder {
    let language: Language
    private let keys: TermKeys
    private var vocabulary: Vocabulary
    private let inflector: Inflector
    private var opinions = TermTableBuilder<OpinionTerm>()
    private var rules = TermTableBuilder<Rule>()
    private var emotions = TermTableBuilder<EmotionProfile>()
    private var signals = SignalPatternsBuilder()
    private var contractedNegation: Rule?
    private var compoundParts: Set<String> = []
    private var compoundIDs: [TermID] = []
    private var separableParticles: [TermID] = []
    /// Generated forms: single keys, and the two-word phrases of separated German verbs.
    private var generated: [(keys: [String], term: OpinionTerm)] = []
    private var generatedEmotions: [(keys: [String], profile: EmotionProfile)] = []

    init(language: Language, keys: TermKeys, vocabulary: Vocabulary) {
        self.language = language
        self.keys = keys
        self.vocabulary = vocabulary
        inflector = Inflector(language: language)
    }

    mutating func addRules(name: String, text: String) throws {
        for (line, fields) in LexiconFile.records(text) {
            var (term, rule, pairedWith) = try Rule.parse(fields, file: name, line: line)
            if let pairedWith { rule.pairedWith = ids(pairedWith).first ?? Vocabulary.unknown }
            if term == "n't" { contractedNegation = rule }
            rules.insert(ids(term), rule)
        }
    }

    mutating func addOpinions(_ entries: [LexiconEntry]) {
        for entry in entries {
            let termKeys = keys.keys(entry.term)
            guard !termKeys.isEmpty else { continue }
            let term = OpinionTerm(weight: entry.weight, isPrefix: entry.tags.contains("prefix"), isCX: entry.tags.contains("cx"),
                                   isSentenceAdverb: entry.tags.contains("sentence_adverb"),
                                   isExpressive: entry.tags.contains("emoticon") || entry.tags.contains("emoji"),
                                   isPartOnly: entry.tags.contains("part"), isIronic: entry.tags.contains("ironic"),
                                   isBareIronic: entry.tags.contains("ironic_bare"))
            opinions.insert(termKeys.map { vocabulary.intern($0) }, term)
            if termKeys.count == 1 {
                compoundParts.insert(termKeys[0])
                for form in inflector.forms(of: termKeys[0], tags: entry.tags) { generated.append(([form], term)) }
                if entry.tags.contains("verb") {
                    for phrase in inflector.separatedForms(of: termKeys[0]) { generated.append((phrase, term)) }
                }
            }
        }
    }

    mutating func addEmotions(_ entries: [(term: String, profile: EmotionProfile)]) {
        for (term, profile) in entries {
            let termKeys = keys.keys(term)
            guard !termKeys.isEmpty else { continue }
            emotions.insert(termKeys.map { vocabulary.intern($0) }, profile)
            if termKeys.count == 1 {
                for form in inflector.forms(of: termKeys[0], tags: [], comparison: false) { generatedEmotions.append(([form], profile)) }
            }
        }
    }

    mutating func addSignals(name: String, text: String) throws {
        let keys = self.keys
        var vocabulary = self.vocabulary
        try signals.add(name: name, text: text) { term in keys.keys(term).map { vocabulary.intern($0) } }
        self.vocabulary = vocabulary
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

    /// Adds the generated forms and compound parts to the tables and returns the vocabulary grown by
    /// this pack's terms (the next pack and the language identifier number theirs after them).
    mutating func finishVocabulary() -> Vocabulary {
        // Later sources override earlier ones, so their generated forms go in first.
        // Inflected parts matter for German compounds only (Kunden|service); English splits at hyphens.
        let inflectedParts = language == .german
        for (keys, term) in generated.reversed() {
            opinions.insert(keys.map { vocabulary.intern($0) }, term, replace: false)
            if inflectedParts, keys.count == 1 { compoundParts.insert(keys[0]) }
        }
        separableParticles = language == .german ? Inflector.separableParticles.map { vocabulary.intern($0) } : []
        for (keys, profile) in generatedEmotions.reversed() {
            emotions.insert(keys.map { vocabulary.intern($0) }, profile, replace: false)
        }
        compoundIDs = compoundParts.map { vocabulary.intern($0) }
        generated = []
        generatedEmotions = []
        return vocabulary
    }

    /// The finished pack, number `number` in the entries of `vocabulary`, whose entries it fills.
    func build(number: Int, vocabulary: inout Vocabulary) throws -> LanguagePack {
        let code = language.rawValue
        let (opinionTable, opinionSingles, opinionHeads) = try opinions.build(name: "sentiment.\(code).tsv")
        let (ruleTable, ruleSingles, ruleHeads) = try rules.build(name: "rules.\(code).tsv")
        let (emotionTable, emotionSingles, emotionHeads) = try emotions.build(name: "emotions.\(code).tsv")
        let (signalPatterns, signalStarts) = signals.build()
        for (id, value) in opinionSingles { vocabulary.update(id) { $0.opinion[number] = value } }
        for (id, value) in ruleSingles { vocabulary.update(id) { $0.rule[number] = value } }
        for (id, value) in emotionSingles { vocabulary.update(id) { $0.emotion[number] = value } }
        var heads: [TermID: PhraseHeads] = [:]
        for (id, range) in opinionHeads { heads[id, default: PhraseHeads()].opinions = range }
        for (id, range) in ruleHeads { heads[id, default: PhraseHeads()].rules = range }
        for (id, range) in emotionHeads { heads[id, default: PhraseHeads()].emotions = range }
        var phraseHeads: [PhraseHeads] = []
        for (id, head) in heads.sorted(by: { $0.key < $1.key }) {
            guard phraseHeads.count < Int(UInt16.max) else {
                throw LexiconError(file: "sentiment.\(code).tsv", line: 0, reason: "more than \(UInt16.max - 1) words start phrases")
            }
            phraseHeads.append(head)
            let headNumber = UInt16(phraseHeads.count)
            vocabulary.update(id) { $0.phrases[number] = headNumber }
        }
        for (id, value) in signalStarts { vocabulary.update(id) { $0.signals[number] = value } }
        for id in compoundIDs { vocabulary.update(id) { $0.flags |= 1 << UInt8(number) } }
        let secondIDs: [(PhraseTable, [TermID])] = [(.opinions, opinionTable.secondIDs), (.rules, ruleTable.secondIDs),
                                                     (.emotions, emotionTable.secondIDs)]
        for (table, ids) in secondIDs {
            let flag = TermEntry.phraseSecondFlag(table, pack: number)
            for id in ids { vocabulary.update(id) { $0.flags |= flag } }
        }
        return LanguagePack(language: language, number: number, opinions: opinionTable, rules: ruleTable, emotions: emotionTable,
                            signals: signalPatterns, phraseHeads: phraseHeads, contractedNegation: contractedNegation,
                            separableParticles: separableParticles)
    }

    private mutating func ids(_ term: String) -> [TermID] { keys.keys(term).map { vocabulary.intern($0) } }
}
