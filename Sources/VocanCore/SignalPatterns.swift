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
/// Flat like `TermTable`: patterns and their elements in arrays; the patterns a word starts and the
/// classes it belongs to are numbered in its `TermEntry`, so matching at a token reads that entry
/// and allocates nothing. Immutable and shared by reference.
public final class SignalPatterns: Sendable {
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

    /// The patterns that start alike (with one word, or one class), split by their second element so
    /// that a token tries only the patterns its next token can continue: those whose second word is
    /// the next token's, those whose second class holds it, those whose second element is `<num>` or
    /// `<ord>` (`numeric`, when the next token may be a number), and the rest (`general`: one-word
    /// patterns, `*` second elements, `<ord>` first elements).
    struct HeadList: Sendable, BitwiseCopyable {
        var general: IndexRange
        /// Tried only before a token that may be a number or an ordinal (see `mayBeNumeric`): most
        /// tokens after `the` or `been` are neither.
        var numeric: IndexRange
        /// Range in `seconds`, sorted by key.
        var seconds: IndexRange
        /// The classes among the second elements (a bit per class number), so that a next token's
        /// other classes cost no search.
        var secondClasses: UInt64
    }

    /// The patterns of a head list with one second element: a word id, or `-(class + 1)` for a class.
    struct Second: Sendable, BitwiseCopyable {
        var key: Int32
        var patterns: IndexRange
    }

    static let numberClass: Int32 = 0, ordinalClass: Int32 = 1
    /// Classes are bits of a 64-bit set.
    static let maximumClasses = 64

    let patterns: [Pattern]
    let elements: [Element]
    /// Pattern numbers, grouped into the lists below, each in file order.
    let references: [Int32]
    let seconds: [Second]
    /// The pattern lists words start; a word's entry has index + 1 into it (high 16 bits of its
    /// `signals`) and index + 1 into `classSets` (low 16 bits), 0 for most words.
    let wordLists: [HeadList]
    /// Distinct sets of classes (a bit per class number).
    let classSets: [UInt64]
    /// Per class number: the patterns starting with the class.
    let byFirstClass: [HeadList]
    let startingWithAny: IndexRange
    /// `classSets` restricted to the classes that start at least one pattern, so that a word whose
    /// classes only continue patterns (`minutes`, `account`) is passed over like a word in none.
    let startingClassSets: [UInt64]
    /// The (head list, second word) pairs, by the list's first group, so that the next token of
    /// most head words (`i`, `no`, `still`...) is told apart without a search in `seconds`.
    let secondWords: PairFilter
    public let count: Int

    init(patterns: [Pattern], elements: [Element], references: [Int32], seconds: [Second], wordLists: [HeadList],
         classSets: [UInt64], byFirstClass: [HeadList], startingWithAny: IndexRange, count: Int) {
        self.patterns = patterns
        self.elements = elements
        self.references = references
        self.seconds = seconds
        self.wordLists = wordLists
        self.classSets = classSets
        self.byFirstClass = byFirstClass
        self.startingWithAny = startingWithAny
        var startingClasses: UInt64 = 0
        for (number, list) in byFirstClass.enumerated() where !list.general.isEmpty || !list.numeric.isEmpty || !list.seconds.isEmpty {
            startingClasses |= 1 << UInt64(number)
        }
        startingClassSets = classSets.map { $0 & startingClasses }
        var secondWords = PairFilter(count: seconds.count)
        for list in wordLists + byFirstClass {
            for group in seconds[list.seconds.range] where group.key >= 0 { secondWords.insert(list.seconds.start, group.key) }
        }
        self.secondWords = secondWords
        self.count = count
    }

    /// A match: the pattern's number and the number of tokens it spans.
    struct Match {
        var pattern: Int32
        var length: Int
    }

    /// Whether any pattern may start at `index`, in a clause that ends at `limit` (most tokens
    /// start none; most tokens that start some are head words, class words or numbers the next
    /// token does not continue).
    @inline(__always)
    func mayStart(at index: Int, in comment: CommentText, pack: Int, limit: Int) -> Bool {
        let start = comment.entries[index].signals[pack]
        let head = Int(start >> 16)
        if head != 0, mayContinue(wordLists[head - 1], at: index + 1, in: comment, pack: pack, limit: limit) { return true }
        if startingClassBits(start) != 0 || comment.tokens[index].kind == .number,
           mayStartWithClass(at: index, start: start, in: comment, pack: pack, limit: limit) {
            return true
        }
        return !startingWithAny.isEmpty
    }

