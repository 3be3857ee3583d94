import VocanCore

/// The JSON shapes of vocan's machine outputs. Field names are documented in the README and stay stable.
///
/// Each shape is one value written through a `JSONCursor` with literal punctuation, after making
/// room for its longest possible form (every string escaped, every number at full length); a JSONL
/// record so costs a few instructions per byte.
extension JSONWriter {
    /// One JSONL record of `vocan analyze --format jsonl`.
    public mutating func write(_ analysis: CommentAnalysis) {
        writeValue(maximumLength: Self.bound(of: analysis)) { $0.record(analysis) }
    }

    /// `{"score": …, "label": …}`
    public mutating func write(_ sentiment: SentimentScore) {
        writeValue(maximumLength: Shape.sentiment) { $0.sentiment(sentiment) }
    }

    /// All eight emotions, always in the same order: `{"anger": 0.7, "anticipation": 0, ...}`.
    public mutating func write(_ emotions: EmotionProfile) {
        writeValue(maximumLength: Shape.emotions) { $0.emotions(emotions) }
    }

    /// The evidence list: token, weight after rules, lexicon weight, offsets, rules.
    public mutating func write(_ evidence: [Evidence]) {
        writeValue(maximumLength: Self.bound(of: evidence)) { $0.evidence(evidence) }
    }

    /// `{"effort": …, "churn_risk": …, "recommend": …, "follow_up": {"needed": …, "reasons": […]}, "evidence": […]}`
    public mutating func write(_ signals: Signals) {
        writeValue(maximumLength: Self.bound(of: signals)) { $0.signals(signals) }
    }

    /// An array of strings.
    public mutating func strings(_ values: [String]) {
        beginArray()
        for value in values { string(value) }
        endArray()
    }

    // MARK: - Bounds

    /// Longest forms of the fixed parts (field names, punctuation, numbers at 25 and integers at 20
    /// bytes, all rule and emotion names), with room to spare.
    fileprivate enum Shape {
        static let sentiment = 64
        static let emotions = 8 * 40
        static let record = 256
        static let sentence = 200
        static let clause = 200 + emotions
        static let evidence = 160 + rules
        /// Checked against the names when they are quoted (`Names.rules`).
        static let rules = 180
        static let signals = 256 + 6 * 24
        static let signalEvidence = 160 + rules

        /// A string escaped at worst (`\u0000` for every byte), with its quotes.
        static func string(_ count: Int) -> Int { count * 6 + 2 }
    }

    private static func bound(of analysis: CommentAnalysis) -> Int {
        var bound = Shape.record + Shape.sentiment + Shape.emotions + Shape.string(analysis.feedback.id.utf8.count)
        for sentence in analysis.sentences {
            bound += Shape.sentence + Shape.string(sentence.text.utf8.count)
            for clause in sentence.clauses { bound += Shape.clause + Shape.string(clause.text.utf8.count) }
        }
        bound += Self.bound(of: analysis.evidence)
        for item in analysis.emotionEvidence { bound += Shape.evidence + Shape.string(item.token.utf8.count) }
        bound += Self.bound(of: analysis.signals)
        bound += Self.bound(ofField: analysis.feedback.score) + Self.bound(ofField: analysis.feedback.date)
            + Self.bound(ofField: analysis.feedback.channel)
        return bound
    }

    /// An optional input field carried into the record (`score`, `date`, `channel`) with its name.
    private static func bound(ofField field: String?) -> Int {
        field.map { 16 + Shape.string($0.utf8.count) } ?? 0
    }

    private static func bound(of evidence: [Evidence]) -> Int {
        var bound = 2
        for item in evidence { bound += Shape.evidence + Shape.string(item.token.utf8.count) }
        return bound
    }

    private static func bound(of signals: Signals) -> Int {
        var bound = Shape.signals
        for item in signals.evidence { bound += Shape.signalEvidence + Shape.string(item.token.utf8.count) }
        return bound
    }
}

/// The names the records write, quoted once.
private enum Names {
    static let language = QuotedNames<Language>()
    static let label = QuotedNames<SentimentLabel>()
    static let emotion = QuotedNames<Emotion>()
    static let signal = QuotedNames<SignalKind>()
    static let reason = QuotedNames<FollowUpReason>()
    static let recommendation = QuotedNames<Recommendation>()
    /// The names of `EvidenceRules.named` by bit number (the strings of other bits empty), so that a
    /// rule set is written by its set bits rather than by trying each rule.
    static let rules: QuotedStrings = {
        var names = Array(repeating: "", count: EvidenceRules.RawValue.bitWidth)
        var previous = -1
        for (rule, name) in EvidenceRules.named {
            let bit = rule.rawValue.trailingZeroBitCount
            precondition(rule.rawValue.nonzeroBitCount == 1 && bit > previous, "EvidenceRules.named is not one bit each, in bit order")
            names[bit] = name.description
            previous = bit
        }
        let strings = QuotedStrings(names)
        // Every name, a comma after each and the brackets must fit the room a record makes for them.
        precondition(strings.byteCount + EvidenceRules.named.count + 2 <= JSONWriter.Shape.rules, "Shape.rules is too small for the rule names")
        return strings
    }()
    /// The bits of the rules that have a name: only those are written.
    static let namedRules = EvidenceRules.named.reduce(EvidenceRules()) { $0.union($1.rule) }.rawValue
}

