import VocanText

/// A compiled engine as bytes: every table of an `Engine` stored as it sits in memory, so that loading
/// is a few copies instead of parsing, folding and inflecting tens of thousands of lexicon lines.
///
/// vocan builds the image of its bundled lexicons at build time (the `EmbedLexicons` plugin) and
/// loads it at start-up in milliseconds. An image is only read by the build of vocan that wrote it:
/// the element sizes are checked, and a mismatch throws so the caller can build from the texts.
public enum EngineImage {
    private static let magic: UInt64 = 0x5643_414E_494D_4731 // "VCANIMG1"

    /// The image of `engine` (its options are not part of it).
    public static func encode(_ engine: Engine) -> [UInt8] {
        var writer = ImageWriter()
        writer.write([magic])
        let vocabulary = engine.vocabulary
        writer.write(vocabulary.arena)
        writer.write(vocabulary.entries)
        writer.write(strings: engine.emoticons)
        writer.write(engine.latinSpellings.letters)
        writer.write(engine.latinSpellings.starts)
        writer.write(engine.latinSpellings.spelled)
        let identifier = engine.identifier
        writer.write(identifier.wordWeights)
        writer.write(identifier.trigrams.slots)
        writer.write(identifier.letters)
        for pack in [engine.german, engine.english] {
            writer.write(pack.opinions)
            writer.write(pack.rules)
            writer.write(pack.emotions)
            let signals = pack.signals
            writer.write(signals.patterns)
            writer.write(signals.elements)
            writer.write(signals.references)
            writer.write(signals.seconds)
            writer.write(signals.wordLists)
            writer.write(signals.classSets)
            writer.write(signals.byFirstClass)
            writer.write([signals.startingWithAny])
            writer.write([signals.count])
            writer.write(pack.phraseHeads)
            writer.write(pack.contractedNegation.map { [$0] } ?? [])
        }
        return writer.bytes
    }

    /// The engine stored in `bytes`, with `options`.
    public static func decode(_ bytes: [UInt8], options: AnalysisOptions = AnalysisOptions()) throws -> Engine {
        try bytes.withUnsafeBytes { raw in
            var reader = ImageReader(bytes: raw)
            guard try reader.read(UInt64.self).first == magic else { throw ImageError.notAnImage }
            let vocabulary = Vocabulary(arena: try reader.read(), entries: try reader.read())
            let emoticons = try reader.readStrings()
            let latinSpellings = LatinSpellings(letters: try reader.read(), starts: try reader.read(), spelled: try reader.read())
            let wordWeights: [LanguageIdentifier.Weights] = try reader.read()
            guard !wordWeights.isEmpty, let trigrams = TrigramTable(slots: try reader.read()) else { throw ImageError.malformed }
            let identifier = LanguageIdentifier(wordWeights: wordWeights, trigrams: trigrams, letters: try reader.read())
            var packs: [LanguagePack] = []
            for (number, language) in Language.analyzed.enumerated() {
                packs.append(LanguagePack(
                    language: language, number: number, opinions: try reader.readTable(), rules: try reader.readTable(),
                    emotions: try reader.readTable(),
                    signals: SignalPatterns(
                        patterns: try reader.read(), elements: try reader.read(), references: try reader.read(),
                        seconds: try reader.read(), wordLists: try reader.read(), classSets: try reader.read(),
                        byFirstClass: try reader.read(), startingWithAny: try reader.readOne(), count: try reader.readOne()),
                    phraseHeads: try reader.read(), contractedNegation: try reader.read(Rule.self).first))
            }
            guard reader.atEnd else { throw ImageError.malformed }
            return Engine(german: packs[0], english: packs[1], identifier: identifier, vocabulary: vocabulary,
                          emoticons: emoticons, latinSpellings: latinSpellings, options: options)
        }
    }

    /// The engine stored in a base64 text (how the build embeds the image into Swift source).
    public static func decode(base64: StaticString, options: AnalysisOptions = AnalysisOptions()) throws -> Engine {
        try decode(base64.withUTF8Buffer(Base64.decode), options: options)
    }

    enum ImageError: Error, CustomStringConvertible {
        case notAnImage, malformed
        case layout(String)

        var description: String {
            switch self {
            case .notAnImage: "not an engine image"
            case .malformed: "engine image is malformed"
            case .layout(let type): "engine image was written by another build (layout of \(type) differs)"
            }
        }
    }
}

/// Appends arrays of plain values as raw bytes: count, element stride, bytes, padded to 8.
private struct ImageWriter {
    var bytes: [UInt8] = []

    mutating func write<T: BitwiseCopyable>(_ values: [T]) {
        append(UInt64(values.count))
        append(UInt64(MemoryLayout<T>.stride))
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
        while bytes.count % 8 != 0 { bytes.append(0) }
    }

    mutating func write(strings: [String]) {
        write(strings.map { Int32($0.utf8.count) })
        write(strings.flatMap(\.utf8))
    }

    mutating func write<Value>(_ table: TermTable<Value>) {
        write(table.values)
        write(table.phrases)
        write(table.restIDs)
        write([table.count])
    }

