/// Running totals over analyzed comments: what the terminal and JSON summaries report.
/// Add comments in input order; the summary keeps only counts and the few comments it quotes.
public struct AnalysisSummary: Sendable {
    /// How many comments to quote as most negative and most positive.
    public static let quoted = 5

    public private(set) var analyzed = 0
    public private(set) var languages: [Language: Int] = [:]
    public private(set) var labels: [SentimentLabel: Int] = [:]
    public private(set) var scoreTotal = 0.0
    /// The most negative comments, most negative first.
    public private(set) var mostNegative: [CommentAnalysis] = []
    /// The most positive comments, most positive first.
    public private(set) var mostPositive: [CommentAnalysis] = []
    /// Sum of the comments' emotion intensities (divide by `analyzed` for the mean).
    public private(set) var emotionTotals = SIMD8<Double>.zero
    /// How many comments each emotion dominates.
    public private(set) var dominantEmotions: [Emotion: Int] = [:]
    /// Comments with effort at or above `Signals.threshold`.
    public private(set) var highEffort = 0
    /// Comments with churn risk at or above `Signals.threshold`.
    public private(set) var churnRisk = 0
    public private(set) var recommendations: [Recommendation: Int] = [:]
    /// All comments that need a follow-up.
    public private(set) var followUpCount = 0
    /// The most urgent follow-ups, most urgent first (at most `followUpLimit`).
    public private(set) var followUps: [FollowUpItem] = []
    public static let followUpLimit = 1000

    /// The mean intensity of each emotion over all analyzed comments.
    public var emotionMix: EmotionProfile {
        EmotionProfile(analyzed == 0 ? .zero : emotionTotals / Double(analyzed))
    }

    public init() {}

    /// Mean comment score, 0 when nothing was analyzed.
    public var meanScore: Double { analyzed == 0 ? 0 : scoreTotal / Double(analyzed) }

    public mutating func add(_ analysis: CommentAnalysis) {
        analyzed += 1
        languages[analysis.language, default: 0] += 1
        labels[analysis.sentiment.label, default: 0] += 1
        scoreTotal += analysis.sentiment.score
        emotionTotals += analysis.emotions.values
        if let dominant = analysis.emotions.dominant { dominantEmotions[dominant, default: 0] += 1 }
        let signals = analysis.signals
        if signals.effort >= Signals.threshold { highEffort += 1 }
        if signals.churnRisk >= Signals.threshold { churnRisk += 1 }
        if let recommend = signals.recommend { recommendations[recommend, default: 0] += 1 }
        if signals.followUp.needed {
            followUpCount += 1
            let item = FollowUpItem(analysis)
            let index = followUps.firstIndex { item.isMoreUrgent(than: $0) } ?? followUps.count
            if index < Self.followUpLimit {
                followUps.insert(item, at: index)
                if followUps.count > Self.followUpLimit { followUps.removeLast() }
            }
        }
        let score = analysis.sentiment.score
        if score < 0 { Self.keep(analysis, in: &mostNegative) { $0.sentiment.score < $1.sentiment.score } }
        if score > 0 { Self.keep(analysis, in: &mostPositive) { $0.sentiment.score > $1.sentiment.score } }
    }

    /// Keeps the `quoted` best by `isBetter`; ties keep the earlier comment.
    private static func keep(_ analysis: CommentAnalysis, in list: inout [CommentAnalysis],
                             isBetter: (CommentAnalysis, CommentAnalysis) -> Bool) {
        if list.count == quoted, let last = list.last, !isBetter(analysis, last) { return }
        let index = list.firstIndex { isBetter(analysis, $0) } ?? list.count
        list.insert(analysis, at: index)
        if list.count > quoted { list.removeLast() }
    }
}

/// One line of the follow-up list: who needs a call back, why, and what they wrote.
public struct FollowUpItem: Sendable, Equatable {
    public var id: String
    public var line: Int
    public var reasons: [FollowUpReason]
    public var urgency: Double
    public var sentiment: Double
    public var score: String?
    public var channel: String?
    /// The whole comment; outputs quote it shortened and with personal data masked.
    public var text: String

    init(_ analysis: CommentAnalysis) {
        id = analysis.feedback.id
        line = analysis.feedback.line
        reasons = analysis.signals.followUp.reasons
        urgency = analysis.signals.followUp.urgency
        sentiment = analysis.sentiment.score
        score = analysis.feedback.score
        channel = analysis.feedback.channel
        text = analysis.feedback.text
    }

    /// Higher urgency first, then the more negative comment; equal ones keep input order.
    func isMoreUrgent(than other: FollowUpItem) -> Bool {
        urgency != other.urgency ? urgency > other.urgency : sentiment < other.sentiment
    }
}
