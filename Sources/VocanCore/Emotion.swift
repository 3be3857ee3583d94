/// Plutchik's eight basic emotions, with the keys of the NRC and XED resources.
public enum Emotion: String, CaseIterable, Sendable, Codable {
    case anger, anticipation, disgust, fear, joy, sadness, surprise, trust

    /// The emotion across Plutchik's wheel (joy–sadness, trust–disgust, fear–anger, surprise–anticipation).
    public var opposite: Emotion {
        switch self {
        case .anger: .fear
        case .anticipation: .surprise
        case .disgust: .trust
        case .fear: .anger
        case .joy: .sadness
        case .sadness: .joy
        case .surprise: .anticipation
        case .trust: .disgust
        }
    }

    /// Position in an `EmotionProfile` (alphabetical, like the keys).
    var index: Int {
        switch self {
        case .anger: 0
        case .anticipation: 1
        case .disgust: 2
        case .fear: 3
        case .joy: 4
        case .sadness: 5
        case .surprise: 6
        case .trust: 7
        }
    }
}

/// Intensities in [0, 1] for the eight emotions.
///
/// Several cues of one emotion combine like independent evidence, `1 − (1 − a)(1 − b)`, so the
/// intensity grows with each cue but never passes 1.
public struct EmotionProfile: Sendable, Hashable, BitwiseCopyable {
    public internal(set) var values: SIMD8<Double>

    public init(_ values: SIMD8<Double> = .zero) { self.values = values }

    public subscript(emotion: Emotion) -> Double {
        get { values[emotion.index] }
        set { values[emotion.index] = newValue }
    }

    /// Whether every intensity is zero (either sign). The bits of the eight values are ORed (without
    /// the sign bit, only zeros leave nothing): `values == .zero` compiles to a loop through memory,
    /// a step per emotion, and most clauses carry no emotion.
    @inline(__always)
    public var isEmpty: Bool {
        let bits = withUnsafeBytes(of: values) { raw in
            (0..<8).reduce(UInt64(0)) { $0 | raw.load(fromByteOffset: $1 * 8, as: UInt64.self) }
        }
        return bits << 1 == 0
    }

    /// The strongest emotion, nil when all are zero; ties go to the first in alphabetical order.
    public var dominant: Emotion? {
        // Lane by lane (the lanes are in `Emotion.allCases` order), which unrolls.
        var best: Int?, bestValue = 0.0
        for lane in values.indices where values[lane] > bestValue {
            best = lane
            bestValue = values[lane]
        }
        return best.map { Emotion.allCases[$0] }
    }

    /// Adds the cues of `other` as independent evidence.
    public mutating func combine(_ other: EmotionProfile) {
        values = 1 - (1 - values) * (1 - other.values)
    }
}

/// A token that carried an emotion, with its intensity after negation and intensifiers.
public struct EmotionEvidence: Sendable, Equatable {
    public var token: String
    public var emotion: Emotion
    public var intensity: Double
    public var start: Int
    public var end: Int
    public var rules: EvidenceRules
}