extension JSONCursor {
    mutating func record(_ analysis: CommentAnalysis) {
        literal(#"{"id":"#); string(analysis.feedback.id)
        literal(#","line":"#); int(analysis.feedback.line)
        literal(#","lang":"#); string(analysis.language, in: Names.language)
        literal(#","sentiment":"#); sentiment(analysis.sentiment)
        literal(#","sentences":["#)
        list(analysis.sentences) { $0.sentence($1) }
        literal(#"],"evidence":"#); evidence(analysis.evidence)
        literal(#","emotions":"#); emotions(analysis.emotions)
        literal(#","emotion_evidence":["#)
        list(analysis.emotionEvidence) { $0.emotionEvidence($1) }
        literal(#"],"signals":"#); signals(analysis.signals)
        if let score = analysis.feedback.score { literal(#","score":"#); scalar(score) }
        if let date = analysis.feedback.date { literal(#","date":"#); string(date) }
        if let channel = analysis.feedback.channel { literal(#","channel":"#); string(channel) }
        byte(0x7D)
    }

    /// A clause is most often all or the next part of its sentence: when the sentence needed no
    /// escaping, the clause is compared with the sentence's text as just written (still in the room
    /// made for the record, which does not move) instead of being checked for bytes to escape again.
    @inline(never)
    private mutating func sentence(_ sentence: UnsafePointer<SentenceAnalysis>) {
        let object = position
        literal(#"{"text":"#)
        let text = position
        // The text's bytes, for the clauses to tell whether they are the same bytes: the record keeps
        // the sentence, so its text, alive while it is written.
        let textBytes = sentence.pointee.text.utf8.span.withUnsafeBufferPointer { $0 }
        let verbatim = string(textBytes)
        var rest = UnsafeRawBufferPointer(start: text + 1, count: verbatim ? text.distance(to: position) - 2 : 0)
        span(start: sentence.pointee.start, end: sentence.pointee.end)
        sentimentFields(sentence.pointee.sentiment)
        let whole = WholeSentence(
            sentence: sentence, text: textBytes, fields: UnsafeBufferPointer(start: object, count: object.distance(to: position)))
        literal(#","clauses":["#)
        list(sentence.pointee.clauses) { $0.clause($1, of: whole, continuing: &rest) }
        literal("]}")
    }

    /// A sentence as `sentence` wrote it, for a clause that is all of it: its fields from `{` through
    /// the label, which such a clause shares.
    private struct WholeSentence {
        let sentence: UnsafePointer<SentenceAnalysis>
        let text: UnsafeBufferPointer<UInt8>
        let fields: UnsafeBufferPointer<UInt8>

        /// Whether `clause` writes the same text, offsets and sentiment: its text the very bytes of the
        /// sentence's (not just equal ones), and numbers that are equal are written alike.
        func isAll(of clause: UnsafePointer<ClauseAnalysis>) -> Bool {
            clause.pointee.start == sentence.pointee.start && clause.pointee.end == sentence.pointee.end
                && clause.pointee.sentiment == sentence.pointee.sentiment
                && clause.pointee.text.utf8.span.withUnsafeBufferPointer { $0.baseAddress == text.baseAddress && $0.count == text.count }
        }
    }

    /// `sentenceRest`: the part of the sentence's text after the clauses before, as `sentence` wrote
    /// it. Most sentences are one clause, whose first fields are then a copy of the sentence's.
    @inline(never)
    private mutating func clause(
        _ clause: UnsafePointer<ClauseAnalysis>, of sentence: WholeSentence, continuing sentenceRest: inout UnsafeRawBufferPointer
    ) {
        if sentence.isAll(of: clause) {
            copy(sentence.fields)
            sentenceRest = UnsafeRawBufferPointer(start: nil, count: 0)
        } else {
            literal(#"{"text":"#); string(clause.pointee.text, continuing: &sentenceRest)
            span(start: clause.pointee.start, end: clause.pointee.end)
            sentimentFields(clause.pointee.sentiment)
        }
        literal(#","weight":"#); number(clause.pointee.weight, decimals: 2)
        literal(#","emotions":"#); emotions(clause.pointee.emotions)
        byte(0x7D)
    }

    @inline(never)
    private mutating func emotionEvidence(_ item: UnsafePointer<EmotionEvidence>) {
        literal(#"{"token":"#); string(item.pointee.token)
        literal(#","emotion":"#); string(item.pointee.emotion, in: Names.emotion)
        literal(#","intensity":"#); number(item.pointee.intensity, decimals: 2)
        span(start: item.pointee.start, end: item.pointee.end, rules: item.pointee.rules)
    }

    mutating func sentiment(_ sentiment: SentimentScore) {
        literal(#"{"score":"#); number(sentiment.score, decimals: 3)
        literal(#","label":"#); string(sentiment.label, in: Names.label)
        byte(0x7D)
    }

    private mutating func sentimentFields(_ sentiment: SentimentScore) {
        literal(#","score":"#); number(sentiment.score, decimals: 3)
        literal(#","label":"#); string(sentiment.label, in: Names.label)
    }

    mutating func emotions(_ emotions: EmotionProfile) {
        // Most clauses carry no emotion at all.
        if emotions.isEmpty {
            return literal(#"{"anger":0,"anticipation":0,"disgust":0,"fear":0,"joy":0,"sadness":0,"surprise":0,"trust":0}"#)
        }
        literal(#"{"anger":"#); number(emotions[.anger], decimals: 3)
        literal(#","anticipation":"#); number(emotions[.anticipation], decimals: 3)
        literal(#","disgust":"#); number(emotions[.disgust], decimals: 3)
        literal(#","fear":"#); number(emotions[.fear], decimals: 3)
        literal(#","joy":"#); number(emotions[.joy], decimals: 3)
        literal(#","sadness":"#); number(emotions[.sadness], decimals: 3)
        literal(#","surprise":"#); number(emotions[.surprise], decimals: 3)
        literal(#","trust":"#); number(emotions[.trust], decimals: 3)
        byte(0x7D)
    }

    mutating func evidence(_ evidence: [Evidence]) {
        byte(0x5B)
        list(evidence) { $0.evidence($1) }
        byte(0x5D)
    }

    @inline(never)
    private mutating func evidence(_ item: UnsafePointer<Evidence>) {
        literal(#"{"token":"#); string(item.pointee.token)
        literal(#","weight":"#); number(item.pointee.weight, decimals: 2)
        literal(#","lexicon":"#); number(item.pointee.lexiconWeight, decimals: 2)
        span(start: item.pointee.start, end: item.pointee.end, rules: item.pointee.rules)
    }

    mutating func signals(_ signals: Signals) {
        literal(#"{"effort":"#); number(signals.effort, decimals: 2)
        literal(#","churn_risk":"#); number(signals.churnRisk, decimals: 2)
        literal(#","recommend":"#)
        if let recommend = signals.recommend { string(recommend, in: Names.recommendation) } else { literal("null") }
        literal(signals.followUp.needed ? #","follow_up":{"needed":true,"reasons":["# : #","follow_up":{"needed":false,"reasons":["#)
        list(signals.followUp.reasons) { $0.string($1.pointee, in: Names.reason) }
        literal(#"]},"evidence":["#)
        list(signals.evidence) { $0.signalEvidence($1) }
        literal("]}")
    }

    @inline(never)
    private mutating func signalEvidence(_ item: UnsafePointer<SignalEvidence>) {
        literal(#"{"signal":"#); string(item.pointee.signal, in: Names.signal)
        literal(#","token":"#); string(item.pointee.token)
        literal(#","weight":"#); number(item.pointee.weight, decimals: 2)
        span(start: item.pointee.start, end: item.pointee.end, rules: item.pointee.rules)
    }

    /// Each element with `body`, commas between, given by its address in the array's storage (which
    /// the record, written from a value the caller holds, keeps alive and unchanged). `for … in`
    /// would copy each element, retaining its strings and arrays; so would a borrowed element passed
    /// to an element writer (`sentence`, `clause`, …), as that writes through a pointer the element
    /// might, for all the compiler knows, lie under. The writers stay out of line, as inlined the
    /// optimizer copies the element again.
    @inline(__always)
    private mutating func list<Element>(_ elements: [Element], _ body: (inout JSONCursor, UnsafePointer<Element>) -> Void) {
        elements.withUnsafeBufferPointer { list($0, body) }
    }

    @inline(__always)
    private mutating func list<Element>(_ elements: ArraySlice<Element>, _ body: (inout JSONCursor, UnsafePointer<Element>) -> Void) {
        elements.withUnsafeBufferPointer { list($0, body) }
    }

    @inline(__always)
    private mutating func list<Element>(_ elements: UnsafeBufferPointer<Element>, _ body: (inout JSONCursor, UnsafePointer<Element>) -> Void) {
        guard let first = elements.baseAddress else { return }
        for index in elements.indices {
            if index > 0 { byte(0x2C) }
            body(&self, first + index)
        }
    }

    /// Inlined: two integers, mostly under 1,000, cost about as much as the call.
    @inline(__always)
    private mutating func span(start: Int, end: Int) {
        literal(#","start":"#); int(start)
        literal(#","end":"#); int(end)
    }

    /// The fields every kind of evidence shares and the end of its object: where it stands and which
    /// rules changed it.
    private mutating func span(start: Int, end: Int, rules: EvidenceRules) {
        span(start: start, end: end)
        // Most evidence has no rule at all: then the lazy global of the named bits is not even read
        // (each read of one is a call).
        var bits = rules.rawValue == 0 ? 0 : rules.rawValue & Names.namedRules
        guard bits != 0 else { return literal(#","rules":[]}"#) }
        literal(#","rules":["#)
        let names = Names.rules
        while true {
            string(at: bits.trailingZeroBitCount, in: names)
            bits &= bits - 1
            if bits == 0 { break }
            byte(0x2C)
        }
        literal("]}")
    }
}
