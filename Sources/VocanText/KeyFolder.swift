@_implementationOnly import CICU

/// Turns surface text into lookup keys so that `Ärger`, `aerger` and `ÄRGER` meet, and `ß`/`ss` too.
///
/// ASCII takes a fast path in Swift; German umlauts are spelled out in Swift; everything else goes
/// through ICU's NFKC case folding, then accents are dropped by NFD decomposition (`café` → `cafe`),
/// and only Latin letters still not ASCII (`ø`, `æ`) go through the `de-ASCII` transliterator.
/// Emoji keep their code points but lose skin tones and variation selectors.
/// Not thread-safe: use one folder per thread.
public final class KeyFolder {
    private let normalizer: UnsafeRawPointer
    private let decomposer: UnsafeRawPointer
    /// Opened on first use: creating it builds ICU's transliterator registry, which costs ~30 ms.
    private var transliterator: UnsafeMutableRawPointer?
    private var scratch = [UInt16](repeating: 0, count: 256)
    private var folded = [UInt16](repeating: 0, count: 256)
    private var bytes = [UInt8](repeating: 0, count: 1024)

    public init() throws {
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
    public func key(_ text: String) -> String {
        let units = Array(text.utf16)
        return units.withUnsafeBufferPointer { key(of: $0, emoji: false) }
    }

    /// The key of UTF-16 text; `emoji` keys only drop skin tones and variation selectors.
    func key(of units: UnsafeBufferPointer<UInt16>, emoji: Bool) -> String {
        if emoji { return emojiKey(units) }
        return ascii(units, lowercased: true) ?? slowKey(units)
    }

    /// UTF-16 text as a Swift string, ASCII directly and the rest through ICU.
    func string(_ units: UnsafeBufferPointer<UInt16>) -> String {
        ascii(units, lowercased: false) ?? utf8String(units)
    }

    /// ASCII text straight from its UTF-16 units (nil if any unit is not ASCII), optionally lowercased.
    private func ascii(_ units: UnsafeBufferPointer<UInt16>, lowercased: Bool) -> String? {
        for unit in units where unit >= 0x80 { return nil }
        return String(unsafeUninitializedCapacity: units.count) { buffer in
            for (index, unit) in units.enumerated() {
                let byte = UInt8(truncatingIfNeeded: unit)
                buffer[index] = lowercased && byte &- 0x41 < 26 ? byte | 0x20 : byte
            }
            return units.count
        }
    }

    private func slowKey(_ units: UnsafeBufferPointer<UInt16>) -> String {
        var status = U_ZERO_ERROR
        if folded.count < units.count * 4 + 16 { folded = [UInt16](repeating: 0, count: units.count * 4 + 16) }
        var length = folded.withUnsafeMutableBufferPointer { out in
            vocan_unorm2_normalize(
                normalizer, units.baseAddress, Int32(units.count),
                out.baseAddress, Int32(out.count), &status)
        }
        guard status.rawValue <= 0 else { return String(decoding: units, as: UTF16.self) }
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
        if stillNonASCII, let transliterator = openTransliterator() {
            var limit = length
            scratch.withUnsafeMutableBufferPointer { buffer in
                vocan_utrans_transUChars(
                    transliterator, buffer.baseAddress, &length, Int32(buffer.count), &limit, &status)
            }
            if status.rawValue > 0 { length = Int32(count) }
        }
        return scratch.withUnsafeBufferPointer { utf8String(UnsafeBufferPointer(rebasing: $0[0..<Int(length)])) }
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

    private func emojiKey(_ units: UnsafeBufferPointer<UInt16>) -> String {
        var kept = [UInt16]()
        kept.reserveCapacity(units.count)
        var index = 0
        while index < units.count {
            let unit = units[index]
            // U+1F3FB–U+1F3FF (skin tones) are D83C DFFB–DFFF in UTF-16.
            if unit == 0xD83C, index + 1 < units.count, (0xDFFB...0xDFFF).contains(units[index + 1]) {
                index += 2
                continue
            }
            if unit != 0xFE0F && unit != 0xFE0E { kept.append(unit) }
            index += 1
        }
        return kept.withUnsafeBufferPointer { utf8String($0) }
    }

    /// UTF-16 to a Swift string through ICU, which is faster than `String(decoding:as: UTF16.self)`.
    private func utf8String(_ units: UnsafeBufferPointer<UInt16>) -> String {
        if bytes.count < units.count * 3 + 4 { bytes = [UInt8](repeating: 0, count: units.count * 3 + 4) }
        var status = U_ZERO_ERROR
        var length: Int32 = 0
        bytes.withUnsafeMutableBufferPointer { out in
            out.baseAddress!.withMemoryRebound(to: CChar.self, capacity: out.count) { pointer in
                _ = vocan_u_strToUTF8(pointer, Int32(out.count), &length, units.baseAddress, Int32(units.count), &status)
            }
        }
        return bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[0..<Int(length)]), as: UTF8.self) }
    }
}
