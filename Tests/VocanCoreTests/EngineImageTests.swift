import Testing
import VocanCore
@testable import VocanLexicons

/// The engine vocan loads at start-up is the image compiled at build time; `Engine.bundled()` quietly
/// falls back to the lexicon texts when the image cannot be read, so these tests read it directly.
@Suite struct EngineImageTests {
    /// Every byte value, at every offset from the eight-byte words the decoder copies.
    @Test func byteLiteralRoundTripsEveryByteAndLength() {
        var generator = SystemRandomNumberGenerator()
        for length in Array(0..<40) + [1_000, 4_099] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect(Self.decoded(Self.literalValue(ByteLiteral.encode(bytes))) == bytes)
        }
        #expect(Self.decoded(Self.literalValue(ByteLiteral.encode(Array(0...255)))) == Array(0...255))
    }

    @Test func byteLiteralRefusesCharactersAboveLatin1() {
        #expect(Self.decoded("abc€") == nil)
    }

    /// The bytes of a literal's value read in buffers of up to ten bytes (both sides of the eight-byte
    /// steps), nil if the reader refuses them.
    private static func decoded(_ value: String) -> [UInt8]? {
        var value = value
        return value.withUTF8 { text in
            var reader = ByteLiteral.Reader(text)
            var bytes: [UInt8] = []
            var buffer = [UInt8](repeating: 0, count: 10)
            while !reader.atEnd {
                let size = 1 + bytes.count % buffer.count
                guard let count = buffer.withUnsafeMutableBytes({ reader.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[..<size])) })
                else { return nil }
                bytes += buffer[..<count]
            }
            return bytes
        }
    }

    /// The string the compiler makes of a literal with this text between its quotes.
    private static func literalValue(_ text: String) -> String {
        var value = ""
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard scalar == "\\", let escaped = scalars.next() else {
                value.unicodeScalars.append(scalar)
                continue
            }
            switch escaped {
            case "0": value.unicodeScalars.append("\0")
            case "u":
                var hex = ""
                while let digit = scalars.next(), digit != "}" {
                    if digit != "{" { hex.unicodeScalars.append(digit) }
                }
                value.unicodeScalars.append(UnicodeScalar(UInt8(hex, radix: 16)!))
            default: value.unicodeScalars.append(escaped)
            }
        }
        return value
    }

    @Test func bundledImageGivesTheEngineOfTheTexts() throws {
        let image = try EngineImage.decode(literal: BundledLexicons.image)
        let texts = try Engine(files: BundledLexicons.files)
        #expect(image.vocabulary.count == texts.vocabulary.count)
        let comments = [
            "Die Hotline war nicht erreichbar, zum dritten Mal angerufen. Ich kündige!",
            "Super schnelle Lieferung, aber die Rechnung war falsch 😡",
            "Not bad at all, the refund came quickly. Would recommend!",
            "I have been on hold for 2 hours, this is a scam. Never again.",
            "#Verspätung seit Wochen, Kundenservicehotline total überfordert",
            "ÄRGERLICH: GRÖSSENTABELLE FALSCH",
        ]
        for (index, text) in comments.enumerated() {
            let feedback = Feedback(id: "\(index)", text: text, line: index + 1)
            #expect(try Analyzer(engine: image).analyze(feedback) == Analyzer(engine: texts).analyze(feedback))
        }
    }
}
