import VocanCore

extension JSONWriter {
    /// The summary document of `vocan analyze --format json`.
    public mutating func write(_ result: RunResult, file: String, warnings: [String]) {
        let summary = result.summary
        beginObject()
        key("file"); string(file)
        key("records"); beginObject()
        key("read"); int(result.recordsRead)
        key("analyzed"); int(summary.analyzed)
        key("rejected"); int(result.rejectedCount)
        endObject()
        key("languages"); beginObject()
        for language in Language.allCases { key(language.rawValue); int(summary.languages[language] ?? 0) }
        endObject()
        key("sentiment"); beginObject()
        for label in SentimentLabel.allCases { key(label.rawValue); int(summary.labels[label] ?? 0) }
        key("mean_score"); number(summary.meanScore)
        endObject()
        key("emotions"); beginObject()
        key("mean"); write(summary.emotionMix)
        key("dominant"); beginObject()
        for emotion in Emotion.allCases { key(emotion.rawValue); int(summary.dominantEmotions[emotion] ?? 0) }
        endObject()
        endObject()
        key("signals"); beginObject()
        key("high_effort"); int(summary.highEffort)
        key("high_effort_share"); number(summary.analyzed == 0 ? 0 : Double(summary.highEffort) / Double(summary.analyzed))
        key("churn_risk"); int(summary.churnRisk)
        for recommendation in Recommendation.allCases { key(recommendation.rawValue + "s"); int(summary.recommendations[recommendation] ?? 0) }
        endObject()
        key("follow_up"); beginObject()
        key("count"); int(summary.followUpCount)
        key("items"); write(summary.followUps)
        endObject()
        key("most_negative"); writeQuotes(summary.mostNegative)
        key("most_positive"); writeQuotes(summary.mostPositive)
        key("rejects"); beginArray()
        for rejection in result.rejections { write(rejection) }
        endArray()
        key("warnings"); beginArray()
        for warning in warnings { string(warning) }
        endArray()
        endObject()
    }

    /// Characters of a comment quoted in the follow-up list.
    public static let quoteLength = 160

    /// The follow-up list, most urgent first.
    public mutating func write(_ items: [FollowUpItem]) {
        beginArray()
        for item in items { write(item) }
        endArray()
    }

    /// One follow-up: id, line, reasons, urgency, sentiment, score and channel where known, quote.
    public mutating func write(_ item: FollowUpItem) {
        beginObject()
        key("id"); string(item.id)
        key("line"); int(item.line)
        key("reasons"); strings(item.reasons.map(\.rawValue))
        key("urgency"); number(item.urgency, decimals: 1)
        key("sentiment"); number(item.sentiment)
        if let score = item.score { key("score"); raw(score) }
        if let channel = item.channel { key("channel"); string(channel) }
        key("quote"); string(Quote.make(item.text, limit: Self.quoteLength))
        endObject()
    }

    private mutating func writeQuotes(_ analyses: [CommentAnalysis]) {
        beginArray()
        for analysis in analyses {
            beginObject()
            key("id"); string(analysis.feedback.id)
            key("text"); string(Quote.masked(analysis.feedback.text))
            key("sentiment"); write(analysis.sentiment)
            key("evidence"); write(analysis.evidence)
            endObject()
        }
        endArray()
    }
}
