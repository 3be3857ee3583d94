/// The unconsumed part of a `ByteSource`: at least the record being parsed, refilled chunk by chunk.
///
/// Consumed bytes are dropped before each refill, so memory holds one chunk plus the longest record,
/// however long the input.
struct InputWindow {
    private let source: ByteSource
    private var bytes: [UInt8] = []
    /// Index in `bytes` of the first unconsumed byte.
    private var start = 0
    /// Whether the source has no more bytes to give.
    private(set) var atEnd = false

    init(source: ByteSource, chunkSize: Int) {
        self.source = source
        bytes.reserveCapacity(max(chunkSize, 64) * 2)
    }

    /// Whether every byte has been consumed and the source is exhausted.
    var isExhausted: Bool { atEnd && start == bytes.count }

    /// Calls `body` with the unconsumed bytes.
    func withRemaining<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start...])) }
    }

    /// Marks the first `count` unconsumed bytes as consumed.
    mutating func consume(_ count: Int) {
        start += count
    }

    /// Appends the next chunk (dropping consumed bytes first); sets `atEnd` when nothing more comes.
    mutating func fill() throws {
        guard !atEnd else { return }
        if start > 0 {
            bytes.removeSubrange(0..<start)
            start = 0
        }
        if try !source.read(appendingTo: &bytes) { atEnd = true }
    }

    /// Fills until at least `count` bytes are unconsumed or the source is exhausted.
    mutating func fill(toAtLeast count: Int) throws {
        while !atEnd, bytes.count - start < count { try fill() }
    }
}
