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

    private struct Clause {
        var tokens: Range<Int>
        var weight = 1.0
        /// The rule that weighted the clause (`contrast` or `concession`), for the evidence.
        var weighting: String?
        var sum = 0.0
        var evidence: [Int] = []
        var emotions = EmotionProfile()
    }

    mutating func score(_ segmentation: Segmentation, ids: [TermID]) -> Result {
        let tokens = segmentation.tokens
        let words = tokens.filter { $0.kind.isWordLike }
        let shouting = words.count > 0 && Double(words.filter(\.isAllCaps).count) >= Double(words.count) * 0.5
        var evidence: [Evidence] = []
        var emotionEvidence: [EmotionEvidence] = []
        var signalEvidence: [SignalEvidence] = []
        var emotions = EmotionProfile()
        var evidenceSentence: [Int] = []
        var sentences: [SentenceAnalysis] = []
        var sentenceSums: [Double] = []
        var sentenceWeights: [Double] = []

        for (sentenceIndex, span) in segmentation.sentences.enumerated() {
            let readings = readings(span.tokens, tokens: tokens, ids: ids)
            var clauses = splitClauses(span.tokens, tokens: tokens, readings: readings)
            let factors = sentenceFactors(span.tokens, tokens: tokens, readings: readings)
            let context = RuleContext(tokens: tokens, readings: readings, sentence: span.tokens, shouting: shouting)
            for clauseIndex in clauses.indices {
                for index in clauses[clauseIndex].tokens {
                    guard case .opinion(let term, let length, let matchRules)? = readings[index] else { continue }
                    let modifiers = context.modifiers(at: index, length: length, clause: clauses[clauseIndex].tokens)
                    var rules = matchRules + modifiers.rules
                    var weight = weight(term, modifiers)
                    if factors.question != 1, abs(weight) < Self.strongWeight || factors.question > Self.questionFactor {
                        weight *= factors.question
                        rules.append("question")
                    }
                    if factors.wish != 1 {
                        weight *= factors.wish
                        rules.append("wish")
                    }
                    if factors.link != 1 {
                        weight *= factors.link
                        rules.append("link")
                    }
                    clauses[clauseIndex].sum += weight
                    clauses[clauseIndex].evidence.append(evidence.count)
                    let span = Self.span(tokens, index..<index + length)
                    evidence.append(Evidence(token: span.text, weight: weight, lexiconWeight: term.weight,
                                             start: span.start, end: span.end, rules: rules))
                    evidenceSentence.append(sentenceIndex)
                }
                clauses[clauseIndex].emotions = clauseEmotions(clauses[clauseIndex].tokens, tokens: tokens, ids: ids,
                                                               context: context, factors: factors, evidence: &emotionEvidence)
                emotions.combine(clauses[clauseIndex].emotions)
                detectSignals(clauses[clauseIndex].tokens, tokens: tokens, ids: ids, context: context, factors: factors, evidence: &signalEvidence)
            }
            var sum = 0.0
            for clause in clauses {
                sum += clause.sum * clause.weight
                for item in clause.evidence where clause.weight != 1 {
                    evidence[item].weight *= clause.weight
                    if let weighting = clause.weighting { evidence[item].rules.append(weighting) }
                }
            }
            if sum != 0, let emphasis = factors.exclamations {
                let boost = (sum > 0 ? 1 : -1) * Self.exclamationBoost * Double(emphasis.count)
                sum += boost
                evidence.append(Evidence(token: String(repeating: "!", count: emphasis.count), weight: boost, lexiconWeight: 0,
                                         start: emphasis.start, end: emphasis.end, rules: ["emphasis"]))
                evidenceSentence.append(sentenceIndex)
            }
            // A sentence opening with a contrast cue ("Aber ...") outweighs the sentences before it.
            if case .rule(let rule, _)? = readings[span.tokens.lowerBound], rule.role == .contrast {
                for previous in sentenceWeights.indices { sentenceWeights[previous] *= Self.precedingContrastWeight }
            }
            sentenceSums.append(sum)
            sentenceWeights.append(1)
            sentences.append(sentenceAnalysis(span, clauses: clauses, sum: sum, tokens: tokens))
        }

        var total = 0.0
        for (index, sum) in sentenceSums.enumerated() { total += sum * sentenceWeights[index] }
        // Long texts would otherwise saturate: a review of ten mild sentences is not ten times as strong,
        // so the sum is divided by the fourth root of the sentence count.
        total /= Double(max(sentenceSums.count, 1)).squareRoot().squareRoot()
        for item in evidence.indices where sentenceWeights[evidenceSentence[item]] != 1 {
            evidence[item].weight *= sentenceWeights[evidenceSentence[item]]
        }
        evidence.sort { $0.start < $1.start }
        let clauseScores = sentences.flatMap { $0.clauses.map(\.sentiment.score) }
        let score = Self.normalize(total)
        return Result(sentiment: SentimentScore(score: score, label: mixedOrLabel(score, clauseScores: clauseScores)),
                      sentences: sentences, evidence: evidence, emotions: emotions, emotionEvidence: emotionEvidence,
                      signalEvidence: signalEvidence)
    }

    private func mixedOrLabel(_ score: Double, clauseScores: [Double]) -> SentimentLabel {
        let threshold = options.mixedClauseScore
        if clauseScores.contains(where: { $0 >= threshold }), clauseScores.contains(where: { $0 <= -threshold }) { return .mixed }
        return label(score)
    }

    /// Splits a sentence at contrast, concession and coordination cues and weighs the clauses.
    private func splitClauses(_ range: Range<Int>, tokens: [Token], readings: Readings) -> [Clause] {
        var starts: [(index: Int, rule: Rule?)] = [(range.lowerBound, nil)]
        var inConcession = false
        for index in range {
            // A concession ("Obwohl …,") ends at its comma; the main clause follows.
            if inConcession, tokens[index].key == "," {
                starts.append((index + 1, nil))
                inConcession = false
                continue
            }
            guard case .rule(let rule, _)? = readings[index], rule.splitsClause else { continue }
            inConcession = rule.role == .concession
            // A cue right after the concession's comma ("Obwohl …, aber …") opens the same clause.
            if starts[starts.count - 1].index == index { starts[starts.count - 1].rule = rule } else { starts.append((index, rule)) }
        }
        if starts.count > 1, starts[starts.count - 1].index >= range.upperBound { starts.removeLast() }
        var clauses: [Clause] = []
        for (position, start) in starts.enumerated() {
            let end = position + 1 < starts.count ? starts[position + 1].index : range.upperBound
            clauses.append(Clause(tokens: start.index..<end))
        }
        for (position, start) in starts.enumerated() {
            guard let rule = start.rule else { continue }
            switch rule.role {
            case .contrast:
                clauses[position].weight *= rule.value
                clauses[position].weighting = "contrast"
                for earlier in 0..<position {
                    clauses[earlier].weight *= Self.precedingContrastWeight
                    clauses[earlier].weighting = "contrast"
                }
            case .concession:
                clauses[position].weight *= rule.value
                clauses[position].weighting = "concession"
                for other in clauses.indices where other != position {
                    clauses[other].weight *= Self.concessionMainWeight
                    clauses[other].weighting = "concession"
                }
            default:
                break
            }
        }
        return clauses
    }

    struct SentenceFactors {
        var question = 1.0
        var wish = 1.0
        /// A sentence that shares a link mostly reports (news, offers) rather than judges.
        var link = 1.0
        var exclamations: (count: Int, start: Int, end: Int)?

        /// The stronger of the question and wish damping, for emotions and intent signals.
        var damping: (factor: Double, rule: String)? {
            if wish < question { return (wish, "wish") }
            return question != 1 ? (question, "question") : nil
        }
    }

    /// The text of a matched term (its tokens joined by spaces) and its scalar offsets.
    static func span(_ tokens: [Token], _ range: Range<Int>) -> (text: String, start: Int, end: Int) {
        let first = tokens[range.lowerBound], last = tokens[range.upperBound - 1]
        let text = range.count == 1 ? first.text : tokens[range].map(\.text).joined(separator: " ")
        return (text, first.start, last.end)
    }

    /// Questions that ask rather than judge, wishes, and exclamation marks.
    private func sentenceFactors(_ range: Range<Int>, tokens: [Token], readings: Readings) -> SentenceFactors {
        var factors = SentenceFactors()
        let marks = range.filter { tokens[$0].kind == .punctuation && tokens[$0].key == "!" }
        if !marks.isEmpty {
            factors.exclamations = (min(marks.count, 4), tokens[marks[0]].start, tokens[marks[marks.count - 1]].end)
        }
        let tail = range.suffix(3)
        if marks.isEmpty, tail.contains(where: { tokens[$0].key == "?" }) {
            let firstWord = range.first { tokens[$0].kind.isWordLike }
            var asks = false
            if let firstWord, case .rule(let rule, _)? = readings[firstWord], rule.role == .questionWord { asks = true }
            factors.question = asks ? Self.questionFactor : Self.rhetoricalQuestionFactor
        }
        for index in range {
            if case .rule(let rule, _)? = readings[index], rule.role == .wish { factors.wish = min(factors.wish, rule.value) }
            if tokens[index].kind == .url { factors.link = Self.linkFactor }
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

    /// The emotions of a clause. Intensifiers scale them (up to 1); a negated positive emotion turns
    /// into half of its opposite ("nicht zufrieden" → sadness), a negated negative one disappears
    /// ("nicht wütend"); questions and wishes damp them like opinions.
    private mutating func clauseEmotions(
        _ clause: Range<Int>, tokens: [Token], ids: [TermID], context: RuleContext, factors: SentenceFactors,
        evidence: inout [EmotionEvidence]
    ) -> EmotionProfile {
        var result = EmotionProfile()
        var index = clause.lowerBound
        while index < clause.upperBound {
            // Rule words carry no emotion, unless an emotion phrase starts with one ("can't wait", "nie wieder").
            let hit = emotion(at: index, tokens: tokens, ids: ids)
            if case .rule(_, let length)? = context.readings[index], (hit?.length ?? 0) <= length {
                index += length
                continue
            }
            guard let hit, index + hit.length <= clause.upperBound else {
                index += 1
                continue
            }
            let modifiers = context.modifiers(at: index, length: hit.length, clause: clause)
            var values = (hit.term.values * modifiers.intensity).clamped(lowerBound: .zero, upperBound: SIMD8(repeating: 1))
            var rules = hit.rules + modifiers.rules
            if modifiers.negated {
                var flipped = SIMD8<Double>.zero
                for emotion in [Emotion.joy, .trust, .anticipation] {
                    flipped[emotion.opposite.index] = max(flipped[emotion.opposite.index], values[emotion.index] * Self.negatedEmotion)
                }
                values = flipped
            }
            if let damping = factors.damping {
                values *= damping.factor
                rules.append(damping.rule)
            }
            let span = Self.span(tokens, index..<index + hit.length)
            for emotion in Emotion.allCases where values[emotion.index] > 0 {
                evidence.append(EmotionEvidence(token: span.text, emotion: emotion, intensity: values[emotion.index],
                                                start: span.start, end: span.end, rules: rules))
            }
            result.combine(EmotionProfile(values))
            index += hit.length
        }
        return result
    }

    /// Finds signal patterns in a clause. Negation cancels a signal ("ich werde nicht kündigen") and
    /// turns a recommendation into a warning ("kann ich nicht empfehlen"); questions and wishes damp
    /// intent signals ("Soll ich kündigen?"). Overlapping matches of one kind count once, the heaviest.
    private func detectSignals(
        _ clause: Range<Int>, tokens: [Token], ids: [TermID], context: RuleContext, factors: SentenceFactors,
        evidence: inout [SignalEvidence]
    ) {
        var lastOfKind: [SignalKind: Int] = [:]
        for index in clause {
            for (pattern, length) in pack.signals.matches(at: index, tokens: tokens, ids: ids, limit: clause.upperBound) {
                let modifiers = context.modifiers(at: index, length: length, clause: clause)
                var kind = pattern.kind
                var weight = pattern.weight
                var rules: [String] = []
                if modifiers.negated {
                    guard kind == .promoter else { continue }
                    kind = .detractor
                    rules.append("negated")
                }
                if let damping = factors.damping, [.churn, .promoter, .detractor].contains(kind) {
                    weight *= damping.factor
                    rules.append(damping.rule)
                }
                let span = Self.span(tokens, index..<index + length)
                let item = SignalEvidence(signal: kind, token: span.text, weight: weight, start: span.start, end: span.end, rules: rules)
                if let previous = lastOfKind[kind], evidence[previous].end > span.start {
                    if weight > evidence[previous].weight { evidence[previous] = item }
                } else {
                    lastOfKind[kind] = evidence.count
                    evidence.append(item)
                }
            }
        }
    }

    private func sentenceAnalysis(_ span: SentenceSpan, clauses: [Clause], sum: Double, tokens: [Token]) -> SentenceAnalysis {
        let scalars = clauses.count > 1 ? Array(span.text.unicodeScalars) : []
        let clauseAnalyses = clauses.map { clause -> ClauseAnalysis in
            let first = tokens[clause.tokens.lowerBound], last = tokens[clause.tokens.upperBound - 1]
            // A token may straddle ICU's sentence boundary (a URL); clamp to the sentence text.
            let lower = min(max(first.start - span.start, 0), scalars.count)
            let upper = min(max(last.end - span.start, lower), scalars.count)
            let text = clauses.count > 1 ? String(String.UnicodeScalarView(scalars[lower..<upper])) : span.text
            let score = Self.normalize(clause.sum)
            return ClauseAnalysis(text: text, start: first.start, end: last.end,
                                  sentiment: SentimentScore(score: score, label: label(score)), weight: clause.weight,
                                  emotions: clause.emotions)
        }
        let score = Self.normalize(sum)
        return SentenceAnalysis(text: span.text, start: span.start, end: span.end,
                                sentiment: SentimentScore(score: score, label: mixedOrLabel(score, clauseScores: clauseAnalyses.map(\.sentiment.score))),
                                clauses: clauseAnalyses)
    }
}