    /// The first index in `range`, a clause, where `mayStart` holds, or `range.upperBound`. Most
    /// tokens start no pattern: a scan of its own keeps its few values in registers, where the loop
    /// that also matches and weighs spilled them.
    @inline(never)
    func firstStart(in range: Range<Int>, in comment: CommentText, pack: Int) -> Int {
        var index = range.lowerBound
        while index < range.upperBound, !mayStart(at: index, in: comment, pack: pack, limit: range.upperBound) { index += 1 }
        return index
    }

    /// Whether a pattern starting with one of the token's classes, or with `<num>` or `<ord>` at a
    /// number, may match at `index` (the lists `matches` tries after the word's own).
    private func mayStartWithClass(at index: Int, start: UInt32, in comment: CommentText, pack: Int, limit: Int) -> Bool {
        var remaining = startingClassBits(start)
        while remaining != 0 {
            if mayContinue(byFirstClass[remaining.trailingZeroBitCount], at: index + 1, in: comment, pack: pack, limit: limit) {
                return true
            }
            remaining &= remaining - 1
        }
        guard comment.tokens[index].kind == .number else { return false }
        if mayContinue(byFirstClass[Int(Self.numberClass)], at: index + 1, in: comment, pack: pack, limit: limit) { return true }
        let ordinals = byFirstClass[Int(Self.ordinalClass)]
        // `<ord>` lists hold general patterns only (see `HeadList`): any ordinal may start one.
        return !ordinals.general.isEmpty && (isMember(start, of: Self.ordinalClass) || ordinalEnd(at: index, in: comment, limit: limit) != nil)
    }

    /// Whether the token at `next` may continue some pattern of `list`, whose first element matched
    /// the token before it.
    @inline(__always)
    private func mayContinue(_ list: HeadList, at next: Int, in comment: CommentText, pack: Int, limit: Int) -> Bool {
        if !list.general.isEmpty { return true }
        if !list.numeric.isEmpty, mayBeNumeric(at: next, in: comment, pack: pack, limit: limit) { return true }
        let continuations = continuations(of: list, at: next, in: comment, pack: pack, limit: limit)
        return continuations.word || continuations.classes != 0
    }

    /// Whether a `<num>` or `<ord>` element matches at `index`, by the tests `end` makes for them: a
    /// number, a word of either class, or an ordinal (`3rd`).
    @inline(__always)
    private func mayBeNumeric(at index: Int, in comment: CommentText, pack: Int, limit: Int) -> Bool {
        guard index < limit else { return false }
        let start = comment.entries[index].signals[pack]
        return comment.tokens[index].kind == .number || isMember(start, of: Self.numberClass)
            || isMember(start, of: Self.ordinalClass) || ordinalEnd(at: index, in: comment, limit: limit) != nil
    }

    /// The groups of `list` (see `HeadList`) the token at `next` may continue: whether its word may
    /// have one (confirmed by `find`), and which of its classes have one.
    @inline(__always)
    private func continuations(of list: HeadList, at next: Int, in comment: CommentText, pack: Int, limit: Int)
        -> (word: Bool, classes: UInt64) {
        guard next < limit, !list.seconds.isEmpty else { return (false, 0) }
        let classes = Int(comment.entries[next].signals[pack] & 0xFFFF)
        return (secondWords.mayContain(list.seconds.start, comment.ids[next]), classes == 0 ? 0 : classSets[classes - 1] & list.secondClasses)
    }

    /// The classes of a `TermEntry.signals` value that start patterns.
    @inline(__always)
    private func startingClassBits(_ start: UInt32) -> UInt64 {
        let classes = Int(start & 0xFFFF)
        return classes == 0 ? 0 : startingClassSets[classes - 1]
    }

