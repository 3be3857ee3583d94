#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits an `InputWindow` into physical lines (LF or CRLF), numbering them from 1.
///
/// The search resumes where it stopped when a line spans a chunk boundary, so long lines cost one pass.
struct LineSource {
    private var window: InputWindow
    /// The number the next line will have.
    private var nextNumber = 1
    private var searched = 0
    /// Bytes of the line handed out last, consumed when the next one is asked for.
    private var handedOut = 0

    init(window: InputWindow) {
        self.window = window
    }

    /// The next line (line end removed; valid until the next call) and its number, or `nil` at the end.
    mutating func next() throws -> (line: UnsafeBufferPointer<UInt8>, number: Int)? {
        window.consume(handedOut)
        handedOut = 0
        while true {
            let bytes = window.remaining
            if searched < bytes.count, let base = bytes.baseAddress,
               let hit = memchr(base + searched, Int32(ASCII.lineFeed), bytes.count - searched) {
                let index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                return handOut(bytes, end: index, consumed: index + 1)
            }
            if window.atEnd {
                return bytes.isEmpty ? nil : handOut(bytes, end: bytes.count, consumed: bytes.count)
            }
            searched = bytes.count
            try window.fill()
        }
    }

    private mutating func handOut(
        _ bytes: UnsafeBufferPointer<UInt8>, end: Int, consumed: Int
    ) -> (line: UnsafeBufferPointer<UInt8>, number: Int) {
        let length = end > 0 && bytes[end - 1] == ASCII.carriageReturn ? end - 1 : end
        handedOut = consumed
        searched = 0
        defer { nextNumber += 1 }
        return (UnsafeBufferPointer(rebasing: bytes[0..<length]), nextNumber)
    }
}
