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
    private(set) var nextLine = 1
    private var searched = 0

    init(window: InputWindow) {
        self.window = window
    }

    /// Calls `body` with the next line (line end removed) and its number; returns `nil` at the end of input.
    mutating func next<Result>(_ body: (UnsafeBufferPointer<UInt8>, Int) throws -> Result) throws -> Result? {
        while true {
            let from = searched
            let atEnd = window.atEnd
            let found: (length: Int, consumed: Int)? = window.withRemaining { bytes in
                guard from < bytes.count, let base = bytes.baseAddress else {
                    return atEnd && !bytes.isEmpty ? Self.trim(bytes, end: bytes.count) : nil
                }
                if let hit = memchr(base + from, Int32(ASCII.lineFeed), bytes.count - from) {
                    let index = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    return (Self.trim(bytes, end: index).length, index + 1)
                }
                return atEnd ? Self.trim(bytes, end: bytes.count) : nil
            }
            if let found {
                let number = nextLine
                let result = try window.withRemaining { try body(UnsafeBufferPointer(rebasing: $0[0..<found.length]), number) }
                window.consume(found.consumed)
                nextLine += 1
                searched = 0
                return result
            }
            if window.isExhausted { return nil }
            searched = window.withRemaining(\.count)
            try window.fill()
        }
    }

    /// The line ending at `end`, without a final CR, and the bytes consumed.
    private static func trim(_ bytes: UnsafeBufferPointer<UInt8>, end: Int) -> (length: Int, consumed: Int) {
        let length = end > 0 && bytes[end - 1] == ASCII.carriageReturn ? end - 1 : end
        return (length, end)
    }
}
