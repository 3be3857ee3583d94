import VocanText

/// The kinds of pattern in `lexicons/signals.*.tsv`.
public enum SignalKind: String, CaseIterable, Sendable, BitwiseCopyable {
    case effortRepeat = "effort_repeat"
    case effortWait = "effort_wait"
    case effortComplexity = "effort_complexity"
    case effortHandoff = "effort_handoff"
    case churn
    case promoter
    case detractor
    case legalThreat = "legal_threat"
    case safetyIssue = "safety_issue"
    case unresolved

    /// The four kinds that make up customer effort.
    public static let effort: [SignalKind] = [.effortRepeat, .effortWait, .effortComplexity, .effortHandoff]

    /// Position in `SignalScores` (declaration order).
    var index: Int {
        switch self {
        case .effortRepeat: 0
        case .effortWait: 1
        case .effortComplexity: 2
        case .effortHandoff: 3
        case .churn: 4
        case .promoter: 5
        case .detractor: 6
        case .legalThreat: 7
        case .safetyIssue: 8
        case .unresolved: 9
        }
    }
}

/// Token patterns that indicate CX signals ("zum <ord> mal", "<num> stunden", "cancel my subscription").
///
/// A pattern is a sequence of literal keys, word classes (`<num>`, `<time>`, defined in the file with
/// `@class`), and `*` for any one word. `<num>` also matches any number token and `<ord>` a number
/// followed by `.` (`3.`) or written `3rd`/`5th`.
///
/// Flat like `TermTable`: patterns and their elements in arrays, and per term id the patterns it
/// starts and the classes it belongs to (a bit set), so matching at a token allocates nothing.
public struct SignalPatterns: Sendable {
    enum Element: Sendable, Equatable, BitwiseCopyable {
        case word(TermID)
        /// A word class by number.
        case wordClass(Int32)
        case any
    }

    struct Pattern: Sendable, BitwiseCopyable {
        var elements: IndexRange
        var kind: SignalKind
        var weight: Double
    }

    static let numberClass: Int32 = 0, ordinalClass: Int32 = 1
    /// Classes are bits of a 64-bit set.
    static let maximumClasses = 64

    private(set) var patterns: [Pattern] = []
    private(set) var elements: [Element] = []
    /// Pattern numbers, grouped into the lists below.
    private(set) var references: [Int32] = []
    /// Per id: index + 1 into `wordLists` of the patterns starting with that word, 0 for none.
    private(set) var byFirstWord: [UInt16] = []
    private(set) var wordLists: [IndexRange] = []
    /// Per class number: the patterns starting with the class.
    private(set) var byFirstClass: [IndexRange] = []
    private(set) var startingWithAny = IndexRange(0, 0)
    /// Per id: the classes the word belongs to.
    private(set) var classBits: [UInt64] = []
    public private(set) var count = 0

    public init() {}

    init(patterns: [Pattern], elements: [Element], references: [Int32], byFirstWord: [UInt16], wordLists: [IndexRange],
         byFirstClass: [IndexRange], startingWithAny: IndexRange, classBits: [UInt64], count: Int) {
        self.patterns = patterns
        self.elements = elements
        self.references = references
        self.byFirstWord = byFirstWord
        self.wordLists = wordLists
        self.byFirstClass = byFirstClass
        self.startingWithAny = startingWithAny
        self.classBits = classBits
        self.count = count
    }

    /// A match: the pattern's number and the number of tokens it spans.
    struct Match {
        var pattern: Int32
        var length: Int
    }

    /// Appends the patterns matching at `index` to `found` (cleared first).
    func matches(at index: Int, in comment: CommentText, limit: Int, into found: inout [Match]) {
        found.removeAll(keepingCapacity: true)
        let id = comment.ids[index]
        let known = id >= 0 && Int(id) < byFirstWord.count
        let isNumber = comment.tokens[index].kind == .number
        let head = known ? byFirstWord[Int(id)] : 0
        let bits = known ? classBits[Int(id)] : 0
        // Most tokens start no pattern.
        guard isNumber || !startingWithAny.isEmpty || head != 0 || bits != 0 else { return }
        if head != 0 { consider(wordLists[Int(head) - 1], at: index, in: comment, limit: limit, into: &found) }
        var remaining = bits
        while remaining != 0 {
            consider(byFirstClass[remaining.trailingZeroBitCount], at: index, in: comment, limit: limit, into: &found)
            remaining &= remaining - 1
        }
        if isNumber {
            consider(byFirstClass[Int(Self.numberClass)], at: index, in: comment, limit: limit, into: &found)
            consider(byFirstClass[Int(Self.ordinalClass)], at: index, in: comment, limit: limit, into: &found)
        }
        if !startingWithAny.isEmpty, comment.tokens[index].kind != .punctuation {
            consider(startingWithAny, at: index, in: comment, limit: limit, into: &found)
        }
    }

    private func consider(_ list: IndexRange, at index: Int, in comment: CommentText, limit: Int, into found: inout [Match]) {
        for position in list.range {
            let reference = references[position]
            if let end = match(patterns[Int(reference)], at: index, in: comment, limit: limit) {
                found.append(Match(pattern: reference, length: end - index))
            }
        }
    }

    private func isMember(_ id: TermID, of number: Int32) -> Bool {
        id >= 0 && Int(id) < classBits.count && classBits[Int(id)] & (1 << UInt64(number)) != 0
    }

