import Testing
@testable import VocanCore

@Suite struct LanguageTests {
    @Test(arguments: [
        ("Die Lieferung kam viel zu spät und der Kundenservice war nicht erreichbar.", Language.german),
        ("Alles gut.", .german),
        ("Hotline: ewig gewartet, dann aufgelegt", .german),
        ("Grüße aus Köln", .german),
        ("Kundenservicehotline überfordert", .german),
        // `Service` is German too: it is no English profile word.
        ("Schlechter Service.", .german),
        ("Bad service.", .english),
        // Capital umlauts count as the letters they lowercase to.
        ("ÄRGERLICH: GRÖSSENTABELLE FALSCH", .german),
        ("Shipping tracking broken", .english),
        ("The delivery was late and customer service never called back.", .english),
        ("Thanks, all good!", .english),
        ("Great app, love it", .english),
        ("👍", .undetermined),
        ("12345", .undetermined),
        ("Muchas gracias, amigo", .undetermined),
    ])
    func identifiesLanguage(_ text: String, _ expected: Language) throws {
        #expect(try Fixture.analyze(text, .undetermined).language == expected)
    }

    @Test func trigramTableFindsExactlyItsTrigrams() {
        // Trigrams that share two of their bytes, as a word's windows do.
        var trigrams: [UInt32: LanguageIdentifier.Weights] = [:]
        for byte in UInt32(0x61)...0x7A { trigrams[0x6E_6700 | byte] = .init(german: Double(byte), english: 1) }
        let table = TrigramTable(trigrams)
        for (trigram, weights) in trigrams { #expect(table[trigram]?.german == weights.german) }
        #expect(table[0x6E_6760] == nil)
        #expect(table[0x6D_6761] == nil)
        #expect(TrigramTable()[0x6E_6761] == nil)
    }

    @Test func forcedLanguageWins() throws {
        #expect(try Fixture.analyze("The delivery was late.", .german).language == .german)
    }
}
