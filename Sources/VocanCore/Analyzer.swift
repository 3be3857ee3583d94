import VocanText

/// A comment as the engine reads it: its text, its tokens with their term ids, entries and key bytes,
/// and its sentences. A class, so that handing it to the rules is one reference, not six.
///
/// The buffers are views of the analyzer's and segmenter's storage, valid while `Analyzer.analyze`
/// runs: a `CommentText` never outlives the call that made it. Reading them needs no bounds check in
/// release builds (the rules index them by the tokens' own ranges, checked in debug builds).
final class CommentText {
    /// In contiguous UTF-8 (`Analyzer.analyze` makes it so), read in place by `string(_:)`.
    let text: String
    let tokens: UnsafeBufferPointer<Token>
    let ids: UnsafeBufferPointer<TermID>
    /// The `TermEntry` of each token (empty for keys no lexicon knows).
    let entries: UnsafeBufferPointer<TermEntry>
    let keys: UnsafeBufferPointer<UInt8>
    /// Set once the language is known (sentences are split by its rules).
    var sentences: [SentenceSpan] = []

    init(text: String, tokens: UnsafeBufferPointer<Token>, ids: UnsafeBufferPointer<TermID>,
         entries: UnsafeBufferPointer<TermEntry>, keys: UnsafeBufferPointer<UInt8>) {
        self.text = text
        self.tokens = tokens
        self.ids = ids
        self.entries = entries
        self.keys = keys
    }

    /// The key bytes of token `index`.
    func key(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: keys[Int(tokens[index].keyStart)..<Int(tokens[index].keyEnd)])
    }

    /// Whether the key of token `index` ends with an ASCII suffix (`n't`).
    func keyHasSuffix(_ index: Int, _ suffix: StaticString) -> Bool {
        let token = tokens[index]
        let length = suffix.utf8CodeUnitCount
        guard token.keyLength >= length else { return false }
        return suffix.withUTF8Buffer { suffix in
            let start = Int(token.keyEnd) - length
            for offset in 0..<length where keys[start + offset] != suffix[offset] { return false }
            return true
        }
    }

    /// The surface text of token `index`.
    func text(_ index: Int) -> Substring { slice(tokens[index].textStart, tokens[index].textEnd) }

    /// The text from the first to the last of some tokens, as written.
    func text(_ range: Range<Int>) -> Substring { slice(tokens[range.lowerBound].textStart, tokens[range.upperBound - 1].textEnd) }

    /// The same text as a string of its own (short ones need no allocation).
    func string(_ range: Range<Int>) -> String {
        let start = Int(tokens[range.lowerBound].textStart), end = Int(tokens[range.upperBound - 1].textEnd)
        return withBytes { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self) }
    }

    /// Calls `body` with the text's UTF-8 where it is: `String.withUTF8`, being mutating, needed a
    /// copy of the text, a retain and a release per call.
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        guard let result = text.utf8.withContiguousStorageIfAvailable(body) else {
            preconditionFailure("CommentText's text is not contiguous UTF-8")
        }
        return result
    }

    /// The UTF-8 offset where token `index` starts (for hashtags, at the `#`).
    func spanStart(_ index: Int) -> Int32 {
        tokens[index].kind == .hashtag ? tokens[index].textStart - 1 : tokens[index].textStart
    }

    /// The text between two UTF-8 offsets, sliced through the UTF-8 view: making the substring from
    /// the view's slice only aligns its bounds to scalars, which costs less (about 60 instructions
    /// per clause) than the scalar validation of `String`'s own subscript, which `utf8Slice` uses.
    func slice(_ start: Int32, _ end: Int32) -> Substring {
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: Int(start))
        return Substring(utf8[lower..<utf8.index(lower, offsetBy: Int(end - start))])
    }
}

/// Analyzes comments one at a time with a shared `Engine`. Holds ICU iterators and scratch buffers, so it
/// is not thread-safe: make one analyzer per thread (they are cheap next to the engine).
public final class Analyzer {
    public let engine: Engine
    private var segmenter: Segmenter
    private var scorer = SentimentScorer()
    /// The term ids and entries of the comment's tokens: every element up to the token count is
    /// written before it is read, so the buffers are neither cleared nor filled ahead.
    private let ids = TokenBuffer<TermID>(repeating: Vocabulary.unknown)
    private let entries = TokenBuffer<TermEntry>(repeating: TermEntry())
    private let recentKeys = KeyCache()

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
        self.ids.reserve(tokens.count)
        self.entries.reserve(tokens.count)
        // Exactly one element per token: the rules bound their look-ahead by these counts.
        let ids = UnsafeMutableBufferPointer(rebasing: self.ids.elements[..<tokens.count])
        let entries = UnsafeMutableBufferPointer(rebasing: self.entries.elements[..<tokens.count])
        let recentKeys = self.recentKeys
        return tokens.withUnsafeBufferPointer { tokens in
            keys.withUnsafeBufferPointer { keys in
                for (index, token) in tokens.enumerated() {
                    let key = UnsafeBufferPointer(rebasing: keys[Int(token.keyStart)..<Int(token.keyEnd)])
                    (ids[index], entries[index]) = recentKeys.lookup(key, in: vocabulary)
                }
                return analyze(feedback, text: text, tokens: tokens, ids: UnsafeBufferPointer(ids),
                               entries: UnsafeBufferPointer(entries), keys: keys)
            }
        }
    }

    /// Identifies the language of and scores a tokenized comment whose terms have been looked up.
    private func analyze(
        _ feedback: Feedback, text: String, tokens: UnsafeBufferPointer<Token>, ids: UnsafeBufferPointer<TermID>,
        entries: UnsafeBufferPointer<TermEntry>, keys: UnsafeBufferPointer<UInt8>
    ) -> CommentAnalysis {
        let comment = CommentText(text: text, tokens: tokens, ids: ids, entries: entries, keys: keys)
        let language = engine.options.language ?? engine.identifier.identify(comment)
        segmenter.splitSentences(language == .german ? .german : .english)
        comment.sentences = segmenter.sentences
        let result: SentimentScorer.Result
        if let pack = engine.pack(for: language) {
            result = scorer.score(comment, pack: pack, engine: engine)
        } else {
            // Neither language is plausible (short or foreign text): keep the reading that finds more.
            let german = scorer.score(comment, pack: engine.german, engine: engine)
            let english = scorer.score(comment, pack: engine.english, engine: engine)
            result = english.evidence.count > german.evidence.count ? english : german
        }
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
