import VocanText

extension SentimentScorer {
    /// The sentiment of a comment, its sentences and clauses, and the evidence.
    struct Result {
        var sentiment: SentimentScore
        var sentences: [SentenceAnalysis]
        var evidence: [Evidence]
        var emotions: EmotionProfile
        var emotionEvidence: [EmotionEvidence]
        var signalEvidence: [SignalEvidence]
    }

    struct Clause {
        var tokens: Range<Int>
        var weight = 1.0
        /// The rule that weighted the clause (`contrast` or `concession`), for the evidence.
        var weighting: EvidenceRules = []
        var sum = 0.0
        /// Its items in the comment's evidence.
        var evidence = 0..<0
        var emotions = EmotionProfile()
    }

    mutating func score(_ comment: CommentText, pack: LanguagePack, engine: Engine) -> Result {
        let tokens = comment.tokens
        var words = 0, capitals = 0
        for token in tokens where token.kind.isWordLike {
            words += 1
            if token.isAllCaps { capitals += 1 }
        }
        let shouting = words > 0 && Double(capitals) >= Double(words) * 0.5
        // The result's arrays reuse the storage of the previous comment's once it has been let go of
        // (no allocation per comment); while a caller still holds that analysis, they get new storage.
        var evidence = pools.evidence, emotionEvidence = pools.emotionEvidence, signalEvidence = pools.signalEvidence
        var clauseAnalyses = pools.clauses, sentences = pools.sentences
        pools = ResultPools()
        // Sentences first: their clause slices hold the clause array.
        sentences.removeAllKeepingCapacity()
        evidence.removeAllKeepingCapacity()
        emotionEvidence.removeAllKeepingCapacity()
        signalEvidence.removeAllKeepingCapacity()
        clauseAnalyses.removeAllKeepingCapacity()
        var emotions = EmotionProfile()
        sentenceSums.removeAll()
        sentenceWeights.removeAll()
        sentenceExpressive.removeAll()
        sentenceIronic.removeAll()
        sentenceEvidence.removeAll()
        sentenceClauseEnds.removeAll()
        reserveReadings(tokens.count)

        for span in comment.sentences {
            read(span.tokens, in: comment, pack: pack, vocabulary: engine.vocabulary)
            splitClauses(span.tokens, in: comment, midField: pack.language == .german)
            let factors = sentenceFactors(span.tokens, in: comment)
            let context = RuleContext(comment: comment, readings: readings, sentence: span.tokens, shouting: shouting)
            let firstEvidence = evidence.count
            var expressive = false
            // Opinion items that are ironic-capable praise, and all others; whether the praise is plain.
            var praise = 0, others = 0, plainPraise = false
            for clauseIndex in clauses.indices {
                let clause = clauses[clauseIndex].tokens
                let clauseEvidence = evidence.count
                clauseOpinions.removeAll()
                let positions = foundPositions(in: clause)
                for position in positions {
                    let index = foundPositions[position]
                    guard case .opinion(let term, let length, let compound) = context.readings[index] else { continue }
                    let modifiers = context.modifiers(at: index, length: length, clause: clause)
                    var rules = modifiers.rules
                    if compound { rules.insert(.compound) }
                    var weight = weight(term, modifiers)
                    expressive = expressive || term.isExpressive
                    if term.isIronic || term.isBareIronic, term.weight > 0 {
                        praise += 1
                        plainPraise = plainPraise || term.isBareIronic
                    } else {
                        others += 1
                    }
                    // Emoticons and emoji give the writer's own tone, even beside a question, a wish or a link.
                    if factors.question != 1, !term.isExpressive, abs(weight) < Self.strongWeight || factors.question > Self.questionFactor {
                        weight *= factors.question
                        rules.insert(.question)
                    }
                    if factors.wish != 1, !term.isExpressive {
                        weight *= factors.wish
                        rules.insert(.wish)
                    }
                    if factors.link != 1, !term.isExpressive {
                        weight *= factors.link
                        rules.insert(.link)
                    }
                    clauses[clauseIndex].sum += weight
                    let range = index..<index + length
                    // A separable verb read apart ends at its particle and shows both (`fällt … aus`).
                    let separated = term.particleOffset > 0
                    let last = separated ? index + Int(term.particleOffset) : range.upperBound - 1
                    let token = separated ? "\(comment.text(index)) … \(comment.text(last))" : comment.string(range)
                    evidence.append(Evidence(token: token, weight: weight, lexiconWeight: term.weight,
                                             start: tokens[index].start, end: tokens[last].end, rules: rules))
                    clauseOpinions.append((range, modifiers))
                }
                clauses[clauseIndex].evidence = clauseEvidence..<evidence.count
                let clauseEmotions = clauseEmotions(clause, at: positions, in: comment, pack: pack, engine: engine,
                                                    context: context, factors: factors, opinions: evidence,
                                                    from: clauseEvidence, evidence: &emotionEvidence)
                clauses[clauseIndex].emotions = clauseEmotions
                detectSignals(clause, in: comment, pack: pack, context: context, factors: factors, evidence: &signalEvidence)
            }
            var sum = 0.0
            for clauseIndex in clauses.indices {
                let clause = clauses[clauseIndex]
                sum += clause.sum * clause.weight
                guard clause.weight != 1 else { continue }
                for item in clause.evidence {
                    evidence[item].weight *= clause.weight
                    evidence[item].rules.formUnion(clause.weighting)
                }
            }
            if sum != 0, let emphasis = factors.exclamations {
                let boost = (sum > 0 ? 1 : -1) * Self.exclamationBoost * Double(emphasis.count)
                sum += boost
                evidence.append(Evidence(token: String(repeating: "!", count: emphasis.count), weight: boost, lexiconWeight: 0,
                                         start: emphasis.start, end: emphasis.end, rules: .emphasis))
            }
            // A sentence opening with a contrast cue ("Aber ...") outweighs the sentences before it.
            if case .rule(let rule, _) = context.readings[span.tokens.lowerBound], rule.role == .contrast {
                for previous in sentenceWeights.indices { sentenceWeights[previous] *= Self.precedingContrastWeight }
            }
            sentenceSums.append(sum)
            sentenceWeights.append(1)
            sentenceExpressive.append(expressive)
            // One clause: "Great crew though." concedes rather than mocks.
            sentenceIronic.append(praise > 0 && others == 0 && clauses.count == 1 && Self.isShort(span.tokens, in: comment)
                                  && (!plainPraise || isBare(span.tokens, in: comment)))
            sentenceEvidence.append(firstEvidence..<evidence.count)
            appendClauseAnalyses(span, in: comment, options: engine.options, to: &clauseAnalyses)
        }
        turnIronicPraise(clauses: &clauseAnalyses, evidence: &evidence, emotionEvidence: &emotionEvidence,
                         in: comment, options: engine.options)
        for clause in clauseAnalyses { emotions.combine(clause.emotions) }
        // Sentences once all clauses are in, so that their slices share the final clause array.
        var clauseStart = 0
        for (index, span) in comment.sentences.enumerated() {
            let clauseEnd = sentenceClauseEnds[index]
            let slice = clauseAnalyses[clauseStart..<clauseEnd]
            let score = Self.normalize(sentenceSums[index])
            var label = Self.mixedOrLabel(score, clauses: slice, options: engine.options)
            if sentenceExpressive[index] { label = Self.expressiveLabel(label, score: score) }
            // The one clause of a sentence has the sentence's text (see `appendClauseAnalyses`), already sliced.
            let text = slice.count == 1 ? slice[clauseStart].text : comment.slice(span.textStart, span.textEnd)
            sentences.append(SentenceAnalysis(
                text: text, start: span.start, end: span.end,
                sentiment: SentimentScore(score: score, label: label),
                clauses: slice))
            clauseStart = clauseEnd
        }

        var total = 0.0
        for index in sentenceSums.indices { total += sentenceSums[index] * sentenceWeights[index] }
        // Long texts would otherwise saturate: a review of ten mild sentences is not ten times as strong,
        // so the sum is divided by the fourth root of the sentence count.
        total /= Double(max(sentenceSums.count, 1)).squareRoot().squareRoot()
        for sentence in sentenceEvidence.indices where sentenceWeights[sentence] != 1 {
            for item in sentenceEvidence[sentence] { evidence[item].weight *= sentenceWeights[sentence] }
        }
        evidence.sort { $0.start < $1.start }
        let score = Self.normalize(total)
        var label = Self.mixedOrLabel(score, clauses: clauseAnalyses, options: engine.options)
        if sentenceExpressive.contains(true) { label = Self.expressiveLabel(label, score: score) }
        pools = ResultPools(evidence: evidence, emotionEvidence: emotionEvidence, signalEvidence: signalEvidence,
                            clauses: clauseAnalyses, sentences: sentences)
        return Result(sentiment: SentimentScore(score: score, label: label), sentences: sentences, evidence: evidence,
                      emotions: emotions, emotionEvidence: emotionEvidence, signalEvidence: signalEvidence)
    }

