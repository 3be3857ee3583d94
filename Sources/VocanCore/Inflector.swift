/// Generates the regular inflected forms of a lexicon lemma so that `gut` also finds `guten` and
/// `delay` finds `delayed`, without listing every form. Works on folded keys (umlauts spelled out).
///
/// Parts of speech come from the entry's tags; an untagged entry gets the forms of every part of
/// speech that fits its shape. Irregular forms are listed in the lexicons themselves.
public struct Inflector: Sendable {
    public let language: Language
    private static let partsOfSpeech: Set<String> = ["adj", "noun", "verb", "adv"]

    public init(language: Language) { self.language = language }

    /// German separable verb particles as folded keys (`zurück` → `zurueck`), longest first so that
    /// `heraus` is tried before `her`. Not `bei` nor `wieder`: apart from their verb they are nearly
    /// always the preposition or the adverb (`Züge stehen bei Frankfurt`, `kommt wieder zu spät`);
    /// not `um`, whose verbs are as often inseparable (`umsorgen`, `umarmen`).
    public static let separableParticles = [
        "zusammen", "zurueck", "vorbei", "herein", "heraus", "herum", "weiter", "runter", "durch", "drauf", "nach",
        "raus", "rein", "hoch", "fest", "dran", "auf", "aus", "ein", "los", "mit", "vor", "weg", "hin", "her", "rum",
        "ab", "an", "zu",
    ]

