#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The number of a folded key in the engine's `Vocabulary`.
public typealias TermID = Int32

/// Every key any lexicon of the engine knows, numbered, so that a token is hashed once (straight from
/// its key bytes, no string) and every table after that is looked up by number.
///
/// An open-addressing hash table over one byte arena: ids are dense (0, 1, 2...), key `i` is
/// `arena[ends[i - 1]..<ends[i]]`, and `slots` holds ids (or -1) at their hash positions.
public struct Vocabulary: Sendable {
    /// The id of keys no lexicon knows; it matches nothing.
    public static let unknown: TermID = -1
    private(set) var arena: [UInt8] = []
    private(set) var ends: [Int32] = []
    private(set) var hashes: [UInt32] = []
    private(set) var slots: [TermID] = Array(repeating: -1, count: 1024)

    public init() {}

    /// Rebuilds a vocabulary from its stored parts (see `EngineImage`).
    init(arena: [UInt8], ends: [Int32], hashes: [UInt32], slots: [TermID]) {
        self.arena = arena
        self.ends = ends
        self.hashes = hashes
        self.slots = slots
    }

    public var count: Int { ends.count }

    /// The id of `key`, or `unknown`.
    public func id(_ key: String) -> TermID {
        var key = key
        return key.withUTF8 { id($0) }
    }

    /// The id of the key with these UTF-8 bytes, or `unknown`.
    public func id(_ bytes: UnsafeBufferPointer<UInt8>) -> TermID {
        let hash = Self.hash(bytes)
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        return arena.withUnsafeBufferPointer { arena in
            while true {
                let id = slots[slot]
                if id < 0 { return Self.unknown }
                if hashes[Int(id)] == hash, equals(Int(id), bytes, arena) { return id }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The id of the key in `bytes[range]`.
    public func id(_ bytes: [UInt8], _ range: Range<Int>) -> TermID {
        bytes.withUnsafeBufferPointer { id(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    private func equals(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ arena: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = id == 0 ? 0 : Int(ends[id - 1])
        let end = Int(ends[id])
        guard end - start == bytes.count else { return false }
        guard let base = bytes.baseAddress, let arenaBase = arena.baseAddress else { return bytes.isEmpty }
        return memcmp(arenaBase + start, base, bytes.count) == 0
    }

    /// The key of an id.
    public func key(_ id: TermID) -> String {
        let start = id == 0 ? 0 : Int(ends[Int(id) - 1])
        return String(decoding: arena[start..<Int(ends[Int(id)])], as: UTF8.self)
    }

    /// The id of `key`, numbering it if it is new.
    mutating func intern(_ key: String) -> TermID {
        var key = key
        return key.withUTF8 { intern($0) }
    }

    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> TermID {
        let known = id(bytes)
        if known >= 0 { return known }
        if (count + 1) * 2 > slots.count { grow() }
        let id = TermID(count)
        let hash = Self.hash(bytes)
        arena.append(contentsOf: bytes)
        ends.append(Int32(arena.count))
        hashes.append(hash)
        place(id, hash: hash)
        return id
    }

    private mutating func place(_ id: TermID, hash: UInt32) {
        let mask = slots.count - 1
        var slot = Int(hash) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = id
    }

    private mutating func grow() {
        slots = Array(repeating: -1, count: slots.count * 2)
        for id in 0..<count { place(TermID(id), hash: hashes[id]) }
    }

    /// A fast multiplicative hash over eight bytes at a time (keys are short; no need for SipHash here).
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
            var tail: UInt64 = 0
            for index in offset..<bytes.count { tail = tail << 8 | UInt64(bytes[index]) }
            hash = (hash ^ tail) &* 0xC4CE_B9FE_1A85_EC53
            hash ^= hash >> 32
        }
        hash = (hash ^ (hash >> 31)) &* 0x9E37_79B9_7F4A_7C15
        return UInt32(truncatingIfNeeded: hash >> 32)
    }
}