    /// Short praise alone (`Herzlichen Glückwunsch.`, `Well done.`) beside sentences that are clearly
    /// negative together is irony: its sentences count against, and their praise carries no emotion.
    private func turnIronicPraise(clauses clauseAnalyses: inout [ClauseAnalysis], evidence: inout [Evidence],
                                  emotionEvidence: inout [EmotionEvidence], in comment: CommentText, options: AnalysisOptions) {
        guard sentenceSums.count > 1, sentenceIronic.contains(true) else { return }
        var complaint = 0.0
        for index in sentenceSums.indices where !sentenceIronic[index] { complaint += sentenceSums[index] * sentenceWeights[index] }
        guard Self.normalize(complaint) <= options.negativeThreshold else { return }
        for index in sentenceSums.indices where sentenceIronic[index] {
            sentenceSums[index] = -sentenceSums[index]
            for item in sentenceEvidence[index] {
                evidence[item].weight = -evidence[item].weight
                evidence[item].rules.insert(.irony)
            }
            for clause in (index == 0 ? 0 : sentenceClauseEnds[index - 1])..<sentenceClauseEnds[index] {
                let score = -clauseAnalyses[clause].sentiment.score
                clauseAnalyses[clause].sentiment = SentimentScore(score: score, label: Self.label(score, options: options))
                clauseAnalyses[clause].emotions = EmotionProfile()
            }
            let span = comment.sentences[index]
            emotionEvidence.removeAll { $0.start >= span.start && $0.end <= span.end }
        }
    }

