import VocanText

/// Scores one segmented comment with a language pack: opinion words, then the rules around them
/// (negation, intensity, emphasis, contrast, questions, wishes), then clause, sentence and comment scores.
///
/// Raw sums are squashed into [-1, 1] with `x / sqrt(x² + 15)` (the normalization VADER uses), so one
/// moderate word (`gut`, 1.9) scores 0.44 and several strong ones approach ±1.
struct SentimentScorer {
    let pack: LanguagePack
    let vocabulary: Vocabulary
    let options: AnalysisOptions
    /// German compound splits, cached across comments by the analyzer.
    var compounds: CompoundCache

    static let alpha = 15.0
    static let prefixBoost = 1.5
    static let precedingContrastWeight = 0.5
    static let concessionMainWeight = 1.5
    static let exclamationBoost = 0.3
    static let questionFactor = 0.2
    static let rhetoricalQuestionFactor = 0.8
    static let strongWeight = 2.5
    static let linkFactor = 0.5
    static let negatedPositive = 0.75
    static let negatedNegative = 0.5
    static let negatedCXFloor = 1.5
    static let negatedEmotion = 0.5

    static func normalize(_ sum: Double) -> Double { sum / (sum * sum + alpha).squareRoot() }

    func label(_ score: Double) -> SentimentLabel {
        score >= options.positiveThreshold ? .positive : score <= options.negativeThreshold ? .negative : .neutral
    }

    // MARK: Reading the tokens

    /// What the engine made of a token position.
    enum Reading {
        case rule(Rule, length: Int)
        case opinion(OpinionTerm, length: Int, rules: [String])
    }

    mutating func opinion(at index: Int, tokens: [Token], ids: [TermID]) -> (term: OpinionTerm, length: Int, rules: [String])? {
        lookup(pack.opinions, at: index, tokens: tokens, ids: ids, compound: Self.compoundTerm)
    }

    mutating func emotion(at index: Int, tokens: [Token], ids: [TermID]) -> (term: EmotionProfile, length: Int, rules: [String])? {
        lookup(pack.emotions, at: index, tokens: tokens, ids: ids, compound: Self.compoundEmotion)
    }

    /// Finds a term at a token: an exact or inflected entry (possibly a phrase), the squeezed form of an
    /// elongated word (`suuuper` → `super`), or a compound of known parts.
    private mutating func lookup<Value>(
        _ table: TermTable<Value>, at index: Int, tokens: [Token], ids: [TermID],
        compound: (LanguagePack, [TermID]) -> Value?
    ) -> (term: Value, length: Int, rules: [String])? {
        let token = tokens[index]
        switch token.kind {
        case .word, .hashtag, .emoji, .emoticon:
            if let match = table.match(ids, at: index) { return (match.value, match.length, []) }
        default:
            return nil
        }
        guard token.kind.isWordLike else { return nil }
        let key = token.key
        if token.isElongated {
            for maxRun in [2, 1] {
                if let term = table[vocabulary.id(squeeze(key, maxRun: maxRun))] { return (term, 1, []) }
            }
        }
        if key.utf8.contains(0x2D) || (pack.language == .german && key.utf8.count >= 7),
           let parts = compounds.parts(of: key, splitter: pack.splitter), parts.count > 1,
           let term = compound(pack, parts.map(vocabulary.id)) {
            return (term, 1, ["compound"])
        }
        return nil
    }

    /// A compound's opinion: an intensifying first part boosts an opinionated head (`Riesenärger`);
    /// otherwise the parts' weights add up (`Katastrophenservice`).
    private static func compoundTerm(_ pack: LanguagePack, _ parts: [TermID]) -> OpinionTerm? {
        let head = pack.opinions[parts[parts.count - 1]]
        var boost = 1.0
        var sum = 0.0
        var found = false
        var isCX = false
        for part in parts.dropLast() {
            if let rule = pack.rules[part], rule.role == .intensifier, rule.value > 1 {
                boost = max(boost, rule.value)
            } else if let term = pack.opinions[part] {
                if term.isPrefix { boost = max(boost, prefixBoost) }
                sum += term.weight
                found = true
                isCX = isCX || term.isCX
            }
        }
        if let head, boost > 1 {
            return OpinionTerm(weight: (head.weight * boost).clamped(to: -4...4), isPrefix: false, isCX: head.isCX)
        }
        if let head {
            sum += head.weight
            found = true
            isCX = isCX || head.isCX
        }
        return found && sum != 0 ? OpinionTerm(weight: sum.clamped(to: -4...4), isPrefix: false, isCX: isCX) : nil
    }

