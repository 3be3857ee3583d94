import VocanCore

/// The JSON shapes of vocan's machine outputs. Field names are documented in the README and stay stable.
///
/// Each shape is one value: after one separator it writes its inside with literal punctuation (it
/// knows where its commas go), which keeps a JSONL record at a few instructions per byte.
extension JSONWriter {
    /// One JSONL record of `vocan analyze --format jsonl`.
    public mutating func write(_ analysis: CommentAnalysis) {
        beginValue()
        literal(#"{"id":"#); rawString(analysis.feedback.id)
        literal(#","line":"#); rawInt(analysis.feedback.line)
        literal(#","lang":"#); rawString(analysis.language.rawValue)
        literal(#","sentiment":"#); writeSentiment(analysis.sentiment)
        literal(#","sentences":["#)
        for (index, sentence) in analysis.sentences.enumerated() {
            if index > 0 { literal(",") }
            literal(#"{"text":"#); rawString(sentence.text)
            writeSpan(start: sentence.start, end: sentence.end)
            writeSentimentFields(sentence.sentiment)
            literal(#","clauses":["#)
            for (index, clause) in sentence.clauses.enumerated() {
                if index > 0 { literal(",") }
                literal(#"{"text":"#); rawString(clause.text)
                writeSpan(start: clause.start, end: clause.end)
                writeSentimentFields(clause.sentiment)
                literal(#","weight":"#); rawNumber(clause.weight, decimals: 2)
                literal(#","emotions":"#); writeEmotions(clause.emotions)
                literal("}")
            }
            literal("]}")
        }
        literal(#"],"evidence":"#); writeEvidence(analysis.evidence)
        literal(#","emotions":"#); writeEmotions(analysis.emotions)
        literal(#","emotion_evidence":["#)
        for (index, item) in analysis.emotionEvidence.enumerated() {
            literal(index > 0 ? #",{"token":"# : #"{"token":"#); rawString(item.token)
            literal(#","emotion":"#); rawString(item.emotion.rawValue)
            literal(#","intensity":"#); rawNumber(item.intensity, decimals: 2)
            writeSpan(start: item.start, end: item.end, rules: item.rules)
        }
        literal(#"],"signals":"#); writeSignals(analysis.signals)
        if let score = analysis.feedback.score { literal(#","score":"#); rawScalar(score) }
        if let date = analysis.feedback.date { literal(#","date":"#); rawString(date) }
        if let channel = analysis.feedback.channel { literal(#","channel":"#); rawString(channel) }
        literal("}")
    }

    /// `{"score": …, "label": …}`
    public mutating func write(_ sentiment: SentimentScore) {
        beginValue()
        writeSentiment(sentiment)
    }

    /// All eight emotions, always in the same order: `{"anger": 0.7, "anticipation": 0, ...}`.
    public mutating func write(_ emotions: EmotionProfile) {
        beginValue()
        writeEmotions(emotions)
    }

    /// The evidence list: token, weight after rules, lexicon weight, offsets, rules.
    public mutating func write(_ evidence: [Evidence]) {
        beginValue()
        writeEvidence(evidence)
    }

    /// `{"effort": …, "churn_risk": …, "recommend": …, "follow_up": {"needed": …, "reasons": […]}, "evidence": […]}`
    public mutating func write(_ signals: Signals) {
        beginValue()
        writeSignals(signals)
    }

    /// An array of strings.
    public mutating func strings(_ values: [String]) {
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    // MARK: - Insides

    private mutating func writeSentiment(_ sentiment: SentimentScore) {
        literal(#"{"score":"#); rawNumber(sentiment.score, decimals: 3)
        literal(#","label":"#); rawString(sentiment.label.rawValue)
        literal("}")
    }

    private mutating func writeSentimentFields(_ sentiment: SentimentScore) {
        literal(#","score":"#); rawNumber(sentiment.score, decimals: 3)
        literal(#","label":"#); rawString(sentiment.label.rawValue)
    }

    private mutating func writeEmotions(_ emotions: EmotionProfile) {
        // Most clauses carry no emotion at all.
        if emotions.isEmpty {
            return literal(#"{"anger":0,"anticipation":0,"disgust":0,"fear":0,"joy":0,"sadness":0,"surprise":0,"trust":0}"#)
        }
        literal(#"{"anger":"#); rawNumber(emotions[.anger], decimals: 3)
        literal(#","anticipation":"#); rawNumber(emotions[.anticipation], decimals: 3)
        literal(#","disgust":"#); rawNumber(emotions[.disgust], decimals: 3)
        literal(#","fear":"#); rawNumber(emotions[.fear], decimals: 3)
        literal(#","joy":"#); rawNumber(emotions[.joy], decimals: 3)
        literal(#","sadness":"#); rawNumber(emotions[.sadness], decimals: 3)
        literal(#","surprise":"#); rawNumber(emotions[.surprise], decimals: 3)
        literal(#","trust":"#); rawNumber(emotions[.trust], decimals: 3)
        literal("}")
    }

    private mutating func writeEvidence(_ evidence: [Evidence]) {
        literal("[")
        for (index, item) in evidence.enumerated() {
            literal(index > 0 ? #",{"token":"# : #"{"token":"#); rawString(item.token)
            literal(#","weight":"#); rawNumber(item.weight, decimals: 2)
            literal(#","lexicon":"#); rawNumber(item.lexiconWeight, decimals: 2)
            writeSpan(start: item.start, end: item.end, rules: item.rules)
        }
        literal("]")
    }

    private mutating func writeSignals(_ signals: Signals) {
        literal(#"{"effort":"#); rawNumber(signals.effort, decimals: 2)
        literal(#","churn_risk":"#); rawNumber(signals.churnRisk, decimals: 2)
        literal(#","recommend":"#)
        if let recommend = signals.recommend { rawString(recommend.rawValue) } else { literal("null") }
        literal(signals.followUp.needed ? #","follow_up":{"needed":true,"reasons":["# : #","follow_up":{"needed":false,"reasons":["#)
        for (index, reason) in signals.followUp.reasons.enumerated() {
            if index > 0 { literal(",") }
            rawString(reason.rawValue)
        }
        literal(#"]},"evidence":["#)
        for (index, item) in signals.evidence.enumerated() {
            literal(index > 0 ? #",{"signal":"# : #"{"signal":"#); rawString(item.signal.rawValue)
            literal(#","token":"#); rawString(item.token)
            literal(#","weight":"#); rawNumber(item.weight, decimals: 2)
            writeSpan(start: item.start, end: item.end, rules: item.rules)
        }
        literal("]}")
    }

    private mutating func writeSpan(start: Int, end: Int) {
        literal(#","start":"#); rawInt(start)
        literal(#","end":"#); rawInt(end)
    }

    /// The fields every kind of evidence shares and the end of its object: where it stands and which
    /// rules changed it.
    private mutating func writeSpan(start: Int, end: Int, rules: EvidenceRules) {
        writeSpan(start: start, end: end)
        guard !rules.isEmpty else { return literal(#","rules":[]}"#) }
        literal(#","rules":["#)
        var first = true
        for (rule, name) in EvidenceRules.named where rules.contains(rule) {
            if !first { literal(",") }
            rawString(name)
            first = false
        }
        literal("]}")
    }
}