    /// Whether every word of a sentence is an opinion or rule word (`Just great.`), so it names no
    /// subject of sincere praise (`These are perfect.`).
    private func isBare(_ range: Range<Int>, in comment: CommentText) -> Bool {
        var index = range.lowerBound
        while index < range.upperBound {
            switch readings[index] {
            case .opinion(_, let length, _), .rule(_, let length):
                index += length
            case .none:
                if comment.tokens[index].kind.isWordLike { return false }
                index += 1
            }
        }
        return true
    }

    /// At most `ironicWords` words: irony is a short aside, not a sentence of its own argument.
    private static func isShort(_ range: Range<Int>, in comment: CommentText) -> Bool {
        var words = 0
        for index in range where comment.tokens[index].kind.isWordLike {
            words += 1
            if words > ironicWords { return false }
        }
        return true
    }

    /// The arrays of the last result, kept to reuse their storage (see `score`).
    struct ResultPools {
        var evidence: [Evidence] = []
        var emotionEvidence: [EmotionEvidence] = []
        var signalEvidence: [SignalEvidence] = []
        var clauses: [ClauseAnalysis] = []
        var sentences: [SentenceAnalysis] = []
    }

    static func label(_ score: Double, options: AnalysisOptions) -> SentimentLabel {
        score >= options.positiveThreshold ? .positive : score <= options.negativeThreshold ? .negative : .neutral
    }

