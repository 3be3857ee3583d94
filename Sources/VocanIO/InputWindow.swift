/// The unconsumed part of a `ByteSource`: at least the record being parsed, refilled chunk by chunk.
///
/// Consumed bytes are dropped before each refill, so memory holds one chunk plus the longest record,
/// however long the input. `remaining` is a plain pointer (valid until the next `fill()`), so parsers
/// don't hold an access open through a closure for every record.
struct InputWindow {
    /// Owns the buffer memory; the window itself only keeps positions.
    private final class Allocation {
        var pointer: UnsafeMutablePointer<UInt8>
        var capacity: Int

        init(capacity: Int) {
            pointer = .allocate(capacity: capacity)
            self.capacity = capacity
        }

        deinit { pointer.deallocate() }
    }

    private let source: ByteSource
    private let allocation: Allocation
    private var base: UnsafeMutablePointer<UInt8>
    /// Index of the first unconsumed byte.
    private var start = 0
    /// Index after the last byte read.
    private var end = 0
    /// Decoded bytes from the source before they're copied into the buffer.
    private var incoming: [UInt8] = []
    /// Whether the source has no more bytes to give.
    private(set) var atEnd = false

    init(source: ByteSource, chunkSize: Int) {
        self.source = source
        allocation = Allocation(capacity: max(chunkSize, 64) * 2)
        base = allocation.pointer
    }

    /// Whether every byte has been consumed and the source is exhausted.
    var isExhausted: Bool { atEnd && start == end }

    /// The unconsumed bytes; valid until the next `fill()`.
    var remaining: UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: base + start, count: end - start)
    }

    /// Marks the first `count` unconsumed bytes as consumed.
    mutating func consume(_ count: Int) {
        start += count
    }

    /// Appends the next chunk (dropping consumed bytes first); sets `atEnd` when nothing more comes.
    mutating func fill() throws {
        guard !atEnd else { return }
        if source.passesBytesThrough {
            // Read straight into the buffer: through `incoming`, each byte of the input was copied twice.
            makeRoom(for: source.chunkSize)
            let count = try source.read(into: base + end)
            if count == 0 { atEnd = true }
            end += count
            return
        }
        incoming.removeAll(keepingCapacity: true)
        guard try source.read(appendingTo: &incoming) else {
            atEnd = true
            return
        }
        makeRoom(for: incoming.count)
        incoming.withUnsafeBufferPointer { chunk in
            if let bytes = chunk.baseAddress { (base + end).update(from: bytes, count: chunk.count) }
        }
        end += incoming.count
    }

    /// Drops the consumed bytes, growing the buffer when `count` more would not fit after the others.
    private mutating func makeRoom(for count: Int) {
        let kept = end - start
        if kept + count > allocation.capacity {
            let capacity = max(allocation.capacity * 2, kept + count)
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            grown.update(from: base + start, count: kept)
            allocation.pointer.deallocate()
            allocation.pointer = grown
            allocation.capacity = capacity
            base = grown
        } else if start > 0 {
            base.update(from: base + start, count: kept)
        }
        start = 0
        end = kept
    }

    /// Fills until at least `count` bytes are unconsumed or the source is exhausted.
    mutating func fill(toAtLeast count: Int) throws {
        while !atEnd, end - start < count { try fill() }
    }
}
