/// Values keyed by one folded token key or by a sequence of them (a multiword expression).
///
/// Every lexicon of the engine (sentiment, emotions, rules, signals) is a `TermTable`, so single words and
/// phrases such as `Finger weg`, `on hold` or `gar nicht` are matched the same way everywhere.
public struct TermTable<Value: Sendable>: Sendable {
    private(set) var singles: [String: Value] = [:]
    private var phrases: [String: [(rest: [String], value: Value)]] = [:]

    public init() {}

    /// Number of distinct single keys and phrases.
    public var count: Int { singles.count + phrases.values.reduce(0) { $0 + $1.count } }

    /// Adds or replaces the value of a key sequence. With `replace: false` an existing value wins
    /// (used for generated inflections, which must never override a listed form).
    public mutating func insert(_ keys: [String], _ value: Value, replace: Bool = true) {
        guard let first = keys.first else { return }
        if keys.count == 1 {
            if replace || singles[first] == nil { singles[first] = value }
            return
        }
        let rest = Array(keys.dropFirst())
        var list = phrases[first, default: []]
        if let index = list.firstIndex(where: { $0.rest == rest }) {
            if replace { list[index].value = value }
        } else {
            list.append((rest, value))
            list.sort { $0.rest.count > $1.rest.count }
        }
        phrases[first] = list
    }

    /// The value of a single key.
    public subscript(key: String) -> Value? { singles[key] }

    /// The longest entry starting at `index` in `keys`, with the number of tokens it spans.
    public func match(_ keys: [String], at index: Int) -> (length: Int, value: Value)? {
        let first = keys[index]
        if let list = phrases[first] {
            for candidate in list where index + candidate.rest.count < keys.count {
                var matches = true
                for (offset, key) in candidate.rest.enumerated() where keys[index + 1 + offset] != key {
                    matches = false
                    break
                }
                if matches { return (candidate.rest.count + 1, candidate.value) }
            }
        }
        return singles[first].map { (1, $0) }
    }

    /// Whether any entry (single or the first word of a phrase) starts with `key`.
    public func starts(with key: String) -> Bool { singles[key] != nil || phrases[key] != nil }
}