    /// A sentence or comment with an emoticon or emoji is seldom neutral: the writer shows a tone. Below
    /// the thresholds, it takes the sign of its score (`Paket ist da ;-)` is positive).
    private static func expressiveLabel(_ label: SentimentLabel, score: Double) -> SentimentLabel {
        guard label == .neutral, score != 0 else { return label }
        return score > 0 ? .positive : .negative
    }

    private static func mixedOrLabel(_ score: Double, clauses: some Sequence<ClauseAnalysis>, options: AnalysisOptions) -> SentimentLabel {
        let threshold = options.mixedClauseScore
        var positive = false, negative = false
        for clause in clauses {
            positive = positive || clause.sentiment.score >= threshold
            negative = negative || clause.sentiment.score <= -threshold
        }
        return positive && negative ? .mixed : label(score, options: options)
    }

    /// The indices in `foundPositions` of the positions inside `tokens`, a part of the sentence read
    /// last (a clause): opinion words and emotion words are only ever found at those positions.
    private func foundPositions(in tokens: Range<Int>) -> Range<Int> {
        var lower = 0
        while lower < foundPositions.count, foundPositions[lower] < tokens.lowerBound { lower += 1 }
        var upper = lower
        while upper < foundPositions.count, foundPositions[upper] < tokens.upperBound { upper += 1 }
        return lower..<upper
    }

    /// Splits a sentence at contrast, concession and coordination cues into `clauses` and weighs them.
    ///
    /// Cues are rule words, so only the positions `read` found a word at are visited (`foundPositions`);
    /// the tokens after a concession cue are scanned for its comma. With `midField` (German), a contrast
    /// cue after the first words of a clause (`…, stürzt aber ab`, `…, der Service aber schlecht`)
    /// opens its clause at the comma before it, within `midFieldReach` tokens.
    private func splitClauses(_ range: Range<Int>, in comment: CommentText, midField: Bool) {
        clauseStarts.removeAll()
        clauseStarts.append((range.lowerBound, nil))
        // While in a concession, the first token not yet scanned for its comma.
        var concessionScan: Int?
        /// A concession ("Obwohl …,") ends at its comma before `end`; the main clause follows.
        func endConcession(before end: Int) {
            guard let start = concessionScan else { return }
            if let comma = (start..<end).first(where: { comment.tokens[$0].mark == 0x2C }) {
                clauseStarts.append((comma + 1, nil))
                concessionScan = nil
            } else {
                concessionScan = end
            }
        }
        for position in foundPositions.indices {
            let index = foundPositions[position]
            endConcession(before: index)
            // A comma ends the concession even where it is a rule word.
            if concessionScan != nil, comment.tokens[index].mark == 0x2C {
                clauseStarts.append((index + 1, nil))
                concessionScan = nil
                continue
            }
            guard case .rule(let rule, _) = readings[index], rule.splitsClause else { continue }
            concessionScan = rule.role == .concession ? index + 1 : nil
            var start = index
            if midField, rule.role == .contrast, index > range.lowerBound, !comment.tokens[index - 1].isBoundary,
               let comma = (max(range.lowerBound, index - Self.midFieldReach)..<index).last(where: { comment.tokens[$0].mark == 0x2C }),
               comma + 1 >= clauseStarts[clauseStarts.count - 1].index {
                start = comma + 1
            }
            // A cue right after the concession's comma ("Obwohl …, aber …") opens the same clause.
            if clauseStarts[clauseStarts.count - 1].index == start {
                clauseStarts[clauseStarts.count - 1].rule = rule
            } else {
                clauseStarts.append((start, rule))
            }
        }
        endConcession(before: range.upperBound)
        if clauseStarts.count > 1, clauseStarts[clauseStarts.count - 1].index >= range.upperBound { clauseStarts.removeLast() }
        clauses.removeAll()
        for position in clauseStarts.indices {
            let end = position + 1 < clauseStarts.count ? clauseStarts[position + 1].index : range.upperBound
            clauses.append(Clause(tokens: clauseStarts[position].index..<end))
        }
        for position in clauseStarts.indices {
            guard let rule = clauseStarts[position].rule else { continue }
            switch rule.role {
            case .contrast:
                clauses[position].weight *= rule.value
                clauses[position].weighting = .contrast
                for earlier in 0..<position {
                    clauses[earlier].weight *= Self.precedingContrastWeight
                    clauses[earlier].weighting = .contrast
                }
            case .concession:
                clauses[position].weight *= rule.value
                clauses[position].weighting = .concession
                for other in clauses.indices where other != position {
                    clauses[other].weight *= Self.concessionMainWeight
                    clauses[other].weighting = .concession
                }
            default:
                break
            }
        }
    }

