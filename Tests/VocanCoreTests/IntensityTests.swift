import Testing
import VocanCore
import VocanLexicons

@Suite struct IntensityTests {
    @Test func germanIntensifiersAndDowntoners() throws {
        let plain = try Fixture.analyze("Die Lieferung war langsam.", .german).score
        let strong = try Fixture.analyze("Die Lieferung war extrem langsam.", .german).score
        let weak = try Fixture.analyze("Die Lieferung war etwas langsam.", .german).score
        #expect(strong < plain && plain < weak && weak < 0)
        for word in ["sehr", "total", "absolut", "echt", "voll", "mega"] {
            #expect(try Fixture.analyze("Der Service war \(word) gut.", .german).score
                    > Fixture.analyze("Der Service war gut.", .german).score, "\(word)")
        }
    }

    @Test func englishIntensifiersAndDowntoners() throws {
        let plain = try Fixture.analyze("The delivery was slow.", .english).score
        let strong = try Fixture.analyze("The delivery was extremely slow.", .english).score
        let weak = try Fixture.analyze("The delivery was a bit slow.", .english).score
        #expect(strong < plain && plain < weak && weak < 0)
        #expect(try Fixture.analyze("Really helpful staff.", .english).score
                > Fixture.analyze("Helpful staff.", .english).score)
        #expect(try Fixture.analyze("It was slightly disappointing.", .english).evidence("disappointing")?.rules == [.downtoned])
    }

    @Test func superIsAnIntensifierOnlyBeforeAnOpinion() throws {
        let alone = try Fixture.analyze("Super!", .german)
        let before = try Fixture.analyze("Super freundlich.", .german)
        #expect(alone.label == .positive)
        #expect(before.evidence.map(\.token) == ["freundlich"])
        #expect(before.evidence("freundlich")?.rules == [.intensified])
    }

    @Test func capitalsExclamationsAndElongationAddEmphasis() throws {
        let plain = try Fixture.analyze("Der Service war schlecht.", .german).score
        #expect(try Fixture.analyze("Der Service war SCHLECHT.", .german).score < plain)
        #expect(try Fixture.analyze("Der Service war schlecht!!!", .german).score < plain)
        let elongated = try Fixture.analyze("Das war suuuper", .german)
        #expect(elongated.evidence("suuuper")?.rules == [.elongated])
        #expect(try elongated.score > Fixture.analyze("Das war super", .german).score)
        #expect(try Fixture.analyze("This is sooo goood", .english).label == .positive)
        #expect(try Fixture.analyze("The hotline was TERRIBLE", .english).evidence("TERRIBLE")?.rules == [.caps])
    }

    @Test func allCapsTextIsNotEmphasisOnEveryWord() throws {
        let shouting = try Fixture.analyze("DER SERVICE WAR SCHLECHT", .german)
        #expect(shouting.evidence("SCHLECHT")?.rules == [])
    }
}
