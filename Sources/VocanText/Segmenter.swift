// Not `internal import`: without library evolution clients would still load CICU, whose ICU clashes with
// Foundation's (UErrorCode defined twice). Swift 6.3 warns about @_implementationOnly here; that is expected.
@_implementationOnly import CICU

/// Cuts comments into tokens and sentences with ICU's break iterators, plus a thin layer that the
/// iterator lacks: URLs, emoticons, hashtags and hyphenated compounds become single tokens and emoji
/// are told apart from punctuation.
///
/// A segmenter reuses its buffers and ICU iterators from comment to comment and builds no strings: the
/// tokens point into the comment's UTF-8 and into `keys`. It is not thread-safe, and a copy shares the
/// ICU iterators: give each thread its own.
public struct Segmenter {
    /// Locales for sentence breaking; `ss=standard` keeps abbreviations such as `z.B.` or `Dr.` inside sentences.
    public enum SentenceLocale: String, Sendable, CaseIterable {
        case german = "de@ss=standard"
        case english = "en@ss=standard"
    }

    /// The ICU iterators, closed with the last segmenter that uses them.
    private final class Iterators {
        let words: OpaquePointer
        let german: OpaquePointer
        let english: OpaquePointer

        /// The iterators every segmenter clones, opened once per process and never closed. Opening one
        /// builds its rules and, for sentences, the abbreviation filter (several million instructions
        /// each, for each analyzer thread); a clone shares them. Only cloned, never given text.
        nonisolated(unsafe) private static let prototypes = Result { () throws(TextError) in
            (words: try open(UBRK_WORD, "root"), german: try open(UBRK_SENTENCE, SentenceLocale.german.rawValue),
             english: try open(UBRK_SENTENCE, SentenceLocale.english.rawValue))
        }

        private static func open(_ type: UBreakIteratorType, _ locale: String) throws(TextError) -> OpaquePointer {
            var status = U_ZERO_ERROR
            guard let iterator = vocan_ubrk_open(type, locale, &status), status.rawValue <= 0 else {
                throw TextError("opening the break iterator for \(locale)", status: status.rawValue)
            }
            return iterator
        }

        private static func clone(_ prototype: OpaquePointer) throws(TextError) -> OpaquePointer {
            var status = U_ZERO_ERROR
            guard let iterator = vocan_ubrk_clone(prototype, &status), status.rawValue <= 0 else {
                throw TextError("cloning a break iterator", status: status.rawValue)
            }
            return iterator
        }

        init() throws {
            let prototypes = try Self.prototypes.get()
            words = try Self.clone(prototypes.words)
            german = try Self.clone(prototypes.german)
            english = try Self.clone(prototypes.english)
        }

        deinit {
            vocan_ubrk_close(words)
            vocan_ubrk_close(german)
            vocan_ubrk_close(english)
        }
    }

    /// Room for the tokens of a comment, written through a pointer while they are built and then
    /// copied into `tokens` at once: appending them one by one checked the array's uniqueness and
    /// capacity for every token. Replaced, not grown, so that its pointer is a constant.
    /// Copies of a segmenter share it, which is harmless: it holds nothing from one call to the next.
    private final class TokenRoom {
        let base: UnsafeMutablePointer<Token>
        let capacity: Int

        init(capacity: Int) {
            base = .allocate(capacity: capacity)
            self.capacity = capacity
        }

        deinit { base.deallocate() }
    }

    private enum SegmentClass: UInt8 { case word, number, other, emoji }

    private struct RawSegment {
        var start: Int
        var end: Int
        var kind: SegmentClass
    }

    private let iterators: Iterators
    private let folder: KeyFolder
    private let emoticons: EmoticonSet

    private var units = [UInt16](repeating: 0, count: 4096)
    private var length = 0
    /// Every character is ASCII, so UTF-16, UTF-8 and scalar offsets are the same.
    private var isASCII = true
    /// UTF-8 and scalar offset of each UTF-16 offset (only filled for text that is not ASCII).
    private var utf8Offsets: [Int32] = []
    private var scalarOffsets: [Int32] = []
    /// The segments of the comment in `segments[0..<segmentCount]` (the array is longer).
    private var segments: [RawSegment] = []
    private var segmentCount = 0

    /// The tokens being built, `tokenCount` of them, in `tokenRoom`.
    private var tokenRoom = TokenRoom(capacity: 0)
    private var tokenCount = 0
    /// The tokens of the comment segmented last.
    public private(set) var tokens: [Token] = []
    /// The key bytes the tokens point into (the buffer may be longer than the keys of the last comment).
    /// It starts with the comment's ASCII characters lowercased at their UTF-16 offsets, which are the
    /// keys of all-ASCII tokens; the keys ICU folds (and those kept as written) follow.
    public private(set) var keys = [UInt8](repeating: 0, count: 4096)
    /// Bytes of `keys` in use.
    private var keyCount = 0
    /// `Shape` bits of each UTF-16 unit of the comment.
    private var shapes = [UInt8](repeating: 0, count: 4096)
    /// Keys made by the folder, copied into `keys`.
    private var folded: [UInt8] = []
    /// The sentences of the comment segmented last (after `splitSentences`).
    public private(set) var sentences: [SentenceSpan] = []

