import VocanText

/// Scores segmented comments with a language pack: opinion words, then the rules around them
/// (negation, intensity, emphasis, contrast, questions, wishes), then clause, sentence and comment scores.
///
/// Raw sums are squashed into [-1, 1] with `x / sqrt(x² + 15)` (the normalization VADER uses), so one
/// moderate word (`gut`, 1.9) scores 0.44 and several strong ones approach ±1.
///
/// A scorer keeps its scratch buffers and compound cache from comment to comment (one per analyzer).
struct SentimentScorer {
    static let alpha = 15.0
    static let prefixBoost = 1.5
    static let precedingContrastWeight = 0.5
    static let concessionMainWeight = 1.5
    static let exclamationBoost = 0.3
    static let questionFactor = 0.2
    static let rhetoricalQuestionFactor = 0.8
    static let strongWeight = 2.5
    static let ironicWords = 6
    static let midFieldReach = 4
    static let linkFactor = 0.5
    static let negatedPositive = 0.75
    static let negatedNegative = 0.5
    static let negatedCXFloor = 1.5
    static let negatedEmotion = 0.5

    static func normalize(_ sum: Double) -> Double { sum / (sum * sum + alpha).squareRoot() }

    private let caches = LookupCaches()
    let readings = TokenBuffer<Reading>(repeating: .none)
    /// The rule entry starting at each token of the sentence read last that was looked up. It is only
    /// read at `foundPositions`, so the tokens `findsNothing` passes over are not written (and hold
    /// whatever an earlier sentence left).
    private let foundRules = TokenBuffer<(rule: Rule, length: Int)?>(repeating: nil)
    /// The opinion entry starting at each looked-up token of the sentence read last, only read at
    /// `foundPositions` (like `foundRules`).
    private let foundOpinions = TokenBuffer<(term: OpinionTerm, length: Int, compound: Bool)?>(repeating: nil)
    /// The emotion entry starting at each looked-up token of the sentence read last, only read at
    /// `foundPositions` (like `foundRules`).
    let foundEmotions = TokenBuffer<(term: EmotionProfile, length: Int, compound: Bool)?>(repeating: nil)
    let clauses = ScratchList<Clause>()
    let clauseStarts = ScratchList<(index: Int, rule: Rule?)>()
    /// The positions of the sentence read last that have a rule, opinion or emotion word, in order
    /// (see `choose`): the scorer's passes over a sentence's words visit these only.
    let foundPositions = ScratchList<Int>()
    /// The tokens and modifiers of each opinion evidence item of the clause being scored, in order, so
    /// that an emotion on the same tokens can share the item's modifiers and text.
    let clauseOpinions = ScratchList<(tokens: Range<Int>, modifiers: Modifiers)>()
    var signalMatches: [SignalPatterns.Match] = []
    let sentenceSums = ScratchList<Double>()
    let sentenceWeights = ScratchList<Double>()
    /// Per sentence: whether an emoticon or emoji gave it some tone (see `expressiveLabel`).
    let sentenceExpressive = ScratchList<Bool>()
    /// Per sentence: whether it is short ironic-capable praise alone (see `turnIronicPraise`).
    let sentenceIronic = ScratchList<Bool>()
    let sentenceEvidence = ScratchList<Range<Int>>()
    /// Per sentence of the comment being scored: the end of its clauses in the clause analyses.
    let sentenceClauseEnds = ScratchList<Int>()
    var pools = ResultPools()

    // MARK: Reading the tokens

    /// The opinion at a token; `heads` are the phrases that may start there (`LanguagePack.phrases(at:in:)`).
    func opinion(at index: Int, heads: PhraseHeads, in comment: CommentText, pack: LanguagePack,
                          vocabulary: Vocabulary) -> (term: OpinionTerm, length: Int, compound: Bool)? {
        let number = pack.number
        let found = lookup(pack.opinions, at: index, phrases: heads.opinions, in: comment, pack: pack, vocabulary: vocabulary,
                           single: { $0.opinion[number] }, compound: Self.compoundTerm)
        // A compound first part only (`bomben`) is no opinion as a word of its own.
        if let found, found.term.isPartOnly, !found.compound { return nil }
        return found
    }

    /// The emotions at a token; `heads` as for `opinion(at:heads:in:pack:vocabulary:)`.
    func emotion(at index: Int, heads: PhraseHeads, in comment: CommentText, pack: LanguagePack,
                          vocabulary: Vocabulary) -> (term: EmotionProfile, length: Int, compound: Bool)? {
        let number = pack.number
        return lookup(pack.emotions, at: index, phrases: heads.emotions, in: comment, pack: pack, vocabulary: vocabulary,
                      single: { $0.emotion[number] }, compound: Self.compoundEmotion)
    }

