import VocanText

/// A compiled engine as bytes: every table of an `Engine` stored as it sits in memory, so that loading
/// is a few copies instead of parsing, folding and inflecting tens of thousands of lexicon lines.
///
/// vocan builds the image of its bundled lexicons at build time (the `EmbedLexicons` plugin) and
/// loads it at start-up in milliseconds. An image is only read by the build of vocan that wrote it:
/// the element sizes are checked, and a mismatch throws so the caller can build from the texts.
public enum EngineImage {
    private static let magic: UInt64 = 0x5643_414E_494D_4732 // "VCANIMG2"

    /// The image of `engine` (its options are not part of it).
    public static func encode(_ engine: Engine) -> [UInt8] {
        var writer = ImageWriter()
        writer.write([magic])
        let vocabulary = engine.vocabulary
        writer.write(vocabulary.arena)
        writer.write(vocabulary.heads)
        writer.write(vocabulary.values)
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
            writer.write(pack.separableParticles)
        }
        return writer.bytes
    }

    /// The engine stored in a `ByteLiteral` (how the build embeds the image into Swift source), with
    /// `options`. The tables are decoded from the literal straight into their arrays: a decoded copy of
    /// the whole image first would be 4.5 MB more to allocate, fault in and copy.
    public static func decode(literal: StaticString, options: AnalysisOptions = AnalysisOptions()) throws -> Engine {
        // `withUTF8Buffer` does not rethrow: the error comes out in the result.
        try literal.withUTF8Buffer { text in Result { () throws -> Engine in
            var reader = ImageReader(literal: ByteLiteral.Reader(text))
            guard try reader.read(UInt64.self).first == magic else { throw ImageError.notAnImage }
            guard let vocabulary = Vocabulary(arena: try reader.read(), heads: try reader.read(), values: try reader.read()) else {
                throw ImageError.malformed
            }
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
                    phraseHeads: try reader.read(), contractedNegation: try reader.read(Rule.self).first,
                    separableParticles: try reader.read()))
            }
            guard reader.atEnd else { throw ImageError.malformed }
            return Engine(german: packs[0], english: packs[1], identifier: identifier, vocabulary: vocabulary,
                          emoticons: emoticons, latinSpellings: latinSpellings, options: options)
        } }.get()
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
    private var literal: ByteLiteral.Reader

    init(literal: ByteLiteral.Reader) { self.literal = literal }

    var atEnd: Bool { literal.atEnd }

    mutating func read<T: BitwiseCopyable>(_ type: T.Type = T.self) throws -> [T] {
        let count = Int(try header()), stride = Int(try header())
        guard stride == MemoryLayout<T>.stride else { throw EngineImage.ImageError.layout(String(describing: T.self)) }
        // Each byte takes at least one of the literal's, which bounds the count before allocating.
        guard count >= 0, count <= literal.remaining / stride else { throw EngineImage.ImageError.malformed }
        let size = count * stride
        let values = try [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            try fill(UnsafeMutableRawBufferPointer(buffer))
            initialized = count
        }
        var padding: UInt64 = 0
        try withUnsafeMutableBytes(of: &padding) { try fill(UnsafeMutableRawBufferPointer(rebasing: $0[..<((8 - size % 8) % 8)])) }
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
        var value: UInt64 = 0
        try withUnsafeMutableBytes(of: &value) { try fill($0) }
        return UInt64(littleEndian: value)
    }

    /// Decodes the next `buffer.count` bytes of the image into `buffer`.
    private mutating func fill(_ buffer: UnsafeMutableRawBufferPointer) throws {
        guard literal.read(into: buffer) == buffer.count else { throw EngineImage.ImageError.malformed }
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

    /// Decodes a literal's UTF-8 from the start, a buffer at a time.
    public struct Reader {
        private let text: UnsafeBufferPointer<UInt8>
        private var index = 0

        public init(_ text: UnsafeBufferPointer<UInt8>) { self.text = text }

        /// Whether every character has been read.
        public var atEnd: Bool { index == text.count }

        /// The bytes of text left, at least the number of characters left.
        public var remaining: Int { text.count - index }

        /// Decodes the next characters into `buffer` until it is full or the text ends; returns how
        /// many, nil if a character is above U+00FF or not UTF-8 (the reader is then left at it).
        public mutating func read(into buffer: UnsafeMutableRawBufferPointer) -> Int? {
            guard let target = buffer.baseAddress, let source = text.baseAddress else { return 0 }
            // A local copy: the stores through `target` could alias `self.index`, and reloading it in
            // every iteration measured 6% slower.
            var index = index
            defer { self.index = index }
            var count = 0
            /// The byte of the two-byte character at `index`: U+0080...U+00FF is 0xC2 or 0xC3 and a
            /// continuation byte holding the low six bits.
            func twoByteCharacter() -> UInt8? {
                guard index + 1 < text.count, text[index] & 0xFE == 0xC2, text[index + 1] & 0xC0 == 0x80 else { return nil }
                return text[index] &<< 6 | text[index + 1] & 0x3F
            }
            // Eight characters at a time while eight bytes remain on both sides: a word is stored whole
            // and, when it holds a two-byte character, kept up to it.
            while count + 8 <= buffer.count, index + 8 <= text.count {
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
                guard let byte = twoByteCharacter() else { return nil }
                buffer[count] = byte
                index += 2
                count += 1
            }
            // The last few characters one at a time.
            while count < buffer.count, index < text.count {
                if text[index] < 0x80 {
                    buffer[count] = text[index]
                    index += 1
                } else if let byte = twoByteCharacter() {
                    buffer[count] = byte
                    index += 2
                } else {
                    return nil
                }
                count += 1
            }
            return count
        }
    }
}
