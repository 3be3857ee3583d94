import VocanCore

/// The JSON shapes of vocan's machine outputs. Field names are documented in the README and stay stable.
extension JSONWriter {
    /// One JSONL record of `vocan analyze --format jsonl`.
    public mutating func write(_ analysis: CommentAnalysis) {
        beginObject()
        key("id"); string(analysis.feedback.id)
        key("line"); int(analysis.feedback.line)
        key("lang"); string(analysis.language.rawValue)
        key("sentiment"); write(analysis.sentiment)
        key("sentences"); beginArray()
        for sentence in analysis.sentences {
            beginObject()
            key("text"); string(sentence.text)
            key("start"); int(sentence.start)
            key("end"); int(sentence.end)
            writeFields(sentence.sentiment)
            key("clauses"); beginArray()
            for clause in sentence.clauses {
                beginObject()
                key("text"); string(clause.text)
                key("start"); int(clause.start)
                key("end"); int(clause.end)
                writeFields(clause.sentiment)
                key("weight"); number(clause.weight, decimals: 2)
                key("emotions"); write(clause.emotions)
                endObject()
            }
            endArray()
            endObject()
        }
        endArray()
        key("evidence"); write(analysis.evidence)
        key("emotions"); write(analysis.emotions)
        key("emotion_evidence"); write(analysis.emotionEvidence)
        key("signals"); write(analysis.signals)
        if let score = analysis.feedback.score { key("score"); raw(score) }
        if let date = analysis.feedback.date { key("date"); string(date) }
        if let channel = analysis.feedback.channel { key("channel"); string(channel) }
        endObject()
    }

    /// `{"score": …, "label": …}`
    public mutating func write(_ sentiment: SentimentScore) {
        beginObject()
        writeFields(sentiment)
        endObject()
    }

    private mutating func writeFields(_ sentiment: SentimentScore) {
        key("score"); number(sentiment.score)
        key("label"); string(sentiment.label.rawValue)
    }

    /// All eight emotions, always in the same order: `{"anger": 0.7, "anticipation": 0, ...}`.
    public mutating func write(_ emotions: EmotionProfile) {
        beginObject()
        for emotion in Emotion.allCases { key(emotion.rawValue); number(emotions[emotion]) }
        endObject()
    }

    /// The emotion evidence list: token, emotion, intensity, offsets, rules.
    public mutating func write(_ evidence: [EmotionEvidence]) {
        beginArray()
        for item in evidence {
            beginObject()
            key("token"); string(item.token)
            key("emotion"); string(item.emotion.rawValue)
            key("intensity"); number(item.intensity, decimals: 2)
            writeSpan(start: item.start, end: item.end, rules: item.rules)
            endObject()
        }
        endArray()
    }

    /// `{"effort": …, "churn_risk": …, "recommend": …, "follow_up": {"needed": …, "reasons": […]}, "evidence": […]}`
    public mutating func write(_ signals: Signals) {
        beginObject()
        key("effort"); number(signals.effort, decimals: 2)
        key("churn_risk"); number(signals.churnRisk, decimals: 2)
        key("recommend")
        if let recommend = signals.recommend { string(recommend.rawValue) } else { null() }
        key("follow_up"); beginObject()
        key("needed"); bool(signals.followUp.needed)
        key("reasons"); strings(signals.followUp.reasons.map(\.rawValue))
        endObject()
        key("evidence"); beginArray()
        for item in signals.evidence {
            beginObject()
            key("signal"); string(item.signal.rawValue)
            key("token"); string(item.token)
            key("weight"); number(item.weight, decimals: 2)
            writeSpan(start: item.start, end: item.end, rules: item.rules)
            endObject()
        }
        endArray()
        endObject()
    }

    /// The fields every kind of evidence shares: where it stands and which rules changed it.
    private mutating func writeSpan(start: Int, end: Int, rules: [String]) {
        key("start"); int(start)
        key("end"); int(end)
        key("rules"); strings(rules)
    }

    /// An array of strings.
    public mutating func strings(_ values: [String]) {
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    /// The evidence list: token, weight after rules, lexicon weight, offsets, rules.
    public mutating func write(_ evidence: [Evidence]) {
        beginArray()
        for item in evidence {
            beginObject()
            key("token"); string(item.token)
            key("weight"); number(item.weight, decimals: 2)
            key("lexicon"); number(item.lexiconWeight, decimals: 2)
            writeSpan(start: item.start, end: item.end, rules: item.rules)
            endObject()
        }
        endArray()
    }
}