    /// The forms of `key` (excluding `key` itself) for the given tags. `comparison: false` leaves out
    /// German comparatives and superlatives (emotion words rarely need them, and they are many).
    public func forms(of key: String, tags: Set<String>, comparison: Bool = true) -> [String] {
        // Keys are folded to lowercase ASCII letters in all but rare cases; others are not inflected.
        guard key.utf8.count >= 2, key.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2D || $0 == 0x27 }) else { return [] }
        let tagged = !tags.isDisjoint(with: Self.partsOfSpeech)
        var result: [String] = []
        switch language {
        case .german:
            if !tagged || tags.contains("adj") { result += germanAdjective(key, comparison: comparison) }
            if !tagged || tags.contains("noun") { result += germanNoun(key) }
            if tags.contains("verb") { result += germanVerb(key) }
        case .english, .undetermined:
            if !tagged || tags.contains("noun") { result += englishPlural(key) }
            if !tagged || tags.contains("verb") { result += englishVerb(key) }
            if !tagged || tags.contains("adj") { result += englishAdjective(key) }
        }
        var seen: Set<String> = [key]
        return result.filter { seen.insert($0).inserted }
    }

    /// The finite forms of a separable German verb with its particle after them, as two-word keys
    /// (`abstuerzen` → `stuerzt ab`, `stuerzen ab`, `stuerzte ab`...): the main-clause order, in which
    /// the particle may also stand further on (`stürzt gelegentlich ab`). Empty for other keys.
    public func separatedForms(of key: String) -> [[String]] {
        guard language == .german, let (particle, base) = Self.separableParts(of: key),
              let stem = Self.germanVerbStem(base) else { return [] }
        return Self.finiteForms(stem).map { [$0, particle] }
    }

    // MARK: German

    /// The particle and base of a key that starts with a separable particle and leaves a verb of
    /// four letters or more (`abstuerzen` → `ab`, `stuerzen`).
    private static func separableParts(of key: String) -> (particle: String, base: String)? {
        guard let particle = separableParticles.first(where: { key.hasPrefix($0) && key.count - $0.count >= 4 }) else { return nil }
        return (particle, String(key.dropFirst(particle.count)))
    }

    private static func germanVerbStem(_ key: String) -> String? {
        let stem: String
        if key.hasSuffix("en") {
            stem = String(key.dropLast(2))
        } else if key.hasSuffix("ln") || key.hasSuffix("rn") {
            stem = String(key.dropLast())
        } else {
            return nil
        }
        return stem.count >= 2 ? stem : nil
    }

    /// Regular present and past forms of a stem; a stem in -t or -d takes an e before the endings
    /// (wartet, wartete).
    private static func finiteForms(_ stem: String) -> [String] {
        let e = linkingE(stem)
        return [stem + "e", stem + e + "st", stem + e + "t", stem + "et", stem + "en", stem + e + "te", stem + e + "ten"]
    }

    /// `e` for a stem in -t or -d (gewartet, geredet), else nothing.
    private static func linkingE(_ stem: String) -> String { stem.hasSuffix("t") || stem.hasSuffix("d") ? "e" : "" }

    private func germanAdjective(_ key: String, comparison: Bool) -> [String] {
        let endings = ["e", "en", "er", "es", "em"]
        if key.hasSuffix("e") {
            let suffixes = comparison ? ["n", "r", "s", "m", "re", "ren", "rer", "res", "rem", "ste", "sten", "ster", "stes"] : ["n", "r", "s", "m"]
            return suffixes.map { key + $0 }
        }
        var forms = endings.map { key + $0 }
        guard comparison else { return forms }
        forms += endings.map { key + "er" + $0 } + [key + "er"]
        let superlativeStem = key.hasSuffix("t") || key.hasSuffix("d") || key.hasSuffix("s") || key.hasSuffix("z") ? key + "est" : key + "st"
        forms += endings.map { superlativeStem + $0 }
        return forms
    }

    private func germanNoun(_ key: String) -> [String] {
        if key.hasSuffix("e") { return [key + "n", key + "s"] }
        if key.hasSuffix("in") { return [key + "nen"] }
        if key.hasSuffix("ung") || key.hasSuffix("heit") || key.hasSuffix("keit") || key.hasSuffix("schaft") {
            return [key + "en"]
        }
        // No -er plural: it is rare (Kind → Kinder) and turns names into words (Müller is no Müll).
        return [key + "e", key + "en", key + "n", key + "s", key + "es"]
    }

    private func germanVerb(_ key: String) -> [String] {
        guard let stem = Self.germanVerbStem(key) else { return [] }
        var forms = Self.finiteForms(stem)
        let inseparable = ["be", "ver", "ent", "er", "zer", "emp", "miss", "ge", "ueber", "hinter", "wider"]
        var participles: [String]
        if stem.hasSuffix("ier") || inseparable.contains(where: { stem.hasPrefix($0) }) {
            participles = [stem + Self.linkingE(stem) + "t"]
        } else {
            participles = ["ge" + stem + Self.linkingE(stem) + "t"]
            // With a particle it comes first (abstürzen → abgestürzt); both, as a verb may only look
            // separable (antworten → geantwortet).
            if let (particle, base) = Self.separableParts(of: key), let baseStem = Self.germanVerbStem(base) {
                participles.append(particle + "ge" + baseStem + Self.linkingE(baseStem) + "t")
            }
        }
        for participle in participles {
            forms.append(participle)
            forms += ["e", "en", "er", "es", "em"].map { participle + $0 }
        }
        return forms
    }

    // MARK: English

    private static let vowels: Set<UInt8> = Set("aeiou".utf8)

    private func endsWithConsonantY(_ key: String) -> Bool {
        let bytes = key.utf8
        return bytes.last == 0x79 && bytes.count >= 2 && !Self.vowels.contains(bytes[bytes.index(bytes.endIndex, offsetBy: -2)])
    }

    /// Short consonant-vowel-consonant words double their last letter: stop → stopped, big → bigger.
    private func doublesFinalConsonant(_ key: String) -> Bool {
        let letters = Array(key.utf8)
        guard letters.count >= 3, letters.count <= 5 else { return false }
        let last = letters[letters.count - 1], middle = letters[letters.count - 2], before = letters[letters.count - 3]
        return !Self.vowels.contains(last) && !"wxy".utf8.contains(last) && Self.vowels.contains(middle) && !Self.vowels.contains(before)
    }

    private func englishPlural(_ key: String) -> [String] {
        if endsWithConsonantY(key) { return [key.dropLast() + "ies"] }
        if ["s", "x", "z", "ch", "sh"].contains(where: { key.hasSuffix($0) }) { return [key + "es"] }
        return [key + "s"]
    }

    private func englishVerb(_ key: String) -> [String] {
        var forms = englishPlural(key)
        if key.hasSuffix("e") {
            forms += [key + "d", key.dropLast() + "ing"]
        } else if endsWithConsonantY(key) {
            forms += [key.dropLast() + "ied", key + "ing"]
        } else if doublesFinalConsonant(key) {
            let last = String(key.suffix(1))
            forms += [key + last + "ed", key + last + "ing", key + "ed", key + "ing"]
        } else {
            forms += [key + "ed", key + "ing"]
        }
        return forms
    }

    private func englishAdjective(_ key: String) -> [String] {
        if key.hasSuffix("le") { return [key.dropLast() + "y"] }
        if key.hasSuffix("ic") { return [key + "ally"] }
        if endsWithConsonantY(key) { return [key.dropLast() + "ily", key.dropLast() + "ier", key.dropLast() + "iest"] }
        if key.hasSuffix("e") { return [key + "ly", key + "r", key + "st"] }
        if doublesFinalConsonant(key) { return [key + "ly", key + key.suffix(1) + "er", key + key.suffix(1) + "est"] }
        return [key + "ly", key + "er", key + "est"]
    }
}
