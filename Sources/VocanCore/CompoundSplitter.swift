/// Splits German compounds into known parts so that `Kundenservicehotline` reaches Kunde, Service and
/// Hotline, and `Riesenärger` reaches riesen and Ärger.
///
/// German compounds put the head last, so the splitter looks for the longest known head first and
/// then explains the rest as a known word, a known word plus a linking element (-s-, -n-, -en-, -es-,
/// -e-, -er-), or another compound. Hyphens are fixed split points. It works on key bytes and answers
/// with byte ranges of the key, so splitting builds no strings.
public struct CompoundSplitter: Sendable {
    /// The number of the language pack whose compound parts (marked in `TermEntry.compoundParts`:
    /// lexicon terms, their inflections, and the neutral vocabulary) are known.
    let pack: Int
    static let minimumHead = 4
    static let minimumModifier = 3
    private static let linkingElements: [[UInt8]] = ["s", "es", "n", "en", "e", "er"].map { Array($0.utf8) }

    init(pack: Int) { self.pack = pack }

    /// Appends the parts of `key` to `parts` as ranges of `key`, or returns false (appending nothing) when
    /// it is not a compound of known words or is a known word itself (`Supermarkt` is a word, not super + Markt).
    func split(_ key: UnsafeBufferPointer<UInt8>, vocabulary: Vocabulary, into parts: inout [Range<Int>]) -> Bool {
        let lookup = Lookup(key: key, vocabulary: vocabulary, splitter: self)
        if lookup.isKnown(0..<key.count) { return false }
        guard key.contains(0x2D) else { return lookup.splitWord(0..<key.count, depth: 0, into: &parts) }
        let before = parts.count
        var pieces = 0
        var start = 0
        for end in 0...key.count where end == key.count || key[end] == 0x2D {
            if end > start {
                pieces += 1
                let piece = start..<end
                if lookup.isKnown(piece) || !lookup.split(piece, into: &parts) { parts.append(piece) }
            }
            start = end + 1
        }
        if pieces > 1 { return true }
        parts.removeSubrange(before...)
        return false
    }

    /// One key being split: ranges of it looked up in the vocabulary.
    private struct Lookup {
        let key: UnsafeBufferPointer<UInt8>
        let vocabulary: Vocabulary
        let splitter: CompoundSplitter

        func isKnown(_ range: Range<Int>) -> Bool {
            vocabulary.entry(vocabulary.id(UnsafeBufferPointer(rebasing: key[range]))).isCompoundPart(pack: splitter.pack)
        }

        /// A hyphen-free piece: nil-equivalent `false` when it is known or no compound.
        func split(_ range: Range<Int>, into parts: inout [Range<Int>]) -> Bool {
            !isKnown(range) && splitWord(range, depth: 0, into: &parts)
        }

        func splitWord(_ range: Range<Int>, depth: Int, into parts: inout [Range<Int>]) -> Bool {
            guard depth < 4, range.count >= minimumHead + minimumModifier else { return false }
            for cut in (range.lowerBound + minimumModifier)...(range.upperBound - minimumHead) {
                let head = cut..<range.upperBound
                guard isKnown(head) else { continue }
                let before = parts.count
                if explain(range.lowerBound..<cut, depth: depth, into: &parts) {
                    parts.append(head)
                    return true
                }
                parts.removeSubrange(before...)
            }
            return false
        }

        private func explain(_ modifier: Range<Int>, depth: Int, into parts: inout [Range<Int>]) -> Bool {
            if isKnown(modifier) {
                parts.append(modifier)
                return true
            }
            for link in linkingElements where modifier.count - link.count >= minimumModifier {
                let stem = modifier.lowerBound..<(modifier.upperBound - link.count)
                if key[stem.upperBound..<modifier.upperBound].elementsEqual(link), isKnown(stem) {
                    parts.append(stem)
                    return true
                }
            }
            return splitWord(modifier, depth: depth + 1, into: &parts)
        }
    }
}

/// German compound splits, remembered across comments (a bounded cache owned by one analyzer).
struct CompoundCache {
    private static let limit = 200_000
    private var keys = Vocabulary()
    /// Per cached key: its parts' ids in `partIDs`; an empty range means "no compound".
    private var entries: [IndexRange] = []
    private var partIDs: [TermID] = []
    private var ranges: [Range<Int>] = []

    /// The ids of the parts of `key` (unknown parts are `Vocabulary.unknown`), or nil for no compound.
    mutating func parts(of key: UnsafeBufferPointer<UInt8>, splitter: CompoundSplitter, vocabulary: Vocabulary) -> ArraySlice<TermID>? {
        let cached = keys.id(key)
        if cached >= 0 {
            let entry = entries[Int(cached)]
            return entry.isEmpty ? nil : partIDs[entry.range]
        }
        if entries.count >= Self.limit { self = CompoundCache() }
        ranges.removeAll(keepingCapacity: true)
        let start = partIDs.count
        if splitter.split(key, vocabulary: vocabulary, into: &ranges) {
            for range in ranges { partIDs.append(vocabulary.id(UnsafeBufferPointer(rebasing: key[range]))) }
        }
        _ = keys.intern(key)
        entries.append(IndexRange(start, partIDs.count))
        return partIDs.count > start ? partIDs[start...] : nil
    }
}
