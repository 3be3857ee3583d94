/// Overall polarity of a text unit.
public enum SentimentLabel: String, Sendable, Codable, CaseIterable {
    case positive, negative, neutral
    /// Clearly positive and clearly negative clauses in one comment or sentence.
    case mixed
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
    /// The rules that changed it: `negated`, `intensified`, `downtoned`, `caps`, `elongated`,
    /// `contrast`, `concession`, `question`, `wish`, `compound`, `emphasis`.
    public var rules: [String]
}

/// A clause: the part of a sentence between contrast or coordination cues.
public struct ClauseAnalysis: Sendable, Equatable {
    public var text: String
    public var start: Int
    public var end: Int
    public var sentiment: SentimentScore
    /// How much the clause counts in its sentence (1.5 after `aber`/`but`, 0.5 before it).
    public var weight: Double
    public var emotions: EmotionProfile
}

/// A sentence with its score and clauses.
public struct SentenceAnalysis: Sendable, Equatable {
    public var text: String
    public var start: Int
    public var end: Int
    public var sentiment: SentimentScore
    public var clauses: [ClauseAnalysis]
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
