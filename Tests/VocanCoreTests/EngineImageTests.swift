import Testing
import VocanCore
@testable import VocanLexicons

/// The engine vocan loads at start-up is the image compiled at build time; `Engine.bundled()` quietly
/// falls back to the lexicon texts when the image cannot be read, so these tests read it directly.
@Suite struct EngineImageTests {
    @Test func base64RoundTripsEveryLength() {
        var generator = SystemRandomNumberGenerator()
        for length in Array(0..<40) + [1_000, 4_099] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let text = Base64.encode(bytes)
            #expect(text.utf8.count == (length + 2) / 3 * 4)
            var copy = text
            #expect(copy.withUTF8(Base64.decode) == bytes)
        }
    }

    @Test func base64SkipsLineBreaks() {
        var text = "SGFs\nbG8g\r\nV2Vs\ndA=="
        #expect(String(decoding: text.withUTF8(Base64.decode), as: UTF8.self) == "Hallo Welt")
    }

    @Test func bundledImageGivesTheEngineOfTheTexts() throws {
        let image = try EngineImage.decode(base64: BundledLexicons.image)
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