    /// - Parameters:
    ///   - emoticons: ASCII emoticons to recognize (`:-)`, `<3`...), usually from the lexicons.
    ///   - latinSpellings: the ASCII spelling of letters such as `ø` and `æ` for keys; without it the
    ///     segmenter asks ICU's transliterator, which costs tens of milliseconds the first time.
    public init(emoticons: some Sequence<String>, latinSpellings: LatinSpellings? = nil) throws {
        iterators = try Iterators()
        folder = try KeyFolder(spellings: latinSpellings)
        self.emoticons = EmoticonSet(emoticons)
    }

    /// The `de-ASCII` spellings of Latin letters that folding leaves non-ASCII, made with ICU's
    /// transliterator, to be stored and given to later segmenters.
    public func latinSpellings() -> LatinSpellings { folder.latinSpellings() }

    /// The key of a lexicon term or any string, folded exactly like token keys.
    public func key(_ text: String) -> String { folder.key(text) }


    /// Tokenizes `text` into `tokens` and `keys`; `splitSentences` then finds its sentences.
    public mutating func tokenize(_ text: String) {
        // `buildTokens` replaces the tokens.
        sentences.removeAll(keepingCapacity: true)
        func run(_ bytes: UnsafeBufferPointer<UInt8>) {
            load(bytes)
            collectSegments()
            buildTokens(bytes)
        }
        // Native strings are contiguous already; others are made so on a copy.
        if text.utf8.withContiguousStorageIfAvailable(run) == nil {
            var text = text
            text.withUTF8(run)
        }
    }

    /// Tokenizes and splits `text` and returns a snapshot (for inspection and tests).
    public mutating func segment(_ text: String, locale: SentenceLocale) -> Segmentation {
        tokenize(text)
        splitSentences(locale)
        return Segmentation(text: text, tokens: tokens, sentences: sentences, keyBytes: keys)
    }

    // MARK: - Loading