    /// Finds a term at a token: an exact or inflected entry (possibly one of the phrases `group` that
    /// may start there), the squeezed form of an elongated word (`suuuper` → `super`), or a compound
    /// of known parts. `single` reads the table's value number from an entry.
    @inline(__always)
    private func lookup<Value>(
        _ table: TermTable<Value>, at index: Int, phrases group: IndexRange, in comment: CommentText, pack: LanguagePack,
        vocabulary: Vocabulary, single: (TermEntry) -> UInt16, compound: (LanguagePack, Vocabulary, ArraySlice<TermID>) -> Value?
    ) -> (term: Value, length: Int, compound: Bool)? {
        let token = comment.tokens[index]
        switch token.kind {
        case .word, .hashtag, .emoji, .emoticon:
            if let match = table.match(comment.ids, at: index, single: single(comment.entries[index]), phrases: group) {
                return (match.value, match.length, false)
            }
        case .number:
            // Only phrases start with a number ("5 Sterne", "10 out of 10", "404 error").
            if let match = table.match(comment.ids, at: index, single: 0, phrases: group) {
                return (match.value, match.length, false)
            }
            return nil
        default:
            return nil
        }
        guard token.kind.isWordLike else { return nil }
        if token.isElongated {
            let key = comment.key(index)
            for maxRun in [2, 1] {
                caches.squeeze(key, maxRun: maxRun)
                let id = caches.squeezed.withUnsafeBufferPointer(vocabulary.id)
                if let term = table.value(single(vocabulary.entry(id))) { return (term, 1, false) }
            }
        }
        guard Self.mayBeCompound(token, pack: pack) else { return nil }
        let parts = caches.compounds[pack.language == .german ? 0 : 1].parts(of: comment.key(index), splitter: pack.splitter, vocabulary: vocabulary)
        if let parts, parts.count > 1, let term = compound(pack, vocabulary, parts) { return (term, 1, true) }
        return nil
    }

