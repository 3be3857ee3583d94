import VocanCore
import VocanLexicons

/// Engines are loaded once and shared (they are immutable); analyzers are per thread, so each call
/// makes its own, as Swift Testing runs tests in parallel.
enum Fixture {
    static let engine = Result { try Engine.bundled() }
    private static let german = Result { try Engine.bundled(options: AnalysisOptions(language: .german)) }
    private static let english = Result { try Engine.bundled(options: AnalysisOptions(language: .english)) }

    static func analyze(_ text: String, _ language: Language) throws -> CommentAnalysis {
        let engine = switch language {
        case .german: try german.get()
        case .english: try english.get()
        case .undetermined: try Self.engine.get()
        }
        return try Analyzer(engine: engine).analyze(Feedback(id: "t", text: text, line: 1))
    }
}

extension CommentAnalysis {
    var score: Double { sentiment.score }
    var label: SentimentLabel { sentiment.label }

    /// The evidence item for a surface token.
    func evidence(_ token: String) -> Evidence? { evidence.first { $0.token == token } }
}
