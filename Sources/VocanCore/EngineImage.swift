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

    /// The engine stored in a `ByteLiteral` (how the build embeds the image into Swift source).
    public static func decode(literal: StaticString, options: AnalysisOptions = AnalysisOptions()) throws -> Engine {
        guard let bytes = literal.withUTF8Buffer(ByteLiteral.decode) else { throw ImageError.malformed }
        return try decode(bytes, options: options)
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

/// Bytes carried in a Swift string literal, one character U+0000...U+00FF per byte (Latin-1), for
/// embedding binary data in source code.
///
/// The compiler resolves the escapes, so the literal's UTF-8 is the bytes themselves except that
/// 0x80...0xFF take two bytes: for the engine image (96% of its bytes below 0x80, 59% zeros) that is
/// 4% longer than the data (base64: a third longer), and decoding copies eight ASCII bytes at a time.
public enum ByteLiteral {
    /// The text between the quotes of a string literal of `bytes`: printable ASCII as itself, the
    /// other values as escapes (`\0`, `\u{80}`), except 0xA0...0xFF, which are printable as written.
    public static func encode(_ bytes: [UInt8]) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            switch byte {
            case 0: text += Array("\\0".utf8)
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): text += [UInt8(ascii: "\\"), byte]
            case 0x20..<0x7F: text.append(byte)
            case 0xA0...0xFF: text += [0xC0 | byte >> 6, 0x80 | byte & 0x3F]
            default: text += Array("\\u{\(String(byte, radix: 16))}".utf8)
            }
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// The bytes of a literal's UTF-8 as `encode` wrote it, nil if it holds a character above U+00FF
    /// or is not UTF-8.
    public static func decode(_ text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        guard let source = text.baseAddress else { return [] }
        var valid = true
        // A character is at least one byte of text and exactly one of output, so `count <= index`:
        // the word stored at `count` ends at or before the one loaded at `index`, inside both buffers.
        let bytes = [UInt8](unsafeUninitializedCapacity: text.count) { output, written in
            let target = UnsafeMutableRawPointer(output.baseAddress!)
            var index = 0
            var count = 0
            /// The byte of the two-byte character at `index`: U+0080...U+00FF is 0xC2 or 0xC3 and a
            /// continuation byte holding the low six bits.
            func twoByteCharacter() -> UInt8? {
                guard index + 1 < text.count, text[index] & 0xFE == 0xC2, text[index + 1] & 0xC0 == 0x80 else { return nil }
                return text[index] &<< 6 | text[index + 1] & 0x3F
            }
            // Eight characters at a time: a word is stored whole and, when it holds a two-byte
            // character, kept up to it.
            while index + 8 <= text.count {
                let word = UnsafeRawPointer(source).loadUnaligned(fromByteOffset: index, as: UInt64.self)
                target.storeBytes(of: word, toByteOffset: count, as: UInt64.self)
                let high = UInt64(littleEndian: word) & 0x8080_8080_8080_8080
                if high == 0 {
                    index += 8
                    count += 8
                    continue
                }
                let ascii = high.trailingZeroBitCount / 8
                index += ascii
                count += ascii
                guard let byte = twoByteCharacter() else { valid = false; break }
                output[count] = byte
                index += 2
                count += 1
            }
            // The last few characters one at a time.
            while valid, index < text.count {
                if text[index] < 0x80 {
                    output[count] = text[index]
                    index += 1
                } else if let byte = twoByteCharacter() {
                    output[count] = byte
                    index += 2
                } else {
                    valid = false
                }
                count += 1
            }
            written = valid ? count : 0
        }
        return valid ? bytes : nil
    }
}
