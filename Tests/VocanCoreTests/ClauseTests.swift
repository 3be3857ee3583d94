import Testing
import VocanCore

@Suite struct ClauseTests {
    @Test func germanContrastSplitsClausesAndWeighsTheSecond() throws {
        let analysis = try Fixture.analyze("Das Essen war gut, aber der Service war schlecht.", .german)
        let clauses = try #require(analysis.sentences.first?.clauses)
        #expect(clauses.map(\.text) == ["Das Essen war gut,", "aber der Service war schlecht."])
        #expect(clauses.map(\.weight) == [0.5, 1.5])
        #expect(clauses.map(\.sentiment.label) == [.positive, .negative])
        #expect(analysis.label == .mixed)
        #expect(analysis.score < 0)
    }

    /// German may put `aber` after the first words of its clause: the clause still starts at the comma.
    @Test func germanMidFieldContrastOpensItsClauseAtTheComma() throws {
        let service = try Fixture.analyze("Das Essen war gut, der Service aber schlecht.", .german)
        #expect(service.sentences[0].clauses.map(\.text) == ["Das Essen war gut,", "der Service aber schlecht."])
        let app = try Fixture.analyze("Die App ist schön, funktioniert aber nicht.", .german)
        #expect(app.sentences[0].clauses.map(\.text) == ["Die App ist schön,", "funktioniert aber nicht."])
        #expect(app.evidence("funktioniert")?.rules == [.negated, .contrast])
        #expect(app.score < 0)
        // Without a comma before it, aber opens its clause where it stands.
        let food = try Fixture.analyze("Das Essen war gut aber teuer.", .german)
        #expect(food.sentences[0].clauses.map(\.text) == ["Das Essen war gut", "aber teuer."])
    }

    @Test func englishContrastSplitsClausesAndWeighsTheSecond() throws {
        let analysis = try Fixture.analyze("The product is great but the delivery was terrible.", .english)
        let clauses = try #require(analysis.sentences.first?.clauses)
        #expect(clauses.map(\.text) == ["The product is great", "but the delivery was terrible."])
        #expect(analysis.label == .mixed)
        #expect(analysis.score < 0)
        let reversed = try Fixture.analyze("The delivery was slow, but the product is great.", .english)
        #expect(reversed.score > 0)
    }

    @Test func concessionCountsLessThanTheMainClause() throws {
        let german = try Fixture.analyze("Obwohl die Lieferung langsam war, bin ich zufrieden.", .german)
        #expect(german.score > 0)
        #expect(german.sentences[0].clauses.map(\.weight) == [0.5, 1.5])
        let english = try Fixture.analyze("Although the hotline was slow, the agent was very helpful.", .english)
        #expect(english.score > 0)
    }

    @Test func cuesAtTheSameTokenOpenOneClause() throws {
        let analysis = try Fixture.analyze("Obwohl es spät war, aber gut. Obwohl,", .german)
        #expect(analysis.sentences.map { $0.clauses.map(\.text) } == [["Obwohl es spät war,", "aber gut."], ["Obwohl,"]])
    }

    @Test func aSentenceOpeningWithAberOutweighsTheOneBefore() throws {
        let analysis = try Fixture.analyze("Die Beratung war gut. Aber die Rechnung war falsch.", .german)
        #expect(analysis.score < 0)
        #expect(analysis.evidence("gut")!.weight < analysis.evidence("gut")!.lexiconWeight)
    }

    @Test func semicolonAndCommaCoordinationSplitClauses() throws {
        let german = try Fixture.analyze("Schnelle Lieferung; schlechte Qualität", .german)
        #expect(german.sentences[0].clauses.count == 2)
        #expect(german.label == .mixed)
        let english = try Fixture.analyze("Fast shipping, and the quality is awful", .english)
        #expect(english.sentences[0].clauses.count == 2)
    }

    @Test(arguments: [
        ("Wann kommt mein Paket?", Language.german),
        ("Ist die neue App gut?", .german),
        ("Es wäre schön, wenn die App einen Dunkelmodus hätte.", .german),
        ("Ich hätte gern eine bessere Übersicht der Rechnung.", .german),
        ("When will my parcel arrive?", .english),
        ("Is the new app any good?", .english),
        ("Would be nice to have more colours.", .english),
        ("I'd like a better overview of my invoice.", .english),
    ])
    func questionsAndWishesAreNotOpinions(_ text: String, _ language: Language) throws {
        let analysis = try Fixture.analyze(text, language)
        #expect(analysis.label == .neutral, "\(text): \(analysis.score)")
    }

    @Test func rhetoricalComplaintQuestionStaysNegative() throws {
        #expect(try Fixture.analyze("Warum ist der Service so katastrophal?", .german).label == .negative)
        #expect(try Fixture.analyze("Why is your service so terrible?", .english).label == .negative)
    }

    /// A salutation opening the comment addresses the reader; elsewhere the same word is scored.
    @Test func salutationsAreNoPraise() throws {
        for text in ["Liebe Telekom, ich ziehe im Mai um.", "Hallo liebes Team, wo bleibt mein Paket?"] {
            #expect(try Fixture.analyze(text, .german).evidence.isEmpty, "\(text)")
        }
        #expect(try Fixture.analyze("@DB_Bahn Liebe Bahn, schon wieder 40 Minuten Verspätung", .german).label == .negative)
        #expect(try Fixture.analyze("Die Liebe zum Detail, die man hier spürt", .german).label == .positive)
        #expect(try Fixture.analyze("Liebe ist alles", .german).evidence("Liebe") != nil)
    }

