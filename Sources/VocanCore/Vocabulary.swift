/// The number of a folded key in the engine's `Vocabulary`.
public typealias TermID = Int32

/// Everything the lexicons say about one key, in 32 bytes, so that a token costs one hash probe and
/// one entry however many tables it is in (opinions, emotions, rules, signal patterns, language
/// profile, compound parts; per language where they differ).
///
/// Table values are numbered from 1 (`0` means absent) in the language pack's tables.
public struct TermEntry: Sendable, Equatable, BitwiseCopyable {
    /// Where the key is in the vocabulary's arena.
    var keyOffset: UInt32 = 0
    var keyLength: UInt8 = 0
    /// Bit `p`: the key is a compound part in pack `p`; bit `2 + 2t + p`: it is the second word of a
    /// phrase of table `t` (a `PhraseTable`) in pack `p`, so a lookup of that table's phrases before
    /// it is worth doing.
    var flags: UInt8 = 0
    /// Index + 1 into the language identifier's word weights.
    var languageWord: UInt16 = 0
    /// Per language pack (German, English): index + 1 of the single-word value in each table.
    var opinion: SIMD2<UInt16> = .zero
    var emotion: SIMD2<UInt16> = .zero
    var rule: SIMD2<UInt16> = .zero
    /// Per pack: index + 1 into the pack's `phraseHeads`, for keys that start phrases.
    var phrases: SIMD2<UInt16> = .zero
    /// Per pack: index + 1 into the signal patterns' word lists (high 16 bits) and class sets (low 16).
    var signals: SIMD2<UInt32> = .zero

    /// Keys longer than this have no entry (no lexicon term is that long).
    static let maximumKeyLength = Int(UInt8.max)

    init() {}

    @inline(__always)
    init(_ head: TermHead, _ values: TermValues) {
        keyOffset = head.keyOffset
        keyLength = head.keyLength
        flags = head.flags
        languageWord = head.languageWord
        opinion = values.opinion
        emotion = values.emotion
        rule = values.rule
        phrases = values.phrases
        signals = values.signals
    }

    /// The table values, which keys share in the vocabulary.
    var values: TermValues {
        TermValues(opinion: opinion, emotion: emotion, rule: rule, phrases: phrases, signals: signals)
    }

    @inline(__always)
    func isCompoundPart(pack: Int) -> Bool { flags & (1 << UInt8(pack)) != 0 }

    /// Whether the key is the second word of a phrase of any table in pack `pack`.
    @inline(__always)
    func isPhraseSecond(pack: Int) -> Bool {
        flags & (Self.phraseSecondFlag(.opinions, pack: pack) | Self.phraseSecondFlag(.rules, pack: pack)
            | Self.phraseSecondFlag(.emotions, pack: pack)) != 0
    }

    @inline(__always)
    func isPhraseSecond(in table: PhraseTable, pack: Int) -> Bool { flags & Self.phraseSecondFlag(table, pack: pack) != 0 }

    /// The bit of `flags` for the second words of `table`'s phrases in pack `pack`.
    @inline(__always)
    static func phraseSecondFlag(_ table: PhraseTable, pack: Int) -> UInt8 { 4 << UInt8(2 * table.rawValue + pack) }
}

/// What the vocabulary keeps per key: the `TermEntry` fields that are the key's own, and the row of
/// its `TermValues`.
struct TermHead: Sendable, Equatable, BitwiseCopyable {
    var keyOffset: UInt32 = 0
    var keyLength: UInt8 = 0
    var flags: UInt8 = 0
    var languageWord: UInt16 = 0
    /// Index into the vocabulary's `values`.
    var values: UInt32 = 0
}

/// The table values of a `TermEntry`, stored once for all keys that have the same (the 94,000 keys
/// of the bundled lexicons have about 8,000 different ones): heads of 12 bytes and shared values take
/// less than half the memory of whole entries, which is fewer cache misses per lookup and fewer pages
/// to load at start-up.
struct TermValues: Sendable, Hashable, BitwiseCopyable {
    var opinion: SIMD2<UInt16> = .zero
    var emotion: SIMD2<UInt16> = .zero
    var rule: SIMD2<UInt16> = .zero
    var phrases: SIMD2<UInt16> = .zero
    var signals: SIMD2<UInt32> = .zero
}