    private mutating func load(_ bytes: UnsafeBufferPointer<UInt8>) {
        // Room for the vector lanes of `projectASCIIBytes` and `asciiShape` past the end.
        if units.count < bytes.count + 16 {
            units = [UInt16](repeating: 0, count: bytes.count * 2 + 16)
            shapes = [UInt8](repeating: 0, count: units.count)
        }
        if keys.count < bytes.count * 2 + 16 { keys = [UInt8](repeating: 0, count: bytes.count * 2 + 16) }
        isASCII = Self.isASCII(bytes)
        if isASCII {
            // Plain ASCII is its own UTF-16: widen it here instead of asking ICU to convert.
            // A loop over plain pointers, which the compiler vectorizes.
            if let source = bytes.baseAddress {
                units.withUnsafeMutableBufferPointer { out in
                    let out = out.baseAddress!
                    for index in 0..<bytes.count { out[index] = UInt16(source[index]) }
                }
            }
            length = bytes.count
            keyCount = length
            projectASCIIBytes(bytes)
        } else {
            var status = U_ZERO_ERROR
            var written: Int32 = 0
            units.withUnsafeMutableBufferPointer { out in
                bytes.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) { pointer in
                    _ = vocan_u_strFromUTF8(out.baseAddress, Int32(out.count), &written, pointer, Int32(bytes.count), &status)
                }
            }
            length = status.rawValue <= 0 ? Int(written) : 0
            mapOffsets()
            keyCount = length
            projectASCII()
        }
    }

    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let raw = UnsafeRawBufferPointer(bytes)
        var all: UInt64 = 0, index = 0
        while index + 8 <= raw.count {
            all |= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            index += 8
        }
        while index < raw.count {
            all |= UInt64(raw[index])
            index += 1
        }
        return all & 0x8080_8080_8080_8080 == 0
    }

    /// The UTF-8 and scalar offset of every UTF-16 offset of a comment that is not plain ASCII.
    private mutating func mapOffsets() {
        if utf8Offsets.count < length + 1 {
            utf8Offsets = [Int32](repeating: 0, count: length * 2 + 16)
            scalarOffsets = utf8Offsets
        }
        var utf8: Int32 = 0, scalar: Int32 = 0
        for index in 0..<length {
            utf8Offsets[index] = utf8
            scalarOffsets[index] = scalar
            let unit = units[index]
            if unit < 0x80 {
                utf8 += 1; scalar += 1
            } else if unit < 0x800 {
                utf8 += 2; scalar += 1
            } else if unit & 0xFC00 == 0xD800 {
                // A surrogate pair: four UTF-8 bytes, one scalar; an offset between the two points past it.
                utf8 += 4; scalar += 1
            } else if unit & 0xFC00 != 0xDC00 {
                utf8 += 3; scalar += 1
            }
        }
        utf8Offsets[length] = utf8
        scalarOffsets[length] = scalar
    }

    /// What `projectASCII` records of each UTF-16 unit, so that a token's shape is an OR over its units.
    private enum Shape {
        static let upper: UInt8 = 1
        static let lower: UInt8 = 2
        static let hyphen: UInt8 = 4
        static let at: UInt8 = 8
        /// The third (or later) of a run of one letter (`suuuper`).
        static let elongation: UInt8 = 16
        static let notASCII: UInt8 = 128
    }

    /// Records every ASCII unit of the comment lowercased into `keys` at its own offset (so an all-ASCII
    /// token's key needs no copy) and its `Shape` bits into `shapes`, for a comment that is not all
    /// ASCII (`projectASCIIBytes` does it for the others).
    private mutating func projectASCII() {
        let length = self.length
        units.withUnsafeBufferPointer { units in
            keys.withUnsafeMutableBufferPointer { keys in
                shapes.withUnsafeMutableBufferPointer { shapes in
                    for index in 0..<length {
                        let unit = units[index]
                        let ascii = unit < 0x80, upper = unit &- 0x41 < 26, lower = unit &- 0x61 < 26
                        // Non-ASCII units get key 0, which no letter equals.
                        let key = ascii ? UInt8(truncatingIfNeeded: upper ? unit | 0x20 : unit) : 0
                        keys[index] = key
                        var shape = (upper ? Shape.upper : 0) | (lower ? Shape.lower : 0) | (unit == 0x2D ? Shape.hyphen : 0)
                            | (unit == 0x40 ? Shape.at : 0) | (ascii ? 0 : Shape.notASCII)
                        if upper || lower, index >= 2, keys[index - 1] == key, keys[index - 2] == key { shape |= Shape.elongation }
                        shapes[index] = shape
                    }
                }
            }
        }
    }

    /// Tests on the bytes of a `ByteLanes` value, each on its own: each sets the top bit of every byte
    /// where it holds (bytes below 0x80 cannot carry into their neighbours).
    private enum Bytes {
        static let ones: UInt64 = 0x0101_0101_0101_0101

        /// The top bit of each byte that is zero.
        @inline(__always) static func zero<W: ByteLanes>(_ word: W) -> W {
            ~(((word & W(splat: 0x7F)) &+ W(splat: 0x7F)) | word) & W(splat: 0x80)
        }

        /// The top bit of each byte equal to `byte`.
        @inline(__always) static func equal<W: ByteLanes>(_ word: W, _ byte: UInt8) -> W { zero(word ^ W(splat: byte)) }

        /// The top bit of each byte in `first...last`.
        @inline(__always) static func within<W: ByteLanes>(_ word: W, _ first: UInt8, _ last: UInt8) -> W {
            (word &+ W(splat: 0x80 - first)) & ~(word &+ W(splat: 0x7F - last)) & W(splat: 0x80)
        }

        /// The top bit of each byte that may end a sentence: `.`, `!`, `?` and line breaks (U+000A...U+000D).
        @inline(__always) static func terminators<W: ByteLanes>(_ word: W) -> W {
            within(word, 0x0A, 0x0D) | equal(word, 0x2E) | equal(word, 0x21) | equal(word, 0x3F)
        }

        /// The low `count` bytes of `word` (`count` below 8), the others zero.
        @inline(__always) static func prefix(_ word: UInt64, _ count: Int) -> UInt64 { word & ~(~0 << (8 * UInt64(count))) }

        /// The keys (ASCII lowercased) and the `Shape` bits but elongation of ASCII bytes: the tests' top
        /// bits shifted to the `Shape` bits.
        @inline(__always) static func project<W: ByteLanes>(_ word: W) -> (keys: W, shapes: W) {
            let upper = within(word, 0x41, 0x5A), lower = within(word, 0x61, 0x7A)
            return (word | upper &>> 2, upper &>> 7 | lower &>> 6 | equal(word, 0x2D) &>> 5 | equal(word, 0x40) &>> 4)
        }
    }

    /// `projectASCII()` for a comment that is all ASCII with the `Bytes` tests, sixteen bytes at a time in a
    /// vector, the rest eight at a time. The key and shape buffers have room for sixteen bytes past the end.
    private mutating func projectASCIIBytes(_ bytes: UnsafeBufferPointer<UInt8>) {
        typealias Vector = SIMD16<UInt8>
        let length = self.length
        let source = UnsafeRawPointer(bytes.baseAddress)
        keys.withUnsafeMutableBytes { keys in
            shapes.withUnsafeMutableBytes { shapes in
                guard let source, length > 0 else { return }
                var index = 0
                while index + 16 <= length {
                    let (key, shape) = Bytes.project(source.loadUnaligned(fromByteOffset: index, as: Vector.self))
                    keys.storeBytes(of: key, toByteOffset: index, as: Vector.self)
                    shapes.storeBytes(of: shape, toByteOffset: index, as: Vector.self)
                    index += 16
                }
                while index < length {
                    var word: UInt64 = 0
                    if index + 8 <= length {
                        word = source.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    } else if length >= 8 {
                        // The last bytes from the word that ends with them, shifted down (zeros follow, whose
                        // keys and shapes are never read): one load instead of a loop over the bytes.
                        word = source.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self) >> (8 * UInt64(index + 8 - length))
                    } else {
                        // The last bytes, padded with zeros (whose keys and shapes are never read).
                        for offset in 0..<length - index { word |= UInt64(bytes[index + offset]) << (8 * UInt64(offset)) }
                    }
                    let (key, shape) = Bytes.project(word)
                    keys.storeBytes(of: key, toByteOffset: index, as: UInt64.self)
                    shapes.storeBytes(of: shape, toByteOffset: index, as: UInt64.self)
                    index += 8
                }
                // A letter whose key equals the keys of the two bytes before it (bytes past the end get
                // shapes that are never read).
                index = 2
                while index < length {
                    let key = keys.loadUnaligned(fromByteOffset: index, as: Vector.self)
                    let before = keys.loadUnaligned(fromByteOffset: index - 1, as: Vector.self)
                    let twoBefore = keys.loadUnaligned(fromByteOffset: index - 2, as: Vector.self)
                    let shape = shapes.loadUnaligned(fromByteOffset: index, as: Vector.self)
                    let letter = ((shape | shape &>> 1) & Vector(splat: 1)) &<< 7
                    let run = letter & Bytes.zero(key ^ before) & Bytes.zero(before ^ twoBefore)
                    shapes.storeBytes(of: shape | run &>> 3, toByteOffset: index, as: Vector.self)
                    index += 16
                }
            }
        }
    }

    private mutating func scalarOffset(_ offset: Int) -> Int { isASCII ? offset : Int(scalarOffsets[offset]) }
    /// Offsets fit in `Int32` unchecked: ICU takes the comment's length as one.
    private mutating func utf8Offset(_ offset: Int) -> Int32 { isASCII ? Int32(truncatingIfNeeded: offset) : utf8Offsets[offset] }

    // MARK: - Words

    /// Fills `segments` with the word break iterator's segments that are not white space.
    private mutating func collectSegments() {
        segmentCount = 0
        var status = U_ZERO_ERROR
        let words = iterators.words, length = self.length
        units.withUnsafeBufferPointer { buffer in
            vocan_ubrk_setText(words, buffer.baseAddress, Int32(length), &status)
        }
        guard status.rawValue <= 0 else { return }
        // Every segment holds a unit at least, so `length` entries are enough: they are written through
        // a pointer, not appended (which checks uniqueness and capacity every time).
        if segments.count < length {
            segments = [RawSegment](repeating: RawSegment(start: 0, end: 0, kind: .other), count: length * 2 + 16)
        }
        segmentCount = units.withUnsafeBufferPointer { units in
            segments.withUnsafeMutableBufferPointer { segments in
                let text = UnsafeBufferPointer(rebasing: units[..<length])
                var count = 0
                var start = Int(vocan_ubrk_first(words))
                while true {
                    let next = Int(vocan_ubrk_next(words))
                    if next < 0 { break }
                    // The word rules join ASCII white space only with white space, marks and joiners
                    // (status 0), so such a segment is skipped without asking for its status.
                    let first = text[start]
                    if first == 0x20 || first &- 0x09 < 5 {
                        start = next
                        continue
                    }
                    let rule = vocan_ubrk_getRuleStatus(words)
                    let kind: SegmentClass
                    if rule >= 200 {
                        kind = .word
                    } else if rule >= 100 {
                        kind = .number
                    } else if Self.isSpace(first) {
                        start = next
                        continue
                    } else {
                        // Extended_Pictographic and the regional indicators start at U+00A9: ASCII
                        // punctuation, the common case, needs no property lookup.
                        kind = first >= 0x80 && vocan_is_pictographic(Self.scalar(text, at: start)) != 0 ? .emoji : .other
                    }
                    segments[count] = RawSegment(start: start, end: next, kind: kind)
                    count += 1
                    start = next
                }
                return count
            }
        }
    }

    // The helpers of the mutating methods are `mutating` too although they only read: called from a
    // mutating method, a non-mutating one gets a copy of the whole segmenter (a memcpy per call).
    private mutating func buildTokens(_ bytes: UnsafeBufferPointer<UInt8>) {
        // Every token takes one segment at least, so `segmentCount` places are enough for them.
        if tokenRoom.capacity < segmentCount { tokenRoom = TokenRoom(capacity: segmentCount * 2 + 16) }
        tokenCount = 0
        var index = 0
        while index < segmentCount {
            let segment = segments[index]
            let first = units[segment.start]
            // One `appendToken` call for all the kinds below, so that its inlined fast path exists once.
            var start = segment.start, end = segment.end
            let kind: TokenKind
            // Cheap tests first: a URL starts with h or w, an emoticon with one of a few characters.
            if segment.kind == .word, first | 0x20 == 0x68 || first | 0x20 == 0x77, let last = urlEnd(from: index) {
                (kind, end) = (.url, segments[last].end)
                index = last + 1
            } else if emoticons.mayStart(with: first), let last = emoticonEnd(from: index) {
                (kind, end) = (.emoticon, segments[last].end)
                index = last + 1
            } else if segment.kind == .other, first == 0x23, segment.end - segment.start == 1,
                      index + 1 < segmentCount, segments[index + 1].kind == .word, adjacent(index) {
                // The key and text are the word's; the token starts at the `#`.
                (kind, start, end) = (.hashtag, segments[index + 1].start, segments[index + 1].end)
                index += 2
            } else if segment.kind == .word {
                let last = adjacent(index) ? hyphenatedEnd(from: index) : index
                (kind, end) = (.word, segments[last].end)
                index = last + 1
            } else {
                kind = segmentKind(segment)
                index += 1
            }
            appendToken(from: segment.start, start, end, kind: kind, bytes, firstPartEnd: segment.end)
        }
        // One call instead of removeAll's replaceSubrange and then append's.
        tokens.replaceSubrange(tokens.indices, with: UnsafeBufferPointer(start: tokenRoom.base, count: tokenCount))
    }

    private mutating func adjacent(_ index: Int) -> Bool {
        index + 1 < segmentCount && segments[index].end == segments[index + 1].start
    }

    private static func scalar(_ units: UnsafeBufferPointer<UInt16>, at offset: Int) -> Int32 {
        let high = units[offset]
        if high & 0xFC00 == 0xD800, offset + 1 < units.count {
            return 0x10000 + ((Int32(high) - 0xD800) << 10) + (Int32(units[offset + 1]) - 0xDC00)
        }
        return Int32(high)
    }

    private static func isSpace(_ unit: UInt16) -> Bool {
        unit == 0x20 || (unit >= 0x09 && unit <= 0x0D) || unit == 0xA0 || unit == 0x3000 || unit == 0x200B
            || (unit >= 0x2000 && unit <= 0x200A) || unit == 0x2028 || unit == 0x2029 || unit == 0x202F || unit == 0xFEFF
    }

    private mutating func matches(_ start: Int, _ end: Int, _ lowercaseASCII: StaticString) -> Bool {
        guard end - start == lowercaseASCII.utf8CodeUnitCount else { return false }
        return lowercaseASCII.withUTF8Buffer { expected in
            for offset in 0..<expected.count where units[start + offset] | 0x20 != UInt16(expected[offset]) { return false }
            return true
        }
    }

    /// `http(s)://…` or `www.…`: the run of touching segments up to white space, minus trailing punctuation.
    private mutating func urlEnd(from index: Int) -> Int? {
        let first = segments[index]
        // The words that start with h or w but not with `ht` or `ww` (`what`, `have`) leave here.
        guard first.end - first.start >= 3, units[first.start + 1] | 0x20 == 0x74 || units[first.start + 1] | 0x20 == 0x77 else {
            return nil
        }
        let scheme = matches(first.start, first.end, "http") || matches(first.start, first.end, "https")
        let www = matches(first.start, first.end, "www") || (first.end - first.start > 4 && matches(first.start, first.start + 4, "www."))
        guard scheme || www, adjacent(index) || first.end - first.start > 4 else { return nil }
        if scheme && !(adjacent(index) && units[segments[index + 1].start] == 0x3A) { return nil }
        var last = index
        while adjacent(last) { last += 1 }
        while last > index, segments[last].kind == .other, segments[last].end - segments[last].start == 1,
              Self.isURLTrailer(units[segments[last].start]) {
            last -= 1
        }
        return last
    }

    /// Punctuation that ends a sentence rather than the address: . , ! ? ; : ) " '
    private static func isURLTrailer(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x2E, 0x2C, 0x21, 0x3F, 0x3B, 0x3A, 0x29, 0x22, 0x27: true
        default: false
        }
    }

    /// The longest known emoticon made of touching segments starting at `index`, whose first unit
    /// `emoticons.mayStart` with (the caller tests that first, without a call).
    private mutating func emoticonEnd(from index: Int) -> Int? {
        let first = segments[index]
        guard first.kind != .emoji else { return nil }
        if first.kind == .word || first.kind == .number, first.end - first.start > 2 { return nil }
        // An emoticon that starts with a letter or digit must not continue a word ("ex:D" is not one).
        if first.kind != .other, first.start > 0, Self.isAlphanumeric(units[first.start - 1]) { return nil }
        // Between digits a colon is a score or a time ("0:3", "12:30"), not an emoticon.
        let afterDigit = first.start > 0 && Self.isDigit(units[first.start - 1])
        var last = index
        while adjacent(last), segments[last + 1].end - first.start <= emoticons.maxLength { last += 1 }
        while last >= index {
            let end = segments[last].end
            if end - first.start <= emoticons.maxLength {
                let endsInWord = segments[last].kind != .other && end < length && Self.isAlphanumeric(units[end])
                if !endsInWord, !(afterDigit && Self.isDigit(units[end - 1])), units.withUnsafeBufferPointer({ emoticons.contains(UnsafeBufferPointer(rebasing: $0[first.start..<end])) }) {
                    return last
                }
            }
            last -= 1
        }
        return nil
    }

    private static func isDigit(_ unit: UInt16) -> Bool { unit >= 0x30 && unit <= 0x39 }

    private static func isAlphanumeric(_ unit: UInt16) -> Bool {
        (unit | 0x20) >= 0x61 && (unit | 0x20) <= 0x7A || isDigit(unit) || unit >= 0xC0 && unit < 0x2000
    }

    /// `Top-Beratung`, `E-Mail`, `Kundenservice-Hotline`: words joined by a hyphen without spaces.
    private mutating func hyphenatedEnd(from index: Int) -> Int {
        var last = index
        while last + 2 < segmentCount, adjacent(last), adjacent(last + 1),
              segments[last + 1].kind == .other, segments[last + 1].end - segments[last + 1].start == 1,
              [0x2D, 0x2010, 0x2011].contains(units[segments[last + 1].start]),
              segments[last + 2].kind == .word {
            last += 2
        }
        return last
    }

    private mutating func wordKind(_ start: Int, _ end: Int) -> TokenKind {
        if units[start] == 0x40 { return .mention }
        for offset in start..<end where units[offset] == 0x40 { return .email }
        return .word
    }

    private mutating func segmentKind(_ segment: RawSegment) -> TokenKind {
        switch segment.kind {
        case .word: .word
        case .number: .number
        case .emoji: .emoji
        case .other: .punctuation
        }
    }

    /// Appends a token of the units `start..<end` whose first character is at `first` (the `#` of a
    /// hashtag, else `start`); a `.word` becomes a `.mention` (`@support`) or `.email` by an `@` in its
    /// first part (before any hyphen, which ends at `firstPartEnd`).
    ///
    /// Inlined for the common token, all ASCII and not a URL, emoticon or emoji, whose key is the
    /// comment's characters lowercased already: the call cost about as much as the token's shape test.
    /// The others make a key of their own out of line.
    @inline(__always)
    private mutating func appendToken(from first: Int, _ start: Int, _ end: Int, kind: TokenKind,
                                      _ bytes: UnsafeBufferPointer<UInt8>, firstPartEnd: Int) {
        guard kind != .url, kind != .emoticon, kind != .emoji, let ascii = asciiShape(start, end) else {
            appendKeyedToken(from: first, start, end, kind: kind, bytes, firstPartEnd: firstPartEnd)
            return
        }
        let kind = kind == .word && ascii.at ? wordKind(start, firstPartEnd) : kind
        appendToken(kind, shape: (ascii.allCaps, ascii.elongated, ascii.hyphen), from: first, start, end,
                    key: Int32(truncatingIfNeeded: start), Int32(truncatingIfNeeded: end))
    }

    /// `appendToken` for URLs, emoticons and emoji and for text that is not ASCII: their keys are
    /// appended to `keys`.
    @inline(never)
    private mutating func appendKeyedToken(from first: Int, _ start: Int, _ end: Int, kind: TokenKind,
                                           _ bytes: UnsafeBufferPointer<UInt8>, firstPartEnd: Int) {
        var kind = kind
        let keyStart = Int32(truncatingIfNeeded: keyCount)
        var shape = (allCaps: false, elongated: false, hyphen: false)
        switch kind {
        case .emoticon, .url:
            appendKey(UnsafeBufferPointer(rebasing: bytes[Int(utf8Offset(start))..<Int(utf8Offset(end))]))
        case .emoji:
            appendFoldedKey(start, end, emoji: true)
        case .word, .hashtag, .mention, .email, .number, .punctuation:
            appendFoldedKey(start, end, emoji: false)
            let keyEnd = Int32(truncatingIfNeeded: keyCount)
            shape = (isAllCaps(start, end), isElongated(keyStart, keyEnd), keys[Int(keyStart)..<Int(keyEnd)].contains(0x2D))
            if kind == .word { kind = wordKind(start, firstPartEnd) }
        }
        appendToken(kind, shape: shape, from: first, start, end, key: keyStart, Int32(truncatingIfNeeded: keyCount))
    }

    /// The token both paths of `appendToken` append once its key and shape are known.
    @inline(__always)
    private mutating func appendToken(_ kind: TokenKind, shape: (allCaps: Bool, elongated: Bool, hyphen: Bool),
                                      from first: Int, _ start: Int, _ end: Int, key keyStart: Int32, _ keyEnd: Int32) {
        let wordLike = kind.isWordLike
        var token = Token(
            kind: kind, isAllCaps: wordLike && shape.allCaps, isElongated: wordLike && shape.elongated,
            isBoundary: false, isTerminator: false, hasHyphen: shape.hyphen, mark: 0, start: scalarOffset(first), end: scalarOffset(end),
            textStart: utf8Offset(start), textEnd: utf8Offset(end), keyStart: keyStart, keyEnd: keyEnd)
        if kind == .punctuation { classifyPunctuation(&token) }
        // In bounds: `buildTokens` made room for a token per segment.
        (tokenRoom.base + tokenCount).initialize(to: token)
        tokenCount += 1
    }

    /// Makes room for `length` more key bytes.
    private mutating func reserveKeys(_ length: Int) {
        if keyCount + length > keys.count { keys += repeatElement(0, count: max(keys.count, length)) }
    }

    private mutating func appendKey(_ bytes: UnsafeBufferPointer<UInt8>) {
        reserveKeys(bytes.count)
        let start = keyCount
        keys.withUnsafeMutableBufferPointer { keys in
            for (offset, byte) in bytes.enumerated() { keys[start + offset] = byte }
        }
        keyCount += bytes.count
    }

    /// The key of text that is not plain ASCII, made by ICU's folding.
    private mutating func appendFoldedKey(_ start: Int, _ end: Int, emoji: Bool) {
        folded.removeAll(keepingCapacity: true)
        let folder = self.folder
        units.withUnsafeBufferPointer { buffer in
            folder.appendKey(of: UnsafeBufferPointer(rebasing: buffer[start..<end]), emoji: emoji, to: &folded)
        }
        let key = folded
        key.withUnsafeBufferPointer { appendKey($0) }
    }

    /// For a token of ASCII characters only (its key is then already in `keys`): whether it is written
    /// in capitals (two or more, no lowercase letter), elongated (a letter three times in a row), has a
    /// hyphen or an `@`. Nil when a character is not ASCII. The shapes are read eight at a time (the
    /// buffer has room past the end), masked to the token.
    private mutating func asciiShape(_ start: Int, _ end: Int) -> (allCaps: Bool, elongated: Bool, hyphen: Bool, at: Bool)? {
        shapes.withUnsafeBytes { shapes in
            var all: UInt64 = 0, runs: UInt64 = 0, upper: UInt64 = 0
            // A run must lie inside the token: its third letter at least two past the start.
            var inside = ~UInt64(0) << 16
            var offset = start
            repeat {
                var word = shapes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                if end - offset < 8 { word = Bytes.prefix(word, end - offset) }
                all |= word
                runs |= word & inside
                // Multiplied by `ones`, the sum of the eight upper bits (bit 0) lands in the top byte.
                upper &+= ((word & UInt64(splat: Shape.upper)) &* Bytes.ones) >> 56
                inside = ~0
                offset += 8
            } while offset < end
            all |= all >> 32
            all |= all >> 16
            all |= all >> 8
            let bits = UInt8(truncatingIfNeeded: all)
            guard bits & Shape.notASCII == 0 else { return nil }
            return (upper >= 2 && bits & Shape.lower == 0, runs & UInt64(splat: Shape.elongation) != 0,
                    bits & Shape.hyphen != 0, bits & Shape.at != 0)
        }
    }

    /// Sets the punctuation flags from the token's key (folded, so `！` is `!` and `…` is `...`).
    private mutating func classifyPunctuation(_ token: inout Token) {
        let first = keys[Int(token.keyStart)]
        if token.keyLength == 1, first < 0x80 { token.mark = first }
        switch first {
        case 0x2C, 0x2E, 0x21, 0x3F, 0x3B, 0x3A, 0x28, 0x29:
            token.isBoundary = true
        case 0xE2 where token.keyLength >= 3 && keys[Int(token.keyStart) + 1] == 0x80:
            // – and — are E2 80 93 and E2 80 94.
            token.isBoundary = keys[Int(token.keyStart) + 2] == 0x93 || keys[Int(token.keyStart) + 2] == 0x94
        default:
            break
        }
        token.isTerminator = singleUnit(token).map(Self.isTerminator) ?? false
    }

    /// The key as one UTF-16 unit, if it is exactly one (one scalar below U+10000). Inlined into
    /// `classifyPunctuation`, where the call and the optional cost more than the usual one-byte key.
    @inline(__always)
    private mutating func singleUnit(_ token: Token) -> UInt16? {
        let start = Int(token.keyStart)
        switch token.keyLength {
        case 1: return UInt16(keys[start])
        case 2 where keys[start] & 0xE0 == 0xC0:
            return UInt16(keys[start] & 0x1F) << 6 | UInt16(keys[start + 1] & 0x3F)
        case 3 where keys[start] & 0xF0 == 0xE0:
            return UInt16(keys[start] & 0x0F) << 12 | UInt16(keys[start + 1] & 0x3F) << 6 | UInt16(keys[start + 2] & 0x3F)
        default: return nil
        }
    }

    private mutating func isAllCaps(_ start: Int, _ end: Int) -> Bool {
        var upper = 0
        for offset in start..<end {
            let unit = units[offset]
            if unit < 0x80 {
                if unit >= 0x61 && unit <= 0x7A { return false }
                if unit >= 0x41 && unit <= 0x5A { upper += 1 }
            } else if unit & 0xF800 != 0xD800 {
                if vocan_is_lower(Int32(unit)) != 0 { return false }
                if vocan_is_upper(Int32(unit)) != 0 { upper += 1 }
            }
        }
        return upper >= 2
    }

    private mutating func isElongated(_ start: Int32, _ end: Int32) -> Bool {
        var previous: UInt8 = 0
        var run = 0
        for offset in Int(start)..<Int(end) {
            let byte = keys[offset]
            if byte == previous, byte >= 0x61, byte <= 0x7A {
                run += 1
                if run >= 3 { return true }
            } else {
                previous = byte
                run = 1
            }
        }
        return false
    }

    // MARK: - Sentences

    /// Units that may end a sentence (terminal punctuation and line breaks). `Bytes.terminators` tests
    /// the ASCII ones (line breaks U+000A...U+000D, `.`, `!`, `?`) eight or sixteen bytes at a time.
    private static func isTerminator(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x2E, 0x21, 0x3F, 0x0A, 0x0D, 0x2026, 0x3002, 0x2029, 0x2028, 0x85, 0x0B, 0x0C, 0xFF01, 0xFF1F, 0x203C, 0x2047, 0x2048, 0x2049:
            return true
        default:
            return false
        }
    }

    /// Splits the tokenized comment into sentences with the rules of `locale`.
    public mutating func splitSentences(_ locale: SentenceLocale) {
        // Empty already after `tokenize`, which spares the call.
        if !sentences.isEmpty { sentences.removeAll(keepingCapacity: true) }
        if let whole = singleSentence() {
            sentences.append(whole)
            return
        }
        var status = U_ZERO_ERROR
        let iterator = locale == .german ? iterators.german : iterators.english
        units.withUnsafeBufferPointer { buffer in
            vocan_ubrk_setText(iterator, buffer.baseAddress, Int32(length), &status)
        }
        guard status.rawValue <= 0 else { return }
        var tokenIndex = 0
        var start = Int(vocan_ubrk_first(iterator))
        while true {
            let next = Int(vocan_ubrk_next(iterator))
            if next < 0 { break }
            var end = next
            while end > start, Self.isSpace(units[end - 1]) { end -= 1 }
            var first = start
            while first < end, Self.isSpace(units[first]) { first += 1 }
            let scalarEnd = scalarOffset(end)
            let firstToken = tokenIndex
            while tokenIndex < tokens.count, tokens[tokenIndex].start < scalarEnd { tokenIndex += 1 }
            if locale == .german, tokenIndex < tokens.count, tokens[tokenIndex].kind.isWordLike,
               endsInOrdinal(firstToken..<tokenIndex) {
                // Not a sentence end: the next piece continues this sentence.
                tokenIndex = firstToken
                continue
            }
            if first < end, tokenIndex > firstToken {
                sentences.append(SentenceSpan(tokens: firstToken..<tokenIndex, start: scalarOffset(first), end: scalarEnd,
                                              textStart: utf8Offset(first), textEnd: utf8Offset(end)))
            }
            start = next
        }
    }

    /// Whether an all-ASCII comment has a terminator before unit `end`, read sixteen keys at a time, the
    /// rest eight at a time (ASCII keys are the comment's characters lowercased, which leaves terminators
    /// as they are).
    private mutating func hasASCIITerminator(before end: Int) -> Bool {
        keys.withUnsafeBytes { keys in
            var offset = 0
            while offset + 16 <= end {
                let found = Bytes.terminators(keys.loadUnaligned(fromByteOffset: offset, as: SIMD16<UInt8>.self))
                // Its two halves, to test all sixteen bytes at once.
                let halves = unsafeBitCast(found, to: (UInt64, UInt64).self)
                if halves.0 | halves.1 != 0 { return true }
                offset += 16
            }
            while offset < end {
                var word = keys.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                if end - offset < 8 { word = Bytes.prefix(word, end - offset) }
                if Bytes.terminators(word) != 0 { return true }
                offset += 8
            }
            return false
        }
    }

    /// Whether a comment that is not all ASCII has a terminator before scalar offset `end`.
    private mutating func hasTerminator(before end: Int) -> Bool {
        units.withUnsafeBufferPointer { units in
            scalarOffsets.withUnsafeBufferPointer { scalarOffsets in
                var index = 0
                while index < length, Int(scalarOffsets[index]) < end {
                    if Self.isTerminator(units[index]) { return true }
                    index += 1
                }
                return false
            }
        }
    }

    /// German writes ordinals as a number and a period ("zum 3. Mal", "am 24. Mai", "in der 1. Klasse");
    /// ICU's sentence rules take that period for a full stop when a capitalized word follows.
    private mutating func endsInOrdinal(_ range: Range<Int>) -> Bool {
        guard range.count >= 2 else { return false }
        let period = tokens[range.upperBound - 1], number = tokens[range.upperBound - 2]
        guard period.kind == .punctuation, period.mark == 0x2E, number.kind == .number, number.end == period.start,
              number.keyLength <= 3 else { return false }
        return keys[Int(number.keyStart)..<Int(number.keyEnd)].allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
    }

    /// Most short comments are one sentence: without a terminator or line break before the last token,
    /// ICU's sentence iterator has nothing to split and is skipped.
    private mutating func singleSentence() -> SentenceSpan? {
        // The last token that is not itself a terminator; a terminator before it may end a sentence.
        guard let lastContent = tokens.last(where: { !$0.isTerminator }) else { return nil }
        if isASCII ? hasASCIITerminator(before: lastContent.start) : hasTerminator(before: lastContent.start) { return nil }
        var first = 0
        while first < length, Self.isSpace(units[first]) { first += 1 }
        var end = length
        while end > first, Self.isSpace(units[end - 1]) { end -= 1 }
        return SentenceSpan(tokens: 0..<tokens.count, start: scalarOffset(first), end: scalarOffset(end),
                            textStart: utf8Offset(first), textEnd: utf8Offset(end))
    }
}

