/// Values keyed by one term id or by a sequence of them (a multiword expression).
///
/// Every lexicon of the engine (sentiment, emotions, rules) is a `TermTable`, so single words and
/// phrases such as `Finger weg`, `on hold` or `gar nicht` are matched the same way everywhere.
///
/// The table holds its distinct values once and its phrases; which value a single word has, and
/// which phrases it starts, is in the word's `TermEntry` (value numbers from 1, 0 for none; phrase
/// ranges through the pack's `PhraseHeads`), so a lookup reads the token's entry, not one array per
/// table. Immutable and shared by reference.
public final class TermTable<Value: Hashable & Sendable & BitwiseCopyable>: Sendable {
    /// One phrase: the ids after its first (`rest` in `restIDs`) and its value's number.
    struct Phrase: Sendable, BitwiseCopyable {
        var restStart: Int32
        var restCount: Int32
        var value: UInt16
    }

    let values: [Value]
    /// Grouped by first word, and within a group by second word, longest first; a first word's
    /// `PhraseHeads` has the range of its group.
    let phrases: [Phrase]
    let restIDs: [TermID]
    /// Number of distinct single keys and phrases.
    public let count: Int

    init(values: [Value], phrases: [Phrase], restIDs: [TermID], count: Int) {
        self.values = values
        self.phrases = phrases
        self.restIDs = restIDs
        self.count = count
    }

    /// The ids of the second words of all phrases.
    var secondIDs: [TermID] { phrases.map { restIDs[Int($0.restStart)] } }

    /// The (group, second word) pairs of the phrase groups `groups`, for `phrases(at:in:)` of a pack.
    func secondWords(of groups: some Sequence<IndexRange>) -> PairFilter {
        var filter = PairFilter(count: phrases.count)
        for group in groups {
            for phrase in phrases[group.range] { filter.insert(group.start, restIDs[Int(phrase.restStart)]) }
        }
        return filter
    }

    /// The value numbered `number` (from 1), nil for 0.
    @inline(__always)
    func value(_ number: UInt16) -> Value? { number == 0 ? nil : values[Int(number) - 1] }

    /// The longest entry starting at `index` in `ids`, with the number of tokens it spans, given the
    /// first word's single value number and the phrases it starts (both from its entry).
    @inline(__always)
    func match(_ ids: UnsafeBufferPointer<TermID>, at index: Int, single: UInt16, phrases group: IndexRange) -> (length: Int, value: Value)? {
        if !group.isEmpty, let phrase = phrase(ids, at: index, group) { return phrase }
        return single == 0 ? nil : (1, values[Int(single) - 1])
    }

    private func phrase(_ ids: UnsafeBufferPointer<TermID>, at index: Int, _ group: IndexRange) -> (length: Int, value: Value)? {
        guard index + 1 < ids.count else { return nil }
        // A group is sorted by second id: find the first phrase whose second word is the next token's.
        let second = ids[index + 1]
        var low = Int(group.start), high = Int(group.end)
        while low < high {
            let middle = (low + high) / 2
            if restIDs[Int(phrases[middle].restStart)] < second { low = middle + 1 } else { high = middle }
        }
        for phrase in phrases[low..<Int(group.end)] {
            let rest = Int(phrase.restStart), count = Int(phrase.restCount)
            guard restIDs[rest] == second else { break }
            guard index + count < ids.count else { continue }
            var matches = true
            for offset in 1..<count where ids[index + 1 + offset] != restIDs[rest + offset] {
                matches = false
                break
            }
            if matches { return (count + 1, values[Int(phrase.value)]) }
        }
        return nil
    }
}

/// A one-bit-per-slot hash set of (group, word) pairs, a group being a range of phrases or patterns
/// named by its start: a clear bit means the pair is absent, a set bit that it may be present (a
/// search confirms it), so most words that continue no phrase of a head cost no search.
struct PairFilter: Sendable {
    private var bits: [UInt64]
    private let shift: UInt64

    /// A filter with room for `count` pairs at about 1/32 false positives.
    init(count: Int) {
        var logarithm = 6
        while 1 << logarithm < count * 32 { logarithm += 1 }
        bits = Array(repeating: 0, count: 1 << (logarithm - 6))
        shift = UInt64(64 - logarithm)
    }