    /// A compound's emotions: those of its parts combined (`Riesenfreude` → joy, `Horrorhotline` → fear, anger).
    private static func compoundEmotion(_ pack: LanguagePack, _ parts: [TermID]) -> EmotionProfile? {
        var profile = EmotionProfile()
        for part in parts { if let emotions = pack.emotions[part] { profile.combine(emotions) } }
        return profile.isEmpty ? nil : profile
    }

    private func squeeze(_ key: String, maxRun: Int) -> String {
        var result = [UInt8]()
        var previous: UInt8 = 0
        var run = 0
        for byte in key.utf8 {
            run = byte == previous ? run + 1 : 1
            previous = byte
            if run <= maxRun { result.append(byte) }
        }
        return String(decoding: result, as: UTF8.self)
    }

    func rule(at index: Int, tokens: [Token], ids: [TermID]) -> (rule: Rule, length: Int)? {
        if let match = pack.rules.match(ids, at: index) { return (match.value, match.length) }
        if let negation = pack.contractedNegation, tokens[index].key.utf8.last == 0x74, tokens[index].key.hasSuffix("n't") {
            return (negation, 1)
        }
        return nil
    }

    /// Reads a sentence: at each position either a rule word or an opinion word (or nothing).
    /// The longer match wins; an intensifier that is also an opinion word (`super`, `total`) is an
    /// intensifier only when an opinion word follows within two tokens.
    mutating func readings(_ range: Range<Int>, tokens: [Token], ids: [TermID]) -> Readings {
        var rules = [(rule: Rule, length: Int)?](repeating: nil, count: range.count)
        var opinions = [(term: OpinionTerm, length: Int, rules: [String])?](repeating: nil, count: range.count)
        for index in range {
            if let found = rule(at: index, tokens: tokens, ids: ids), index + found.length <= range.upperBound {
                rules[index - range.lowerBound] = found
            }
            if let found = opinion(at: index, tokens: tokens, ids: ids), index + found.length <= range.upperBound {
                opinions[index - range.lowerBound] = found
            }
        }
        var result = Readings(range: range)
        var index = range.lowerBound
        while index < range.upperBound {
            let rule = rules[index - range.lowerBound], opinion = opinions[index - range.lowerBound]
            if let rule, let opinion {
                let opinionFollows = (index + rule.length..<min(index + rule.length + 2, range.upperBound))
                    .contains { opinions[$0 - range.lowerBound] != nil }
                if opinion.length > rule.length || (rule.rule.role == .intensifier && !opinionFollows) {
                    result[index] = .opinion(opinion.term, length: opinion.length, rules: opinion.rules)
                    index += opinion.length
                } else {
                    result[index] = .rule(rule.rule, length: rule.length)
                    index += rule.length
                }
            } else if let rule {
                result[index] = .rule(rule.rule, length: rule.length)
                index += rule.length
            } else if let opinion {
                result[index] = .opinion(opinion.term, length: opinion.length, rules: opinion.rules)
                index += opinion.length
            } else {
                index += 1
            }
        }
        return result
    }
}

/// What the engine made of each token of a sentence (nil where it found nothing).
struct Readings {
    private let range: Range<Int>
    private var items: [SentimentScorer.Reading?]

    init(range: Range<Int>) {
        self.range = range
        items = Array(repeating: nil, count: range.count)
    }

    subscript(index: Int) -> SentimentScorer.Reading? {
        get { range.contains(index) ? items[index - range.lowerBound] : nil }
        set { items[index - range.lowerBound] = newValue }
    }
}

/// German compound splits, remembered across comments (a bounded cache owned by one analyzer).
struct CompoundCache {
    private var splits: [String: [String]?] = [:]

    mutating func parts(of key: String, splitter: CompoundSplitter) -> [String]? {
        if let cached = splits[key] { return cached }
        if splits.count > 200_000 { splits.removeAll(keepingCapacity: true) }
        let parts = splitter.split(key)
        splits[key] = .some(parts)
        return parts
    }
}