/// Every key any lexicon of the engine knows, numbered, with its `TermEntry`, so that a token is
/// hashed once (straight from its key bytes, no string) and everything after that is read from its entry.
///
/// An open-addressing hash table over one byte arena. Ids are dense (0, 1, 2...); a slot holds
/// `tag << 20 | (id + 1)`, the tag being the top 12 bits of the key's hash, so most probes that miss
/// are told apart without touching the key. An entry is stored as a `TermHead` per id and
/// `TermValues` that keys share.
public struct Vocabulary: Sendable {
    /// The id of keys no lexicon knows; it matches nothing.
    public static let unknown: TermID = -1
    /// Ids must fit into the 20 bits of a slot.
    static let capacity = (1 << 20) - 1
    private(set) var arena: [UInt8] = []
    private(set) var heads: [TermHead] = []
    /// Row 0 holds no values: the row of every key that no table has a value for.
    private(set) var values = [TermValues()]
    /// Whether a row of `values` other than 0 may be the row of several keys (after `shareValues`, or
    /// in an image): until then each key that has values has a row of its own, changed in place.
    private var sharesValues = false
    private(set) var slots = [UInt32](repeating: 0, count: 1024)

    public init() {}

    /// Rebuilds a vocabulary from its keys, heads and values (see `EngineImage`); nil unless every head's
    /// row is in `values` and row 0 is empty.
    init?(arena: [UInt8], heads: [TermHead], values: [TermValues]) {
        guard values.first == TermValues(), heads.allSatisfy({ Int($0.values) < values.count }) else { return nil }
        self.arena = arena
        self.heads = heads
        self.values = values
        sharesValues = true
        var size = 1024
        while size < heads.count * 2 { size *= 2 }
        slots = Self.slots(size: size, arena: arena, heads: heads)
    }

    public var count: Int { heads.count }

    /// The id of `key`, or `unknown`.
    public func id(_ key: String) -> TermID {
        var key = key
        return key.withUTF8 { id($0) }
    }

    /// The id of the key with these UTF-8 bytes, or `unknown`.
    @inline(__always)
    public func id(_ bytes: UnsafeBufferPointer<UInt8>) -> TermID { id(bytes, hash: Self.hash(bytes)) }