    struct SentenceFactors {
        var question = 1.0
        var wish = 1.0
        /// A sentence that shares a link mostly reports (news, offers) rather than judges.
        var link = 1.0
        var exclamations: (count: Int, start: Int, end: Int)?

        /// The stronger of the question and wish damping, for emotions and intent signals.
        var damping: (factor: Double, rule: EvidenceRules)? {
            if wish < question { return (wish, .wish) }
            return question != 1 ? (question, .question) : nil
        }
    }

    /// Questions that ask rather than judge, wishes, and exclamation marks.
    private func sentenceFactors(_ range: Range<Int>, in comment: CommentText) -> SentenceFactors {
        let tokens = comment.tokens
        var factors = SentenceFactors()
        var marks = 0, first = 0, last = 0
        // One pass for the exclamation marks, wishes and links.
        for index in range {
            let token = tokens[index]
            if token.kind == .punctuation && token.mark == 0x21 {
                if marks == 0 { first = index }
                last = index
                marks += 1
            } else if token.kind == .url {
                factors.link = Self.linkFactor
            }
            if case .rule(let rule, _) = readings[index], rule.role == .wish { factors.wish = min(factors.wish, rule.value) }
        }
        if marks > 0 { factors.exclamations = (min(marks, 4), tokens[first].start, tokens[last].end) }
        if marks == 0, range.suffix(3).contains(where: { tokens[$0].mark == 0x3F }) {
            let firstWord = range.first { tokens[$0].kind.isWordLike }
            var asks = false
            if let firstWord, case .rule(let rule, _) = readings[firstWord], rule.role == .questionWord { asks = true }
            factors.question = asks ? Self.questionFactor : Self.rhetoricalQuestionFactor
        }
        return factors
    }

    /// An opinion word's weight after emphasis, intensifiers and negation. Negated positive words turn
    /// fairly negative ("nicht gut"), negated negative words mildly positive ("nicht schlecht"), and a
    /// negated positive CX term is a complaint of at least `negatedCXFloor` ("kein Rückruf").
    func weight(_ term: OpinionTerm, _ modifiers: Modifiers) -> Double {
        let weight = term.weight * modifiers.intensity
        guard modifiers.negated else { return weight }
        if weight > 0 {
            return -(term.isCX ? max(weight * Self.negatedPositive, Self.negatedCXFloor) : weight * Self.negatedPositive)
        }
        return -weight * Self.negatedNegative
    }

    private static let positiveEmotions: [Emotion] = [.joy, .trust, .anticipation]

