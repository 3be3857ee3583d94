// Not `internal import`: without library evolution clients would still load CICU, whose ICU clashes with
// Foundation's (UErrorCode defined twice). Swift 6.3 warns about @_implementationOnly here; that is expected.
@_implementationOnly import CICU

/// Turns surface text into lookup keys so that `Ärger`, `aerger` and `ÄRGER` meet, and `ß`/`ss` too.
///
/// ASCII takes a fast path in Swift; German umlauts are spelled out in Swift; everything else goes
/// through ICU's NFKC case folding, then accents are dropped by NFD decomposition (`café` → `cafe`),
/// and only Latin letters still not ASCII (`ø`, `æ`) get the spelling of ICU's `de-ASCII`
/// transliterator: from a `LatinSpellings` table made with it once (the engine carries one), or from
/// the transliterator itself, whose registry costs tens of milliseconds to build.
/// Emoji keep their code points but lose skin tones and variation selectors.
/// Not thread-safe: use one folder per thread.
final class KeyFolder {
    private let normalizer: UnsafeRawPointer
    private let decomposer: UnsafeRawPointer
    /// Opened on first use: creating it builds ICU's transliterator registry, which costs ~30 ms.
    private var transliterator: UnsafeMutableRawPointer?
    private let spellings: LatinSpellings?
    private var scratch = [UInt16](repeating: 0, count: 256)
    private var folded = [UInt16](repeating: 0, count: 256)

    init(spellings: LatinSpellings? = nil) throws {
        self.spellings = spellings
        var status = U_ZERO_ERROR
        guard let normalizer = vocan_nfkc_casefold(&status), status.rawValue <= 0 else {
            throw TextError("opening the NFKC_Casefold normalizer", status: status.rawValue)
        }
        self.normalizer = normalizer
        guard let decomposer = vocan_nfd(&status), status.rawValue <= 0 else {
            throw TextError("opening the NFD normalizer", status: status.rawValue)
        }
        self.decomposer = decomposer
    }

    deinit {
        if let transliterator { vocan_utrans_close(transliterator) }
    }

    private func openTransliterator() -> UnsafeMutableRawPointer? {
        if let transliterator { return transliterator }
        var status = U_ZERO_ERROR
        let id = Array("de-ASCII".utf16)
        transliterator = vocan_utrans_open(id, Int32(id.count), &status)
        return status.rawValue <= 0 ? transliterator : nil
    }

