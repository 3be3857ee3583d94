@_implementationOnly import CICU

/// Cuts comments into tokens and sentences with ICU's break iterators, plus a thin layer that the
/// iterator lacks: URLs, emoticons, hashtags and hyphenated compounds become single tokens and emoji
/// are told apart from punctuation.
///
/// A segmenter reuses its buffers and ICU iterators; it is not thread-safe, so give each thread its own.
public final class Segmenter {
    private let words: OpaquePointer
    private let sentencesByLocale: [SentenceLocale: OpaquePointer]
    private let folder: KeyFolder
    /// Emoticons of up to four UTF-16 units, packed into one integer each (no String per candidate).
    private let shortEmoticons: Set<UInt64>
    /// The rare longer ones.
    private let longEmoticons: Set<String>
    /// Bit set over UTF-16 units: can an emoticon start with this unit?
    private let emoticonStarts: [UInt64]
    private let maxEmoticonLength: Int
    private var units = [UInt16](repeating: 0, count: 4096)
    private var length = 0
    private var segments: [RawSegment] = []
    private var scalarOffsets: [Int32] = []
    private var hasSurrogates = false

    /// Locales for sentence breaking; `ss=standard` keeps abbreviations such as `z.B.` or `Dr.` inside sentences.
    public enum SentenceLocale: String, Sendable, CaseIterable {
        case german = "de@ss=standard"
        case english = "en@ss=standard"
    }

    /// - Parameter emoticons: ASCII emoticons to recognize (`:-)`, `<3`...), usually from the lexicons.
    public init(emoticons: some Sequence<String>) throws {
        var status = U_ZERO_ERROR
        guard let words = vocan_ubrk_open(UBRK_WORD, "root", &status), status.rawValue <= 0 else {
            throw TextError("opening the word break iterator", status: status.rawValue)
        }
        self.words = words
        var sentences: [SentenceLocale: OpaquePointer] = [:]
        for locale in SentenceLocale.allCases {
            guard let iterator = vocan_ubrk_open(UBRK_SENTENCE, locale.rawValue, &status), status.rawValue <= 0 else {
                throw TextError("opening the sentence break iterator for \(locale.rawValue)", status: status.rawValue)
            }
            sentences[locale] = iterator
        }
        sentencesByLocale = sentences
        folder = try KeyFolder()
        let set = Set(emoticons.filter { !$0.isEmpty && $0.utf16.count <= 6 })
        shortEmoticons = Set(set.filter { $0.utf16.count <= 4 }.map { Self.pack($0.utf16) })
        longEmoticons = set.filter { $0.utf16.count > 4 }
        var starts = [UInt64](repeating: 0, count: 1024)
        for emoticon in set { if let unit = emoticon.utf16.first { starts[Int(unit >> 6)] |= 1 << UInt64(unit & 63) } }
        emoticonStarts = starts
        maxEmoticonLength = set.map { $0.utf16.count }.max() ?? 0
    }

    deinit {
        vocan_ubrk_close(words)
        for iterator in sentencesByLocale.values { vocan_ubrk_close(iterator) }
    }

    /// The key of a lexicon term or any string, folded exactly like token keys.
    public func key(_ text: String) -> String { folder.key(text) }

    /// Tokenizes `text`, asks `locale` which sentence rules fit those tokens (language detection sits
    /// there), and splits the sentences.
    public func segment(_ text: String, locale: ([Token]) -> SentenceLocale) -> Segmentation {
        load(text)
        let tokens = tokenize()
        let sentences = splitSentences(tokens, iterator: sentencesByLocale[locale(tokens)]!)
        return Segmentation(tokens: tokens, sentences: sentences)
    }

    // MARK: - Loading