    /// The emotions of a clause. Intensifiers scale them (up to 1); a negated positive emotion turns
    /// into half of its opposite ("nicht zufrieden" → sadness), a negated negative one disappears
    /// ("nicht wütend"); questions and wishes damp them like opinions. `positions` are the clause's
    /// (`foundPositions(in:)`); `opinions` from `first` is its opinion evidence (its tokens and
    /// modifiers in `clauseOpinions`).
    private func clauseEmotions(
        _ clause: Range<Int>, at positions: Range<Int>, in comment: CommentText, pack: LanguagePack, engine: Engine,
        context: RuleContext, factors: SentenceFactors, opinions: [Evidence], from first: Int,
        evidence: inout [EmotionEvidence]
    ) -> EmotionProfile {
        var result = EmotionProfile()
        var index = clause.lowerBound
        // Only the positions `read` found a word at have an emotion or a rule word; every other token
        // only moves on by one, so the walk jumps to the next position.
        for position in positions where foundPositions[position] >= index {
            index = foundPositions[position]
            // Rule words carry no emotion, unless an emotion phrase starts with one ("can't wait", "nie wieder").
            let hit = foundEmotions[index]
            if case .rule(_, let length) = context.readings[index], (hit?.length ?? 0) <= length {
                index += length
                continue
            }
            guard let hit, index + hit.length <= clause.upperBound else {
                index += 1
                continue
            }
            let range = index..<index + hit.length
            // Many emotion words are the clause's opinion words too ("love", "terrible"): same
            // modifiers, same text.
            let opinion = clauseOpinions.firstIndex { $0.tokens == range }
            let modifiers = opinion.map { clauseOpinions[$0].modifiers }
                ?? context.modifiers(at: index, length: hit.length, clause: clause)
            var values = Self.clampedToUnit(hit.term.values * modifiers.intensity)
            var rules = modifiers.rules
            if hit.compound { rules.insert(.compound) }
            if modifiers.negated {
                var flipped = SIMD8<Double>.zero
                for emotion in Self.positiveEmotions {
                    flipped[emotion.opposite.index] = max(flipped[emotion.opposite.index], values[emotion.index] * Self.negatedEmotion)
                }
                values = flipped
            }
            if let damping = factors.damping {
                values *= damping.factor
                rules.insert(damping.rule)
            }
            if values != .zero {
                let token = opinion.map { opinions[first + $0].token } ?? comment.string(range)
                let start = comment.tokens[index].start, end = comment.tokens[range.upperBound - 1].end
                // The lanes are in `Emotion.allCases` order (see `Emotion.index`). Only the positive ones
                // are visited, by a bit each from one vector compare: a hit carries one to three of the
                // eight. They are read from the vector's bytes: indexing the vector by a variable lane
                // stored it to the stack every lane.
                var positive = SIMD8<Int64>.zero.replacing(with: Self.laneBits, where: values .> 0).wrappedSum()
                withUnsafeBytes(of: values) { lanes in
                    while positive != 0 {
                        let lane = positive.trailingZeroBitCount
                        let intensity = lanes.load(fromByteOffset: lane * MemoryLayout<Double>.stride, as: Double.self)
                        evidence.append(EmotionEvidence(token: token, emotion: Emotion.allCases[lane], intensity: intensity,
                                                        start: start, end: end, rules: rules))
                        positive &= positive - 1
                    }
                }
            }
            result.combine(EmotionProfile(values))
            index += hit.length
        }
        return result
    }

    /// Bit `lane` in lane `lane`, so that the lanes a mask selects sum to a bit set.
    private static var laneBits: SIMD8<Int64> { SIMD8(1, 2, 4, 8, 16, 32, 64, 128) }

    /// `values.clamped(lowerBound: .zero, upperBound: SIMD8(repeating: 1))` with the same lanes (NaN
    /// included, which `FloatingPoint.maximum` turns into 0, and -0), without the two out-of-line
    /// generic `pointwiseMax` and `pointwiseMin` loops that method compiles to: two vector compares.
    @inline(__always)
    private static func clampedToUnit(_ values: SIMD8<Double>) -> SIMD8<Double> {
        var result = values
        result.replace(with: 0, where: .!(values .>= 0))
        result.replace(with: 1, where: result .>= 1)
        return result
    }

