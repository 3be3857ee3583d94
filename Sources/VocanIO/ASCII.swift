/// Byte constants and tests for the ASCII structure of inputs (delimiters, quotes, line ends).
enum ASCII {
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let tab = UInt8(ascii: "\t")
    static let space = UInt8(ascii: " ")
    static let quote = UInt8(ascii: "\"")
    static let backslash = UInt8(ascii: "\\")
    static let comma = UInt8(ascii: ",")
    static let semicolon = UInt8(ascii: ";")

    /// Space, tab, CR, LF, vertical tab and form feed.
    @inline(__always)
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == space || (byte >= 0x09 && byte <= 0x0D)
    }

    /// `bytes` without leading and trailing ASCII whitespace.
    @inline(__always)
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var lower = 0
        var upper = bytes.count
        while lower < upper, isWhitespace(bytes[lower]) { lower += 1 }
        while upper > lower, isWhitespace(bytes[upper - 1]) { upper -= 1 }
        return UnsafeBufferPointer(rebasing: bytes[lower..<upper])
    }

    /// The index of the first `a` or `b` in `bytes` from `start` on, or `bytes.count` when there is none.
    ///
    /// Tests eight bytes at a time: the parsers spend most of their time looking for the next quote,
    /// delimiter or line end in comment text, and a byte-by-byte loop was most of their cost.
    @inline(__always)
    static func firstIndex(of a: UInt8, or b: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return start }
        let count = bytes.count
        let spreadA = UInt64(a) &* 0x0101_0101_0101_0101, spreadB = UInt64(b) &* 0x0101_0101_0101_0101
        func hits(at index: Int) -> UInt64 {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            return zeroBytes(word ^ spreadA) | zeroBytes(word ^ spreadB)
        }
        var index = start
        // Two words per round: comment text is long, and this took a fifth fewer instructions than one.
        while index + 16 <= count {
            let low = hits(at: index), high = hits(at: index + 8)
            if low | high != 0 {
                return index + (low != 0 ? low.trailingZeroBitCount >> 3 : 8 + high.trailingZeroBitCount >> 3)
            }
            index += 16
        }
        if index + 8 <= count {
            let found = hits(at: index)
            if found != 0 { return index + found.trailingZeroBitCount >> 3 }
            index += 8
        }
        while index < count, base[index] != a, base[index] != b { index += 1 }
        return index
    }

    /// The high bit set in each byte of `word` that is zero. A byte above a zero byte may be flagged
    /// too (the subtraction borrows), but the lowest flag always marks the first zero byte.
    @inline(__always)
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
    }

    /// Whether every byte of `bytes` is in 0x01–0x7F: ASCII without NUL, so valid UTF-8 as it is.
    @inline(__always)
    static func isNonzeroASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let count = bytes.count
        guard count >= 8 else { return bytes.allSatisfy { $0 &- 1 < 0x7F } }
        // A zero byte borrows and a byte from 0x80 up has its high bit set; the last word may overlap.
        func flags(at index: Int) -> UInt64 {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            return (word &- 0x0101_0101_0101_0101) | word
        }
        var seen = flags(at: count - 8)
        var index = 0
        while index + 8 < count {
            seen |= flags(at: index)
            index += 8
        }
        return seen & 0x8080_8080_8080_8080 == 0
    }
}
