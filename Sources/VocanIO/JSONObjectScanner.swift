/// Validates one line of JSON Lines as a JSON object and finds the values of a few top-level keys.
///
/// Hand-written because `JSONSerialization` took 0.24 s per 100,000 lines of ~140 bytes in a release build,
/// more than the reader's share of the time budget, and because it builds every value when only up to five
/// are needed. Nested values are validated and skipped; strings keep their escapes until a value is used.
struct JSONObjectScanner {
    /// Where a captured value is in the line.
    enum Value: Equatable {
        case absent
        case null
        /// The bytes between the quotes; `escaped` when they contain a backslash.
        case string(Range<Int>, escaped: Bool)
        /// A number, `true` or `false`, as written.
        case literal(Range<Int>)
        /// An object or array, as written.
        case nested(Range<Int>)
    }

    /// A line that isn't a JSON object: `message` says where, e.g. `unexpected character 'x' at column 12`.
    struct SyntaxError: Error {
        var message: String
    }

    /// The keys to capture, indexed like `values`, as UTF-8 with ASCII letters in lower case.
    var targets: [[UInt8]?] = [] {
        didSet {
            values = [Value](repeating: .absent, count: targets.count)
            targetBytes = []
            targetSpans = []
            for (slot, target) in targets.enumerated() {
                guard let target else { continue }
                targetSpans.append((slot, targetBytes.count..<(targetBytes.count + target.count)))
                targetBytes += target
            }
        }
    }
    /// Whether `scan` also lists every top-level key in `keys`.
    var collectsKeys = false
    /// The captured values of the last scan, indexed like `targets`.
    private(set) var values: [Value] = []
    /// The top-level keys (string contents) of the last scan made with `collectsKeys` set.
    private(set) var keys: [Value] = []
    /// `targets` end to end, and where each one is: matching a key then retains no nested arrays.
    private var targetBytes: [UInt8] = []
    private var targetSpans: [(slot: Int, range: Range<Int>)] = []
    private var keyScratch: [UInt8] = []

    private static let maximumDepth = 512

    /// Scans `line` (one complete JSON text) and captures the target keys' values.
    mutating func scan(_ line: UnsafeBufferPointer<UInt8>) throws(SyntaxError) {
        values.withUnsafeMutableBufferPointer { $0.update(repeating: .absent) }
        if collectsKeys { keys.removeAll(keepingCapacity: true) }
        var index = 0
        Self.skipWhitespace(line, &index)
        guard index < line.count, line[index] == UInt8(ascii: "{") else {
            throw SyntaxError(message: "expected an object")
        }
        index += 1
        Self.skipWhitespace(line, &index)
        if index < line.count, line[index] == UInt8(ascii: "}") {
            index += 1
        } else {
            while true {
                guard index < line.count, line[index] == ASCII.quote else { throw Self.unexpected(line, index) }
                let key = try Self.scanString(line, &index)
                Self.skipWhitespace(line, &index)
                guard index < line.count, line[index] == UInt8(ascii: ":") else { throw Self.unexpected(line, index) }
                index += 1
                Self.skipWhitespace(line, &index)
                let value = try Self.scanValue(line, &index, depth: 1)
                if collectsKeys { keys.append(key) }
                if let slot = targetIndex(of: key, in: line) { values[slot] = value }
                Self.skipWhitespace(line, &index)
                guard index < line.count else { throw Self.unexpected(line, index) }
                if line[index] == UInt8(ascii: ",") {
                    index += 1
                    Self.skipWhitespace(line, &index)
                } else if line[index] == UInt8(ascii: "}") {
                    index += 1
                    break
                } else {
                    throw Self.unexpected(line, index)
                }
            }
        }
        Self.skipWhitespace(line, &index)
        guard index == line.count else {
            throw SyntaxError(message: "unexpected data after the object at column \(index + 1)")
        }
    }

