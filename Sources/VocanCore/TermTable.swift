/// Values keyed by one term id or by a sequence of them (a multiword expression).
///
/// Every lexicon of the engine (sentiment, emotions, rules) is a `TermTable`, so single words and
/// phrases such as `Finger weg`, `on hold` or `gar nicht` are matched the same way everywhere.
///
/// The table is flat: distinct values once in `values`, and per term id (ids are dense) the index of
/// its single value and of its phrase list, so a lookup is an index, not a hash, and the whole table
/// is a handful of arrays that `EngineImage` stores as they are.
public struct TermTable<Value: Hashable & Sendable & BitwiseCopyable>: Sendable {
    /// One phrase: the ids after its first (`rest` in `restIDs`) and its value.
    struct Phrase: Sendable, BitwiseCopyable {
        var restStart: Int32
        var restCount: Int32
        var value: UInt16
    }

    private(set) var values: [Value] = []
    /// Per id: index + 1 into `values` of its single value, 0 for none.
    private(set) var singles: [UInt16] = []
    /// Per id: index + 1 into `lists` of the phrases it starts, 0 for none.
    private(set) var heads: [UInt16] = []
    /// Ranges into `phrases`, longest phrases first.
    private(set) var lists: [IndexRange] = []
    private(set) var phrases: [Phrase] = []
    private(set) var restIDs: [TermID] = []
    /// Number of distinct single keys and phrases.
    public private(set) var count = 0

    public init() {}

    init(values: [Value], singles: [UInt16], heads: [UInt16], lists: [IndexRange], phrases: [Phrase], restIDs: [TermID], count: Int) {
        self.values = values
        self.singles = singles
        self.heads = heads
        self.lists = lists
        self.phrases = phrases
        self.restIDs = restIDs
        self.count = count
    }

    /// The value of a single id.
    public subscript(id: TermID) -> Value? {
        guard id >= 0, Int(id) < singles.count else { return nil }
        let index = singles[Int(id)]
        return index == 0 ? nil : values[Int(index) - 1]
    }

    /// The longest entry starting at `index` in `ids`, with the number of tokens it spans.
    public func match(_ ids: [TermID], at index: Int) -> (length: Int, value: Value)? {
        let first = ids[index]
        guard first >= 0, Int(first) < singles.count else { return nil }
        let head = heads[Int(first)]
        if head != 0 {
            for phrase in phrases[lists[Int(head) - 1].range] where index + Int(phrase.restCount) < ids.count {
                var matches = true
                for offset in 0..<Int(phrase.restCount) where ids[index + 1 + offset] != restIDs[Int(phrase.restStart) + offset] {
                    matches = false
                    break
                }
                if matches { return (Int(phrase.restCount) + 1, values[Int(phrase.value)]) }
            }
        }
        let single = singles[Int(first)]
        return single == 0 ? nil : (1, values[Int(single) - 1])
    }

    /// Whether any entry (single or the first word of a phrase) starts with `id`.
    public func starts(with id: TermID) -> Bool {
        id >= 0 && Int(id) < singles.count && (singles[Int(id)] != 0 || heads[Int(id)] != 0)
    }
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

    /// The flat table for a vocabulary of `idCount` ids. Throws if the table holds more distinct
    /// values than its 16-bit indices can number.
    func build(idCount: Int, name: String) throws -> TermTable<Value> {
        var values: [Value] = []
        var numbers: [Value: UInt16] = [:]
        func number(_ value: Value) throws -> UInt16 {
            if let known = numbers[value] { return known }
            guard values.count < Int(UInt16.max) else {
                throw LexiconError(file: name, line: 0, reason: "more than \(UInt16.max - 1) distinct values")
            }
            values.append(value)
            numbers[value] = UInt16(values.count - 1)
            return UInt16(values.count - 1)
        }
        var singleIndex = [UInt16](repeating: 0, count: idCount)
        var count = 0
        for (id, value) in singles.enumerated() {
            guard let value else { continue }
            singleIndex[id] = try number(value) + 1
            count += 1
        }
        var heads = [UInt16](repeating: 0, count: idCount)
        var lists: [IndexRange] = []
        var flat: [TermTable<Value>.Phrase] = []
        var restIDs: [TermID] = []
        for first in phrases.keys.sorted() {
            let start = flat.count
            for phrase in phrases[first]! {
                flat.append(.init(restStart: Int32(restIDs.count), restCount: Int32(phrase.rest.count), value: try number(phrase.value)))
                restIDs += phrase.rest
                count += 1
            }
            guard lists.count < Int(UInt16.max) else {
                throw LexiconError(file: name, line: 0, reason: "more than \(UInt16.max - 1) phrase heads")
            }
            lists.append(IndexRange(start, flat.count))
            heads[Int(first)] = UInt16(lists.count)
        }
        return TermTable(values: values, singles: singleIndex, heads: heads, lists: lists, phrases: flat, restIDs: restIDs, count: count)
    }
}