    /// The end of a match of `pattern` starting at `index`, or nil.
    private func match(_ pattern: Pattern, at index: Int, in comment: CommentText, limit: Int) -> Int? {
        var position = index
        for elementIndex in pattern.elements.range {
            guard position < limit else { return nil }
            let token = comment.tokens[position]
            switch elements[elementIndex] {
            case .word(let id):
                guard comment.ids[position] == id else { return nil }
            case .any:
                guard token.kind != .punctuation else { return nil }
            case .wordClass(let number):
                if isMember(comment.ids[position], of: number) { break }
                if number == Self.numberClass, token.kind == .number { break }
                if number == Self.ordinalClass, let end = ordinalEnd(at: position, in: comment, limit: limit) {
                    position = end - 1
                    break
                }
                return nil
            }
            position += 1
        }
        return position
    }

    /// `3.` (a number and a full stop) or `3rd`/`5th`.
    private func ordinalEnd(at index: Int, in comment: CommentText, limit: Int) -> Int? {
        let tokens = comment.tokens
        let token = tokens[index]
        if token.kind == .number, index + 1 < limit, tokens[index + 1].mark == 0x2E, tokens[index + 1].start == token.end { return index + 2 }
        let key = comment.key(index)
        guard key.count > 2, let first = key.first, first >= 0x30, first <= 0x39 else { return nil }
        let suffix = UInt16(key[key.endIndex - 2]) << 8 | UInt16(key[key.endIndex - 1])
        // st, nd, rd, th
        return [0x7374, 0x6E64, 0x7264, 0x7468].contains(suffix) ? index + 1 : nil
    }

    func kind(of match: Match) -> SignalKind { patterns[Int(match.pattern)].kind }
    func weight(of match: Match) -> Double { patterns[Int(match.pattern)].weight }
}

/// Parses signal files into the lists a `SignalPatterns` is built from.
struct SignalPatternsBuilder {
    private var patterns: [SignalPatterns.Pattern] = []
    private var elements: [SignalPatterns.Element] = []
    private var byFirstWord: [TermID: [Int32]] = [:]
    private var byFirstClass: [[Int32]] = [[], []]
    private var startingWithAny: [Int32] = []
    /// Class names to numbers; `num` and `ord` are always 0 and 1.
    private var classNumbers: [String: Int32] = ["num": SignalPatterns.numberClass, "ord": SignalPatterns.ordinalClass]
    private var classBits: [TermID: UInt64] = [:]

    private mutating func classNumber(_ name: String, file: String, line: Int) throws -> Int32 {
        if let number = classNumbers[name] { return number }
        guard byFirstClass.count < SignalPatterns.maximumClasses else {
            throw LexiconError(file: file, line: line, reason: "more than \(SignalPatterns.maximumClasses) word classes")
        }
        let number = Int32(byFirstClass.count)
        classNumbers[name] = number
        byFirstClass.append([])
        return number
    }

    /// Adds the classes and patterns of one file; `ids` folds and numbers words like the tokenizer.
    mutating func add(name: String, text: String, ids: (String) -> [TermID]) throws {
        for (line, fields) in LexiconFile.records(text) {
            if fields.first == "@class" {
                guard fields.count >= 3 else { throw LexiconError(file: name, line: line, reason: "expected @class<TAB>name<TAB>word,word,...") }
                let number = try classNumber(String(fields[1].trimmingSpaces), file: name, line: line)
                for word in fields[2].split(separator: ",") {
                    for id in ids(String(word.trimmingSpaces)) { classBits[id, default: 0] |= 1 << UInt64(number) }
                }
                continue
            }
            guard fields.count >= 3, let kind = SignalKind(rawValue: String(fields[1].trimmingSpaces)),
                  let weight = Double(fields[2].trimmingSpaces), weight > 0, weight <= 1 else {
                throw LexiconError(file: name, line: line, reason: "expected pattern<TAB>signal<TAB>weight with a signal from \(SignalKind.allCases.map(\.rawValue)) and weight in (0, 1]")
            }
            let start = elements.count
            for part in fields[0].split(separator: " ") {
                if part == "*" {
                    elements.append(.any)
                } else if part.hasPrefix("<"), part.hasSuffix(">") {
                    let className = String(part.dropFirst().dropLast())
                    guard let number = classNumbers[className] else {
                        throw LexiconError(file: name, line: line, reason: "word class <\(className)> is not defined above")
                    }
                    elements.append(.wordClass(number))
                } else {
                    elements += ids(String(part)).map { .word($0) }
                }
            }
            guard start < elements.count else { continue }
            let number = Int32(patterns.count)
            patterns.append(.init(elements: IndexRange(start, elements.count), kind: kind, weight: weight))
            switch elements[start] {
            case .word(let id): byFirstWord[id, default: []].append(number)
            case .wordClass(let number): byFirstClass[Int(number)].append(Int32(patterns.count - 1))
            case .any: startingWithAny.append(number)
            }
        }
    }

    /// The flat patterns for a vocabulary of `idCount` ids.
    func build(idCount: Int) -> SignalPatterns {
        var references: [Int32] = []
        func list(_ numbers: [Int32]) -> IndexRange {
            let start = references.count
            references += numbers
            return IndexRange(start, references.count)
        }
        var heads = [UInt16](repeating: 0, count: idCount)
        var wordLists: [IndexRange] = []
        for id in byFirstWord.keys.sorted() where id >= 0 {
            wordLists.append(list(byFirstWord[id]!))
            heads[Int(id)] = UInt16(wordLists.count)
        }
        let classLists = byFirstClass.map(list)
        let any = list(startingWithAny)
        var bits = [UInt64](repeating: 0, count: idCount)
        for (id, set) in classBits where id >= 0 { bits[Int(id)] = set }
        return SignalPatterns(patterns: patterns, elements: elements, references: references, byFirstWord: heads, wordLists: wordLists,
                              byFirstClass: classLists, startingWithAny: any, classBits: bits, count: patterns.count)
    }
}
