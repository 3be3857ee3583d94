import VocanCore

/// What became of one input record: a comment ready for analysis, or a rejection with its reason.
public enum ReadOutcome: Sendable, Equatable {
    case feedback(Feedback)
    case rejected(Rejection)
}

/// The outcomes of a run of records, split into comments and rejections, each in input order.
struct RecordBatch {
    var feedback: [Feedback] = []
    var rejections: [Rejection] = []

    /// The number of records in the batch.
    var count: Int { feedback.count + rejections.count }

    @inline(__always)
    mutating func append(_ outcome: consuming ReadOutcome) {
        switch consume outcome {
        case .feedback(let item): feedback.append(item)
        case .rejected(let rejection): rejections.append(rejection)
        }
    }

    /// The outcomes back in input order: every record starts on a later line than the one before it.
    var outcomes: [ReadOutcome] {
        var merged: [ReadOutcome] = []
        merged.reserveCapacity(count)
        var next = 0
        for rejection in rejections {
            while next < feedback.count, feedback[next].line < rejection.line {
                merged.append(.feedback(feedback[next]))
                next += 1
            }
            merged.append(.rejected(rejection))
        }
        merged += feedback[next...].map(ReadOutcome.feedback)
        return merged
    }
}
