/// Writes JSON straight into a byte buffer: the one JSON encoder of vocan's outputs (JSONL records,
/// the JSON summary, rejects). Foundation's `JSONEncoder` is several times too slow for the
/// throughput target, and vocan only writes objects whose shape it knows.
public struct JSONWriter {
    public private(set) var bytes: [UInt8] = []
    private var needsComma: [Bool] = []

    public init(capacity: Int = 1024) { bytes.reserveCapacity(capacity) }

    public mutating func beginObject() { separate(); bytes.append(0x7B); needsComma.append(false) }
    public mutating func endObject() { needsComma.removeLast(); bytes.append(0x7D) }
    public mutating func beginArray() { separate(); bytes.append(0x5B); needsComma.append(false) }
    public mutating func endArray() { needsComma.removeLast(); bytes.append(0x5D) }

    /// Writes `"name":` for a name known only at run time; the next value belongs to it.
    public mutating func key(_ name: String) {
        separate()
        writeString(name)
        bytes.append(0x3A)
        if !needsComma.isEmpty { needsComma[needsComma.count - 1] = false }
    }

    /// Writes `"name":` for a literal name (no escaping needed, no String built).
    public mutating func field(_ name: StaticString) {
        separate()
        bytes.append(0x22)
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(0x22)
        bytes.append(0x3A)
        if !needsComma.isEmpty { needsComma[needsComma.count - 1] = false }
    }

    public mutating func string(_ value: String) { separate(); writeString(value) }

    public mutating func null() { separate(); bytes.append(contentsOf: "null".utf8) }

    public mutating func bool(_ value: Bool) { separate(); bytes.append(contentsOf: (value ? "true" : "false").utf8) }

    public mutating func int(_ value: Int) {
        separate()
        if value < 0 { bytes.append(0x2D) }
        appendDigits(value.magnitude, minimumCount: 1)
    }

    /// Decimal digits of `value`, left-padded with zeros to `minimumCount`, without building a String.
    private mutating func appendDigits(_ value: UInt, minimumCount: Int) {
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(rest % 10) + 0x30
                rest /= 10
                count += 1
            } while rest > 0
            while count < minimumCount {
                buffer[count] = 0x30
                count += 1
            }
            for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
        }
    }

    /// A number rounded to `decimals` places, without trailing zeros (`-0.62`, `3`, `0.05`).
    public mutating func number(_ value: Double, decimals: Int = 3) {
        separate()
        guard value.isFinite else { bytes.append(contentsOf: "null".utf8); return }
        var scale: UInt = 1
        for _ in 0..<decimals { scale *= 10 }
        var scaled = UInt((abs(value) * Double(scale)).rounded())
        if scaled != 0 && value < 0 { bytes.append(0x2D) }
        appendDigits(scaled / scale, minimumCount: 1)
        scaled %= scale
        guard scaled != 0 else { return }
        var digits = decimals
        while scaled % 10 == 0 { scaled /= 10; digits -= 1 }
        bytes.append(0x2E)
        appendDigits(scaled, minimumCount: digits)
    }

    /// A value read from an input field: a JSON number when it is one (`9`, `4.5`), else a string.
    public mutating func raw(_ value: String) {
        if Self.isJSONNumber(value) { separate(); bytes.append(contentsOf: value.utf8) } else { string(value) }
    }

    /// Ends a JSONL line.
    public mutating func newline() { bytes.append(0x0A) }

    /// Empties the buffer, keeping its capacity.
    public mutating func reset() { bytes.removeAll(keepingCapacity: true); needsComma.removeAll(keepingCapacity: true) }

    private mutating func separate() {
        guard !needsComma.isEmpty else { return }
        if needsComma[needsComma.count - 1] { bytes.append(0x2C) } else { needsComma[needsComma.count - 1] = true }
    }

    private mutating func writeString(_ value: String) {
        bytes.append(0x22)
        // Most strings need no escaping: copy them in one go from their contiguous UTF-8.
        var text = value
        let copied = text.withUTF8 { buffer -> Bool in
            for byte in buffer where byte < 0x20 || byte == 0x22 || byte == 0x5C { return false }
            bytes.append(contentsOf: buffer)
            return true
        }
        if copied {
            bytes.append(0x22)
            return
        }
        for byte in value.utf8 {
            switch byte {
            case 0x22: bytes.append(0x5C); bytes.append(0x22)
            case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
            case 0x0A: bytes.append(0x5C); bytes.append(0x6E)
            case 0x0D: bytes.append(0x5C); bytes.append(0x72)
            case 0x09: bytes.append(0x5C); bytes.append(0x74)
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(0x22)
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
