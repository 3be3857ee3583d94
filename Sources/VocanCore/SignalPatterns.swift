import VocanText

/// The kinds of pattern in `lexicons/signals.*.tsv`.
public enum SignalKind: String, CaseIterable, Sendable {
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
}

/// Token patterns that indicate CX signals ("zum <ord> mal", "<num> stunden", "cancel my subscription").
///
/// A pattern is a sequence of literal keys, word classes (`<num>`, `<time>`, defined in the file with
/// `@class`), and `*` for any one word. `<num>` also matches any number token and `<ord>` a number
/// followed by `.` (`3.`) or written `3rd`/`5th`.
public struct SignalPatterns: Sendable {
    enum Element: Sendable, Equatable {
        case word(TermID)
        /// A word class by number (an index into `classes`).
        case wordClass(Int)
        case any
    }

    struct Pattern: Sendable {
        var elements: [Element]
        var kind: SignalKind
        var weight: Double
    }

    /// Indexed by term id (dense), so the per-token lookup is no hash.
    private var byFirstWord: [[Pattern]] = []
    /// Indexed by class number, like `classes`.
    private var byFirstClass: [[Pattern]] = [[], []]
    private var startingWithAny: [Pattern] = []
    /// Class names to numbers; `num` and `ord` are always 0 and 1.
    private var classNumbers: [String: Int] = ["num": 0, "ord": 1]
    private var classes: [Set<TermID>] = [[], []]
    /// Indexed by term id like `byFirstWord`.
    private var classesOfID: [[Int]] = []
    public private(set) var count = 0

    public init() {}

    private static let numberClass = 0, ordinalClass = 1

    private mutating func grow(to id: TermID) {
        guard Int(id) >= byFirstWord.count else { return }
        let missing = Int(id) - byFirstWord.count + 1
        byFirstWord += Array(repeating: [], count: missing)
        classesOfID += Array(repeating: [], count: missing)
    }

    private mutating func classNumber(_ name: String) -> Int {
        if let number = classNumbers[name] { return number }
        classNumbers[name] = classes.count
        classes.append([])
        byFirstClass.append([])
        return classes.count - 1
    }

    /// Adds the classes and patterns of one file; `ids` folds and numbers words like the tokenizer.
    mutating func add(name: String, text: String, ids: (String) -> [TermID]) throws {
        for (line, fields) in LexiconFile.records(text) {
            if fields.first == "@class" {
                guard fields.count >= 3 else { throw LexiconError(file: name, line: line, reason: "expected @class<TAB>name<TAB>word,word,...") }
                let number = classNumber(String(fields[1].trimmingSpaces))
                for word in fields[2].split(separator: ",") {
                    for id in ids(String(word.trimmingSpaces)) {
                        if classes[number].insert(id).inserted {
                            grow(to: id)
                            classesOfID[Int(id)].append(number)
                        }
                    }
                }
                continue
            }
            guard fields.count >= 3, let kind = SignalKind(rawValue: String(fields[1].trimmingSpaces)),
                  let weight = Double(fields[2].trimmingSpaces), weight > 0, weight <= 1 else {
                throw LexiconError(file: name, line: line, reason: "expected pattern<TAB>signal<TAB>weight with a signal from \(SignalKind.allCases.map(\.rawValue)) and weight in (0, 1]")
            }
            var elements: [Element] = []
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
            guard let first = elements.first else { continue }
            let pattern = Pattern(elements: elements, kind: kind, weight: weight)
            switch first {
            case .word(let id):
                grow(to: id)
                byFirstWord[Int(id)].append(pattern)
            case .wordClass(let number): byFirstClass[number].append(pattern)
            case .any: startingWithAny.append(pattern)
            }
            count += 1
        }
    }

    /// The patterns matching at `index`, each with the number of tokens it spans.
    func matches(at index: Int, tokens: [Token], ids: [TermID], limit: Int) -> [(pattern: Pattern, length: Int)] {
        // Most tokens start no pattern: answer without allocating.
        let id = ids[index]
        let known = id >= 0 && Int(id) < byFirstWord.count
        guard tokens[index].kind == .number || !startingWithAny.isEmpty
            || (known && (!byFirstWord[Int(id)].isEmpty || !classesOfID[Int(id)].isEmpty)) else { return [] }
        var found: [(pattern: Pattern, length: Int)] = []
        func consider(_ patterns: [Pattern]) {
            for pattern in patterns {
                if let end = match(pattern.elements, at: index, tokens: tokens, ids: ids, limit: limit) { found.append((pattern, end - index)) }
            }
        }
        if known {
            consider(byFirstWord[Int(id)])
            for number in classesOfID[Int(id)] { consider(byFirstClass[number]) }
        }
        if tokens[index].kind == .number {
            consider(byFirstClass[Self.numberClass])
            consider(byFirstClass[Self.ordinalClass])
        }
        if !startingWithAny.isEmpty, tokens[index].kind != .punctuation { consider(startingWithAny) }
        return found
    }

    /// The end of a match of `elements` starting at `index`, or nil.
    private func match(_ elements: [Element], at index: Int, tokens: [Token], ids: [TermID], limit: Int) -> Int? {
        var position = index
        for element in elements {
            guard position < limit else { return nil }
            let token = tokens[position]
            switch element {
            case .word(let id):
                guard ids[position] == id else { return nil }
            case .any:
                guard token.kind != .punctuation else { return nil }
            case .wordClass(let number):
                if classes[number].contains(ids[position]) { break }
                if number == Self.numberClass, token.kind == .number { break }
                if number == Self.ordinalClass, let end = ordinalEnd(at: position, tokens: tokens, limit: limit) {
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
    private func ordinalEnd(at index: Int, tokens: [Token], limit: Int) -> Int? {
        let token = tokens[index]
        if token.kind == .number, index + 1 < limit, tokens[index + 1].key == ".", tokens[index + 1].start == token.end { return index + 2 }
        let key = token.key
        if let first = key.first, first.isNumber, ["st", "nd", "rd", "th"].contains(where: { key.hasSuffix($0) }) { return index + 1 }
        return nil
    }
}
