import VocanText

/// Analyzes comments one at a time with a shared `Engine`. Holds ICU iterators and caches, so it is
/// not thread-safe: make one analyzer per thread (they are cheap next to the engine).
public final class Analyzer {
    public let engine: Engine
    private let segmenter: Segmenter
    private var compounds: [Language: CompoundCache] = [:]

    public init(engine: Engine) throws {
        self.engine = engine
        segmenter = try Segmenter(emoticons: engine.emoticons)
    }

    /// Segments, identifies the language of and scores one comment.
    public func analyze(_ feedback: Feedback) -> CommentAnalysis {
        var language = engine.options.language ?? .undetermined
        var ids: [TermID] = []
        let segmentation = segmenter.segment(feedback.text) { tokens in
            ids = tokens.map { engine.vocabulary.id($0.key) }
            if engine.options.language == nil {
                language = engine.identifier.identify(tokens, ids: ids, german: engine.german, english: engine.english)
            }
            return language == .german ? .german : .english
        }
        let result: SentimentScorer.Result
        if let pack = engine.pack(for: language) {
            result = score(segmentation, ids: ids, with: pack)
        } else {
            // Neither language is plausible (short or foreign text): keep the reading that finds more.
            let readings = Language.analyzed.compactMap(engine.pack(for:)).map { score(segmentation, ids: ids, with: $0) }
            result = readings.dropFirst().reduce(readings[0]) { $1.evidence.count > $0.evidence.count ? $1 : $0 }
        }
        return CommentAnalysis(feedback: feedback, language: language, sentiment: result.sentiment,
                               sentences: result.sentences, evidence: result.evidence,
                               emotions: result.emotions, emotionEvidence: result.emotionEvidence,
                               signals: Signals.assess(evidence: result.signalEvidence, sentiment: result.sentiment,
                                                       emotions: result.emotions, emotionEvidence: result.emotionEvidence,
                                                       emphatic: result.evidence.contains(where: { $0.rules.contains(where: Self.emphasis.contains) }),
                                                       score: feedback.score, scale: engine.options.scoreScale))
    }

    /// Evidence rules that show the customer raising their voice.
    private static let emphasis: Set<String> = ["caps", "emphasis", "elongated"]

    private func score(_ segmentation: Segmentation, ids: [TermID], with pack: LanguagePack) -> SentimentScorer.Result {
        // Taken out of the dictionary while in use, so that the scorer's writes do not copy it.
        var scorer = SentimentScorer(pack: pack, vocabulary: engine.vocabulary, options: engine.options, compounds: compounds.removeValue(forKey: pack.language) ?? CompoundCache())
        let result = scorer.score(segmentation, ids: ids)
        compounds[pack.language] = scorer.compounds
        return result
    }
}
