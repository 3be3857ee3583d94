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
    /// An emoticon or emoji (`:-)`, `XD`, `😡`): the writer's own tone, so never negated, shouted or
    /// damped as part of a question, wish or shared link.
    public var isExpressive = false
    /// Only a compound first part, never a word of its own: `bomben` scores in `Bombenstimmung`,
    /// while `Bomben` alone are bombs.
    public var isPartOnly = false
    /// Praise that a complaint turns ironic (`Herzlichen Glückwunsch.`, `Well done.`): in a short sentence
    /// of such praise alone, beside sentences that are clearly negative, it counts against.
    public var isIronic = false
    /// Plain praise that a complaint turns ironic only as a sentence of its own (`Great.`, `Super.`,
    /// `Just perfect.`): with any other word (`These are perfect.`) it is praise.
    public var isBareIronic = false
    /// For a German separable verb read apart from its particle (`fällt jeden Abend aus`), how many
    /// tokens after the verb the particle stands; 0 for every other reading.
    public var particleOffset: UInt8 = 0
}

/// Everything the engine knows about one language: opinion words, rule words, emotions, signal
/// patterns and compound vocabulary. Which entry a key has is in its `TermEntry`, under the pack's
/// `number`.
///
/// Immutable and shared by reference, so handing a pack to a scorer copies no tables.
public final class LanguagePack: Sendable {
    public let language: Language
    /// Position of this pack's fields in a `TermEntry` (0 German, 1 English).
    let number: Int
    public let opinions: TermTable<OpinionTerm>
    public let rules: TermTable<Rule>
    public let emotions: TermTable<EmotionProfile>
    public let signals: SignalPatterns
    /// The phrases first words start; a word's `TermEntry.phrases` has its index + 1 here.
    let phraseHeads: [PhraseHeads]
    /// Per `PhraseTable`: the second words of each first word's phrases, by the phrase group.
    private let phraseSeconds: [PairFilter]
    /// Splits compounds into this pack's known parts.
    public let splitter: CompoundSplitter
    /// The `n't` rule of English, applied to every key that ends in `n't`.
    public let contractedNegation: Rule?
    /// German separable verb particles (`aus` in `fällt … aus`); empty for English.
    let separableParticles: [TermID]

    init(language: Language, number: Int, opinions: TermTable<OpinionTerm>, rules: TermTable<Rule>,
         emotions: TermTable<EmotionProfile>, signals: SignalPatterns, phraseHeads: [PhraseHeads], contractedNegation: Rule?,
         separableParticles: [TermID]) {
        self.language = language
        self.number = number
        self.opinions = opinions
        self.rules = rules
        self.emotions = emotions
        self.signals = signals
        self.phraseHeads = phraseHeads
        phraseSeconds = [opinions.secondWords(of: phraseHeads.lazy.map(\.opinions)),
                         rules.secondWords(of: phraseHeads.lazy.map(\.rules)),
                         emotions.secondWords(of: phraseHeads.lazy.map(\.emotions))]
        splitter = CompoundSplitter(pack: number)
        self.contractedNegation = contractedNegation
        self.separableParticles = separableParticles
    }

    /// The opinion of the two-word phrase of the verb at `verb` and the particle at `particle`, read
    /// apart (`fällt` … `aus` as `fällt aus`).
    func separatedOpinion(verb: Int, particle: Int, in comment: CommentText) -> OpinionTerm? {
        let head = comment.entries[verb].phrases[number]
        guard head != 0 else { return nil }
        let group = phraseHeads[Int(head) - 1].opinions
        guard !group.isEmpty else { return nil }
        return withUnsafeTemporaryAllocation(of: TermID.self, capacity: 2) { pair in
            pair[0] = comment.ids[verb]
            pair[1] = comment.ids[particle]
            guard let match = opinions.match(UnsafeBufferPointer(pair), at: 0, single: 0, phrases: group), match.length == 2 else { return nil }
            return match.value
        }
    }

    /// The single-word opinion of a key with this entry.
    @inline(__always)
    func opinion(_ entry: TermEntry) -> OpinionTerm? { opinions.value(entry.opinion[number]) }

    @inline(__always)
    func rule(_ entry: TermEntry) -> Rule? { rules.value(entry.rule[number]) }

    @inline(__always)
    func emotion(_ entry: TermEntry) -> EmotionProfile? { emotions.value(entry.emotion[number]) }

    /// The phrases a key with this entry starts.
    @inline(__always)
    func phrases(_ entry: TermEntry) -> PhraseHeads {
        let head = entry.phrases[number]
        return head == 0 ? PhraseHeads() : phraseHeads[Int(head) - 1]
    }

    /// The phrases that may start at token `index`, per table: none unless the next token is the
    /// second word of some phrase of that table (most phrase heads are common words, most of their
    /// neighbours are not, and a neighbour that continues a rule phrase seldom continues an emotion
    /// one), and, per `phraseSeconds`, maybe of one that starts with this token's word.
    @inline(__always)
    func phrases(at index: Int, in comment: CommentText) -> PhraseHeads {
        let head = comment.entries[index].phrases[number]
        guard head != 0, index + 1 < comment.entries.count else { return PhraseHeads() }
        let next = comment.entries[index + 1]
        guard next.isPhraseSecond(pack: number) else { return PhraseHeads() }
        var heads = phraseHeads[Int(head) - 1]
        let second = comment.ids[index + 1]
        heads.opinions = candidates(heads.opinions, of: .opinions, next: next, second: second)
        heads.rules = candidates(heads.rules, of: .rules, next: next, second: second)
        heads.emotions = candidates(heads.emotions, of: .emotions, next: next, second: second)
        return heads
    }

    /// `group` of `table` if one of its phrases may continue with the next token (`next`, `second`), else none.
    @inline(__always)
    private func candidates(_ group: IndexRange, of table: PhraseTable, next: TermEntry, second: TermID) -> IndexRange {
        guard !group.isEmpty, next.isPhraseSecond(in: table, pack: number),
              phraseSeconds[table.rawValue].mayContain(group.start, second) else { return IndexRange(0, 0) }
        return group
    }

    /// Whether any opinion entry (a single word or the first word of a phrase) starts with this key.
    @inline(__always)
    func startsOpinion(_ entry: TermEntry) -> Bool { entry.opinion[number] != 0 || !phrases(entry).opinions.isEmpty }
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