    /// `id(_:)` with the key's `hash(_:)` already computed.
    @inline(__always)
    func id(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt32) -> TermID {
        let mask = slots.count - 1
        let tag = hash >> 20
        var slot = Int(hash) & mask
        return arena.withUnsafeBufferPointer { arena in
            while true {
                let value = slots[slot]
                if value == 0 { return Self.unknown }
                if value >> 20 == tag {
                    let id = Int(value & 0xF_FFFF) - 1
                    if equals(heads[id], bytes, arena) { return TermID(id) }
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The entry of an id (the empty entry for `unknown`).
    @inline(__always)
    func entry(_ id: TermID) -> TermEntry { entry(id, head: head(id)) }

    /// The head of an id (the empty head for `unknown`).
    @inline(__always)
    func head(_ id: TermID) -> TermHead { id >= 0 ? heads[Int(id)] : TermHead() }

    /// The entry of an id whose head, `head(id)`, has been read already; for `unknown`, a head that
    /// differs from the empty one in its key length only (the `KeyCache` keeps the key's there).
    @inline(__always)
    func entry(_ id: TermID, head: TermHead) -> TermEntry {
        var entry = TermEntry(head, values[Int(head.values)])
        if id < 0 { entry.keyLength = 0 }
        return entry
    }

    @inline(__always)
    private func equals(_ entry: TermHead, _ bytes: UnsafeBufferPointer<UInt8>, _ arena: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = Int(entry.keyLength), start = Int(entry.keyOffset)
        guard count == bytes.count else { return false }
        guard let base = UnsafeRawPointer(bytes.baseAddress), let arenaBase = UnsafeRawPointer(arena.baseAddress) else { return count == 0 }
        // Keys are short: compare eight bytes at a time, the tail byte by byte.
        var offset = 0
        while offset + 8 <= count {
            if base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                != arenaBase.loadUnaligned(fromByteOffset: start + offset, as: UInt64.self) { return false }
            offset += 8
        }
        while offset < count {
            if bytes[offset] != arena[start + offset] { return false }
            offset += 1
        }
        return true
    }

    /// The key of an id.
    public func key(_ id: TermID) -> String {
        let entry = heads[Int(id)]
        return String(decoding: arena[Int(entry.keyOffset)..<Int(entry.keyOffset) + Int(entry.keyLength)], as: UTF8.self)
    }

    /// The id of `key`, numbering it if it is new; `unknown` for keys longer than an entry can hold
    /// or beyond the vocabulary's capacity (no lexicon term is either).
    mutating func intern(_ key: String) -> TermID {
        var key = key
        return key.withUTF8 { intern($0) }
    }

    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> TermID {
        let known = id(bytes)
        if known >= 0 { return known }
        guard bytes.count <= TermEntry.maximumKeyLength, count < Self.capacity else { return Self.unknown }
        if (count + 1) * 2 > slots.count { grow() }
        let id = TermID(count)
        heads.append(TermHead(keyOffset: UInt32(arena.count), keyLength: UInt8(bytes.count)))
        arena.append(contentsOf: bytes)
        let hash = Self.hash(bytes)
        slots.withUnsafeMutableBufferPointer { Self.place(id, hash: hash, in: $0) }
        return id
    }

    /// Changes the entry of a known id (while the engine is built).
    mutating func update(_ id: TermID, _ change: (inout TermEntry) -> Void) {
        guard id >= 0 else { return }
        var entry = self.entry(id)
        change(&entry)
        var head = heads[Int(id)]
        head.flags = entry.flags
        head.languageWord = entry.languageWord
        let changed = entry.values
        if changed != values[Int(head.values)] {
            if head.values == 0 || sharesValues {
                head.values = UInt32(values.count)
                values.append(changed)
            } else {
                values[Int(head.values)] = changed
            }
        }
        heads[Int(id)] = head
    }

    /// Gives keys with the same values one row of them (in the order of their ids, so that every build
    /// makes the same rows); call once the entries are complete.
    mutating func shareValues() {
        var rows: [TermValues: UInt32] = [TermValues(): 0]
        var shared = [TermValues()]
        for index in heads.indices {
            let row = values[Int(heads[index].values)]
            if let known = rows[row] {
                heads[index].values = known
            } else {
                heads[index].values = UInt32(shared.count)
                rows[row] = heads[index].values
                shared.append(row)
            }
        }
        values = shared
        sharesValues = true
    }

    /// `slots.count` is a power of two, so every probe (masked by `count - 1`) is inside the buffer.
    private static func place(_ id: TermID, hash: UInt32, in slots: UnsafeMutableBufferPointer<UInt32>) {
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = (hash >> 20) << 20 | UInt32(id + 1)
    }

    private mutating func grow() {
        slots = Self.slots(size: slots.count * 2, arena: arena, heads: heads)
    }

    /// A slot table of `size` slots (a power of two) with every entry placed.
    private static func slots(size: Int, arena: [UInt8], heads: [TermHead]) -> [UInt32] {
        var slots = [UInt32](repeating: 0, count: size)
        // Placed through the buffer: each store into the array property checked that it was unique.
        slots.withUnsafeMutableBufferPointer { slots in
            arena.withUnsafeBufferPointer { arena in
                for (id, entry) in heads.enumerated() {
                    let key = UnsafeBufferPointer(rebasing: arena[Int(entry.keyOffset)..<Int(entry.keyOffset) + Int(entry.keyLength)])
                    place(TermID(id), hash: hash(key), in: slots)
                }
            }
        }
        return slots
    }

    /// A fast multiplicative hash over eight bytes at a time (keys are short; no need for SipHash here).
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let base = UnsafeRawPointer(bytes.baseAddress) else { return UInt32(truncatingIfNeeded: hash >> 32) }
        var offset = 0
        while offset + 8 <= bytes.count {
            hash = (hash ^ base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 29
            offset += 8
        }
        if offset < bytes.count {
            // The last one to seven bytes: in a key of eight or more, the last word (overlapping the
            // bytes before them), else the short key's word; no loop over the bytes either way.
            let count = bytes.count
            let tail = count >= 8 ? base.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self) : shortWord(bytes)
            hash = (hash ^ tail) &* 0xC4CE_B9FE_1A85_EC53
            hash ^= hash >> 32
        }
        hash = (hash ^ (hash >> 31)) &* 0x9E37_79B9_7F4A_7C15
        return UInt32(truncatingIfNeeded: hash >> 32)
    }

    /// The bytes of a key of 1...7 bytes in one word, from loads that stay inside the key and overlap
    /// where its length is no multiple of theirs (no call to copy them, no loop over the bytes):
    /// together with the length they tell every such key apart.
    @inline(__always)
    static func shortWord(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let count = bytes.count
        guard count >= 4, let base = UnsafeRawPointer(bytes.baseAddress) else {
            // One to three bytes: the first, the middle and the last cover them all.
            return count == 0 ? 0 : UInt64(bytes[0]) | UInt64(bytes[count / 2]) << 8 | UInt64(bytes[count - 1]) << 16
        }
        return UInt64(base.loadUnaligned(as: UInt32.self)) | UInt64(base.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)) << 32
    }
}