    /// The slot of a pair: Fibonacci hashing of the group's start and the word.
    @inline(__always)
    private func slot(_ group: Int32, _ word: TermID) -> Int {
        let key = UInt64(UInt32(bitPattern: group)) << 32 | UInt64(UInt32(bitPattern: word))
        return Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) &>> shift)
    }

    mutating func insert(_ group: Int32, _ word: TermID) {
        let slot = slot(group, word)
        bits[slot &>> 6] |= 1 &<< UInt64(slot & 63)
    }

    @inline(__always)
    func mayContain(_ group: Int32, _ word: TermID) -> Bool {
        let slot = slot(group, word)
        return bits[slot &>> 6] & 1 &<< UInt64(slot & 63) != 0
    }
}

/// The tables of a pack that hold phrases, numbered for the phrase-second bits of a `TermEntry`.
enum PhraseTable: Int {
    case opinions, rules, emotions
}

/// The phrases a first word starts in each table of a pack (empty ranges where none).
struct PhraseHeads: Sendable, Equatable, BitwiseCopyable {
    var opinions = IndexRange(0, 0)
    var rules = IndexRange(0, 0)
    var emotions = IndexRange(0, 0)
}

/// A range of indices into one of the engine's flat arrays, stored as plain bytes in an `EngineImage`.
struct IndexRange: Sendable, Equatable, BitwiseCopyable {
    var start: Int32
    var end: Int32

    init(_ start: Int, _ end: Int) {
        self.start = Int32(start)
        self.end = Int32(end)
    }

    var range: Range<Int> { Int(start)..<Int(end) }
    var isEmpty: Bool { start == end }
}

/// Collects the entries of a `TermTable` while the lexicons load, with their override rules.
struct TermTableBuilder<Value: Hashable & Sendable & BitwiseCopyable> {
    private var singles: [Value?] = []
    private var phrases: [TermID: [(rest: [TermID], value: Value)]] = [:]

    /// Adds or replaces the value of an id sequence. With `replace: false` an existing value wins
    /// (used for generated inflections, which must never override a listed form).
    mutating func insert(_ ids: [TermID], _ value: Value, replace: Bool = true) {
        guard let first = ids.first, first >= 0 else { return }
        if ids.count == 1 {
            if Int(first) >= singles.count { singles += Array(repeating: nil, count: Int(first) - singles.count + 1) }
            if replace || singles[Int(first)] == nil { singles[Int(first)] = value }
            return
        }
        let rest = Array(ids.dropFirst())
        var list = phrases[first, default: []]
        if let index = list.firstIndex(where: { $0.rest == rest }) {
            if replace { list[index].value = value }
        } else {
            // After the last phrase at least as long, so equally long phrases keep their order.
            let position = list.firstIndex { $0.rest.count < rest.count } ?? list.count
            list.insert((rest, value), at: position)
        }
        phrases[first] = list
    }

    /// The value of a single id so far.
    subscript(id: TermID) -> Value? { id >= 0 && Int(id) < singles.count ? singles[Int(id)] : nil }

    /// The flat table, the single value number (from 1) of each id that has one, and the range of
    /// the phrases each first word starts, for the ids' entries. Throws if the table holds more
    /// distinct values than 16-bit numbers can count.
    func build(name: String) throws
        -> (table: TermTable<Value>, singles: [(id: TermID, value: UInt16)], heads: [(id: TermID, phrases: IndexRange)]) {
        var values: [Value] = []
        var numbers: [Value: UInt16] = [:]
        func number(_ value: Value) throws -> UInt16 {
            if let known = numbers[value] { return known }
            guard values.count < Int(UInt16.max) - 1 else {
                throw LexiconError(file: name, line: 0, reason: "more than \(UInt16.max - 2) distinct values")
            }
            values.append(value)
            numbers[value] = UInt16(values.count - 1)
            return UInt16(values.count - 1)
        }
        var singleNumbers: [(id: TermID, value: UInt16)] = []
        for (id, value) in singles.enumerated() {
            guard let value else { continue }
            singleNumbers.append((TermID(id), try number(value) + 1))
        }
        var heads: [(id: TermID, phrases: IndexRange)] = []
        var flat: [TermTable<Value>.Phrase] = []
        var restIDs: [TermID] = []
        for first in phrases.keys.sorted() {
            let start = flat.count
            // By second word (so a lookup can search), keeping longest first among equal second words.
            let group = phrases[first]!.enumerated().sorted { ($0.element.rest[0], $0.offset) < ($1.element.rest[0], $1.offset) }
            for (_, phrase) in group {
                flat.append(.init(restStart: Int32(restIDs.count), restCount: Int32(phrase.rest.count), value: try number(phrase.value)))
                restIDs += phrase.rest
            }
            heads.append((first, IndexRange(start, flat.count)))
        }
        let table = TermTable(values: values, phrases: flat, restIDs: restIDs, count: singleNumbers.count + flat.count)
        return (table, singleNumbers, heads)
    }
}
