import VocanCore

/// What became of one input record: a comment ready for analysis, or a rejection with its reason.
public enum ReadOutcome: Sendable, Equatable {
    case feedback(Feedback)
    case rejected(Rejection)
}
