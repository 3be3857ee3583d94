#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

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

    /// The buffer comes from `malloc` so that `grow` can `realloc` it: a block of a chunk's records is
    /// past glibc's mmap threshold, where `realloc` remaps its pages instead of copying them (the copies
    /// of the 64 record buffers, each grown once, were 8M instructions of a 10,000-tweet run).
    public init(capacity: Int = 1024) {
        self.capacity = max(capacity, 64)
        base = Self.reallocate(nil, capacity: self.capacity)
    }

    deinit { free(base) }

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
        writeValue(maximumLength: name.utf8.count * 6 + 3) {
            $0.string(name)
            $0.byte(0x3A)
        }
        valueFollows()
    }

    /// Writes `"name":` for a literal name (no escaping needed, no String built).
    @inline(__always)
    public mutating func field(_ name: StaticString) {
        writeValue(maximumLength: name.utf8CodeUnitCount + 3) {
            $0.string(name)
            $0.byte(0x3A)
        }
        valueFollows()
    }

    public mutating func string(_ value: String) {
        writeValue(maximumLength: value.utf8.count * 6 + 2) { $0.string(value) }
    }

    public mutating func string(_ value: Substring) {
        writeValue(maximumLength: value.utf8.count * 6 + 2) { $0.string(value) }
    }

    /// A literal string that needs no escaping (names of labels, rules, emotions).
    @inline(__always)
    public mutating func string(_ value: StaticString) {
        writeValue(maximumLength: value.utf8CodeUnitCount + 2) { $0.string(value) }
    }

    /// Bytes that are already JSON (a constant fragment such as an all-zero object).
    public mutating func fragment(_ json: StaticString) {
        separate()
        json.withUTF8Buffer { append($0) }
    }

    public mutating func null() { separate(); append(bytesOf: "null") }

    public mutating func bool(_ value: Bool) { separate(); append(bytesOf: value ? "true" : "false") }

    public mutating func int(_ value: Int) {
        writeValue(maximumLength: 20) { $0.int(value) }
    }

    /// A number rounded to `decimals` places (half away from zero, at most 3), without trailing zeros
    /// (`-0.62`, `3`, `0.05`).
    public mutating func number(_ value: Double, decimals: Int = 3) {
        writeValue(maximumLength: 25) { $0.number(value, decimals: decimals) }
    }

    /// A value read from an input field: a JSON number when it is one (`9`, `4.5`), else a string.
    public mutating func raw(_ value: String) {
        writeValue(maximumLength: value.utf8.count * 6 + 2) { $0.scalar(value) }
    }

    /// Ends a JSONL line.
    public mutating func newline() { append(0x0A) }

    /// Writes one value through a `JSONCursor` with no capacity checks: room for `maximumLength`
    /// bytes is made first, so the body must not write more (the shapes compute their bound).
    mutating func writeValue(maximumLength: Int, _ body: (inout JSONCursor) -> Void) {
        separate()
        reserve(maximumLength)
        var cursor = JSONCursor(position: base + count)
        body(&cursor)
        let written = base.distance(to: cursor.position) - count
        precondition(written <= maximumLength, "JSON value longer than its bound")
        count += written
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
        base = Self.reallocate(base, capacity: newCapacity)
        capacity = newCapacity
    }

    /// `buffer` (nil for a new one) resized to `capacity` bytes, its bytes kept.
    private static func reallocate(_ buffer: UnsafeMutablePointer<UInt8>?, capacity: Int) -> UnsafeMutablePointer<UInt8> {
        guard let resized = realloc(buffer, capacity) else { fatalError("out of memory for \(capacity) bytes of JSON") }
        return resized.bindMemory(to: UInt8.self, capacity: capacity)
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
        guard let source = bytes.baseAddress else { return }
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    private mutating func append(bytesOf text: StaticString) { text.withUTF8Buffer { append($0) } }

    /// Whether any byte of `word` is a control character, `"` or `\` (bytes of 0x80 and above are not).
    ///
    /// Each of the three tests subtracts from every byte at once: a byte below the bound borrows into
    /// its high bit (a borrow passed on to the byte above only ever follows a byte that matched), and
    /// `~word` drops the bytes whose high bit was already set. One mask for all three costs no branch.
    @inline(__always)
    static func needsEscape<Word: FixedWidthInteger & UnsignedInteger>(_ word: Word) -> Bool {
        let ones = Word.max / 0xFF, highs = ones &<< 7
        let borrows = (word &- ones &* 0x20) | ((word ^ ones &* 0x22) &- ones) | ((word ^ ones &* 0x5C) &- ones)
        return borrows & ~word & highs != 0
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

/// Writes JSON through a pointer into room made beforehand (`JSONWriter.writeValue`): no capacity
/// checks and no separator bookkeeping, for the fixed shapes of the JSONL records.
struct JSONCursor {
    var position: UnsafeMutablePointer<UInt8>
    /// `packedTexts`, read once per cursor: each access to a global is a call (its lazy initialization).
    private let texts = JSONCursor.packedTexts

    init(position: UnsafeMutablePointer<UInt8>) { self.position = position }

    /// Bytes that are already JSON (`,"start":`).
    @inline(__always)
    mutating func literal(_ json: StaticString) {
        json.withUTF8Buffer { bytes in
            position.update(from: bytes.baseAddress!, count: bytes.count)
            position += bytes.count
        }
    }

    @inline(__always)
    mutating func byte(_ value: UInt8) {
        position.pointee = value
        position += 1
    }

    /// A quoted, escaped string; at most 6 bytes per byte of `value`, plus 2. Inlined into the
    /// `String` and `Substring` forms: their buffers come from a closure, and most strings are short.
    /// Returns whether `value` needed no escaping.
    @inline(__always) @discardableResult
    mutating func string(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        byte(0x22)
        let verbatim = escaped(value)
        byte(0x22)
        return verbatim
    }

    /// `value` quoted, compared word by word with the start of `known` rather than checked for
    /// bytes to escape: `known` is JSON this cursor wrote for a string that needed no escaping (the
    /// rest of a clause's sentence), so bytes equal to it need none either. `known` loses the bytes
    /// that matched, or becomes empty at the first that did not; the rest of `value` is escaped.
    mutating func string(_ value: UnsafeBufferPointer<UInt8>, continuing known: inout UnsafeRawBufferPointer) {
        byte(0x22)
        var matched = 0
        if value.count <= known.count, let start = known.baseAddress {
            matched = copyWords(value, while: SameBytes(start: start))
        }
        known = matched == value.count ? UnsafeRawBufferPointer(rebasing: known[matched...]) : UnsafeRawBufferPointer(start: nil, count: 0)
        escaped(UnsafeBufferPointer(rebasing: value[matched...]))
        byte(0x22)
    }

    /// `value` escaped, without quotes; returns whether it needed no escaping.
    @inline(__always) @discardableResult
    private mutating func escaped(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        let verbatim = copyWords(value, while: NoEscapes())
        if verbatim < value.count { escaping(UnsafeBufferPointer(rebasing: value[verbatim...])) }
        return verbatim == value.count
    }

    /// Copies the bytes of `value` up to the first word `test` rejects, eight (or, for 4–7 bytes,
    /// four) at a time and without a call; returns how many it copied (none under four bytes).
    @inline(__always)
    private mutating func copyWords(_ value: UnsafeBufferPointer<UInt8>, while test: some WordTest) -> Int {
        guard let source = UnsafeRawPointer(value.baseAddress) else { return 0 }
        if value.count >= 8 { return copyWords(source, count: value.count, as: UInt64.self, while: test) }
        if value.count >= 4 { return copyWords(source, count: value.count, as: UInt32.self, while: test) }
        return 0
    }

    /// `count` (at least one word) bytes from `source`, a `Word` at a time, up to the first word
    /// `test` rejects. The last word ends with the string and overlaps the one before (the bytes
    /// they share are stored twice, alike), so no byte loop follows a string `test` accepts.
    @inline(__always)
    private mutating func copyWords<Word: FixedWidthInteger & UnsignedInteger>(
        _ source: UnsafeRawPointer, count: Int, as _: Word.Type, while test: some WordTest
    ) -> Int {
        let size = MemoryLayout<Word>.size, target = UnsafeMutableRawPointer(position)
        var copied = 0
        while copied < count {
            let offset = min(copied, count - size)
            let word = source.loadUnaligned(fromByteOffset: offset, as: Word.self)
            if !test.accepts(word, at: offset) { break }
            target.storeBytes(of: word, toByteOffset: offset, as: Word.self)
            copied = offset + size
        }
        position += copied
        return copied
    }

    /// The rest of a string from its first word that needs escaping (or all of a string under four
    /// bytes), byte by byte: runs that need no escaping are copied whole.
    @inline(never)
    private mutating func escaping(_ value: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        for index in value.indices {
            let character = value[index]
            if character < 0x20 || character == 0x22 || character == 0x5C {
                copy(UnsafeBufferPointer(rebasing: value[runStart..<index]))
                escape(character)
                runStart = index + 1
            }
        }
        copy(UnsafeBufferPointer(rebasing: value[runStart...]))
    }

    mutating func string(_ value: String) {
        if value.utf8.withContiguousStorageIfAvailable({ string($0) }) != nil { return }
        var value = value
        _ = value.withUTF8 { string($0) }
    }

    /// Read through its span: the substring's own `withContiguousStorageIfAvailable` goes through
    /// the generic `Slice` one, at several times the cost, and clause texts are short.
    mutating func string(_ value: Substring) {
        _ = value.utf8.span.withUnsafeBufferPointer { string($0) }
    }

    /// `value` compared with `known` as the buffer form does.
    mutating func string(_ value: Substring, continuing known: inout UnsafeRawBufferPointer) {
        value.utf8.span.withUnsafeBufferPointer { string($0, continuing: &known) }
    }

    /// A value read from an input field: a JSON number when it is one (`9`, `4.5`), else a string.
    mutating func scalar(_ value: String) {
        guard JSONWriter.isJSONNumber(value) else { return string(value) }
        var value = value
        value.withUTF8 { copy($0) }
    }

    /// A literal string that needs no escaping, quoted.
    @inline(__always)
    mutating func string(_ value: StaticString) {
        byte(0x22)
        literal(value)
        byte(0x22)
    }

    /// `bytes` as they are; 4 to 16 of them (quoted names, most runs between escapes) as two
    /// overlapping words rather than a `memmove` call.
    @inline(__always)
    mutating func copy(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        switch bytes.count {
        case 8...16: copyEnds(UnsafeRawPointer(source), count: bytes.count, as: UInt64.self)
        case 4..<8: copyEnds(UnsafeRawPointer(source), count: bytes.count, as: UInt32.self)
        default: position.update(from: source, count: bytes.count)
        }
        position += bytes.count
    }

    /// The first and the last `Word` of `count` bytes (one to two words), which together are all of them.
    @inline(__always)
    private func copyEnds<Word: FixedWidthInteger & UnsignedInteger>(_ source: UnsafeRawPointer, count: Int, as _: Word.Type) {
        let last = count - MemoryLayout<Word>.size, target = UnsafeMutableRawPointer(position)
        let head = source.loadUnaligned(as: Word.self), tail = source.loadUnaligned(fromByteOffset: last, as: Word.self)
        target.storeBytes(of: head, as: Word.self)
        target.storeBytes(of: tail, toByteOffset: last, as: Word.self)
    }

    private mutating func escape(_ character: UInt8) {
        byte(0x5C)
        switch character {
        case 0x22: byte(0x22)
        case 0x5C: byte(0x5C)
        case 0x0A: byte(0x6E)
        case 0x0D: byte(0x72)
        case 0x09: byte(0x74)
        default:
            let hex: StaticString = "0123456789abcdef"
            hex.withUTF8Buffer { digits in
                byte(0x75)
                byte(0x30)
                byte(0x30)
                byte(digits[Int(character >> 4)])
                byte(digits[Int(character & 0xF)])
            }
        }
    }

    /// An integer: at most 20 bytes, the scratch bytes of `packed` included. Inlined, as `digits` is:
    /// offsets are most of the integers.
    @inline(__always)
    mutating func int(_ value: Int) {
        if value < 0 { byte(0x2D) }
        digits(value.magnitude)
    }

    /// A number rounded to `decimals` (0–3) places, half away from zero, without trailing zeros:
    /// at most 25 bytes, the scratch bytes of `packed` included (`null` when not finite or beyond 10^18).
    @inline(__always)
    mutating func number(_ value: Double, decimals: Int) {
        // Inlined: a zero (most emotion values) costs no call, and a constant precision picks its
        // function at compile time.
        if value == 0 { return byte(0x30) }
        switch decimals {
        case ...0: units(value)
        case 1: tenths(value)
        case 2: hundredths(value)
        default: thousandths(value)
        }
    }

    // One function per precision, so the scale and divisors of `fixed` are constants (no division
    // instruction); out of line, so each number written costs a call rather than a copy of `fixed`.
    @inline(never) private mutating func units(_ value: Double) { fixed(value, unit: 1) }
    @inline(never) private mutating func tenths(_ value: Double) { fixed(value, unit: 10) }
    @inline(never) private mutating func hundredths(_ value: Double) { fixed(value, unit: 100) }
    @inline(never) private mutating func thousandths(_ value: Double) { fixed(value, unit: 1000) }

    /// `value` in multiples of 1/`unit` (1, 10, 100 or 1000).
    @inline(__always)
    private mutating func fixed(_ value: Double, unit: UInt) {
        let scaledValue = abs(value) * Double(unit)
        // False for infinities and NaN too, without testing `value` apart.
        guard scaledValue < 1e18 else { return literal("null") }
        // Rounding by truncation and the exact remainder: the same as `rounded()`, without a libm call
        // (and under 10^18, so adding one cannot overflow).
        let truncated = Int(scaledValue)
        let scaled = UInt(bitPattern: scaledValue - Double(truncated) >= 0.5 ? truncated &+ 1 : truncated)
        if scaled != 0 && value < 0 { byte(0x2D) }
        if scaled <= unit {
            // At most 1 (scores, intensities, emotions): the whole number in one store.
            packed(texts.upToOne[Int(scaled * (1000 / unit))])
        } else {
            digits(scaled / unit)
            if unit > 1 { packed(texts.fractions[Int(scaled % unit * (1000 / unit))]) }
        }
    }

    /// Up to a word of bytes from a `packedTable` in one store. The bytes after a shorter text are
    /// scratch, which the room of numbers and integers allows for.
    @inline(__always)
    private mutating func packed<Packed: FixedWidthInteger & UnsignedInteger>(_ bytes: Packed) {
        UnsafeMutableRawPointer(position).storeBytes(of: bytes.littleEndian, as: Packed.self)
        // The written bytes are never zero, the unused high ones always are.
        position += (Packed.bitWidth - bytes.leadingZeroBitCount + 7) / 8
    }

    /// The texts `JSONCursor` copies numbers from, by value, each packed in a word (first byte
    /// lowest, unused bytes zero): one load and one store instead of divisions and a store per byte.
    struct PackedTexts {
        /// 0–999 thousandths after the integer part: `.5`, `.05`, `.625`, nothing for 0.
        let fractions: UnsafePointer<UInt32>
        /// The integers 0–999 in decimal.
        let integers: UnsafePointer<UInt32>
        /// 0–1000 thousandths as whole numbers: `0`, `0.05`, `0.625`, `1`.
        let upToOne: UnsafePointer<UInt64>
    }

    /// Made once and kept for the life of the process; never written after, so safe to share.
    nonisolated(unsafe) static let packedTexts: PackedTexts = {
        // Texts packed by shifts rather than built as arrays: the tables hold 3,001 of them.
        /// `first` then `second` (no byte of either is zero).
        func joined(_ first: UInt64, _ second: UInt64) -> UInt64 {
            first | second << ((UInt64.bitWidth - first.leadingZeroBitCount + 7) / 8 * 8)
        }
        func decimal(_ value: Int) -> UInt64 {
            let last = UInt64(0x30 + value % 10)
            return value < 10 ? last : joined(decimal(value / 10), last)
        }
        /// The digits after the point until the rest is zero, so without trailing zeros.
        func fraction(_ thousandths: Int) -> UInt64 {
            var text: UInt64 = thousandths == 0 ? 0 : 0x2E, rest = thousandths, unit = 100
            while rest != 0 {
                text = joined(text, UInt64(0x30 + rest / unit))
                rest %= unit
                unit /= 10
            }
            return text
        }
        return PackedTexts(
            fractions: packedTable(count: 1000, fraction),
            integers: packedTable(count: 1000, decimal),
            upToOne: packedTable(count: 1001) { joined(decimal($0 / 1000), fraction($0 % 1000)) }
        )
    }()

    /// The texts of 0..<`count` as `text` packs them, in words of `Packed`.
    private static func packedTable<Packed: FixedWidthInteger & UnsignedInteger>(
        count: Int, _ text: (Int) -> UInt64
    ) -> UnsafePointer<Packed> {
        let table = UnsafeMutablePointer<Packed>.allocate(capacity: count)
        for value in 0..<count {
            guard let packed = Packed(exactly: text(value)) else { preconditionFailure("text longer than a word") }
            (table + value).initialize(to: packed)
        }
        return UnsafePointer(table)
    }

    /// Decimal digits: a single digit (most integer parts of numbers) in a byte, up to three (most
    /// offsets) from `integers`, more out of line (below a million from `integers` too, beyond by a loop).
    @inline(__always)
    private mutating func digits(_ value: UInt) {
        if value < 10 {
            byte(UInt8(value) + 0x30)
        } else if value < 1000 {
            packed(texts.integers[Int(value)])
        } else {
            digits(atLeastAThousand: value)
        }
    }

    private mutating func digits(atLeastAThousand value: UInt) {
        if value < 1_000_000 {
            // Most of these are line numbers: the thousands from `integers`, then the last three digits,
            // zeros kept, in one store (its fourth byte scratch).
            packed(texts.integers[Int(value / 1000)])
            let low = UInt32(value % 1000)
            let text: UInt32 = 0x30_30_30 | low / 100 | (low / 10 % 10) << 8 | (low % 10) << 16
            UnsafeMutableRawPointer(position).storeBytes(of: text.littleEndian, as: UInt32.self)
            position += 3
            return
        }
        var count = 7
        var limit: UInt = 10_000_000
        while value >= limit, count < 20 {
            count += 1
            if limit > UInt.max / 10 { break }
            limit *= 10
        }
        var rest = value
        for offset in stride(from: count - 1, through: 0, by: -1) {
            position[offset] = UInt8(rest % 10) + 0x30
            rest /= 10
        }
        position += count
    }
}

/// Which words of a string `JSONCursor` may copy as they are, without escaping.
protocol WordTest {
    /// `word`: the string's bytes from `offset`, first byte lowest.
    func accepts<Word: FixedWidthInteger & UnsignedInteger>(_ word: Word, at offset: Int) -> Bool
}

/// Words without a byte JSON needs escaped.
private struct NoEscapes: WordTest {
    @inline(__always)
    func accepts<Word: FixedWidthInteger & UnsignedInteger>(_ word: Word, at _: Int) -> Bool { !JSONWriter.needsEscape(word) }
}

/// Words equal to the bytes from `start` at the same offset, which are known to need no escaping.
private struct SameBytes: WordTest {
    let start: UnsafeRawPointer

    @inline(__always)
    func accepts<Word: FixedWidthInteger & UnsignedInteger>(_ word: Word, at offset: Int) -> Bool {
        word == start.loadUnaligned(fromByteOffset: offset, as: Word.self)
    }
}

/// Strings as the JSON strings `JSONCursor.string` makes of them, quotes included, by index. Made
/// once, so a record copies each label, emotion or rule name instead of escaping it again.
struct QuotedStrings {
    fileprivate let bytes: [UInt8]
    /// Where each string ends in `bytes` (it starts where the one before ends).
    fileprivate let ends: [Int]

    /// The bytes of all the strings together.
    var byteCount: Int { bytes.count }

    init(_ strings: some Sequence<String>) {
        var bytes: [UInt8] = [], ends: [Int] = []
        for value in strings {
            let room = value.utf8.count * 6 + 2
            bytes.append(contentsOf: [UInt8](unsafeUninitializedCapacity: room) { buffer, count in
                var cursor = JSONCursor(position: buffer.baseAddress!)
                cursor.string(value)
                count = buffer.baseAddress!.distance(to: cursor.position)
            })
            ends.append(bytes.count)
        }
        self.bytes = bytes
        self.ends = ends
    }
}

/// The cases of a string enum as quoted JSON strings of their raw values, in case order.
struct QuotedNames<Name: CaseIterable & RawRepresentable<String>> {
    fileprivate let strings: QuotedStrings

    init() {
        for (position, name) in Name.allCases.enumerated() {
            precondition(Self.position(of: name) == position, "\(Name.self) is not an enum without payloads")
        }
        strings = QuotedStrings(Name.allCases.map(\.rawValue))
    }

    /// The case's place in `allCases`: an enum without payloads is stored as its declaration index,
    /// in one byte (checked for every case in `init`), and `allCases` lists the cases in that order.
    @inline(__always)
    fileprivate static func position(of name: Name) -> Int {
        precondition(MemoryLayout<Name>.size == 1, "\(Name.self) is not an enum of 2 to 256 cases")
        return withUnsafeBytes(of: name) { Int($0[0]) }
    }
}

extension JSONCursor {
    /// String `index` of `strings`, quoted: at most 6 bytes per byte of the string, plus 2.
    @inline(__always)
    mutating func string(at index: Int, in strings: QuotedStrings) {
        let start = index == 0 ? 0 : strings.ends[index - 1]
        strings.bytes.withUnsafeBufferPointer { copy(UnsafeBufferPointer(rebasing: $0[start..<strings.ends[index]])) }
    }

    /// The name of `value` from `names`, quoted: at most 6 bytes per byte of its raw value, plus 2.
    @inline(__always)
    mutating func string<Name>(_ value: Name, in names: QuotedNames<Name>) {
        string(at: QuotedNames<Name>.position(of: value), in: names.strings)
    }
}
