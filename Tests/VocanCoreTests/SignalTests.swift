import Testing
import VocanCore
import VocanLexicons

private func signals(_ text: String, _ language: Language, score: String? = nil, scale: ScoreScale? = nil) throws -> Signals {
    let engine = try Engine.bundled(options: AnalysisOptions(language: language, scoreScale: scale))
    return try Analyzer(engine: engine).analyze(Feedback(id: "s", text: text, line: 1, score: score)).signals
}

@Suite struct SignalTests {
    @Test(arguments: [
        ("Ich habe zum dritten Mal angerufen.", Language.german),
        ("2 Stunden in der Warteschleife!", .german),
        ("Seit Wochen warte ich auf die Gutschrift.", .german),
        ("Total kompliziert und umständlich.", .german),
        ("Ich wurde von einer Abteilung zur nächsten weitergeleitet.", .german),
        ("I called again and again.", .english),
        ("Still waiting after 45 minutes on hold.", .english),
        ("The form is so confusing, I had to call twice.", .english),
        ("I was transferred five times.", .english),
    ])
    func effort(_ text: String, _ language: Language) throws {
        #expect(try signals(text, language).effort >= Signals.threshold, "\(text)")
    }

    @Test(arguments: [
        ("Die Wartezeit war kurz und alles klappte.", Language.german),
        ("Quick answer, no waiting at all.", .english),
    ])
    func noEffort(_ text: String, _ language: Language) throws {
        #expect(try signals(text, language).effort < Signals.threshold, "\(text)")
    }

    @Test(arguments: [
        ("Ich kündige zum nächsten Monat.", Language.german, true),
        ("Ich wechsle zur Konkurrenz.", .german, true),
        ("Nie wieder bestelle ich hier.", .german, true),
        ("Ich werde nicht kündigen, alles gut.", .german, false),
        ("Noch eine falsche Rechnung, dann bin ich weg.", .german, true),
        ("Meine Mitgliedschaft ist hiermit beendet.", .german, true),
        ("Ich such mir einen anderen Stromanbieter.", .german, true),
        ("Das war mein letzter Flug mit euch.", .german, true),
        ("Ich steige zu einem Mitbewerber um.", .german, true),
        ("Ich wechsle nicht zu einem anderen Anbieter.", .german, false),
        ("I will cancel my subscription.", .english, true),
        ("Switching to another provider next week.", .english, true),
        ("This is the last time I order here.", .english, true),
        ("I won't cancel, the agent fixed it.", .english, false),
        ("One more wrong bill and I'm gone.", .english, true),
        ("Consider this my cancellation.", .english, true),
        ("I'm switching, your rates are a joke.", .english, true),
        ("That was my last purchase from you.", .english, true),
        ("Shopping for a new insurer as we speak.", .english, true),
        ("I'm not switching, you fixed it.", .english, false),
    ])
    func churn(_ text: String, _ language: Language, _ expected: Bool) throws {
        let found = try signals(text, language)
        #expect((found.churnRisk >= Signals.threshold) == expected, "\(text): \(found.evidence)")
        #expect(found.followUp.reasons.contains(.churnThreat) == expected)
    }

    @Test(arguments: [
        ("Kann ich nur empfehlen!", Language.german, Recommendation.promoter),
        ("Finger weg von diesem Anbieter.", .german, .detractor),
        ("Kann ich leider nicht empfehlen.", .german, .detractor),
        ("I would recommend them to anyone.", .english, .promoter),
        ("Avoid this shop.", .english, .detractor),
        ("I would not recommend this company.", .english, .detractor),
    ])
    func recommendation(_ text: String, _ language: Language, _ expected: Recommendation) throws {
        #expect(try signals(text, language).recommend == expected, "\(text)")
    }

    @Test func noRecommendationWithoutAnExplicitOne() throws {
        #expect(try signals("Die Lieferung war pünktlich.", .german).recommend == nil)
        #expect(try signals("The parcel arrived on time.", .english).recommend == nil)
    }