    /// A compound's opinion: an intensifying first part boosts an opinionated head (`Riesenärger`);
    /// otherwise the parts' weights add up (`Katastrophenservice`).
    private static func compoundTerm(_ pack: LanguagePack, _ vocabulary: Vocabulary, _ parts: ArraySlice<TermID>) -> OpinionTerm? {
        let head = pack.opinion(vocabulary.entry(parts[parts.endIndex - 1]))
        var boost = 1.0
        var sum = 0.0
        var found = false
        var isCX = false
        for part in parts.dropLast() {
            let entry = vocabulary.entry(part)
            if let rule = pack.rule(entry), rule.role == .intensifier, rule.value > 1 {
                boost = max(boost, rule.value)
            } else if let term = pack.opinion(entry) {
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
    private static func compoundEmotion(_ pack: LanguagePack, _ vocabulary: Vocabulary, _ parts: ArraySlice<TermID>) -> EmotionProfile? {
        var profile = EmotionProfile()
        for part in parts { if let emotions = pack.emotion(vocabulary.entry(part)) { profile.combine(emotions) } }
        return profile.isEmpty ? nil : profile
    }

    /// The rule word at a token; `heads` as for `opinion(at:heads:in:pack:vocabulary:)`.
    func rule(at index: Int, heads: PhraseHeads, in comment: CommentText, pack: LanguagePack) -> (rule: Rule, length: Int)? {
        let entry = comment.entries[index]
        if let match = pack.rules.match(comment.ids, at: index, single: entry.rule[pack.number], phrases: heads.rules) {
            return (match.value, match.length)
        }
        if let negation = pack.contractedNegation, comment.keyHasSuffix(index, "n't") { return (negation, 1) }
        return nil
    }

    /// Makes room in the per-token buffers for the tokens of a comment, before `read` reads its sentences.
    func reserveReadings(_ count: Int) {
        readings.reserve(count)
        foundRules.reserve(count)
        foundOpinions.reserve(count)
        foundEmotions.reserve(count)
    }

    /// Reads a sentence into `readings` (at each position a rule word, an opinion word or nothing; see
    /// `choose`) and `foundEmotions`, which `reserveReadings` made room in for the comment.
    func read(_ range: Range<Int>, in comment: CommentText, pack: LanguagePack, vocabulary: Vocabulary) {
        let readings = self.readings, foundRules = self.foundRules, foundOpinions = self.foundOpinions
        let foundEmotions = self.foundEmotions
        foundPositions.removeAll()
        for index in range {
            readings[index] = .none
            // Once for the three tables.
            let heads = pack.phrases(at: index, in: comment)
            if Self.findsNothing(at: index, heads: heads, in: comment, pack: pack) {
                if let verb = separableVerb(at: index, sentence: range, in: comment, pack: pack) {
                    foundRules[index] = nil
                    foundOpinions[index] = (verb, 1, false)
                    foundEmotions[index] = nil
                    foundPositions.append(index)
                }
                continue
            }
            var rule = self.rule(at: index, heads: heads, in: comment, pack: pack)
            if let found = rule, index + found.length > range.upperBound { rule = nil }
            let entry = comment.entries[index], token = comment.tokens[index]
            var opinion = Self.mayFind(entry.opinion[pack.number], phrases: heads.opinions, token, pack: pack)
                ? self.opinion(at: index, heads: heads, in: comment, pack: pack, vocabulary: vocabulary) : nil
            if let found = opinion, index + found.length > range.upperBound { opinion = nil }
            if opinion == nil, let verb = separableVerb(at: index, sentence: range, in: comment, pack: pack) { opinion = (verb, 1, false) }
            var emotion = Self.mayFind(entry.emotion[pack.number], phrases: heads.emotions, token, pack: pack)
                ? self.emotion(at: index, heads: heads, in: comment, pack: pack, vocabulary: vocabulary) : nil
            if let found = rule, found.rule.role == .salutation {
                if Self.opensLetter(at: index, length: found.length, in: comment, pack: pack, addressee: Int(found.rule.value)) {
                    opinion = nil
                    emotion = nil
                }
                rule = nil
            }
            foundRules[index] = rule
            foundOpinions[index] = opinion
            foundEmotions[index] = emotion
            if rule != nil || opinion != nil || emotion != nil { foundPositions.append(index) }
        }
        Self.choose(range, at: foundPositions, readings.elements, foundRules.elements, foundOpinions.elements)
    }

    /// How far after its verb a separated particle may stand (`fällt jeden Abend zwischen 19 und 22 Uhr aus`).
    static let particleReach = 10

    /// A German verb whose particle stands further on in its clause (`stürzt gelegentlich ab`,
    /// `fällt jeden Abend aus`), where the lexicon lists the two as a phrase (`stürzt ab`): its opinion,
    /// with the particle's offset. The nearest particle before a punctuation mark is taken; a word
    /// written with a capital inside the sentence is a noun.
    private func separableVerb(at index: Int, sentence: Range<Int>, in comment: CommentText, pack: LanguagePack) -> OpinionTerm? {
        guard !pack.separableParticles.isEmpty, comment.entries[index].phrases[pack.number] != 0,
              comment.tokens[index].kind == .word else { return nil }
        // A capital inside the sentence is a noun's (`Geld … zurück` is no verb).
        if index > sentence.lowerBound, comment.text(index).unicodeScalars.first?.properties.isUppercase == true { return nil }
        let reach = min(index + Self.particleReach + 1, sentence.upperBound)
        guard index + 1 < reach else { return nil }
        for particle in index + 1..<reach {
            let token = comment.tokens[particle]
            if token.isBoundary { return nil }
            guard token.kind == .word, comment.entries[particle].isPhraseSecond(pack: pack.number),
                  pack.separableParticles.contains(comment.ids[particle]) else { continue }
            guard var term = pack.separatedOpinion(verb: index, particle: particle, in: comment) else { continue }
            term.particleOffset = UInt8(particle - index)
            return term
        }
        return nil
    }

    /// Whether the salutation word at `index` opens the comment, after greetings (`hallo`) and handles
    /// only, and a comma or `!` ends the addressee within `addressee` tokens (`Hallo liebes Team,`,
    /// `Liebe @Telekom,`).
    private static func opensLetter(at index: Int, length: Int, in comment: CommentText, pack: LanguagePack, addressee: Int) -> Bool {
        let tokens = comment.tokens
        for earlier in 0..<index where tokens[earlier].kind.isWordLike {
            guard pack.rule(comment.entries[earlier])?.role == .salutation else { return false }
        }
        let after = index + length
        for later in after..<min(after + addressee + 1, tokens.count) where tokens[later].isBoundary {
            return later > after && (tokens[later].mark == UInt8(ascii: ",") || tokens[later].mark == UInt8(ascii: "!"))
        }
        return false
    }

    /// Whether `lookup` may find something in a table at a token whose entry has the table's value
    /// number `single` and whose phrase heads in it are `group`: with neither, only a squeezed or
    /// compound word can be found. Tested before the call, which most tokens with a value in another
    /// table (or a rule) would make for nothing.
    @inline(__always)
    private static func mayFind(_ single: UInt16, phrases group: IndexRange, _ token: Token, pack: LanguagePack) -> Bool {
        single != 0 || !group.isEmpty || token.kind.isWordLike && mayBeSqueezedOrSplit(token, pack: pack)
    }

    /// Whether `lookup` would try the token's squeezed form or its compound parts (as it does for
    /// word-like tokens).
    @inline(__always)
    private static func mayBeSqueezedOrSplit(_ token: Token, pack: LanguagePack) -> Bool {
        token.isElongated || mayBeCompound(token, pack: pack)
    }

    /// Whether `lookup` splits the token into compound parts: it is hyphenated, or a German word long
    /// enough to be a compound.
    @inline(__always)
    private static func mayBeCompound(_ token: Token, pack: LanguagePack) -> Bool {
        token.hasHyphen || pack.language == .german && token.keyLength >= 7
    }

    /// Whether no lookup can find anything at `index`: the key has no value and no phrase `heads`
    /// can start there in this pack, and the token is no candidate for squeezing, compound splitting
    /// or `n't` (most tokens of a comment, told apart without a lookup).
    @inline(__always)
    private static func findsNothing(at index: Int, heads: PhraseHeads, in comment: CommentText, pack: LanguagePack) -> Bool {
        let entry = comment.entries[index], token = comment.tokens[index], number = pack.number
        guard entry.opinion[number] | entry.emotion[number] | entry.rule[number] == 0, heads == PhraseHeads(),
              !mayBeSqueezedOrSplit(token, pack: pack) else { return false }
        return pack.contractedNegation == nil || !comment.keyHasSuffix(index, "n't")
    }

    /// At each position of a sentence, the rule word or the opinion word (or nothing): the longer
    /// match wins, and an intensifier that is also an opinion word is an intensifier only before one.
    /// `positions` are those of the sentence with a rule, opinion or emotion word, in order: the others
    /// read as nothing, so they are not visited (one with an emotion word only reads as nothing too).
    private static func choose(
        _ range: Range<Int>, at positions: ScratchList<Int>, _ readings: UnsafeMutableBufferPointer<Reading>,
        _ foundRules: UnsafeMutableBufferPointer<(rule: Rule, length: Int)?>,
        _ foundOpinions: UnsafeMutableBufferPointer<(term: OpinionTerm, length: Int, compound: Bool)?>
    ) {
        var index = range.lowerBound
        // Each position not inside the rule or opinion phrase chosen before.
        for position in positions.indices where positions[position] >= index {
            index = positions[position]
            let rule = foundRules[index], opinion = foundOpinions[index]
            if let rule, let opinion {
                // An opinion word within two tokens after the rule is at one of the next positions.
                let window = index + rule.length..<min(index + rule.length + 2, range.upperBound)
                var opinionFollows = false
                var next = position + 1
                while !opinionFollows, next < positions.count, positions[next] < window.upperBound {
                    opinionFollows = positions[next] >= window.lowerBound && foundOpinions[positions[next]] != nil
                    next += 1
                }
                if opinion.length > rule.length || (rule.rule.role == .intensifier && !opinionFollows) {
                    readings[index] = .opinion(opinion.term, length: opinion.length, compound: opinion.compound)
                    index += opinion.length
                } else {
                    readings[index] = .rule(rule.rule, length: rule.length)
                    index += rule.length
                }
            } else if let rule {
                readings[index] = .rule(rule.rule, length: rule.length)
                index += rule.length
            } else if let opinion {
                readings[index] = .opinion(opinion.term, length: opinion.length, compound: opinion.compound)
                index += opinion.length
            }
        }
    }
}

/// The lookups' caches, kept from comment to comment. A class, so that the lookups and `read` need
/// not be `mutating`: a mutating `read` loaded (retained and released) each of the scorer's token
/// buffers again every sentence, as the lookups it calls might have replaced them.
private final class LookupCaches {
    /// German compound splits, per language (index of `Language.analyzed`).
    var compounds = [CompoundCache(), CompoundCache()]
    /// The last squeezed key (see `squeeze`).
    private(set) var squeezed: [UInt8] = []

    /// `squeezed` = `key` with runs of a byte cut to `maxRun`.
    func squeeze(_ key: UnsafeBufferPointer<UInt8>, maxRun: Int) {
        squeezed.removeAll(keepingCapacity: true)
        var previous: UInt8 = 0
        var run = 0
        for byte in key {
            run = byte == previous ? run + 1 : 1
            previous = byte
            if run <= maxRun { squeezed.append(byte) }
        }
    }
}
