import VocanText

/// A comment as the engine reads it: its text, its tokens with their term ids and key bytes, and its sentences.
struct CommentText {
    let text: String
    let tokens: [Token]
    let ids: [TermID]
    let keys: [UInt8]
    let sentences: [SentenceSpan]

    /// The key bytes of token `index`.
    func key(_ index: Int) -> ArraySlice<UInt8> {
        keys[Int(tokens[index].keyStart)..<Int(tokens[index].keyEnd)]
    }

    /// The surface text of token `index`.
    func text(_ index: Int) -> Substring { slice(tokens[index].textStart, tokens[index].textEnd) }

    /// The text from the first to the last of some tokens, as written.
    func text(_ range: Range<Int>) -> Substring { slice(tokens[range.lowerBound].textStart, tokens[range.upperBound - 1].textEnd) }

    /// The UTF-8 offset where token `index` starts (for hashtags, at the `#`).
    func spanStart(_ index: Int) -> Int32 {
        tokens[index].kind == .hashtag ? tokens[index].textStart - 1 : tokens[index].textStart
    }

    func slice(_ start: Int32, _ end: Int32) -> Substring { text.utf8Slice(start, end) }
}

/// Analyzes comments one at a time with a shared `Engine`. Holds ICU iterators and scratch buffers, so it
/// is not thread-safe: make one analyzer per thread (they are cheap next to the engine).
public final class Analyzer {
    public let engine: Engine
    private var segmenter: Segmenter
    private var scorer = SentimentScorer()
    private var ids: [TermID] = []

    public init(engine: Engine) throws {
        self.engine = engine
        segmenter = try Segmenter(emoticons: engine.emoticons, latinSpellings: engine.latinSpellings)
    }

    /// Segments, identifies the language of and scores one comment.
    public func analyze(_ feedback: Feedback) -> CommentAnalysis {
        var text = feedback.text
        text.makeContiguousUTF8()
        segmenter.tokenize(text)
        let vocabulary = engine.vocabulary
        let tokens = segmenter.tokens, keys = segmenter.keys
        // Taken out of the property while filled, so that appending neither copies nor re-checks access.
        var ids = self.ids
        self.ids = []
        ids.removeAll(keepingCapacity: true)
        keys.withUnsafeBufferPointer { bytes in
            for token in tokens {
                ids.append(vocabulary.id(UnsafeBufferPointer(rebasing: bytes[Int(token.keyStart)..<Int(token.keyEnd)])))
            }
        }
        defer { self.ids = ids }
        var language = engine.options.language ?? .undetermined
        if engine.options.language == nil {
            let words = CommentText(text: text, tokens: tokens, ids: ids, keys: keys, sentences: [])
            language = engine.identifier.identify(words, german: engine.german, english: engine.english)
        }
        segmenter.splitSentences(language == .german ? .german : .english)
        let comment = CommentText(text: text, tokens: tokens, ids: ids, keys: keys, sentences: segmenter.sentences)
        let result: SentimentScorer.Result
        if let pack = engine.pack(for: language) {
            result = scorer.score(comment, pack: pack, engine: engine)
        } else {
            // Neither language is plausible (short or foreign text): keep the reading that finds more.
            let german = scorer.score(comment, pack: engine.german, engine: engine)
            let english = scorer.score(comment, pack: engine.english, engine: engine)
            result = english.evidence.count > german.evidence.count ? english : german
        }
        var feedback = feedback
        feedback.text = text
        let emphatic = result.evidence.contains { !$0.rules.isDisjoint(with: Self.emphasis) }
        return CommentAnalysis(feedback: feedback, language: language, sentiment: result.sentiment,
                               sentences: result.sentences, evidence: result.evidence,
                               emotions: result.emotions, emotionEvidence: result.emotionEvidence,
                               signals: Signals.assess(evidence: result.signalEvidence, sentiment: result.sentiment,
                                                       emotions: result.emotions, emotionEvidence: result.emotionEvidence,
                                                       emphatic: emphatic, score: feedback.score, scale: engine.options.scoreScale))
    }

    /// Evidence rules that show the customer raising their voice.
    private static let emphasis: EvidenceRules = [.caps, .emphasis, .elongated]
}
