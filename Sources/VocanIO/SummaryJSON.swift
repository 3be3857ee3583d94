import VocanCore

extension JSONWriter {
    /// The summary document of `vocan analyze --format json`.
    public mutating func write(_ result: RunResult, file: String, warnings: [String]) {
        let summary = result.summary
        beginObject()
        field("file"); string(file)
        field("records"); beginObject()
        field("read"); int(result.recordsRead)
        field("analyzed"); int(summary.analyzed)
        field("rejected"); int(result.rejectedCount)
        endObject()
        field("languages"); beginObject()
        for language in Language.allCases { key(language.rawValue); int(summary.languages[language] ?? 0) }
        endObject()
        field("sentiment"); beginObject()
        for label in SentimentLabel.allCases { key(label.rawValue); int(summary.labels[label] ?? 0) }
        field("mean_score"); number(summary.meanScore)
        endObject()
        field("emotions"); beginObject()
        field("mean"); write(summary.emotionMix)
        field("dominant"); beginObject()
        for emotion in Emotion.allCases { key(emotion.rawValue); int(summary.dominantEmotions[emotion] ?? 0) }
        endObject()
        endObject()
        field("signals"); beginObject()
        field("high_effort"); int(summary.highEffort)
        field("high_effort_share"); number(summary.analyzed == 0 ? 0 : Double(summary.highEffort) / Double(summary.analyzed))
        field("churn_risk"); int(summary.churnRisk)
        for recommendation in Recommendation.allCases { key(recommendation.rawValue + "s"); int(summary.recommendations[recommendation] ?? 0) }
        endObject()
        field("follow_up"); beginObject()
        field("count"); int(summary.followUpCount)
        field("items"); write(summary.followUps)
        endObject()
        field("most_negative"); writeQuotes(summary.mostNegative)
        field("most_positive"); writeQuotes(summary.mostPositive)
        field("rejects"); beginArray()
        for rejection in result.rejections { write(rejection) }
        endArray()
        field("warnings"); beginArray()
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
        field("id"); string(item.id)
        field("line"); int(item.line)
        field("reasons"); strings(item.reasons.map(\.rawValue))
        field("urgency"); number(item.urgency, decimals: 1)
        field("sentiment"); number(item.sentiment)
        if let score = item.score { field("score"); raw(score) }
        if let channel = item.channel { field("channel"); string(channel) }
        field("quote"); string(Quote.make(item.text, limit: Self.quoteLength))
        endObject()
    }

    private mutating func writeQuotes(_ analyses: [CommentAnalysis]) {
        beginArray()
        for analysis in analyses {
            beginObject()
            field("id"); string(analysis.feedback.id)
            field("text"); string(Quote.masked(analysis.feedback.text))
            field("sentiment"); write(analysis.sentiment)
            field("evidence"); write(analysis.evidence)
            endObject()
        }
        endArray()
    }
}
