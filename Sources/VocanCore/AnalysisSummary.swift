/// Running totals over analyzed comments: what the terminal and JSON summaries report.
/// Add comments in input order; the summary keeps only counts and the few comments it quotes.
public struct AnalysisSummary: Sendable {
    /// How many comments to quote as most negative and most positive.
    public static let quoted = 5

    public private(set) var analyzed = 0
    public private(set) var scoreTotal = 0.0
    /// The most negative comments, most negative first.
    public private(set) var mostNegative: [CommentAnalysis] = []
    /// The most positive comments, most positive first.
    public private(set) var mostPositive: [CommentAnalysis] = []
    /// Sum of the comments' emotion intensities (divide by `analyzed` for the mean).
    public private(set) var emotionTotals = SIMD8<Double>.zero
    /// Comments with effort at or above `Signals.threshold`.
    public private(set) var highEffort = 0
    /// Comments with churn risk at or above `Signals.threshold`.
    public private(set) var churnRisk = 0
    /// All comments that need a follow-up.
    public private(set) var followUpCount = 0
    public static let followUpLimit = 1000

    // Counters indexed by the enums' positions: adding a comment hashes nothing.
    private var languageCounts = [Int](repeating: 0, count: Language.allCases.count)
    private var labelCounts = [Int](repeating: 0, count: SentimentLabel.allCases.count)
    private var dominantCounts = [Int](repeating: 0, count: Emotion.allCases.count)
    private var recommendationCounts = [Int](repeating: 0, count: Recommendation.allCases.count)
    /// Follow-up candidates, sorted and cut to `followUpLimit` whenever they reach twice that.
    private var candidates: [FollowUpItem] = []
    /// What the comments added must beat, as comments before them set it.
    private var cutoffs = Cutoffs()
    /// The rank of the last follow-up kept at the last cut of `candidates`.
    private var lastKeptFollowUp: FollowUpRank?

    public init() {}

    /// An empty summary for comments that come after those of the summary that gave `cutoffs`, and is
    /// to be merged after it: it keeps no comment that could not make that summary's lists.
    ///
    /// A comment the earlier comments already outrank by five quotes (or by `followUpLimit`
    /// follow-ups) is never quoted (listed), as ties keep the earlier comment: each summary of a
    /// chunk of comments then copies a few comments into its lists rather than its first dozens.
    public init(after cutoffs: Cutoffs) {
        self.cutoffs = cutoffs
    }

    /// What a later comment must beat to be quoted, or listed as a follow-up, once merged after this
    /// summary's comments: the fifth most negative and most positive score, once there are five, and
    /// the last follow-up kept at the last cut. Where this summary holds too few, the cutoffs it was
    /// made with.
    public struct Cutoffs: Sendable {
        fileprivate var negative: Double?
        fileprivate var positive: Double?
        fileprivate var followUp: FollowUpRank?

        public init() {}
    }

    /// The cutoffs for comments that come after this summary's.
    public var laterCutoffs: Cutoffs {
        var later = cutoffs
        if mostNegative.count == Self.quoted { later.negative = mostNegative.last?.sentiment.score }
        if mostPositive.count == Self.quoted { later.positive = mostPositive.last?.sentiment.score }
        if let lastKeptFollowUp { later.followUp = lastKeptFollowUp }
        return later
    }

    /// Comments per language.
    public var languages: [Language: Int] { Self.counts(languageCounts, Language.allCases) }
    /// Comments per sentiment label.
    public var labels: [SentimentLabel: Int] { Self.counts(labelCounts, SentimentLabel.allCases) }
    /// How many comments each emotion dominates.
    public var dominantEmotions: [Emotion: Int] { Self.counts(dominantCounts, Emotion.allCases) }
    public var recommendations: [Recommendation: Int] { Self.counts(recommendationCounts, Recommendation.allCases) }

    /// The most urgent follow-ups, most urgent first (at most `followUpLimit`); equal ones keep input order.
    public var followUps: [FollowUpItem] { Array(Self.ranked(candidates).prefix(Self.followUpLimit)) }

    /// The mean intensity of each emotion over all analyzed comments.
    public var emotionMix: EmotionProfile {
        EmotionProfile(analyzed == 0 ? .zero : emotionTotals / Double(analyzed))
    }

    /// Mean comment score, 0 when nothing was analyzed.
    public var meanScore: Double { analyzed == 0 ? 0 : scoreTotal / Double(analyzed) }

