import Testing
import VocanCore
import VocanLexicons

@Suite struct NegationTests {
    @Test func germanNegatedNegativeIsMildlyPositive() throws {
        let plain = try Fixture.analyze("Das war schlecht.", .german)
        let negated = try Fixture.analyze("Das war nicht schlecht.", .german)
        #expect(plain.label == .negative)
        #expect(negated.label == .positive)
        #expect(negated.score < -plain.score)
        #expect(negated.evidence("schlecht")?.rules == [.negated])
    }

    @Test func englishNegatedNegativeIsMildlyPositive() throws {
        let plain = try Fixture.analyze("It was bad.", .english)
        let negated = try Fixture.analyze("Not bad at all.", .english)
        #expect(plain.label == .negative)
        #expect(negated.label == .positive)
        #expect(negated.score < -plain.score)
    }

    /// A comparative before a negation is a superlative: "Besser geht's nicht", "couldn't be better".
    @Test(arguments: [
        ("Besser geht's nicht!", Language.german, SentimentLabel.positive),
        ("Schneller geht es nicht mehr.", .german, .positive),
        ("Schlimmer geht es nimmer.", .german, .negative),
        ("Mir geht's nicht gut.", .german, .negative),
        ("The support couldn't be better.", .english, .positive),
        ("It can't get any better.", .english, .positive),
        ("The app could not be worse.", .english, .negative),
    ])
    func comparativeNegationsAreSuperlatives(_ text: String, _ language: Language, _ label: SentimentLabel) throws {
        #expect(try Fixture.analyze(text, language).label == label, "\(text)")
    }

    @Test(arguments: [
        "Der Service war nicht gut.",
        "Die Beratung war keine Hilfe und nicht freundlich.",
        "Das gefällt mir nicht.",
        "Ich bin mit der Lieferung überhaupt nicht zufrieden.",
        "Die Mitarbeiter waren weder freundlich noch kompetent.",
        "Der Mitarbeiter war kaum hilfsbereit.",
        "Wir haben nie eine Antwort bekommen, nie freundlich.",
        "Router neu gestartet, hilft nix.",
        "Das hilft nichts.",
    ])
    func germanNegatedPositiveIsNegative(_ text: String) throws {
        let analysis = try Fixture.analyze(text, .german)
        #expect(analysis.label == .negative, "\(text): \(analysis.score) \(analysis.evidence)")
        #expect(analysis.evidence.contains { $0.rules.contains(.negated) })
    }

    @Test(arguments: [
        "The staff were not helpful.",
        "I don't love the new app.",
        "The agent wasn't friendly and didn't help.",
        "Never satisfied with this service.",
        "The website is hardly usable.",
        "The staff were neither friendly nor competent.",
        "No helpful answer from support.",
    ])
    func englishNegatedPositiveIsNegative(_ text: String) throws {
        let analysis = try Fixture.analyze(text, .english)
        #expect(analysis.label == .negative, "\(text): \(analysis.score) \(analysis.evidence)")
        #expect(analysis.evidence.contains { $0.rules.contains(.negated) })
    }

    @Test func onlyClauseFinalNegatorsLookBack() throws {
        #expect(try Fixture.analyze("Funktioniert kaum.", .german).label == .negative)
        #expect(try Fixture.analyze("Verspätungen ohne Ende", .german).label == .negative)
        #expect(try Fixture.analyze("Nicht nur freundlich, sondern auch kompetent.", .german).label == .positive)
    }

    @Test func bothHalvesOfWederNochAreNegated() throws {
        let analysis = try Fixture.analyze("Weder freundlich noch kompetent.", .german)
        #expect(analysis.evidence.map(\.rules) == [[.negated], [.negated]])
    }

    @Test func withoutProblemsLeansPositive() throws {
        for (text, language) in [("Lieferung ohne Probleme.", Language.german), ("Delivered without any problems.", .english)] {
            let analysis = try Fixture.analyze(text, language)
            #expect(analysis.score > 0, "\(text)")
            #expect(analysis.evidence.contains { $0.rules == [.negated] && $0.lexiconWeight < 0 && $0.weight > 0 }, "\(text)")
        }
    }

    @Test func unfulfilledExpectationsAreComplaints() throws {
        for (text, language) in [("Nie erhalten.", Language.german), ("Passt leider nicht.", .german),
                                 ("Didn't work.", .english), ("I never received my order.", .english)] {
            #expect(try Fixture.analyze(text, language).label == .negative, "\(text)")
        }
    }

    @Test func missingServiceIsAComplaint() throws {
        let german = try Fixture.analyze("Kein Rückruf.", .german)
        let english = try Fixture.analyze("No refund.", .english)
        #expect(german.label == .negative && german.score <= -0.3)
        #expect(english.label == .negative && english.score <= -0.3)
    }

    @Test func negationStopsAtPunctuation() throws {
        let analysis = try Fixture.analyze("Nicht heute, freundlich wie immer.", .german)
        #expect(analysis.evidence("freundlich")?.rules == [])
        #expect(analysis.label == .positive)
    }

    @Test func intensifiersDoNotUseUpTheNegationScope() throws {
        let english = try Fixture.analyze("I did not find the app very useful.", .english)
        #expect(english.evidence("useful")?.rules == [.intensified, .negated])
        #expect(english.label == .negative)
        let german = try Fixture.analyze("Ich fand die App nicht wirklich sehr hilfreich.", .german)
        #expect(german.evidence("hilfreich")?.rules.contains(.negated) == true)
        #expect(german.label == .negative)
    }
}
