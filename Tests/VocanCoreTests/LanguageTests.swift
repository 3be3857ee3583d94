import Testing
import VocanCore

@Suite struct LanguageTests {
    @Test(arguments: [
        ("Die Lieferung kam viel zu spät und der Kundenservice war nicht erreichbar.", Language.german),
        ("Alles gut.", .german),
        ("Hotline: ewig gewartet, dann aufgelegt", .german),
        ("Grüße aus Köln", .german),
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

    @Test func forcedLanguageWins() throws {
        #expect(try Fixture.analyze("The delivery was late.", .german).language == .german)
    }
}
