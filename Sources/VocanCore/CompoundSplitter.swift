/// Splits German compounds into known parts so that `Kundenservicehotline` reaches Kunde, Service and
/// Hotline, and `Riesenärger` reaches riesen and Ärger.
///
/// German compounds put the head last, so the splitter looks for the longest known head first and
/// then explains the rest as a known word, a known word plus a linking element (-s-, -n-, -en-, -es-,
/// -e-, -er-), or another compound. Hyphens are fixed split points.
public struct CompoundSplitter: Sendable {
    /// Known keys (lexicon terms, their inflections, and the neutral vocabulary).
    let known: Set<String>
    let minimumHead = 4
    let minimumModifier = 3
    private static let linkingElements = ["s", "es", "n", "en", "e", "er"]

    public init(known: Set<String>) { self.known = known }

    /// The parts of `key` as known keys, or nil when it is not a compound of known words or is a known
    /// word itself (`Supermarkt` is a word, not super + Markt).
    public func split(_ key: String) -> [String]? {
        if known.contains(key) { return nil }
        if key.utf8.contains(0x2D) {
            let pieces = key.split(separator: "-").map(String.init).filter { !$0.isEmpty }
            guard pieces.count > 1 else { return nil }
            return pieces.flatMap { known.contains($0) ? [$0] : (split($0) ?? [$0]) }
        }
        return splitWord(Array(key.utf8), depth: 0)
    }

    private func splitWord(_ bytes: [UInt8], depth: Int) -> [String]? {
        guard depth < 4, bytes.count >= minimumHead + minimumModifier else { return nil }
        for cut in minimumModifier...(bytes.count - minimumHead) {
            let head = String(decoding: bytes[cut...], as: UTF8.self)
            guard known.contains(head) else { continue }
            let modifier = Array(bytes[..<cut])
            if let parts = explain(modifier, depth: depth) { return parts + [head] }
        }
        return nil
    }

    private func explain(_ modifier: [UInt8], depth: Int) -> [String]? {
        let word = String(decoding: modifier, as: UTF8.self)
        if known.contains(word) { return [word] }
        for link in Self.linkingElements where word.hasSuffix(link) && modifier.count - link.utf8.count >= minimumModifier {
            let stem = String(word.dropLast(link.count))
            if known.contains(stem) { return [stem] }
        }
        return splitWord(modifier, depth: depth + 1)
    }
}