/// Eight bytes in an integer or sixteen in a vector, for the `Bytes` tests, which work on each byte alone.
private protocol ByteLanes {
    /// `byte` in every byte.
    init(splat byte: UInt8)
    static func & (lhs: Self, rhs: Self) -> Self
    static func | (lhs: Self, rhs: Self) -> Self
    static func ^ (lhs: Self, rhs: Self) -> Self
    static func &+ (lhs: Self, rhs: Self) -> Self
    static prefix func ~ (operand: Self) -> Self
    static func &>> (lhs: Self, rhs: UInt8) -> Self
}

extension UInt64: ByteLanes {
    fileprivate init(splat byte: UInt8) { self = 0x0101_0101_0101_0101 &* UInt64(byte) }
}

extension SIMD16: ByteLanes where Scalar == UInt8 {
    fileprivate init(splat byte: UInt8) { self.init(repeating: byte) }
}

/// The ASCII emoticons a segmenter recognizes, each packed into one integer (no string per candidate)
/// and found by binary search (no hashing); the rare ones with a unit outside U+0001...U+00FF as arrays.
private struct EmoticonSet {
    /// The packed emoticons, sorted.
    private let packed: [UInt64]
    private let wide: Set<[UInt16]>
    /// Bit set over UTF-16 units: can an emoticon start with this unit?
    private let starts: [UInt64]
    let maxLength: Int

