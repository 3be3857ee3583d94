/// A problem in a lexicon file, with the file and line to fix.
public struct LexiconError: Error, Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let reason: String

    public var description: String { "lexicon '\(file)', line \(line): \(reason)" }
}

/// One scored term of a sentiment lexicon.
public struct LexiconEntry: Sendable, Equatable {
    /// The term as written (a word or a space-separated phrase).
    public var term: String
    /// Weight in [-4, 4].
    public var weight: Double
    /// Optional tags: parts of speech (`adj`, `noun`, `verb`, `adv`) drive inflection; `prefix` marks
    /// compound first parts and `part` those that are no word on their own (`bomben`); `ironic` praise
    /// turns against beside a complaint (`Herzlichen Glückwunsch.`), `ironic_bare` praise only as a
    /// sentence of nothing else (`Super.`); `cx`, `slang`, `phrase`, `emoji`, `emoticon` describe the entry.
    public var tags: Set<String>

    public init(term: String, weight: Double, tags: Set<String> = []) {
        self.term = term
        self.weight = weight
        self.tags = tags
    }
}

/// The sentiment lexicon formats vocan reads.
public enum LexiconFormat: String, Sendable, CaseIterable {
    /// vocan's own: `term<TAB>weight[<TAB>tags]`, weight in [-4, 4].
    case vocan
    /// SentiWS: `Wort|POS<TAB>weight<TAB>inflection,inflection,...`, weight in [-1, 1] (scaled to [-4, 4]).
    case sentiws
    /// VADER: `token<TAB>mean<TAB>std<TAB>[ratings]`, mean in [-4, 4].
    case vader
}

/// Reads the plain-text lexicon files: comment lines start with `#`, fields are tab-separated.
public enum LexiconFile {
    /// The non-empty, non-comment lines of a file with their 1-based line numbers and tab-separated fields.
    public static func records(_ text: String) -> [(line: Int, fields: [Substring])] {
        // Split on bytes: lexicons are large and Character-based splitting costs most of start-up.
        var result: [(Int, [Substring])] = []
        var number = 0
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        while lineStart < utf8.endIndex {
            number += 1
            let lineEnd = utf8[lineStart...].firstIndex(of: 0x0A) ?? utf8.endIndex
            var contentEnd = lineEnd
            if contentEnd > lineStart, utf8[utf8.index(before: contentEnd)] == 0x0D { contentEnd = utf8.index(before: contentEnd) }
            let line = utf8[lineStart..<contentEnd]
            if let first = line.first, first != 0x23, line.contains(where: { $0 != 0x20 && $0 != 0x09 }) {
                var fields: [Substring] = []
                var fieldStart = line.startIndex
                while true {
                    let fieldEnd = line[fieldStart...].firstIndex(of: 0x09) ?? line.endIndex
                    fields.append(Substring(text[fieldStart..<fieldEnd]))
                    if fieldEnd == line.endIndex { break }
                    fieldStart = utf8.index(after: fieldEnd)
                }
                result.append((number, fields))
            }
            lineStart = lineEnd == utf8.endIndex ? lineEnd : utf8.index(after: lineEnd)
        }
        return result
    }

    /// Guesses the format of a sentiment lexicon from its first entry.
    public static func detectFormat(_ text: String) -> LexiconFormat {
        guard let first = records(text).first else { return .vocan }
        if first.fields.count >= 2, first.fields[0].contains("|") { return .sentiws }
        if first.fields.count >= 4, first.fields[3].hasPrefix("[") { return .vader }
        return .vocan
    }

    /// Parses a sentiment lexicon in any of the supported formats.
    public static func sentimentEntries(name: String, text: String) throws -> [LexiconEntry] {
        let format = detectFormat(text)
        var entries: [LexiconEntry] = []
        for (line, fields) in records(text) {
            guard fields.count >= 2, let weight = Double(fields[1].trimmingSpaces) else {
                throw LexiconError(file: name, line: line, reason: "expected term<TAB>weight")
            }
            switch format {
            case .vocan:
                guard (-4...4).contains(weight) else {
                    throw LexiconError(file: name, line: line, reason: "weight \(weight) outside [-4, 4]")
                }
                let tags = fields.count > 2 ? Set(fields[2].split(separator: ",").map { String($0.trimmingSpaces) }) : []
                entries.append(LexiconEntry(term: String(fields[0].trimmingSpaces), weight: weight, tags: tags))
            case .sentiws:
                let head = fields[0].split(separator: "|")
                let tags: Set<String> = switch head.last ?? "" {
                case "NN": ["noun"]
                case "ADJX": ["adj"]
                case "VVINF": ["verb"]
                case "ADV": ["adv"]
                default: []
                }
                let scaled = (weight * 4).clamped(to: -4...4)
                entries.append(LexiconEntry(term: String(head[0]), weight: scaled, tags: tags))
                if fields.count > 2 {
                    for form in fields[2].split(separator: ",") where !form.isEmpty {
                        entries.append(LexiconEntry(term: String(form), weight: scaled))
                    }
                }
            case .vader:
                entries.append(LexiconEntry(term: String(fields[0]), weight: weight.clamped(to: -4...4)))
            }
        }
        return entries
    }
}

extension Substring {
    var trimmingSpaces: Substring {
        var slice = self
        while let first = slice.first, first == " " { slice = slice.dropFirst() }
        while let last = slice.last, last == " " { slice = slice.dropLast() }
        return slice
    }
}

extension Comparable {
    func clamped(to range: ClosedRange<Self>) -> Self { min(max(self, range.lowerBound), range.upperBound) }
}