    /// The key of a whole string (a lexicon term or a single word).
    func key(_ text: String) -> String {
        var bytes: [UInt8] = []
        Array(text.utf16).withUnsafeBufferPointer { appendKey(of: $0, emoji: false, to: &bytes) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the UTF-8 key of UTF-16 text to `output`; `emoji` keys only drop skin tones and variation selectors.
    func appendKey(of units: UnsafeBufferPointer<UInt16>, emoji: Bool, to output: inout [UInt8]) {
        if emoji { return appendEmojiKey(units, to: &output) }
        var ascii = true
        for unit in units where unit >= 0x80 {
            ascii = false
            break
        }
        if ascii {
            for unit in units {
                let byte = UInt8(truncatingIfNeeded: unit)
                output.append(byte &- 0x41 < 26 ? byte | 0x20 : byte)
            }
        } else {
            appendSlowKey(units, to: &output)
        }
    }

    /// NFKC case folding, umlauts, accents, then the ASCII spelling of letters still not ASCII
    /// (unless `respell` is false).
    private func appendSlowKey(_ units: UnsafeBufferPointer<UInt16>, to output: inout [UInt8], respell: Bool = true) {
        var status = U_ZERO_ERROR
        if folded.count < units.count * 4 + 16 { folded = [UInt16](repeating: 0, count: units.count * 4 + 16) }
        var length = folded.withUnsafeMutableBufferPointer { out in
            vocan_unorm2_normalize(
                normalizer, units.baseAddress, Int32(units.count),
                out.baseAddress, Int32(out.count), &status)
        }
        guard status.rawValue <= 0 else { return Self.appendUTF8(units, to: &output) }
        // Spell out umlauts (the German convention), unify apostrophes; case folding made ß → ss.
        if scratch.count < Int(length) * 2 + 16 { scratch = [UInt16](repeating: 0, count: Int(length) * 2 + 16) }
        var count = 0
        var stillNonASCII = false
        for index in 0..<Int(length) {
            let unit = folded[index]
            switch unit {
            case 0xE4: scratch[count] = 0x61; scratch[count + 1] = 0x65; count += 2
            case 0xF6: scratch[count] = 0x6F; scratch[count + 1] = 0x65; count += 2
            case 0xFC: scratch[count] = 0x75; scratch[count + 1] = 0x65; count += 2
            case 0x2019, 0x2018, 0x00B4, 0x0060: scratch[count] = 0x27; count += 1
            default:
                if unit >= 0x80 { stillNonASCII = true }
                scratch[count] = unit
                count += 1
            }
        }
        length = Int32(count)
        if stillNonASCII {
            (length, stillNonASCII) = stripAccents(length)
        }
        if respell, stillNonASCII, let spellings {
            length = spellings.spell(&scratch, count: Int(length))
        } else if respell, stillNonASCII, let transliterator = openTransliterator() {
            var limit = length
            scratch.withUnsafeMutableBufferPointer { buffer in
                vocan_utrans_transUChars(
                    transliterator, buffer.baseAddress, &length, Int32(buffer.count), &limit, &status)
            }
            if status.rawValue > 0 { length = Int32(count) }
        }
        scratch.withUnsafeBufferPointer { Self.appendUTF8(UnsafeBufferPointer(rebasing: $0[0..<Int(length)]), to: &output) }
    }

    /// Decomposes `scratch[0..<length]` and drops combining marks (U+0300–U+036F): `é` → `e`.
    private func stripAccents(_ length: Int32) -> (Int32, stillLatin: Bool) {
        var status = U_ZERO_ERROR
        if folded.count < Int(length) * 4 + 16 { folded = [UInt16](repeating: 0, count: Int(length) * 4 + 16) }
        let decomposed = scratch.withUnsafeBufferPointer { source in
            folded.withUnsafeMutableBufferPointer { out in
                vocan_unorm2_normalize(decomposer, source.baseAddress, length, out.baseAddress, Int32(out.count), &status)
            }
        }
        guard status.rawValue <= 0 else { return (length, true) }
        var count = 0
        var nonASCII = false
        for index in 0..<Int(decomposed) where !(0x300...0x36F).contains(folded[index]) {
            let unit = folded[index]
            scratch[count] = unit
            // Only Latin letters have an ASCII spelling worth the transliterator (ø → o); `ツ` stays.
            nonASCII = nonASCII || (0x80...0x24F).contains(unit) || (0x1E00...0x1EFF).contains(unit)
            count += 1
        }
        return (Int32(count), nonASCII)
    }

    private func appendEmojiKey(_ units: UnsafeBufferPointer<UInt16>, to output: inout [UInt8]) {
        if scratch.count < units.count { scratch = [UInt16](repeating: 0, count: units.count * 2) }
        var count = 0
        var index = 0
        while index < units.count {
            let unit = units[index]
            // U+1F3FB–U+1F3FF (skin tones) are D83C DFFB–DFFF in UTF-16.
            if unit == 0xD83C, index + 1 < units.count, (0xDFFB...0xDFFF).contains(units[index + 1]) {
                index += 2
                continue
            }
            if unit != 0xFE0F && unit != 0xFE0E {
                scratch[count] = unit
                count += 1
            }
            index += 1
        }
        scratch.withUnsafeBufferPointer { Self.appendUTF8(UnsafeBufferPointer(rebasing: $0[0..<count]), to: &output) }
    }

    /// The `de-ASCII` spelling of every Latin letter that folding and accent stripping leave non-ASCII.
    func latinSpellings() -> LatinSpellings {
        var table: [(UInt16, [UInt16])] = []
        for unit in Array(0x80...0x24F) + Array(0x1E00...0x1EFF) {
            var units = [UInt16(unit)]
            var key: [UInt8] = []
            units.withUnsafeBufferPointer { appendSlowKey($0, to: &key, respell: false) }
            // Only letters whose key is still a single non-ASCII unit need a spelling.
            let folded = Array(String(decoding: key, as: UTF8.self).utf16)
            guard folded.count == 1, folded[0] >= 0x80, folded[0] == UInt16(unit) else { continue }
            guard let transliterator = openTransliterator() else { break }
            units = [UInt16](repeating: 0, count: 16)
            units[0] = UInt16(unit)
            var length: Int32 = 1, limit: Int32 = 1
            var status = U_ZERO_ERROR
            units.withUnsafeMutableBufferPointer {
                vocan_utrans_transUChars(transliterator, $0.baseAddress, &length, Int32($0.count), &limit, &status)
            }
            if status.rawValue <= 0, length > 0, Array(units[0..<Int(length)]) != [UInt16(unit)] {
                table.append((UInt16(unit), Array(units[0..<Int(length)])))
            }
        }
        return LatinSpellings(table)
    }

    /// Appends UTF-16 text as UTF-8 (unpaired surrogates become U+FFFD).
    static func appendUTF8(_ units: UnsafeBufferPointer<UInt16>, to output: inout [UInt8]) {
        _ = transcode(units.makeIterator(), from: UTF16.self, to: UTF8.self, stoppingOnError: false) { output.append($0) }
    }
}

/// ASCII spellings of the Latin letters that case folding and accent stripping leave non-ASCII
/// (`ø` → `o`, `æ` → `ae`, `ł` → `l`), as ICU's `de-ASCII` transliterator spells them; made once with
/// the transliterator (`Segmenter.latinSpellings()`) and stored, so that folding never needs it.
public struct LatinSpellings: Sendable {
    /// The letters, sorted, and where their spelling starts in `spelled` (one more entry than letters).
    public let letters: [UInt16]
    public let starts: [Int32]
    public let spelled: [UInt16]

    public init(letters: [UInt16], starts: [Int32], spelled: [UInt16]) {
        self.letters = letters
        self.starts = starts
        self.spelled = spelled
    }

    init(_ table: [(UInt16, [UInt16])]) {
        var starts: [Int32] = [0], spelled: [UInt16] = []
        for (_, spelling) in table {
            spelled += spelling
            starts.append(Int32(spelled.count))
        }
        self.init(letters: table.map(\.0), starts: starts, spelled: spelled)
    }

    /// Respells `units[0..<count]` in place (growing the buffer when needed); returns the new length.
    func spell(_ units: inout [UInt16], count: Int) -> Int32 {
        var result: [UInt16] = []
        result.reserveCapacity(count + 4)
        for index in 0..<count {
            let unit = units[index]
            if unit >= 0x80, let position = binarySearch(unit) {
                result += spelled[Int(starts[position])..<Int(starts[position + 1])]
            } else {
                result.append(unit)
            }
        }
        if units.count < result.count { units = [UInt16](repeating: 0, count: result.count * 2) }
        for (index, unit) in result.enumerated() { units[index] = unit }
        return Int32(result.count)
    }

    private func binarySearch(_ unit: UInt16) -> Int? {
        var low = 0, high = letters.count
        while low < high {
            let middle = (low + high) / 2
            if letters[middle] < unit { low = middle + 1 } else { high = middle }
        }
        return low < letters.count && letters[low] == unit ? low : nil
    }
}