    /// Appends the patterns matching at `index` to `found` (cleared first), where `mayStart` holds;
    /// `pack` is the number of the language pack these patterns belong to.
    ///
    /// The order is that of the lists tried (the word's, its classes', the number classes', then
    /// patterns starting with `*`), each in file order: the first of equal matches wins later.
    func matches(at index: Int, in comment: CommentText, pack: Int, limit: Int, into found: inout [Match]) {
        assert(mayStart(at: index, in: comment, pack: pack, limit: limit))
        if !found.isEmpty { found.removeAll(keepingCapacity: true) }
        let start = comment.entries[index].signals[pack]
        let head = Int(start >> 16)
        if head != 0 { append(wordLists[head - 1], at: index, headEnd: index + 1, in: comment, pack: pack, limit: limit, to: &found) }
        var remaining = startingClassBits(start)
        while remaining != 0 {
            let number = remaining.trailingZeroBitCount
            append(byFirstClass[number], at: index, headEnd: index + 1, in: comment, pack: pack, limit: limit, to: &found)
            remaining &= remaining - 1
        }
        if comment.tokens[index].kind == .number {
            append(byFirstClass[Int(Self.numberClass)], at: index, headEnd: index + 1, in: comment, pack: pack,
                   limit: limit, to: &found)
            // `<ord>` spans one or two tokens here (`3rd`, `3 .`), the same for every pattern it starts.
            if isMember(start, of: Self.ordinalClass) {
                append(byFirstClass[Int(Self.ordinalClass)], at: index, headEnd: index + 1, in: comment, pack: pack,
                       limit: limit, to: &found)
            } else if let headEnd = ordinalEnd(at: index, in: comment, limit: limit) {
                append(byFirstClass[Int(Self.ordinalClass)], at: index, headEnd: headEnd, in: comment, pack: pack,
                       limit: limit, to: &found)
            }
        }
        if !startingWithAny.isEmpty, comment.tokens[index].kind != .punctuation {
            append(startingWithAny.range, from: 1, at: index, headEnd: index + 1, in: comment, pack: pack, limit: limit,
                   to: &found)
        }
    }

    /// Appends the matches of the patterns of `list`, whose first element matched from `index` to
    /// `headEnd`, in file order; only the groups whose second element the next token is are tried.
    private func append(_ list: HeadList, at index: Int, headEnd: Int, in comment: CommentText, pack: Int, limit: Int,
                        to found: inout [Match]) {
        let first = found.count
        append(list.general.range, from: 1, at: index, headEnd: headEnd, in: comment, pack: pack, limit: limit, to: &found)
        if !list.numeric.isEmpty, mayBeNumeric(at: headEnd, in: comment, pack: pack, limit: limit) {
            append(list.numeric.range, from: 1, at: index, headEnd: headEnd, in: comment, pack: pack, limit: limit, to: &found)
        }
        let next = index + 1
        let continuations = continuations(of: list, at: next, in: comment, pack: pack, limit: limit)
        // Lists split by their second element start with a one-token element (see `HeadList`), and
        // the second element of a group is known to match: matching goes on after it.
        assert(continuations == (false, 0) || headEnd == next)
        if continuations.word, let group = find(comment.ids[next], in: list.seconds) {
            append(group.range, from: 2, at: index, headEnd: next + 1, in: comment, pack: pack, limit: limit, to: &found)
        }
        var remaining = continuations.classes
        while remaining != 0 {
            if let group = find(-Int32(remaining.trailingZeroBitCount) - 1, in: list.seconds) {
                append(group.range, from: 2, at: index, headEnd: next + 1, in: comment, pack: pack, limit: limit, to: &found)
            }
            remaining &= remaining - 1
        }
        // Several groups: back to file order (found is short, mostly empty).
        var sorted = first + 1
        while sorted < found.count {
            let item = found[sorted]
            var position = sorted
            while position > first, found[position - 1].pattern > item.pattern {
                found[position] = found[position - 1]
                position -= 1
            }
            if position != sorted { found[position] = item }
            sorted += 1
        }
    }

    /// Appends the matches of the patterns `references[positions]`, whose elements before `element`
    /// matched from `index` to `headEnd`.
    @inline(__always)
    private func append(_ positions: Range<Int>, from element: Int, at index: Int, headEnd: Int, in comment: CommentText,
                        pack: Int, limit: Int, to found: inout [Match]) {
        for position in positions {
            let reference = references[position]
            if let end = end(of: patterns[Int(reference)], from: element, at: headEnd, in: comment, pack: pack, limit: limit) {
                found.append(Match(pattern: reference, length: end - index))
            }
        }
    }

    private func find(_ key: Int32, in groups: IndexRange) -> IndexRange? {
        var low = Int(groups.start), high = Int(groups.end)
        while low < high {
            let middle = (low + high) / 2
            if seconds[middle].key < key { low = middle + 1 } else { high = middle }
        }
        return low < Int(groups.end) && seconds[low].key == key ? seconds[low].patterns : nil
    }

    /// Whether a word with the `TermEntry.signals` value `start` is in class `number`.
    @inline(__always)
    private func isMember(_ start: UInt32, of number: Int32) -> Bool {
        let classes = Int(start & 0xFFFF)
        return classes != 0 && classSets[classes - 1] & (1 << UInt64(number)) != 0
    }