    init(_ emoticons: some Sequence<String>) {
        let all = Set(emoticons.map { Array($0.utf16) }.filter { !$0.isEmpty && $0.count <= 6 })
        packed = all.compactMap(Self.pack).sorted()
        wide = all.filter { Self.pack($0) == nil }
        var starts = [UInt64](repeating: 0, count: 1024)
        for emoticon in all { starts[Int(emoticon[0] >> 6)] |= 1 << UInt64(emoticon[0] & 63) }
        self.starts = starts
        maxLength = all.map(\.count).max() ?? 0
    }

    func mayStart(with unit: UInt16) -> Bool { starts[Int(unit >> 6)] & (1 << UInt64(unit & 63)) != 0 }

    func contains(_ units: UnsafeBufferPointer<UInt16>) -> Bool {
        guard let key = Self.pack(units) else { return !wide.isEmpty && wide.contains(Array(units)) }
        var low = 0, high = packed.count
        while low < high {
            let middle = (low + high) / 2
            if packed[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low < packed.count && packed[low] == key
    }

    /// Up to eight units in one integer, a byte each, when all are in U+0001...U+00FF (no zero byte, so
    /// lengths stay distinct); nil otherwise.
    private static func pack(_ units: some Sequence<UInt16>) -> UInt64? {
        var key: UInt64 = 0
        for unit in units {
            guard unit &- 1 < 0xFF else { return nil }
            key = key << 8 | UInt64(unit)
        }
        return key
    }
}
