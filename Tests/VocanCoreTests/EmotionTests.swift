import Testing
import VocanCore
import VocanLexicons

@Suite struct EmotionTests {
    @Test(arguments: [
        ("Ich bin echt sauer auf euch.", Language.german, Emotion.anger),
        ("Total enttäuscht von der Lieferung.", .german, .sadness),
        ("Ich bin so erleichtert, dass es geklappt hat.", .german, .joy),
        ("Begeistert vom neuen Tarif!", .german, .joy),
        ("Ich mache mir Sorgen um meine Daten.", .german, .fear),
        ("I am furious about the billing.", .english, .anger),
        ("So disappointed with this order.", .english, .sadness),
        ("Delighted with the quick help!", .english, .joy),
        ("I'm worried my parcel got lost.", .english, .fear),
        ("This is a scam, disgusting.", .english, .disgust),
    ])
    func dominantEmotion(_ text: String, _ language: Language, _ expected: Emotion) throws {
        let analysis = try Fixture.analyze(text, language)
        #expect(analysis.emotions.dominant == expected, "\(text): \(analysis.emotionEvidence)")
    }

    @Test func negationRemovesNegativeEmotions() throws {
        #expect(try Fixture.analyze("Ich bin nicht wütend.", .german).emotions[.anger] == 0)
        #expect(try Fixture.analyze("I'm not angry.", .english).emotions[.anger] == 0)
    }

    @Test func negatedJoyTurnsIntoSadness() throws {
        let german = try Fixture.analyze("Ich bin nicht glücklich.", .german)
        #expect(german.emotions[.joy] == 0)
        #expect(german.emotions[.sadness] > 0)
        let english = try Fixture.analyze("Not happy at all.", .english)
        #expect(english.emotions[.joy] == 0)
        #expect(english.emotions[.sadness] > 0)
        #expect(english.emotionEvidence.allSatisfy { $0.rules.contains(.negated) })
    }

    @Test func intensifiersRaiseEmotions() throws {
        let plain = try Fixture.analyze("Ich bin enttäuscht.", .german).emotions[.sadness]
        let strong = try Fixture.analyze("Ich bin extrem enttäuscht.", .german).emotions[.sadness]
        #expect(strong > plain)
        let english = try Fixture.analyze("I am extremely disappointed.", .english).emotions[.sadness]
        #expect(try english > Fixture.analyze("I am disappointed.", .english).emotions[.sadness])
    }

    @Test func emotionsStayWithinBoundsAndClausesCarryTheirOwn() throws {
        let analysis = try Fixture.analyze("Ich bin wütend, wütend, WÜTEND!!! Aber der Techniker war super nett.", .german)
        #expect(analysis.emotions.values.max() <= 1)
        let clauses = analysis.sentences.flatMap(\.clauses)
        #expect(clauses.first!.emotions[.anger] > 0.5)
        #expect(clauses.last!.emotions[.anger] == 0)
    }

    @Test func emojiCarryEmotions() throws {
        #expect(try Fixture.analyze("Paket kaputt 😡", .german).emotions.dominant == .anger)
        #expect(try Fixture.analyze("Arrived today 😍", .english).emotions.dominant == .joy)
    }

    @Test func profileCombinesLikeIndependentEvidence() {
        var profile = EmotionProfile()
        profile[.anger] = 0.5
        var other = EmotionProfile()
        other[.anger] = 0.5
        other[.joy] = 0.2
        profile.combine(other)
        #expect(abs(profile[.anger] - 0.75) < 1e-9)
        #expect(abs(profile[.joy] - 0.2) < 1e-9)
        #expect(profile.dominant == .anger)
        #expect(EmotionProfile().dominant == nil)
    }
}