    /// The end of a match of `pattern` whose elements from `element` on match from `index`, or nil.
    @inline(__always)
    private func end(of pattern: Pattern, from element: Int, at index: Int, in comment: CommentText, pack: Int,
                     limit: Int) -> Int? {
        let range = pattern.elements.range
        // Every element takes at least one token.
        guard index + range.count - element <= limit else { return nil }
        var position = index
        for elementIndex in range.lowerBound + element..<range.upperBound {
            guard position < limit else { return nil }
            switch elements[elementIndex] {
            case .word(let id):
                guard comment.ids[position] == id else { return nil }
            case .any:
                guard comment.tokens[position].kind != .punctuation else { return nil }
            case .wordClass(let number):
                if isMember(comment.entries[position].signals[pack], of: number) { break }
                if number == Self.numberClass, comment.tokens[position].kind == .number { break }
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
        let tokens = comment.tokens, keys = comment.keys
        let token = tokens[index]
        if token.kind == .number, index + 1 < limit, tokens[index + 1].mark == 0x2E, tokens[index + 1].start == token.end { return index + 2 }
        let start = Int(token.keyStart), end = Int(token.keyEnd)
        guard end - start > 2, keys[start] &- 0x30 < 10 else { return nil }
        switch UInt16(keys[end - 2]) << 8 | UInt16(keys[end - 1]) {
        case 0x7374, 0x6E64, 0x7264, 0x7468: return index + 1 // st, nd, rd, th
        default: return nil
        }
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

    /// The flat patterns, and for each word that starts a pattern or belongs to a class its
    /// `TermEntry.signals` value.
    func build() -> (patterns: SignalPatterns, starts: [(id: TermID, value: UInt32)]) {
        var references: [Int32] = []
        var seconds: [SignalPatterns.Second] = []
        func list(_ numbers: [Int32]) -> IndexRange {
            let start = references.count
            references += numbers
            return IndexRange(start, references.count)
        }
        /// Splits patterns that start alike by their second element (see `HeadList`).
        func headList(_ numbers: [Int32]) -> SignalPatterns.HeadList {
            var general: [Int32] = []
            var numeric: [Int32] = []
            var bySecond: [Int32: [Int32]] = [:]
            var secondClasses: UInt64 = 0
            for number in numbers {
                let range = patterns[Int(number)].elements.range
                let first = elements[range.lowerBound]
                guard range.count >= 2, first != .wordClass(SignalPatterns.ordinalClass) else {
                    general.append(number)
                    continue
                }
                switch elements[range.lowerBound + 1] {
                case .word(let id) where id >= 0:
                    bySecond[id, default: []].append(number)
                case .wordClass(let classNumber) where classNumber == SignalPatterns.numberClass || classNumber == SignalPatterns.ordinalClass:
                    numeric.append(number)
                case .wordClass(let classNumber):
                    bySecond[-classNumber - 1, default: []].append(number)
                    secondClasses |= 1 << UInt64(classNumber)
                default:
                    general.append(number)
                }
            }
            let generalRange = list(general), numericRange = list(numeric)
            let start = seconds.count
            for key in bySecond.keys.sorted() { seconds.append(.init(key: key, patterns: list(bySecond[key]!))) }
            return .init(general: generalRange, numeric: numericRange, seconds: IndexRange(start, seconds.count),
                         secondClasses: secondClasses)
        }
        var starts: [TermID: UInt32] = [:]
        var wordLists: [SignalPatterns.HeadList] = []
        for id in byFirstWord.keys.sorted() where id >= 0 {
            wordLists.append(headList(byFirstWord[id]!))
            starts[id] = UInt32(wordLists.count) << 16
        }
        var classSets: [UInt64] = []
        var setNumbers: [UInt64: UInt32] = [:]
        for (id, set) in classBits.sorted(by: { $0.key < $1.key }) where id >= 0 {
            if setNumbers[set] == nil {
                classSets.append(set)
                setNumbers[set] = UInt32(classSets.count)
            }
            starts[id, default: 0] |= setNumbers[set]!
        }
        let classLists = byFirstClass.map(headList)
        let any = list(startingWithAny)
        let built = SignalPatterns(patterns: patterns, elements: elements, references: references, seconds: seconds,
                                   wordLists: wordLists, classSets: classSets, byFirstClass: classLists,
                                   startingWithAny: any, count: patterns.count)
        return (built, starts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }
}
