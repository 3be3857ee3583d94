import Testing
@testable import VocanIO

@Suite struct QuoteTests {
    @Test(arguments: [
        ("Schreiben Sie mir an max.muster@example.org!", "Schreiben Sie mir an [email]!"),
        ("Ruf mich an: 0151 2345678 oder +49 30 1234567.", "Ruf mich an: [phone] oder [phone]."),
        ("Call me at +1 (555) 123-4567 please", "Call me at [phone] please"),
        ("Abbuchung von DE89 3704 0044 0532 0130 00 war falsch", "Abbuchung von [iban] war falsch"),
        ("Meine Kundennummer: 12345678, bitte prüfen", "Meine Kundennummer [number], bitte prüfen"),
        ("order number #A1234-99 never arrived", "order number [number] never arrived"),
    ])
    func masksPersonalData(_ text: String, _ expected: String) {
        #expect(Quote.masked(text) == expected)
    }

    @Test(arguments: [
        "Am 2026-03-01 für 29,99 € bestellt, 3 Wochen gewartet.",
        "Version 2.0.1 crashes since 12.04.2026",
        "Über 1000 Mbit, Vertrag seit 2019",
    ])
    func leavesDatesAmountsAndVersionsAlone(_ text: String) {
        #expect(Quote.masked(text) == text)
    }

    @Test func quotesOnOneLineAndShortened() {
        #expect(Quote.make("Erste Zeile\nzweite Zeile", limit: 100) == "Erste Zeile zweite Zeile")
        #expect(Quote.make("abcdefghij", limit: 5) == "abcd…")
    }
}