    private func load(_ text: String) {
        var utf8 = text
        utf8.withUTF8 { bytes in
            if units.count < bytes.count + 1 { units = [UInt16](repeating: 0, count: bytes.count * 2 + 16) }
            var status = U_ZERO_ERROR
            var written: Int32 = 0
            units.withUnsafeMutableBufferPointer { out in
                bytes.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) { source in
                    _ = vocan_u_strFromUTF8(out.baseAddress, Int32(out.count), &written, source, Int32(bytes.count), &status)
                }
            }
            length = status.rawValue <= 0 ? Int(written) : 0
        }
        hasSurrogates = false
        for index in 0..<length where units[index] & 0xF800 == 0xD800 {
            hasSurrogates = true
            break
        }
        if hasSurrogates {
            scalarOffsets.removeAll(keepingCapacity: true)
            var scalar: Int32 = 0
            for index in 0..<length {
                scalarOffsets.append(scalar)
                if units[index] & 0xFC00 != 0xDC00 { scalar += 1 }
            }
            scalarOffsets.append(scalar)
            // A low surrogate shares its scalar with the high one; offsets past it point at the next scalar.
            for index in 0..<length where units[index] & 0xFC00 == 0xDC00 { scalarOffsets[index] = scalarOffsets[index + 1] }
        }
    }

    private func scalarOffset(_ utf16Offset: Int) -> Int {
        hasSurrogates ? Int(scalarOffsets[utf16Offset]) : utf16Offset
    }

    // MARK: - Words

    private enum SegmentClass: UInt8 { case word, number, other, emoji }

    private struct RawSegment {
        var start: Int
        var end: Int
        var kind: SegmentClass
    }

    private func tokenize() -> [Token] {
        collectSegments()
        var tokens: [Token] = []
        tokens.reserveCapacity(segments.count)
        var index = 0
        while index < segments.count {
            let segment = segments[index]
            if segment.kind == .word, let last = urlEnd(from: index) {
                tokens.append(makeToken(segments[index].start, segments[last].end, kind: .url))
                index = last + 1
            } else if let last = emoticonEnd(from: index) {
                tokens.append(makeToken(segment.start, segments[last].end, kind: .emoticon))
                index = last + 1
            } else if segment.kind == .other, unit(segment.start) == 0x23, segment.end - segment.start == 1,
                      index + 1 < segments.count, segments[index + 1].kind == .word, adjacent(index) {
                var token = makeToken(segments[index + 1].start, segments[index + 1].end, kind: .hashtag)
                token.start = scalarOffset(segment.start)
                tokens.append(token)
                index += 2
            } else if segment.kind == .word {
                let last = hyphenatedEnd(from: index)
                tokens.append(makeToken(segment.start, segments[last].end, kind: wordKind(segment)))
                index = last + 1
            } else {
                tokens.append(makeToken(segment.start, segment.end, kind: segmentKind(segment)))
                index += 1
            }
        }
        return tokens
    }

    private func collectSegments() {
        segments.removeAll(keepingCapacity: true)
        var status = U_ZERO_ERROR
        units.withUnsafeBufferPointer { buffer in
            vocan_ubrk_setText(words, buffer.baseAddress, Int32(length), &status)
        }
        guard status.rawValue <= 0 else { return }
        var start = Int(vocan_ubrk_first(words))
        while true {
            let next = Int(vocan_ubrk_next(words))
            if next < 0 { break }
            let rule = vocan_ubrk_getRuleStatus(words)
            let kind: SegmentClass
            if rule >= 200 {
                kind = .word
            } else if rule >= 100 {
                kind = .number
            } else if isSpace(units[start]) {
                start = next
                continue
            } else {
                kind = vocan_is_pictographic(scalar(at: start)) != 0 ? .emoji : .other
            }
            segments.append(RawSegment(start: start, end: next, kind: kind))
            start = next
        }
    }

    private func adjacent(_ index: Int) -> Bool {
        index + 1 < segments.count && segments[index].end == segments[index + 1].start
    }

    private func unit(_ offset: Int) -> UInt16 { units[offset] }

    private func scalar(at offset: Int) -> Int32 {
        let high = units[offset]
        if high & 0xFC00 == 0xD800, offset + 1 < length {
            return 0x10000 + ((Int32(high) - 0xD800) << 10) + (Int32(units[offset + 1]) - 0xDC00)
        }
        return Int32(high)
    }

    private func isSpace(_ unit: UInt16) -> Bool {
        unit == 0x20 || (unit >= 0x09 && unit <= 0x0D) || unit == 0xA0 || unit == 0x3000 || unit == 0x200B
            || (unit >= 0x2000 && unit <= 0x200A) || unit == 0x2028 || unit == 0x2029 || unit == 0x202F || unit == 0xFEFF
    }

    private func matches(_ segment: RawSegment, _ lowercaseASCII: String) -> Bool {
        guard segment.end - segment.start == lowercaseASCII.utf8.count else { return false }
        for (offset, byte) in lowercaseASCII.utf8.enumerated() where units[segment.start + offset] | 0x20 != UInt16(byte) {
            return false
        }
        return true
    }

    /// `http(s)://…` or `www.…`: the run of touching segments up to white space, minus trailing punctuation.
    private func urlEnd(from index: Int) -> Int? {
        let first = segments[index]
        let scheme = matches(first, "http") || matches(first, "https")
        let www = matches(first, "www") || (first.end - first.start > 4 && matches(RawSegment(start: first.start, end: first.start + 4, kind: .word), "www."))
        guard scheme || www, adjacent(index) || first.end - first.start > 4 else { return nil }
        if scheme && !(adjacent(index) && unit(segments[index + 1].start) == 0x3A) { return nil }
        var last = index
        while adjacent(last) { last += 1 }
        while last > index, segments[last].kind == .other, segments[last].end - segments[last].start == 1,
              [0x2E, 0x2C, 0x21, 0x3F, 0x3B, 0x3A, 0x29, 0x22, 0x27].contains(unit(segments[last].start)) {
            last -= 1
        }
        return last
    }

    /// The longest known emoticon made of touching segments starting at `index`.
    private func emoticonEnd(from index: Int) -> Int? {
        let first = segments[index]
        let start = unit(first.start)
        guard maxEmoticonLength > 0, first.kind != .emoji, emoticonStarts[Int(start >> 6)] & (1 << UInt64(start & 63)) != 0 else { return nil }
        if first.kind == .word || first.kind == .number, first.end - first.start > 2 { return nil }
        // An emoticon that starts with a letter or digit must not continue a word ("ex:D" is not one).
        if first.kind != .other, first.start > 0, isAlphanumeric(unit(first.start - 1)) { return nil }
        var last = index
        while adjacent(last), segments[last + 1].end - first.start <= maxEmoticonLength { last += 1 }
        while last >= index {
            let end = segments[last].end
            if end - first.start <= maxEmoticonLength {
                let endsInWord = segments[last].kind != .other && end < length && isAlphanumeric(unit(end))
                if !endsInWord, isEmoticon(first.start..<end) { return last }
            }
            last -= 1
        }
        return nil
    }

    private func isEmoticon(_ range: Range<Int>) -> Bool {
        if range.count <= 4 { return shortEmoticons.contains(Self.pack(units[range])) }
        return longEmoticons.contains(units.withUnsafeBufferPointer { String(decoding: $0[range], as: UTF16.self) })
    }

    /// Up to four UTF-16 units in one integer; units are never zero, so lengths stay distinct.
    private static func pack(_ units: some Sequence<UInt16>) -> UInt64 {
        units.reduce(0) { $0 << 16 | UInt64($1) }
    }

    private func isAlphanumeric(_ unit: UInt16) -> Bool {
        (unit | 0x20) >= 0x61 && (unit | 0x20) <= 0x7A || (unit >= 0x30 && unit <= 0x39) || unit >= 0xC0 && unit < 0x2000
    }

    /// `Top-Beratung`, `E-Mail`, `Kundenservice-Hotline`: words joined by a hyphen without spaces.
    private func hyphenatedEnd(from index: Int) -> Int {
        var last = index
        while last + 2 < segments.count, adjacent(last), adjacent(last + 1),
              segments[last + 1].kind == .other, segments[last + 1].end - segments[last + 1].start == 1,
              [0x2D, 0x2010, 0x2011].contains(unit(segments[last + 1].start)),
              segments[last + 2].kind == .word {
            last += 2
        }
        return last
    }

    private func wordKind(_ segment: RawSegment) -> TokenKind {
        if unit(segment.start) == 0x40 { return .mention }
        for offset in segment.start..<segment.end where unit(offset) == 0x40 { return .email }
        return .word
    }

    private func segmentKind(_ segment: RawSegment) -> TokenKind {
        switch segment.kind {
        case .word: wordKind(segment)
        case .number: .number
        case .emoji: .emoji
        case .other: .punctuation
        }
    }

    private func makeToken(_ start: Int, _ end: Int, kind: TokenKind) -> Token {
        units.withUnsafeBufferPointer { buffer in
            let slice = UnsafeBufferPointer(rebasing: buffer[start..<end])
            let text = folder.string(slice)
            let key: String
            switch kind {
            case .emoji: key = folder.key(of: slice, emoji: true)
            case .emoticon, .url: key = text
            case .hashtag, .mention, .word, .email, .number, .punctuation: key = folder.key(of: slice, emoji: false)
            }
            let wordLike = kind == .word || kind == .hashtag
            return Token(
                text: text, key: key, kind: kind, start: scalarOffset(start), end: scalarOffset(end),
                isAllCaps: wordLike && isAllCaps(slice), isElongated: wordLike && isElongated(key))
        }
    }

    private func isAllCaps(_ slice: UnsafeBufferPointer<UInt16>) -> Bool {
        var upper = 0
        for unit in slice {
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

    private func isElongated(_ key: String) -> Bool {
        var previous: UInt8 = 0
        var run = 0
        for byte in key.utf8 {
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

    /// Units that may end a sentence (terminal punctuation and line breaks).
    private static func isTerminator(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x2E, 0x21, 0x3F, 0x0A, 0x0D, 0x2026, 0x3002, 0x2029, 0x2028, 0x85, 0x0B, 0x0C, 0xFF01, 0xFF1F, 0x203C, 0x2047, 0x2048, 0x2049:
            return true
        default:
            return false
        }
    }

    /// Most short comments are one sentence: without a terminator or line break before the last token,
    /// ICU's sentence iterator has nothing to split and is skipped.
    private func singleSentence(_ tokens: [Token]) -> SentenceSpan? {
        // The last token that is not itself a terminator; a terminator before it may end a sentence.
        guard let lastContent = tokens.last(where: { !($0.kind == .punctuation && $0.key.utf16.count == 1 && Self.isTerminator($0.key.utf16.first!)) })
        else { return nil }
        for index in 0..<length where Self.isTerminator(units[index]) {
            if scalarOffset(index) < lastContent.start { return nil }
        }
        var first = 0
        while first < length, isSpace(units[first]) { first += 1 }
        var end = length
        while end > first, isSpace(units[end - 1]) { end -= 1 }
        let text = units.withUnsafeBufferPointer { buffer in
            let slice = UnsafeBufferPointer(rebasing: buffer[first..<end])
            return folder.string(slice)
        }
        return SentenceSpan(text: text, tokens: 0..<tokens.count, start: scalarOffset(first), end: scalarOffset(end))
    }

    private func splitSentences(_ tokens: [Token], iterator: OpaquePointer) -> [SentenceSpan] {
        if let whole = singleSentence(tokens) { return [whole] }
        var status = U_ZERO_ERROR
        units.withUnsafeBufferPointer { buffer in
            vocan_ubrk_setText(iterator, buffer.baseAddress, Int32(length), &status)
        }
        guard status.rawValue <= 0 else { return [] }
        var sentences: [SentenceSpan] = []
        var tokenIndex = 0
        var start = Int(vocan_ubrk_first(iterator))
        while true {
            let next = Int(vocan_ubrk_next(iterator))
            if next < 0 { break }
            var end = next
            while end > start, isSpace(units[end - 1]) { end -= 1 }
            var first = start
            while first < end, isSpace(units[first]) { first += 1 }
            let scalarEnd = scalarOffset(end)
            let firstToken = tokenIndex
            while tokenIndex < tokens.count, tokens[tokenIndex].start < scalarEnd { tokenIndex += 1 }
            if first < end, tokenIndex > firstToken {
                let text = units.withUnsafeBufferPointer { folder.string(UnsafeBufferPointer(rebasing: $0[first..<end])) }
                sentences.append(SentenceSpan(
                    text: text, tokens: firstToken..<tokenIndex, start: scalarOffset(first), end: scalarEnd))
            }
            start = next
        }
        return sentences
    }
}