    @Test func followUpReasons() throws {
        #expect(try signals("Mein Anwalt wird sich melden, ich gehe zur Verbraucherzentrale.", .german).followUp.reasons.contains(.legalThreat))
        #expect(try signals("I'll file a chargeback and talk to my lawyer.", .english).followUp.reasons.contains(.legalThreat))
        #expect(try signals("Das Ladegerät hat gebrannt, überall Rauch.", .german).followUp.reasons.contains(.safetyIssue))
        #expect(try signals("The charger caught fire and there was smoke everywhere.", .english).followUp.reasons.contains(.safetyIssue))
        #expect(try signals("Ich bin stinksauer und wütend, eine absolute Frechheit!!!", .german).followUp.reasons.contains(.strongAnger))
        #expect(try signals("I am furious and outraged, this is a disgrace!!!", .english).followUp.reasons.contains(.strongAnger))
        #expect(try signals("Zum dritten Mal angerufen und das Problem ist immer noch nicht gelöst.", .german).followUp.reasons.contains(.unresolvedRepeat))
        #expect(try signals("Called three times and it is still not fixed.", .english).followUp.reasons.contains(.unresolvedRepeat))
        #expect(try signals("Ich wurde an den Hersteller verwiesen, das Gerät ist immer noch defekt.", .german).followUp.reasons.contains(.unresolvedRepeat))
        #expect(try signals("They transferred me to another department and it's still not resolved.", .english).followUp.reasons.contains(.unresolvedRepeat))
    }

    @Test func detractorScoreNeedsANegativeComment() throws {
        let negative = try signals("Schlechter Service.", .german, score: "3", scale: .nps)
        #expect(negative.followUp.reasons == [.detractorScore])
        #expect(try signals("Alles gut.", .german, score: "3", scale: .nps).followUp.needed == false)
        #expect(try signals("Schlechter Service.", .german, score: "9", scale: .nps).followUp.needed == false)
        #expect(try signals("Terrible service.", .english, score: "2", scale: .csat).followUp.reasons == [.detractorScore])
        #expect(try signals("Terrible service.", .english, score: "4", scale: .csat).followUp.needed == false)
        #expect(try signals("Terrible service.", .english, score: "2").followUp.needed == false)
    }

    /// Pins which patterns match and which of overlapping ones is kept: heads that are words,
    /// classes, numbers and two-token ordinals (`3.`), continued by second words, second classes
    /// and `<num>`.
    @Test(arguments: [
        ("Das ist mein 3. Anruf, zum dritten Mal angerufen.", Language.german,
         [("effort_repeat", "3. Anruf", 0.65), ("effort_repeat", "zum dritten Mal angerufen", 0.9)]),
        ("Seit 3 Wochen warte ich, seit drei Tagen keine Antwort.", .german,
         [("effort_wait", "Seit 3 Wochen warte", 0.9), ("effort_wait", "seit drei Tagen keine Antwort", 0.85),
          ("unresolved", "seit drei Tagen keine Antwort", 0.85)]),
        ("For the 5th time I called and they transferred me to another department.", .english,
         [("effort_repeat", "For the 5th time", 0.75), ("effort_handoff", "transferred me", 0.65),
          ("effort_handoff", "another department", 0.6)]),
        ("This is my 3. call about it.", .english, [("effort_repeat", "3. call", 0.6)]),
        ("I have been waiting 45 minutes, still waiting for a refund after two weeks.", .english,
         [("effort_wait", "been waiting 45 minutes", 0.75), ("effort_wait", "still waiting", 0.8),
          ("unresolved", "still waiting", 0.6), ("effort_wait", "two weeks", 0.45)]),
    ])
    func patternEvidence(_ text: String, _ language: Language, _ expected: [(String, String, Double)]) throws {
        let found = try signals(text, language).evidence.map { ($0.signal.rawValue, $0.token, $0.weight) }
        #expect(found.count == expected.count && zip(found, expected).allSatisfy { $0 == $1 }, "\(text): \(found)")
    }

    @Test func happyCommentNeedsNoFollowUp() throws {
        let found = try signals("Super Beratung, danke!", .german)
        #expect(!found.followUp.needed)
        #expect(found.followUp.reasons.isEmpty)
    }
}