    public mutating func add(_ analysis: CommentAnalysis) {
        analyzed += 1
        languageCounts[Language.allCases.firstIndex(of: analysis.language)!] += 1
        labelCounts[analysis.sentiment.label.index] += 1
        scoreTotal += analysis.sentiment.score
        emotionTotals += analysis.emotions.values
        if let dominant = analysis.emotions.dominant { dominantCounts[dominant.index] += 1 }
        if analysis.signals.effort >= Signals.threshold { highEffort += 1 }
        if analysis.signals.churnRisk >= Signals.threshold { churnRisk += 1 }
        if let recommend = analysis.signals.recommend { recommendationCounts[recommend == .promoter ? 0 : 1] += 1 }
        if analysis.signals.followUp.needed {
            followUpCount += 1
            if cutoffs.followUp.map(FollowUpRank(analysis).isMoreUrgent) ?? true {
                candidates.append(FollowUpItem(analysis, sequence: followUpCount))
                if candidates.count >= 2 * Self.followUpLimit { cutCandidates() }
            }
        }
        let score = analysis.sentiment.score
        if score < 0, cutoffs.negative.map({ score < $0 }) ?? true {
            Self.keep(analysis, in: &mostNegative) { $0.sentiment.score < $1.sentiment.score }
        }
        if score > 0, cutoffs.positive.map({ score > $0 }) ?? true {
            Self.keep(analysis, in: &mostPositive) { $0.sentiment.score > $1.sentiment.score }
        }
    }

    /// Adds the comments of `other`, which come after those added so far.
    public mutating func merge(_ other: AnalysisSummary) {
        analyzed += other.analyzed
        scoreTotal += other.scoreTotal
        emotionTotals += other.emotionTotals
        highEffort += other.highEffort
        churnRisk += other.churnRisk
        for index in languageCounts.indices { languageCounts[index] += other.languageCounts[index] }
        for index in labelCounts.indices { labelCounts[index] += other.labelCounts[index] }
        for index in dominantCounts.indices { dominantCounts[index] += other.dominantCounts[index] }
        for index in recommendationCounts.indices { recommendationCounts[index] += other.recommendationCounts[index] }
        for var item in other.candidates {
            item.sequence += followUpCount
            candidates.append(item)
        }
        followUpCount += other.followUpCount
        if candidates.count >= 2 * Self.followUpLimit { cutCandidates() }
        for analysis in other.mostNegative { Self.keep(analysis, in: &mostNegative) { $0.sentiment.score < $1.sentiment.score } }
        for analysis in other.mostPositive { Self.keep(analysis, in: &mostPositive) { $0.sentiment.score > $1.sentiment.score } }
    }

    /// Keeps the `followUpLimit` most urgent candidates.
    private mutating func cutCandidates() {
        candidates = Array(Self.ranked(candidates).prefix(Self.followUpLimit))
        lastKeptFollowUp = candidates.last?.rank
    }

    private static func ranked(_ items: [FollowUpItem]) -> [FollowUpItem] {
        items.sorted { $0.isMoreUrgent(than: $1) || (!$1.isMoreUrgent(than: $0) && $0.sequence < $1.sequence) }
    }

    private static func counts<Key: Hashable>(_ counts: [Int], _ keys: [Key]) -> [Key: Int] {
        var result: [Key: Int] = [:]
        for (key, count) in zip(keys, counts) where count > 0 { result[key] = count }
        return result
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
    /// Its place among the follow-ups in input order (1, 2, ...).
    var sequence: Int

    init(_ analysis: CommentAnalysis, sequence: Int) {
        self.sequence = sequence
        id = analysis.feedback.id
        line = analysis.feedback.line
        reasons = analysis.signals.followUp.reasons
        let rank = FollowUpRank(analysis)
        urgency = rank.urgency
        sentiment = rank.sentiment
        score = analysis.feedback.score
        channel = analysis.feedback.channel
        text = analysis.feedback.text
    }

    var rank: FollowUpRank { FollowUpRank(urgency: urgency, sentiment: sentiment) }

    /// Higher urgency first, then the more negative comment; equal ones keep input order.
    func isMoreUrgent(than other: FollowUpItem) -> Bool { rank.isMoreUrgent(than: other.rank) }
}

/// What orders the follow-ups, before input order: urgency, then sentiment.
struct FollowUpRank: Sendable {
    var urgency: Double
    var sentiment: Double

    init(urgency: Double, sentiment: Double) {
        self.urgency = urgency
        self.sentiment = sentiment
    }

    /// The rank of a comment that needs a follow-up.
    init(_ analysis: CommentAnalysis) {
        self.init(urgency: analysis.signals.followUp.urgency, sentiment: analysis.sentiment.score)
    }

    func isMoreUrgent(than other: FollowUpRank) -> Bool {
        urgency != other.urgency ? urgency > other.urgency : sentiment < other.sentiment
    }
}
