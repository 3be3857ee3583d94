import VocanCore

/// One engine for all tests: loading the bundled lexicons once keeps the suite fast.
enum Fixture {
    static let engine: Result<Engine, Error> = Result { try Engine() }

    static func analyzer(language: Language? = nil) throws -> Analyzer {
        var engine = try engine.get()
        if let language { engine = try Engine(options: AnalysisOptions(language: language)) }
        return try Analyzer(engine: engine)
    }

    static func analyze(_ text: String, _ language: Language) throws -> CommentAnalysis {
        try analyzers(language).analyze(Feedback(id: "t", text: text, line: 1))
    }

    private static func analyzers(_ language: Language) throws -> Analyzer {
        switch language {
        case .german: try german.get()
        case .english: try english.get()
        case .undetermined: try auto.get()
        }
    }

    private static let german = Result { try Analyzer(engine: Engine(options: AnalysisOptions(language: .german))) }
    private static let english = Result { try Analyzer(engine: Engine(options: AnalysisOptions(language: .english))) }
    private static let auto = Result { try Analyzer(engine: engine.get()) }
}

extension CommentAnalysis {
    var score: Double { sentiment.score }
    var label: SentimentLabel { sentiment.label }

    /// The evidence item for a surface token.
    func evidence(_ token: String) -> Evidence? { evidence.first { $0.token == token } }
}
