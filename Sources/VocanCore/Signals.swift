/// An NPS-like reading of the text: an explicit recommendation or warning.
public enum Recommendation: String, Sendable, CaseIterable {
    case promoter, detractor
}

/// Why a comment needs a human now.
public enum FollowUpReason: String, Sendable, CaseIterable, Comparable {
    case churnThreat = "churn_threat"
    case detractorScore = "detractor_score"
    case legalThreat = "legal_threat"
    case safetyIssue = "safety_issue"
    case strongAnger = "strong_anger"
    case unresolvedRepeat = "unresolved_repeat"

    /// How urgent the reason is; the follow-up list sorts by the sum over a comment's reasons.
    public var urgency: Double {
        switch self {
        case .safetyIssue: 5
        case .legalThreat: 5
        case .churnThreat: 4
        case .strongAnger: 3
        case .unresolvedRepeat: 3
        case .detractorScore: 2
        }
    }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The survey scale of the input's score column, for the `detractor_score` reason.
public enum ScoreScale: String, Sendable, CaseIterable {
    /// Net Promoter Score, 0–10; detractors give 0–6.
    case nps
    /// Customer satisfaction, 1–5; detractors give 1–2.
    case csat

    /// Whether a score on this scale is a detractor's.
    public func isDetractor(_ value: Double) -> Bool {
        switch self {
        case .nps: value >= 0 && value <= 6
        case .csat: value >= 1 && value <= 2
        }
    }
}

/// A pattern match that raised a signal.
public struct SignalEvidence: Sendable, Equatable {
    public var signal: SignalKind
    public var token: String
    public var weight: Double
    public var start: Int
    public var end: Int
    public var rules: EvidenceRules
}

/// A score in [0, 1] per signal kind.
public struct SignalScores: Sendable, Equatable {
    private var values = SIMD16<Double>.zero

    public init() {}

    public subscript(kind: SignalKind) -> Double {
        get { values[kind.index] }
        set { values[kind.index] = newValue }
    }
}

/// Whether a human should react, and why.
public struct FollowUp: Sendable, Equatable {
    public var reasons: [FollowUpReason]
    public var needed: Bool { !reasons.isEmpty }
    public var urgency: Double { reasons.reduce(0) { $0 + $1.urgency } }
}

/// The CX signals of a comment.
public struct Signals: Sendable, Equatable {
    /// Customer effort expressed in the text, 0–1 (repeated contacts, waiting, complexity, handoffs).
    public var effort: Double
    /// Intent to cancel, switch or never return, 0–1.
    public var churnRisk: Double
    public var recommend: Recommendation?
    public var followUp: FollowUp
    /// Score per pattern kind, 0–1.
    public var scores: SignalScores
    public var evidence: [SignalEvidence]

    /// Signal scores from this threshold on count as present (high effort, churn risk, a recommendation).
    public static let threshold = 0.5
    /// A single anger cue this strong (after intensifiers and capitals) is strong anger by itself.
    public static let strongAngerCue = 0.85
    /// Combined anger from this level is strong anger when the customer also shouts (capitals, `!`, elongation).
    public static let emphaticAnger = 0.7
    /// Repeated contacts or handoffs this weak still count when the text says the problem is unresolved.
    public static let weakContacts = 0.3
    /// Comment score at or below which the anger is strong whatever the emotion words.
    public static let strongNegativeScore = -0.85

    /// Combines the pattern evidence with the comment's sentiment, emotions and survey score.
    static func assess(
        evidence: [SignalEvidence], sentiment: SentimentScore, emotions: EmotionProfile,
        emotionEvidence: [EmotionEvidence], emphatic: Bool, score: String?, scale: ScoreScale?
    ) -> Signals {
        var scores = SignalScores()
        for item in evidence { scores[item.signal] = 1 - (1 - scores[item.signal]) * (1 - item.weight) }
        var effort = 0.0
        for kind in SignalKind.effort { effort = 1 - (1 - effort) * (1 - scores[kind]) }
        let churn = scores[.churn]
        let promoter = scores[.promoter], detractor = scores[.detractor]
        let recommend: Recommendation? = detractor >= threshold && detractor >= promoter ? .detractor
            : promoter >= threshold ? .promoter : nil
        let negative = sentiment.label == .negative || sentiment.label == .mixed
        // The reasons are tested in their sort order (`FollowUpReason.<`, by name), so the list needs no
        // sort: sorting it, even empty, cost more than all the tests.
        var reasons: [FollowUpReason] = []
        if churn >= threshold { reasons.append(.churnThreat) }
        if let scale, let score, let value = Double(score), scale.isDetractor(value), negative { reasons.append(.detractorScore) }
        if scores[.legalThreat] >= threshold { reasons.append(.legalThreat) }
        if scores[.safetyIssue] >= threshold { reasons.append(.safetyIssue) }
        var strongestAnger = 0.0
        for item in emotionEvidence where item.emotion == .anger { strongestAnger = max(strongestAnger, item.intensity) }
        if strongestAnger >= strongAngerCue || (emphatic && emotions[.anger] >= emphaticAnger) || sentiment.score <= strongNegativeScore {
            reasons.append(.strongAnger)
        }
        // Contacting again and again, or being passed around, without a solution.
        let contacts = 1 - (1 - scores[.effortRepeat]) * (1 - scores[.effortHandoff])
        let unresolved = scores[.unresolved] >= threshold
        if (contacts >= threshold && negative) || (contacts >= weakContacts && unresolved) { reasons.append(.unresolvedRepeat) }
        assert(reasons == reasons.sorted())
        return Signals(effort: effort, churnRisk: churn, recommend: recommend, followUp: FollowUp(reasons: reasons),
                       scores: scores, evidence: evidence)
    }
}
