/// Overall polarity of a text unit.
public enum SentimentLabel: String, Sendable, Codable, CaseIterable {
    case positive, negative, neutral
    /// Clearly positive and clearly negative clauses in one comment or sentence.
    case mixed

    /// Position in per-label counters (declaration order).
    var index: Int {
        switch self {
        case .positive: 0
        case .negative: 1
        case .neutral: 2
        case .mixed: 3
        }
    }
}

/// A score in [-1, 1] with its label.
public struct SentimentScore: Sendable, Equatable {
    public var score: Double
    public var label: SentimentLabel

    public init(score: Double, label: SentimentLabel) {
        self.score = score
        self.label = label
    }
}

/// The rules that changed a piece of evidence, in the order the outputs list them.
public struct EvidenceRules: OptionSet, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    /// A German compound split into known parts (`Riesenärger`).
    public static let compound = EvidenceRules(rawValue: 1 << 0)
    /// Written in capitals in a text that is not all capitals.
    public static let caps = EvidenceRules(rawValue: 1 << 1)
    /// A letter repeated (`suuuper`).
    public static let elongated = EvidenceRules(rawValue: 1 << 2)
    public static let intensified = EvidenceRules(rawValue: 1 << 3)
    public static let downtoned = EvidenceRules(rawValue: 1 << 4)
    public static let negated = EvidenceRules(rawValue: 1 << 5)
    /// Damped: the sentence asks rather than judges.
    public static let question = EvidenceRules(rawValue: 1 << 6)
    /// Damped: the sentence states a wish.
    public static let wish = EvidenceRules(rawValue: 1 << 7)
    /// Damped: the sentence shares a link.
    public static let link = EvidenceRules(rawValue: 1 << 8)
    /// Weighted by a contrast cue (`aber`, `but`).
    public static let contrast = EvidenceRules(rawValue: 1 << 9)
    /// Weighted by a concession cue (`obwohl`, `although`).
    public static let concession = EvidenceRules(rawValue: 1 << 10)
    /// Exclamation marks.
    public static let emphasis = EvidenceRules(rawValue: 1 << 11)
    /// Praise turned against: short praise alone beside a clear complaint (`Herzlichen Glückwunsch.`).
    public static let irony = EvidenceRules(rawValue: 1 << 12)

    /// Every rule with its name as the outputs spell it, in output order.
    public static let named: [(rule: EvidenceRules, name: StaticString)] = [
        (.compound, "compound"), (.caps, "caps"), (.elongated, "elongated"), (.intensified, "intensified"),
        (.downtoned, "downtoned"), (.negated, "negated"), (.question, "question"), (.wish, "wish"), (.link, "link"),
        (.contrast, "contrast"), (.concession, "concession"), (.emphasis, "emphasis"), (.irony, "irony"),
    ]

    /// The names of the rules in the set (`["intensified", "contrast"]`).
    public var names: [String] { Self.named.filter { contains($0.rule) }.map { $0.name.description } }

    public var description: String { names.description }
}

/// A token (or phrase) that moved the score, and by how much after every rule.
public struct Evidence: Sendable, Equatable {
    /// The text as written (`schlecht`, `Finger weg`, `😡`, `!!!`).
    public var token: String
    /// Its contribution to the comment's raw sum, after negation, intensity and clause weights.
    public var weight: Double
    /// The weight listed in the lexicon.
    public var lexiconWeight: Double
    /// Scalar offsets in the comment.
    public var start: Int
    public var end: Int
    /// The rules that changed it.
    public var rules: EvidenceRules
}

/// A clause: the part of a sentence between contrast or coordination cues.
public struct ClauseAnalysis: Sendable, Equatable {
    /// The clause's text: a slice of the comment.
    public var text: Substring
    public var start: Int
    public var end: Int
    public var sentiment: SentimentScore
    /// How much the clause counts in its sentence (1.5 after `aber`/`but`, 0.5 before it).
    public var weight: Double
    public var emotions: EmotionProfile
}

/// A sentence with its score and clauses.
public struct SentenceAnalysis: Sendable, Equatable {
    /// The sentence's text: a slice of the comment.
    public var text: Substring
    public var start: Int
    public var end: Int
    public var sentiment: SentimentScore
    /// Its clauses: a slice of all clauses of the comment.
    public var clauses: ArraySlice<ClauseAnalysis>
}

/// Everything vocan found in one comment.
public struct CommentAnalysis: Sendable, Equatable {
    public var feedback: Feedback
    public var language: Language
    public var sentiment: SentimentScore
    public var sentences: [SentenceAnalysis]
    /// The tokens that moved the score, in text order.
    public var evidence: [Evidence]
    public var emotions: EmotionProfile
    /// The tokens that carried emotions, in text order.
    public var emotionEvidence: [EmotionEvidence]
    public var signals: Signals
}

/// Settings of an analysis run.
public struct AnalysisOptions: Sendable {
    /// Force a language instead of detecting it per comment.
    public var language: Language?
    /// Scores at or above this are positive.
    public var positiveThreshold: Double
    /// Scores at or below this (a negative number) are negative.
    public var negativeThreshold: Double
    /// A comment is mixed when one clause scores at least this and another at most its negative.
    public var mixedClauseScore: Double

    /// The scale of the input's scores, for the `detractor_score` follow-up reason; nil ignores scores.
    public var scoreScale: ScoreScale?

    public init(
        language: Language? = nil, scoreScale: ScoreScale? = nil,
        positiveThreshold: Double = 0.3, negativeThreshold: Double = -0.15, mixedClauseScore: Double = 0.3
    ) {
        self.language = language
        self.scoreScale = scoreScale
        self.positiveThreshold = positiveThreshold
        self.negativeThreshold = negativeThreshold
        self.mixedClauseScore = mixedClauseScore
    }
}
