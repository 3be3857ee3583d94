import VocanText

/// Tells German from English without a model: stop words, character trigrams and letters from
/// `lexicons/language.tsv`, plus how many words each language's opinion lexicon knows.
public struct LanguageIdentifier: Sendable {
    /// Below this score neither language is plausible and the comment is `und`.
    public static let minimumScore = 1.0
    /// The winner must score at least this many times the other language.
    public static let minimumLead = 1.5

    private var words: [String: [Language: Double]] = [:]
    private var trigrams: [String: [Language: Double]] = [:]
    private var letters: [Character: [Language: Double]] = [:]

    /// Parses the profile file.
    public init(profile: String, file: String = "language.tsv") throws {
        for (line, fields) in LexiconFile.records(profile) {
            guard fields.count >= 4, let language = Language(rawValue: String(fields[0])),
                  let weight = Double(fields[3]) else {
                throw LexiconError(file: file, line: line, reason: "expected lang<TAB>word|trigram|char<TAB>feature<TAB>weight")
            }
            let feature = String(fields[2])
            switch fields[1] {
            case "word": words[feature, default: [:]][language] = weight
            case "trigram": trigrams[feature, default: [:]][language] = weight
            case "char": if let letter = feature.first { letters[letter, default: [:]][language] = weight }
            default: throw LexiconError(file: file, line: line, reason: "feature kind must be word, trigram or char")
            }
        }
    }

    /// The language of a tokenized comment.
    public func identify(_ tokens: [Token], packs: [Language: LanguagePack]) -> Language {
        var scores: [Language: Double] = [.german: 0, .english: 0]
        for token in tokens where token.kind == .word || token.kind == .hashtag {
            if let weights = words[token.key] { add(weights, to: &scores) }
            let known = Language.analyzed.filter { packs[$0]?.opinions.starts(with: token.key) == true }
            if known.count == 1 { scores[known[0], default: 0] += 0.5 }
            let padded = Array(("_" + token.key + "_").utf8)
            if padded.count >= 3 {
                for start in 0...(padded.count - 3) {
                    if let weights = trigrams[String(decoding: padded[start..<start + 3], as: UTF8.self)] { add(weights, to: &scores) }
                }
            }
            for letter in token.text where letter.isLetter && !letter.isASCII {
                if let weights = letters[Character(letter.lowercased())] { add(weights, to: &scores) }
            }
        }
        let german = scores[.german] ?? 0, english = scores[.english] ?? 0
        if german >= Self.minimumScore, german >= english * Self.minimumLead, german > english { return .german }
        if english >= Self.minimumScore, english >= german * Self.minimumLead, english > german { return .english }
        return .undetermined
    }

    private func add(_ weights: [Language: Double], to scores: inout [Language: Double]) {
        for (language, weight) in weights { scores[language, default: 0] += weight }
    }
}