    /// The content of a string value (quotes excluded) with escapes resolved, written to `output`.
    ///
    /// `bytes` must have passed `scan`. An unpaired surrogate escape becomes a NUL byte, so the record
    /// is rejected as undecodable like an unpaired surrogate in UTF-16 input.
    static func unescape(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        output.removeAll(keepingCapacity: true)
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            // Copy the run up to the next backslash at once: escapes are few, even in escaped strings.
            let run = index
            index = ASCII.firstIndex(of: ASCII.backslash, or: ASCII.quote, in: bytes, from: index)
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
            guard index < bytes.count else { return }
            let byte = bytes[index]
            index += 1
            guard byte == UInt8(ascii: "\\"), index < bytes.count else {
                output.append(byte)
                continue
            }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "b"): output.append(0x08)
            case UInt8(ascii: "f"): output.append(0x0C)
            case UInt8(ascii: "n"): output.append(0x0A)
            case UInt8(ascii: "r"): output.append(0x0D)
            case UInt8(ascii: "t"): output.append(0x09)
            case UInt8(ascii: "u"):
                let unit = hexValue(bytes, index)
                index += 4
                if (0xD800...0xDBFF).contains(unit), index + 5 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                   bytes[index + 1] == UInt8(ascii: "u") {
                    let low = hexValue(bytes, index + 2)
                    if (0xDC00...0xDFFF).contains(low) {
                        index += 6
                        UTF8.appendScalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00), to: &output)
                        continue
                    }
                }
                if (0xD800...0xDFFF).contains(unit) {
                    output.append(0)
                } else {
                    UTF8.appendScalar(unit, to: &output)
                }
            default: output.append(escape)
            }
        }
    }

    // MARK: - Scanning

    /// Which target `key` (a `.string` value) matches, comparing ASCII letters case-insensitively.
    private mutating func targetIndex(of key: Value, in line: UnsafeBufferPointer<UInt8>) -> Int? {
        guard case .string(let range, let escaped) = key else { return nil }
        if escaped {
            Self.unescape(UnsafeBufferPointer(rebasing: line[range]), into: &keyScratch)
            return keyScratch.withUnsafeBufferPointer { firstTarget(matching: $0) }
        }
        return firstTarget(matching: UnsafeBufferPointer(rebasing: line[range]))
    }

    private func firstTarget(matching key: UnsafeBufferPointer<UInt8>) -> Int? {
        targetBytes.withUnsafeBufferPointer { bytes in
            for (slot, range) in targetSpans where range.count == key.count {
                var offset = 0
                // Keys are usually written as the targets are (lower case), so fold only on a mismatch.
                while offset < key.count, key[offset] == bytes[range.lowerBound + offset]
                    || Self.foldCase(key[offset]) == bytes[range.lowerBound + offset] {
                    offset += 1
                }
                if offset == key.count { return slot }
            }
            return nil
        }
    }

    /// `byte` with ASCII upper-case letters made lower-case.
    @inline(__always)
    static func foldCase(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    private static func scanValue(
        _ line: UnsafeBufferPointer<UInt8>, _ index: inout Int, depth: Int
    ) throws(SyntaxError) -> Value {
        guard index < line.count else { throw unexpected(line, index) }
        let start = index
        switch line[index] {
        case ASCII.quote:
            return try scanString(line, &index)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            guard depth < maximumDepth else { throw SyntaxError(message: "nested too deeply at column \(index + 1)") }
            try skipContainer(line, &index, depth: depth)
            return .nested(start..<index)
        case UInt8(ascii: "t"):
            try expectWord("true", line, &index)
            return .literal(start..<index)
        case UInt8(ascii: "f"):
            try expectWord("false", line, &index)
            return .literal(start..<index)
        case UInt8(ascii: "n"):
            try expectWord("null", line, &index)
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try scanNumber(line, &index)
            return .literal(start..<index)
        default:
            throw unexpected(line, index)
        }
    }

    /// Skips an object or array starting at `index`, validating everything inside.
    private static func skipContainer(
        _ line: UnsafeBufferPointer<UInt8>, _ index: inout Int, depth: Int
    ) throws(SyntaxError) {
        let isObject = line[index] == UInt8(ascii: "{")
        let close = isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")
        index += 1
        skipWhitespace(line, &index)
        if index < line.count, line[index] == close {
            index += 1
            return
        }
        while true {
            if isObject {
                guard index < line.count, line[index] == ASCII.quote else { throw unexpected(line, index) }
                _ = try scanString(line, &index)
                skipWhitespace(line, &index)
                guard index < line.count, line[index] == UInt8(ascii: ":") else { throw unexpected(line, index) }
                index += 1
                skipWhitespace(line, &index)
            }
            _ = try scanValue(line, &index, depth: depth + 1)
            skipWhitespace(line, &index)
            guard index < line.count else { throw unexpected(line, index) }
            if line[index] == UInt8(ascii: ",") {
                index += 1
                skipWhitespace(line, &index)
            } else if line[index] == close {
                index += 1
                return
            } else {
                throw unexpected(line, index)
            }
        }
    }

    private static func skipWhitespace(_ line: UnsafeBufferPointer<UInt8>, _ index: inout Int) {
        while index < line.count {
            let byte = line[index]
            guard byte == ASCII.space || byte == ASCII.tab || byte == ASCII.carriageReturn || byte == ASCII.lineFeed else {
                return
            }
            index += 1
        }
    }

    /// Scans a string starting at its opening quote; control characters inside are tolerated.
    private static func scanString(_ line: UnsafeBufferPointer<UInt8>, _ index: inout Int) throws(SyntaxError) -> Value {
        index += 1
        let start = index
        var escaped = false
        while true {
            index = ASCII.firstIndex(of: ASCII.quote, or: ASCII.backslash, in: line, from: index)
            guard index < line.count else { break }
            if line[index] == ASCII.quote {
                index += 1
                return .string(start..<(index - 1), escaped: escaped)
            }
            escaped = true
            index += 1
            guard index < line.count else { break }
            switch line[index] {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                 UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                index += 1
            case UInt8(ascii: "u"):
                guard index + 4 < line.count, (1...4).allSatisfy({ isHexDigit(line[index + $0]) }) else {
                    throw SyntaxError(message: "invalid \\u escape at column \(index)")
                }
                index += 5
            default:
                throw SyntaxError(message: "invalid escape at column \(index)")
            }
        }
        throw SyntaxError(message: "unterminated string")
    }

    private static func scanNumber(_ line: UnsafeBufferPointer<UInt8>, _ index: inout Int) throws(SyntaxError) {
        let start = index
        // Made only when thrown: building the message for every number cost ~500 instructions.
        func invalid() -> SyntaxError { SyntaxError(message: "invalid number at column \(start + 1)") }
        if line[index] == UInt8(ascii: "-") { index += 1 }
        guard index < line.count, isDigit(line[index]) else { throw invalid() }
        if line[index] == UInt8(ascii: "0") {
            index += 1
        } else {
            skipDigits(line, &index)
        }
        if index < line.count, line[index] == UInt8(ascii: ".") {
            index += 1
            guard index < line.count, isDigit(line[index]) else { throw invalid() }
            skipDigits(line, &index)
        }
        if index < line.count, line[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < line.count, line[index] == UInt8(ascii: "+") || line[index] == UInt8(ascii: "-") { index += 1 }
            guard index < line.count, isDigit(line[index]) else { throw invalid() }
            skipDigits(line, &index)
        }
    }

    private static func expectWord(_ word: StaticString, _ line: UnsafeBufferPointer<UInt8>, _ index: inout Int) throws(SyntaxError) {
        let start = index
        let bytes = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        for byte in bytes {
            guard index < line.count, line[index] == byte else {
                throw SyntaxError(message: "invalid literal at column \(start + 1)")
            }
            index += 1
        }
    }

    private static func skipDigits(_ line: UnsafeBufferPointer<UInt8>, _ index: inout Int) {
        while index < line.count, isDigit(line[index]) { index += 1 }
    }

    @inline(__always)
    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "f"))
    }

    private static func hexValue(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int) -> UInt32 {
        var value: UInt32 = 0
        for offset in 0..<4 where start + offset < bytes.count {
            let byte = bytes[start + offset]
            value = value << 4 | UInt32(isDigit(byte) ? byte - UInt8(ascii: "0") : (byte | 0x20) - UInt8(ascii: "a") + 10)
        }
        return value
    }

    private static func unexpected(_ line: UnsafeBufferPointer<UInt8>, _ index: Int) -> SyntaxError {
        guard index < line.count else { return SyntaxError(message: "unexpected end of line") }
        let byte = line[index]
        let shown = byte >= 0x20 && byte < 0x7F
            ? "character '\(Character(Unicode.Scalar(byte)))'"
            : "byte 0x\(String(byte, radix: 16, uppercase: true))"
        return SyntaxError(message: "unexpected \(shown) at column \(index + 1)")
    }
}
