/// The number of a folded key in the engine's `Vocabulary`.
public typealias TermID = Int32

/// Every key any lexicon of the engine knows, numbered, so that a token is hashed once and every
/// table after that is looked up by number.
public struct Vocabulary: Sendable {
    /// The id of keys no lexicon knows; it matches nothing.
    public static let unknown: TermID = -1
    private(set) var ids: [String: TermID] = [:]

    public init() {}

    public var count: Int { ids.count }

    /// The id of `key`, or `unknown`.
    public func id(_ key: String) -> TermID { ids[key] ?? Self.unknown }

    /// The id of `key`, numbering it if it is new.
    mutating func intern(_ key: String) -> TermID {
        if let id = ids[key] { return id }
        let id = TermID(ids.count)
        ids[key] = id
        return id
    }
}

/// Values keyed by one term id or by a sequence of them (a multiword expression).
///
/// Every lexicon of the engine (sentiment, emotions, rules) is a `TermTable`, so single words and
/// phrases such as `Finger weg`, `on hold` or `gar nicht` are matched the same way everywhere.
///
/// Single values sit in an array indexed by id (ids are dense), so a lookup is an index, not a hash.
public struct TermTable<Value: Sendable>: Sendable {
    private var singles: [Value?] = []
    /// Whether a phrase starts with the id, indexed like `singles`.
    private var startsPhrase: [Bool] = []
    private var phrases: [TermID: [(rest: [TermID], value: Value)]] = [:]

    public init() {}

    /// Number of distinct single keys and phrases.
    public var count: Int { singles.reduce(0) { $0 + ($1 == nil ? 0 : 1) } + phrases.values.reduce(0) { $0 + $1.count } }

    private mutating func grow(to id: TermID) {
        guard Int(id) >= singles.count else { return }
        let missing = Int(id) - singles.count + 1
        singles.append(contentsOf: repeatElement(nil, count: missing))
        startsPhrase.append(contentsOf: repeatElement(false, count: missing))
    }

    /// Adds or replaces the value of an id sequence. With `replace: false` an existing value wins
    /// (used for generated inflections, which must never override a listed form).
    public mutating func insert(_ ids: [TermID], _ value: Value, replace: Bool = true) {
        guard let first = ids.first, first >= 0 else { return }
        grow(to: first)
        if ids.count == 1 {
            if replace || singles[Int(first)] == nil { singles[Int(first)] = value }
            return
        }
        startsPhrase[Int(first)] = true
        let rest = Array(ids.dropFirst())
        var list = phrases[first, default: []]
        if let index = list.firstIndex(where: { $0.rest == rest }) {
            if replace { list[index].value = value }
        } else {
            list.append((rest, value))
            list.sort { $0.rest.count > $1.rest.count }
        }
        phrases[first] = list
    }

    /// The value of a single id.
    public subscript(id: TermID) -> Value? { id >= 0 && Int(id) < singles.count ? singles[Int(id)] : nil }

    /// The longest entry starting at `index` in `ids`, with the number of tokens it spans.
    public func match(_ ids: [TermID], at index: Int) -> (length: Int, value: Value)? {
        let first = ids[index]
        guard first >= 0, Int(first) < singles.count else { return nil }
        if startsPhrase[Int(first)], let list = phrases[first] {
            for candidate in list where index + candidate.rest.count < ids.count {
                var matches = true
                for (offset, id) in candidate.rest.enumerated() where ids[index + 1 + offset] != id {
                    matches = false
                    break
                }
                if matches { return (candidate.rest.count + 1, candidate.value) }
            }
        }
        return singles[Int(first)].map { (1, $0) }
    }

    /// Whether any entry (single or the first word of a phrase) starts with `id`.
    public func starts(with id: TermID) -> Bool {
        id >= 0 && Int(id) < singles.count && (singles[Int(id)] != nil || startsPhrase[Int(id)])
    }
}
