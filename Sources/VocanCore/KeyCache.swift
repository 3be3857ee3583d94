/// The ids and entries of recent keys, per analyzer, in front of the vocabulary, whose megabytes of
/// slots, heads and keys cost about three cache misses per token. The words of comments repeat, so
/// most tokens hit here; keys longer than 16 bytes always go to the vocabulary.
///
/// Two-way set-associative: 4,096 sets of two 32-byte slots, each set one 64-byte cache line (256 KiB
/// in all), so a lookup reads one line, and a key shares its set with one other before it is evicted.
/// A slot holds the key's `TermHead`, not its whole entry: its `TermValues` come from the vocabulary's
/// shared rows, of which the common words use few. The most recently used slot of a set comes first.
///
/// A class over one allocation, so that a lookup (one per token) writes its slot without the
/// uniqueness check of an array and its owner need not take it out of a property to do so.
final class KeyCache {
    private struct Slot {
        /// The key's bytes as `pack` reads them.
        var key: (UInt64, UInt64) = (0, 0)
        /// The key's head in the vocabulary; for unknown keys an empty head with the key's length.
        /// A length of 0 marks an empty slot (no key is empty).
        var head = TermHead()
        var id: TermID = Vocabulary.unknown
    }

    private static let sets = 4096
    static let maximumKeyLength = 16
    /// `2 * sets` slots, aligned to cache lines.
    private let slots: UnsafeMutablePointer<Slot>

    init() {
        // Two slots to a cache line: a slot must take exactly half of one.
        precondition(MemoryLayout<Slot>.stride == 32, "KeyCache slots must be 32 bytes")
        let memory = UnsafeMutableRawPointer.allocate(byteCount: 2 * Self.sets * MemoryLayout<Slot>.stride, alignment: 64)
        slots = memory.initializeMemory(as: Slot.self, repeating: Slot(), count: 2 * Self.sets)
    }

    deinit {
        slots.deinitialize(count: 2 * Self.sets)
        UnsafeMutableRawPointer(slots).deallocate()
    }

    /// The id and entry of `key` (unknown keys included), from the cache or from `vocabulary`.
    @inline(__always)
    func lookup(_ key: UnsafeBufferPointer<UInt8>, in vocabulary: Vocabulary) -> (TermID, TermEntry) {
        let hash = Vocabulary.hash(key)
        guard key.count <= Self.maximumKeyLength, !key.isEmpty else {
            let id = vocabulary.id(key, hash: hash)
            return (id, vocabulary.entry(id))
        }
        let packed = Self.pack(key), length = UInt8(key.count)
        // Masked to the set count: always in bounds.
        let set = slots + 2 * (Int(hash) & (Self.sets - 1))
        let first = set[0]
        if first.head.keyLength == length, first.key == packed { return (first.id, vocabulary.entry(first.id, head: first.head)) }
        let second = set[1]
        set[1] = first
        if second.head.keyLength == length, second.key == packed {
            set[0] = second
            return (second.id, vocabulary.entry(second.id, head: second.head))
        }
        let id = vocabulary.id(key, hash: hash)
        var head = vocabulary.head(id)
        if id < 0 { head.keyLength = length }
        set[0] = Slot(key: packed, head: head, id: id)
        return (id, vocabulary.entry(id, head: head))
    }

    /// The bytes of a key of 1...16 bytes in two words: for eight or more, its first and last word
    /// (overlapping where its length is no multiple of eight), else `Vocabulary.shortWord`. Together
    /// with the length, which the slot also compares, they tell every key apart.
    @inline(__always)
    private static func pack(_ key: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        let count = key.count
        guard count >= 8, let base = UnsafeRawPointer(key.baseAddress) else { return (Vocabulary.shortWord(key), 0) }
        return (base.loadUnaligned(as: UInt64.self), base.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self))
    }
}