    /// Finds signal patterns in a clause. Negation cancels a signal ("ich werde nicht kündigen") and
    /// turns a recommendation into a warning ("kann ich nicht empfehlen"); questions and wishes damp
    /// intent signals ("Soll ich kündigen?"). Overlapping matches of one kind count once, the heaviest.
    private mutating func detectSignals(
        _ clause: Range<Int>, in comment: CommentText, pack: LanguagePack, context: RuleContext, factors: SentenceFactors,
        evidence: inout [SignalEvidence]
    ) {
        var lastOfKind = SIMD16<Int32>(repeating: -1)
        var index = pack.signals.firstStart(in: clause, in: comment, pack: pack.number)
        while index < clause.upperBound {
            pack.signals.matches(at: index, in: comment, pack: pack.number, limit: clause.upperBound, into: &signalMatches)
            for found in signalMatches {
                let length = found.length
                let modifiers = context.modifiers(at: index, length: length, clause: clause)
                var kind = pack.signals.kind(of: found)
                var weight = pack.signals.weight(of: found)
                var rules: EvidenceRules = []
                if modifiers.negated {
                    guard kind == .promoter else { continue }
                    kind = .detractor
                    rules.insert(.negated)
                }
                if let damping = factors.damping, kind == .churn || kind == .promoter || kind == .detractor {
                    weight *= damping.factor
                    rules.insert(damping.rule)
                }
                let range = index..<index + length
                let start = comment.tokens[index].start
                // Made only when kept: most overlapping matches of a kind are no heavier.
                func item() -> SignalEvidence {
                    SignalEvidence(signal: kind, token: comment.string(range), weight: weight, start: start,
                                   end: comment.tokens[range.upperBound - 1].end, rules: rules)
                }
                let previous = Int(lastOfKind[kind.index])
                if previous >= 0, evidence[previous].end > start {
                    if weight > evidence[previous].weight { evidence[previous] = item() }
                } else {
                    lastOfKind[kind.index] = Int32(evidence.count)
                    evidence.append(item())
                }
            }
            index = pack.signals.firstStart(in: index + 1..<clause.upperBound, in: comment, pack: pack.number)
        }
    }

    /// The analyses of the sentence's clauses, and where they end (in `sentenceClauseEnds`).
    private func appendClauseAnalyses(_ span: SentenceSpan, in comment: CommentText, options: AnalysisOptions,
                                               to clauseAnalyses: inout [ClauseAnalysis]) {
        let tokens = comment.tokens
        for clauseIndex in clauses.indices {
            let clause = clauses[clauseIndex]
            let first = tokens[clause.tokens.lowerBound], last = tokens[clause.tokens.upperBound - 1]
            let text: Substring
            if clauses.count > 1 {
                // A token may straddle ICU's sentence boundary (a URL); clamp to the sentence text.
                let lower = min(max(comment.spanStart(clause.tokens.lowerBound), span.textStart), span.textEnd)
                let upper = min(max(last.textEnd, lower), span.textEnd)
                text = comment.slice(lower, upper)
            } else {
                text = comment.slice(span.textStart, span.textEnd)
            }
            let score = Self.normalize(clause.sum)
            clauseAnalyses.append(ClauseAnalysis(text: text, start: first.start, end: last.end,
                                                 sentiment: SentimentScore(score: score, label: Self.label(score, options: options)),
                                                 weight: clause.weight, emotions: clause.emotions))
        }
        sentenceClauseEnds.append(clauseAnalyses.count)
    }
}

private extension Array {
    /// `removeAll(keepingCapacity: true)`, which costs a generic `replaceSubrange` (or a new buffer,
    /// when the storage is shared) even when there is nothing to remove: most comments have no
    /// signal evidence, and many no evidence at all.
    mutating func removeAllKeepingCapacity() {
        if !isEmpty { removeAll(keepingCapacity: true) }
    }
}