    /// Short praise alone beside a clear complaint is irony and counts against; with praise around it, it is praise.
    @Test func ironicPraiseAfterAComplaintCountsAgainst() throws {
        let german = try Fixture.analyze("Drei Wochen kein Internet und die Hotline legt einfach auf. Herzlichen Glückwunsch.", .german)
        #expect(german.sentences.map(\.sentiment.label) == [.negative, .negative])
        #expect(german.label == .negative)
        let wish = try #require(german.evidence("Herzlichen Glückwunsch"))
        #expect(wish.weight < 0 && wish.rules == .irony)
        #expect(!german.emotionEvidence.contains { $0.token == "Herzlichen Glückwunsch" })
        let english = try Fixture.analyze("Flight delayed 4 hours and nobody at the desk. Well done!", .english)
        #expect(english.sentences.map(\.sentiment.label) == [.negative, .negative])
        #expect(english.evidence("!")?.rules == [.emphasis, .irony])
        let outrage = try Fixture.analyze("Agent hung up on me when I asked for a supervisor. Unbelievable.", .english)
        #expect(outrage.label == .negative && outrage.evidence("Unbelievable")?.rules == .irony)
        // Sincere: the praise has company, or the other sentences are no complaint.
        #expect(try Fixture.analyze("Herzlichen Glückwunsch zum neuen Tarif, alles bestens!", .german).label == .positive)
        #expect(try Fixture.analyze("Der Techniker kam pünktlich. Weiter so!", .german).label == .positive)
        #expect(try Fixture.analyze("Great job, the agent fixed it in two minutes.", .english).label == .positive)
        #expect(try Fixture.analyze("Unbelievable value, love it.", .english).label == .positive)
        // Plain praise turns only as a sentence of its own; with a subject it is sincere.
        let bare = try Fixture.analyze("Zug fällt schon wieder aus. Super.", .german)
        #expect(bare.evidence("Super")?.rules == .irony && bare.label == .negative)
        #expect(try Fixture.analyze("Flight delayed 3 hours. Just great.", .english).evidence("Just great")?.rules == .irony)
        let sincere = try Fixture.analyze("Leaves my hair oily. Smells great. The hold is awful.", .english)
        #expect(sincere.evidence("great")?.weight ?? 0 > 0)
    }

    /// A German separable verb counts where its particle stands further on (`fällt … aus`), with the
    /// negators and intensifiers between the two; a punctuation mark ends the search.
    @Test func separableVerbsAreReadApart() throws {
        let evening = try Fixture.analyze("Internet fällt jeden Abend zwischen 19 und 22 Uhr aus.", .german)
        #expect(evening.label == .negative)
        #expect(evening.evidence.map(\.token) == ["fällt … aus"])
        #expect(evening.evidence.first.map { [$0.start, $0.end] } == [9, 53])
        let crash = try Fixture.analyze("Die App stürzt sehr oft ab.", .german)
        #expect(crash.evidence("stürzt … ab")?.rules == .intensified)
        let fixed = try Fixture.analyze("Das Internet fällt seit dem Umzug nicht mehr aus.", .german)
        #expect(fixed.evidence("fällt … aus")?.rules == .negated)
        #expect(fixed.score > 0)
        #expect(try Fixture.analyze("Der Preis fällt, aus welchen Gründen auch immer.", .german).evidence.isEmpty)
    }

    @Test func emoticonsKeepTheWritersTone() throws {
        // Not damped by a question or a shared link, not negated by a nearby negator, not shouted.
        let question = try Fixture.analyze("Kommst du morgen auch? :-)", .german)
        #expect(question.evidence(":-)")?.rules == [])
        #expect(question.label == .positive)
        let link = try Fixture.analyze("Mein neuer Blogartikel :) https://example.org/post", .german)
        #expect(link.evidence(":)")?.rules == [])
        #expect(link.label == .positive)
        let loud = try Fixture.analyze("Das hab ich nicht erwartet XDDD", .german)
        #expect(loud.evidence("XDDD")?.weight ?? 0 > 0)
    }

    /// Below the thresholds an emoticon still makes a comment and its sentence polar, by the sign of the score.
    @Test func emoticonsMakeMildCommentsPolar() throws {
        let german = try Fixture.analyze("Ok danke :(", .german)
        #expect(german.score > 0 && german.score < 0.3)
        #expect(german.label == .positive)
        #expect(german.sentences.map(\.sentiment.label) == [.positive])
        // Only the sentence with the emoticon: the mild one before it stays neutral.
        let twoSentences = try Fixture.analyze("Ganz ok. Ok danke :(", .german)
        #expect(twoSentences.sentences.map(\.sentiment.label) == [.neutral, .positive])
        let english = try Fixture.analyze("Slightly late :)", .english)
        #expect(english.score < 0.3 && english.label == .positive)
        // Without the emoticon the same mild score stays neutral.
        let plain = try Fixture.analyze("Ganz ok", .german)
        #expect(plain.score > 0 && plain.score < 0.3)
        #expect(plain.label == .neutral)
        #expect(try Fixture.analyze("Ganz ok :)", .german).label == .positive)
    }
}
