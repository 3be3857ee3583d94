import VocanCore

/// The JSON shapes of vocan's machine outputs. Field names are documented in the README and stay stable.
extension JSONWriter {
    /// One JSONL record of `vocan analyze --format jsonl`.
    public mutating func write(_ analysis: CommentAnalysis) {
        beginObject()
        field("id"); string(analysis.feedback.id)
        field("line"); int(analysis.feedback.line)
        field("lang"); string(analysis.language.rawValue)
        field("sentiment"); write(analysis.sentiment)
        field("sentences"); beginArray()
        for sentence in analysis.sentences {
            beginObject()
            field("text"); string(sentence.text)
            field("start"); int(sentence.start)
            field("end"); int(sentence.end)
            writeFields(sentence.sentiment)
            field("clauses"); beginArray()
            for clause in sentence.clauses {
                beginObject()
                field("text"); string(clause.text)
                field("start"); int(clause.start)
                field("end"); int(clause.end)
                writeFields(clause.sentiment)
                field("weight"); number(clause.weight, decimals: 2)
                field("emotions"); write(clause.emotions)
                endObject()
            }
            endArray()
            endObject()
        }
        endArray()
        field("evidence"); write(analysis.evidence)
        field("emotions"); write(analysis.emotions)
        field("emotion_evidence"); write(analysis.emotionEvidence)
        field("signals"); write(analysis.signals)
        if let score = analysis.feedback.score { field("score"); raw(score) }
        if let date = analysis.feedback.date { field("date"); string(date) }
        if let channel = analysis.feedback.channel { field("channel"); string(channel) }
        endObject()
    }

    /// `{"score": …, "label": …}`
    public mutating func write(_ sentiment: SentimentScore) {
        beginObject()
        writeFields(sentiment)
        endObject()
    }

    private mutating func writeFields(_ sentiment: SentimentScore) {
        field("score"); number(sentiment.score)
        field("label"); string(sentiment.label.rawValue)
    }

    /// All eight emotions, always in the same order: `{"anger": 0.7, "anticipation": 0, ...}`.
    public mutating func write(_ emotions: EmotionProfile) {
        // Most clauses carry no emotion at all.
        if emotions.isEmpty {
            return fragment(#"{"anger":0,"anticipation":0,"disgust":0,"fear":0,"joy":0,"sadness":0,"surprise":0,"trust":0}"#)
        }
        beginObject()
        field("anger"); number(emotions[.anger])
        field("anticipation"); number(emotions[.anticipation])
        field("disgust"); number(emotions[.disgust])
        field("fear"); number(emotions[.fear])
        field("joy"); number(emotions[.joy])
        field("sadness"); number(emotions[.sadness])
        field("surprise"); number(emotions[.surprise])
        field("trust"); number(emotions[.trust])
        endObject()
    }

    /// The emotion evidence list: token, emotion, intensity, offsets, rules.
    public mutating func write(_ evidence: [EmotionEvidence]) {
        beginArray()
        for item in evidence {
            beginObject()
            field("token"); string(item.token)
            field("emotion"); string(item.emotion.rawValue)
            field("intensity"); number(item.intensity, decimals: 2)
            writeSpan(start: item.start, end: item.end, rules: item.rules)
            endObject()
        }
        endArray()
    }

    /// `{"effort": …, "churn_risk": …, "recommend": …, "follow_up": {"needed": …, "reasons": […]}, "evidence": […]}`
    public mutating func write(_ signals: Signals) {
        beginObject()
        field("effort"); number(signals.effort, decimals: 2)
        field("churn_risk"); number(signals.churnRisk, decimals: 2)
        field("recommend")
        if let recommend = signals.recommend { string(recommend.rawValue) } else { null() }
        field("follow_up"); beginObject()
        field("needed"); bool(signals.followUp.needed)
        field("reasons"); strings(signals.followUp.reasons.map(\.rawValue))
        endObject()
        field("evidence"); beginArray()
        for item in signals.evidence {
            beginObject()
            field("signal"); string(item.signal.rawValue)
            field("token"); string(item.token)
            field("weight"); number(item.weight, decimals: 2)
            writeSpan(start: item.start, end: item.end, rules: item.rules)
            endObject()
        }
        endArray()
        endObject()
    }

    /// The fields every kind of evidence shares: where it stands and which rules changed it.
    private mutating func writeSpan(start: Int, end: Int, rules: EvidenceRules) {
        field("start"); int(start)
        field("end"); int(end)
        field("rules"); beginArray()
        for (rule, name) in EvidenceRules.named where rules.contains(rule) { string(name) }
        endArray()
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
            field("token"); string(item.token)
            field("weight"); number(item.weight, decimals: 2)
            field("lexicon"); number(item.lexiconWeight, decimals: 2)
            writeSpan(start: item.start, end: item.end, rules: item.rules)
            endObject()
        }
        endArray()
    }
}