    private mutating func append(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
}

/// Reads what `ImageWriter` wrote, checking each array's element stride against this build's.
private struct ImageReader {
    let bytes: UnsafeRawBufferPointer
    private var offset = 0

    init(bytes: UnsafeRawBufferPointer) { self.bytes = bytes }

    var atEnd: Bool { offset == bytes.count }

    mutating func read<T: BitwiseCopyable>(_ type: T.Type = T.self) throws -> [T] {
        let count = Int(try header()), stride = Int(try header())
        guard stride == MemoryLayout<T>.stride else { throw EngineImage.ImageError.layout(String(describing: T.self)) }
        let size = count * stride
        guard count >= 0, offset + size <= bytes.count else { throw EngineImage.ImageError.malformed }
        let values = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            if size > 0 { UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + size])) }
            initialized = count
        }
        offset += (size + 7) & ~7
        return values
    }

    mutating func readOne<T: BitwiseCopyable>(_ type: T.Type = T.self) throws -> T {
        guard let value = try read(T.self).first else { throw EngineImage.ImageError.malformed }
        return value
    }

    mutating func readStrings() throws -> [String] {
        let lengths: [Int32] = try read()
        let utf8: [UInt8] = try read()
        var strings: [String] = []
        var start = 0
        for length in lengths {
            guard start + Int(length) <= utf8.count else { throw EngineImage.ImageError.malformed }
            strings.append(String(decoding: utf8[start..<start + Int(length)], as: UTF8.self))
            start += Int(length)
        }
        return strings
    }

    mutating func readTable<Value>() throws -> TermTable<Value> {
        TermTable(values: try read(), phrases: try read(), restIDs: try read(), count: try readOne())
    }

    private mutating func header() throws -> UInt64 {
        guard offset + 8 <= bytes.count else { throw EngineImage.ImageError.malformed }
        let value = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
        offset += 8
        return UInt64(littleEndian: value)
    }
}

/// Standard base64 (RFC 4648, with padding), for embedding binary data in source code.
public enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (index, byte) in alphabet.enumerated() { table[Int(byte)] = UInt8(index) }
        return table
    }()
    /// For each position in a group of four characters, each character's six bits already shifted
    /// to where they go in the three decoded bytes (stored little-endian, first byte lowest); a
    /// character outside the alphabet sets bit 31.
    private static let shifted: [UInt32] = (0..<4).flatMap { position in
        values.map { value -> UInt32 in
            guard value != 0xFF else { return 1 << 31 }
            let bits = UInt32(value) << UInt32(18 - 6 * position)
            return (bits >> 16) & 0xFF | (bits & 0xFF00) | (bits & 0xFF) << 16
        }
    }

    public static func encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let count = min(3, bytes.count - index)
            var chunk = UInt32(bytes[index]) << 16
            if count > 1 { chunk |= UInt32(bytes[index + 1]) << 8 }
            if count > 2 { chunk |= UInt32(bytes[index + 2]) }
            for position in 0..<4 {
                output.append(position <= count ? alphabet[Int((chunk >> UInt32(18 - 6 * position)) & 63)] : 0x3D)
            }
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes base64 text; characters outside the alphabet (padding, line breaks) are skipped.
    public static func decode(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        values.withUnsafeBufferPointer { values in
            shifted.withUnsafeBufferPointer { shifted in
                // One spare byte: each group of four is stored as four bytes, the fourth overwritten next.
                [UInt8](unsafeUninitializedCapacity: text.count / 4 * 3 + 4) { output, written in
                    let raw = UnsafeMutableRawBufferPointer(output)
                    var count = 0
                    var index = 0
                    // Whole groups of four alphabet characters, the bulk of any embedded image.
                    while index + 4 <= text.count {
                        let chunk = shifted[Int(text[index])] | shifted[256 + Int(text[index + 1])]
                            | shifted[512 + Int(text[index + 2])] | shifted[768 + Int(text[index + 3])]
                        guard chunk & (1 << 31) == 0 else { break }
                        raw.storeBytes(of: chunk.littleEndian, toByteOffset: count, as: UInt32.self)
                        count += 3
                        index += 4
                    }
                    // The rest, character by character.
                    var chunk: UInt32 = 0
                    var pending = 0
                    while index < text.count {
                        let value = values[Int(text[index])]
                        index += 1
                        if value == 0xFF { continue }
                        chunk = chunk << 6 | UInt32(value)
                        pending += 1
                        if pending == 4 {
                            output[count] = UInt8(truncatingIfNeeded: chunk >> 16)
                            output[count + 1] = UInt8(truncatingIfNeeded: chunk >> 8)
                            output[count + 2] = UInt8(truncatingIfNeeded: chunk)
                            count += 3
                            pending = 0
                            chunk = 0
                        }
                    }
                    if pending >= 2 { output[count] = UInt8(truncatingIfNeeded: chunk >> (6 * UInt32(pending) - 8)); count += 1 }
                    if pending == 3 { output[count] = UInt8(truncatingIfNeeded: chunk >> 2); count += 1 }
                    written = count
                }
            }
        }
    }
}
