/// Writes JSON straight into a byte buffer: the one JSON encoder of vocan's outputs (JSONL records,
/// the JSON summary, rejects). Foundation's `JSONEncoder` is many times too slow for the throughput
/// target, and vocan only writes objects whose shape it knows.
///
/// The writer owns its buffer (it cannot be copied), writes through a pointer, and keeps the comma
/// state of up to 64 nesting levels in one integer, so writing a field costs a few stores.
public struct JSONWriter: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int
    /// Per open object or array (a bit per nesting level): does the next value need a comma?
    private var needsComma: UInt64 = 0
    private var depth = 0
    private static let maximumDepth = 63

    public init(capacity: Int = 1024) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// The JSON written so far.
    public var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

    /// The JSON written so far, without copying it.
    public func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(UnsafeRawBufferPointer(start: base, count: count))
    }

    /// Empties the buffer, keeping its capacity.
    public mutating func reset() {
        count = 0
        needsComma = 0
        depth = 0
    }

    @inline(__always)
    public mutating func beginObject() { separate(); append(0x7B); open() }
    @inline(__always)
    public mutating func endObject() { depth -= 1; append(0x7D) }
    @inline(__always)
    public mutating func beginArray() { separate(); append(0x5B); open() }
    @inline(__always)
    public mutating func endArray() { depth -= 1; append(0x5D) }

    /// Writes `"name":` for a name known only at run time; the next value belongs to it.
    public mutating func key(_ name: String) {
        separate()
        writeString(name)
        append(0x3A)
        valueFollows()
    }

    /// Writes `"name":` for a literal name (no escaping needed, no String built).
    @inline(__always)
    public mutating func field(_ name: StaticString) {
        separate()
        reserve(name.utf8CodeUnitCount + 3)
        base[count] = 0x22
        count += 1
        name.withUTF8Buffer { appendUnchecked($0) }
        base[count] = 0x22
        base[count + 1] = 0x3A
        count += 2
        valueFollows()
    }

    public mutating func string(_ value: String) { separate(); writeString(value) }

    public mutating func string(_ value: Substring) {
        separate()
        var value = value
        value.withUTF8 { writeString($0) }
    }

    /// A literal string that needs no escaping (names of labels, rules, emotions).
    @inline(__always)
    public mutating func string(_ value: StaticString) {
        separate()
        reserve(value.utf8CodeUnitCount + 2)
        base[count] = 0x22
        count += 1
        value.withUTF8Buffer { appendUnchecked($0) }
        base[count] = 0x22
        count += 1
    }

    /// Bytes that are already JSON (a constant fragment such as an all-zero object).
    public mutating func fragment(_ json: StaticString) {
        separate()
        json.withUTF8Buffer { append($0) }
    }

    public mutating func null() { separate(); append(bytesOf: "null") }

    public mutating func bool(_ value: Bool) { separate(); append(bytesOf: value ? "true" : "false") }

    public mutating func int(_ value: Int) {
        separate()
        rawInt(value)
    }

    /// A number rounded to `decimals` places (half away from zero, at most 3), without trailing zeros
    /// (`-0.62`, `3`, `0.05`).
    public mutating func number(_ value: Double, decimals: Int = 3) {
        separate()
        rawNumber(value, decimals: decimals)
    }

    /// A value read from an input field: a JSON number when it is one (`9`, `4.5`), else a string.
    public mutating func raw(_ value: String) {
        separate()
        rawScalar(value)
    }

    /// Ends a JSONL line.
    public mutating func newline() { append(0x0A) }

    // MARK: - Values without separators
    //
    // The shapes vocan writes (JSONAnalysis) know where their commas go: after one `separate()` they
    // write their inside with these, literal punctuation included.

    /// Starts a value that writes its inside itself: the comma before it, where one is due.
    @inline(__always)
    mutating func beginValue() { separate() }

    /// `raw(_:)` of an input field without a separator.
    mutating func rawScalar(_ value: String) {
        if Self.isJSONNumber(value) {
            var value = value
            value.withUTF8 { append($0) }
        } else {
            writeString(value)
        }
    }

    /// Bytes that are already JSON, written as they are (`,"start":`).
    @inline(__always)
    mutating func literal(_ json: StaticString) { json.withUTF8Buffer { append($0) } }

    /// A quoted, escaped string without a separator.
    mutating func rawString(_ value: String) { writeString(value) }

    mutating func rawString(_ value: Substring) {
        if value.utf8.withContiguousStorageIfAvailable({ writeString($0) }) != nil { return }
        var value = value
        value.withUTF8 { writeString($0) }
    }

    /// A literal string that needs no escaping, quoted, without a separator.
    @inline(__always)
    mutating func rawString(_ value: StaticString) {
        reserve(value.utf8CodeUnitCount + 2)
        base[count] = 0x22
        count += 1
        value.withUTF8Buffer { appendUnchecked($0) }
        base[count] = 0x22
        count += 1
    }

    mutating func rawInt(_ value: Int) {
        reserve(21)
        if value < 0 {
            base[count] = 0x2D
            count += 1
        }
        appendDigits(value.magnitude)
    }

    /// `number(_:decimals:)` without a separator.
    mutating func rawNumber(_ value: Double, decimals: Int) {
        let scale = decimals >= 3 ? 1000.0 : decimals == 2 ? 100.0 : decimals == 1 ? 10.0 : 1.0
        let scaledValue = abs(value) * scale
        guard value.isFinite, scaledValue < 1e18 else { return append(bytesOf: "null") }
        // Rounding by truncation and the exact remainder: the same as `rounded()`, without a libm call.
        let truncated = UInt(scaledValue)
        let scaled = scaledValue - Double(truncated) >= 0.5 ? truncated + 1 : truncated
        reserve(28)
        if scaled != 0 && value < 0 {
            base[count] = 0x2D
            count += 1
        }
        // The fraction's digits after a dot, without trailing zeros (0.625, 0.05, 0.5); constant
        // divisors per precision, so no division instruction is needed.
        switch decimals {
        case ...0:
            appendDigits(scaled)
        case 1:
            appendDigits(scaled / 10)
            appendFraction(tenths: scaled % 10, hundredths: 0, thousandths: 0)
        case 2:
            appendDigits(scaled / 100)
            let fraction = scaled % 100
            appendFraction(tenths: fraction / 10, hundredths: fraction % 10, thousandths: 0)
        default:
            appendDigits(scaled / 1000)
            let fraction = scaled % 1000
            appendFraction(tenths: fraction / 100, hundredths: fraction / 10 % 10, thousandths: fraction % 10)
        }
    }

    /// `.5`, `.05`, `.625`: nothing for a zero fraction, no trailing zeros (room reserved by the caller).
    @inline(__always)
    private mutating func appendFraction(tenths: UInt, hundredths: UInt, thousandths: UInt) {
        guard tenths | hundredths | thousandths != 0 else { return }
        base[count] = 0x2E
        base[count + 1] = UInt8(tenths) + 0x30
        count += 2
        guard hundredths | thousandths != 0 else { return }
        base[count] = UInt8(hundredths) + 0x30
        count += 1
        guard thousandths != 0 else { return }
        base[count] = UInt8(thousandths) + 0x30
        count += 1
    }

    // MARK: - Internals

    @inline(__always)
    private mutating func open() {
        precondition(depth < Self.maximumDepth, "JSON nested deeper than \(Self.maximumDepth) levels")
        depth += 1
        needsComma &= ~(1 << UInt64(depth))
    }

    /// The value after a key needs no comma of its own.
    @inline(__always)
    private mutating func valueFollows() { needsComma &= ~(1 << UInt64(depth)) }

    @inline(__always)
    private mutating func separate() {
        guard depth > 0 else { return }
        let bit: UInt64 = 1 << UInt64(depth)
        if needsComma & bit != 0 { append(0x2C) } else { needsComma |= bit }
    }

    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(extra) }
    }

    private mutating func grow(_ extra: Int) {
        let newCapacity = max(capacity * 2, count + extra)
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        grown.update(from: base, count: count)
        base.deallocate()
        base = grown
        capacity = newCapacity
    }

    @inline(__always)
    private mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always)
    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        reserve(bytes.count)
        appendUnchecked(bytes)
    }

    private mutating func append(bytesOf text: StaticString) { text.withUTF8Buffer { append($0) } }

    /// Appends bytes that `reserve` made room for.
    @inline(__always)
    private mutating func appendUnchecked(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    /// Decimal digits of `value`; the small numbers vocan writes most (offsets, counts) without a loop.
    private mutating func appendDigits(_ value: UInt) {
        reserve(20)
        if value < 10 {
            base[count] = UInt8(value) + 0x30
            count += 1
        } else if value < 100 {
            base[count] = UInt8(value / 10) + 0x30
            base[count + 1] = UInt8(value % 10) + 0x30
            count += 2
        } else if value < 1000 {
            base[count] = UInt8(value / 100) + 0x30
            base[count + 1] = UInt8(value / 10 % 10) + 0x30
            base[count + 2] = UInt8(value % 10) + 0x30
            count += 3
        } else {
            var digits = 4
            var limit: UInt = 10000
            while value >= limit, digits < 20 {
                digits += 1
                if limit > UInt.max / 10 { break }
                limit *= 10
            }
            var rest = value
            for position in stride(from: count + digits - 1, through: count, by: -1) {
                base[position] = UInt8(rest % 10) + 0x30
                rest /= 10
            }
            count += digits
        }
    }

    private mutating func writeString(_ value: String) {
        // Native and small strings lend their UTF-8 without a copy of the string.
        if value.utf8.withContiguousStorageIfAvailable({ writeString($0) }) != nil { return }
        var text = value
        text.withUTF8 { writeString($0) }
    }

    private mutating func writeString(_ buffer: UnsafeBufferPointer<UInt8>) {
        reserve(buffer.count + 2)
        base[count] = 0x22
        count += 1
        // Most strings need no escaping: find the bytes that do eight at a time, copy the runs between.
        var runStart = 0
        var index = 0
        if let raw = UnsafeRawPointer(buffer.baseAddress) {
            while index + 8 <= buffer.count {
                if Self.needsEscape(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) { break }
                index += 8
            }
        }
        while index < buffer.count {
            let byte = buffer[index]
            if byte < 0x20 || byte == 0x22 || byte == 0x5C {
                append(UnsafeBufferPointer(rebasing: buffer[runStart..<index]))
                escape(byte)
                runStart = index + 1
            }
            index += 1
        }
        append(UnsafeBufferPointer(rebasing: buffer[runStart...]))
        append(0x22)
    }

    /// Whether any of eight bytes is a control character, `"` or `\` (bytes of 0x80 and above are not).
    @inline(__always)
    private static func needsEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
        // Bytes below 0x20: subtracting 0x20 borrows into the high bit of a byte that had it clear.
        let control = (word &- ones &* 0x20) & ~word & highs != 0
        return control || hasZero(word ^ (ones &* 0x22)) || hasZero(word ^ (ones &* 0x5C))
    }

    private mutating func escape(_ byte: UInt8) {
        reserve(6)
        let simple: UInt8 = switch byte {
        case 0x22: 0x22
        case 0x5C: 0x5C
        case 0x0A: 0x6E
        case 0x0D: 0x72
        case 0x09: 0x74
        default: 0
        }
        base[count] = 0x5C
        if simple != 0 {
            base[count + 1] = simple
            count += 2
            return
        }
        let hex: StaticString = "0123456789abcdef"
        hex.withUTF8Buffer { digits in
            base[count + 1] = 0x75
            base[count + 2] = 0x30
            base[count + 3] = 0x30
            base[count + 4] = digits[Int(byte >> 4)]
            base[count + 5] = digits[Int(byte & 0xF)]
        }
        count += 6
    }

    static func isJSONNumber(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        if bytes.first == 0x2D { bytes = bytes.dropFirst() }
        guard let first = bytes.first, (0x30...0x39).contains(first) else { return false }
        if first == 0x30, bytes.count > 1, bytes.dropFirst().first.map({ (0x30...0x39).contains($0) }) == true { return false }
        var seenDot = false, seenDigitAfterDot = true
        for byte in bytes {
            if byte == 0x2E {
                if seenDot { return false }
                seenDot = true
                seenDigitAfterDot = false
            } else if (0x30...0x39).contains(byte) {
                seenDigitAfterDot = true
            } else {
                return false
            }
        }
        return seenDigitAfterDot
    }
}
