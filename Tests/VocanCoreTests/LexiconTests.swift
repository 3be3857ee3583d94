import Testing
import VocanCore
import VocanLexicons

@Suite struct LexiconTests {
    @Test func foldedSpellingsMeet() throws {
        let weights = try ["Ärger", "aerger", "ÄRGER"].map { try Fixture.analyze("So ein \($0)", .german).evidence.first?.lexiconWeight }
        #expect(weights[0] != nil && weights[0]! < 0)
        #expect(Set(weights).count == 1)
    }

    @Test func germanInflectionsReachTheLemma() throws {
        for text in ["gute Beratung", "eine gute Beratung", "guten Service", "ein guter Tipp", "gutes Produkt"] {
            let analysis = try Fixture.analyze(text, .german)
            #expect(try analysis.evidence.first?.lexiconWeight == Fixture.analyze("gut", .german).evidence.first?.lexiconWeight, "\(text)")
        }
        #expect(try Fixture.analyze("Verspätungen ohne Ende", .german).label == .negative)
    }

    /// A separable verb lemma (`abstürzen`) also yields its finite forms with the particle after them
    /// and its participle with `ge` inside.
    @Test func germanSeparableVerbsGetTheirForms() throws {
        let inflector = Inflector(language: .german)
        let separated = inflector.separatedForms(of: "abstuerzen")
        #expect(separated.contains(["stuerzt", "ab"]) && separated.contains(["stuerzten", "ab"]))
        #expect(inflector.forms(of: "abstuerzen", tags: ["verb"]).contains("abgestuerzt"))
        #expect(inflector.forms(of: "antworten", tags: ["verb"]).contains("geantwortet"))
        // A stem in -t or -d takes an e before the endings.
        #expect(Set(["wartet", "wartete", "gewartet", "geredet"]).isSubset(of: inflector.forms(of: "warten", tags: ["verb"]) + inflector.forms(of: "reden", tags: ["verb"])))
        #expect(inflector.separatedForms(of: "verlieren").isEmpty)
        // Verbs with um are as often inseparable: umsorgen gives no "sorgen um".
        #expect(inflector.separatedForms(of: "umsorgen").isEmpty)
        #expect(try Fixture.analyze("Ich mache mir Sorgen um die Lieferung.", .german).label == .negative)
        #expect(Inflector(language: .english).separatedForms(of: "abstuerzen").isEmpty)
        // Generated from the lexicon's lemmas, apart and negated.
        let callback = try Fixture.analyze("Niemand ruft mich zurück.", .german)
        #expect(callback.label == .negative && callback.evidence("ruft … zurück")?.rules == .negated)
        #expect(try Fixture.analyze("Der Kundenservice lehnt meine Reklamation einfach ab.", .german).evidence("lehnt … ab") != nil)
        // A separated phrase listed with its own sense: enduring, and not enduring any more.
        #expect(try Fixture.analyze("Die Schuhe halten viel aus.", .german).evidence("halten … aus")?.weight == 0.8)
        #expect(try Fixture.analyze("Ich halte das nicht mehr aus.", .german).label == .negative)
        // A noun is no verb: `Geld zurück` is only read together.
        #expect(try Fixture.analyze("Das Geld habe ich bis heute nicht zurück.", .german).evidence.allSatisfy { !$0.token.contains("…") })
    }

    @Test func englishInflectionsReachTheLemma() throws {
        #expect(try Fixture.analyze("My order was delayed", .english).label == .negative)
        #expect(try Fixture.analyze("The app crashes", .english).label == .negative)
        #expect(try Fixture.analyze("They refunded me", .english).label == .positive)
    }

    @Test func germanCompoundsReachTheirParts() throws {
        let trouble = try Fixture.analyze("Riesenärger mit der Rechnung", .german)
        #expect(trouble.label == .negative)
        #expect(trouble.evidence("Riesenärger")?.rules == [.compound])
        #expect(try trouble.evidence("Riesenärger")!.weight < Fixture.analyze("Ärger", .german).evidence[0].weight)
        #expect(try Fixture.analyze("Katastrophenservice", .german).label == .negative)
        #expect(try Fixture.analyze("Top-Beratung", .german).label == .positive)
        #expect(try Fixture.analyze("Spitzenservice", .german).label == .positive)
    }

    @Test func compoundSplitterFindsNeutralParts() throws {
        let engine = try Fixture.engine.get()
        let split = { engine.compoundParts($0, in: .german) }
        #expect(split("routeraustauschtermin") == ["router", "austausch", "termin"])
        #expect(split("kundenhotlinenummer") == ["kundenhotline", "nummer"])
        #expect(split("tarifwechselberatung") == ["tarifwechsel", "beratung"])
        #expect(split("techniker-termin") == ["techniker", "termin"])
        // A listed word is not split again (Supermarkt is no super + Markt).
        #expect(split("kundenservicehotline") == nil)
        #expect(split("vertragsverlaengerung") == nil)
    }

    @Test func hashtagsEmojiAndEmoticonsCount() throws {
        #expect(try Fixture.analyze("#Verspätung", .german).label == .negative)
        #expect(try Fixture.analyze("Paket da 😡", .german).label == .negative)
        #expect(try Fixture.analyze("Danke :-)", .german).label == .positive)
        #expect(try Fixture.analyze("Order arrived 👍", .english).label == .positive)
        #expect(try Fixture.analyze("Still waiting :(", .english).label == .negative)
    }

    /// Emoticons spelled with letters keep their case as keys: `xD` and `XD` are both laughter.
    @Test func letterEmoticonsCount() throws {
        for (text, emoticon) in [("Das war lustig xD", "xD"), ("xD", "xD"), ("XD", "XD"), ("Na toll xP", "xP")] {
            #expect(try Fixture.analyze(text, .german).evidence(emoticon)?.weight ?? 0 > 0, "\(text)")
        }
        #expect(try Fixture.analyze("xD", .english).label == .positive)
    }

    /// A colon between digits is a score or a time, not an emoticon (`:3`).
    @Test func scoresAreNoEmoticons() throws {
        let match = try Fixture.analyze("Schalke verliert 0:3 gegen Chelsea", .german)
        #expect(match.evidence.map(\.token) == ["verliert"])
        #expect(try Fixture.analyze("Hallo :3", .german).label == .positive)
    }

    /// Indeclinable praise words get no adjective endings: `Klassen` and `Klassenzimmer` are classes.
    @Test func indeclinablePraiseIsNoNoun() throws {
        for text in ["Die Klassen sind voll", "Das Klassenzimmer ist im ersten Stock"] {
            #expect(try Fixture.analyze(text, .german).label == .neutral, "\(text)")
        }
        #expect(try Fixture.analyze("Der Service war klasse", .german).label == .positive)
        #expect(try Fixture.analyze("Klasse Beratung", .german).label == .positive)
    }

    /// A first part tagged `part` scores inside compounds only: `Bomben` alone are bombs.
    @Test func compoundPartsOnlyScoreInCompounds() throws {
        for text in ["Bomben auf die Stadt", "Die Spitzen der Koalition treffen sich"] {
            #expect(try Fixture.analyze(text, .german).label == .neutral, "\(text)")
        }
        #expect(try Fixture.analyze("Eine Bombenstimmung im Stadion", .german).evidence("Bombenstimmung")?.weight ?? 0 > 2)
        #expect(try Fixture.analyze("Spitzenqualität zum kleinen Preis", .german).label == .positive)
    }

    @Test func phrasesMayStartWithANumber() throws {
        #expect(try Fixture.analyze("Von mir gibt es 5 Sterne", .german).evidence("5 Sterne")?.weight ?? 0 > 0)
        #expect(try Fixture.analyze("Only 1 star from me", .english).label == .negative)
        #expect(try Fixture.analyze("10 out of 10", .english).label == .positive)
    }

    /// General opinion words beyond customer service: public debate, manner, culture.
    @Test(arguments: [
        ("Die Begründung ist fadenscheinig", SentimentLabel.negative),
        ("Das ist doch pure Heuchelei", .negative),
        ("Ein hirnrissiger Vorschlag", .negative),
        ("Wieder mal alles vermurkst", .negative),
        ("Ein bewegender Film", .positive),
        ("Hut ab vor dieser Leistung", .positive),
        ("Die Band war einfach begnadet", .positive),
        // Everyday life, health and feelings (fifth block).
        ("Ich bin seit Montag krank", .negative),
        ("Endlich Feierabend!", .positive),
        ("Ich lach mich kaputt", .positive),
        ("Das treibt mich in den Wahnsinn", .negative),
        ("Ich kann ihn nicht leiden", .negative),
        ("Heute wieder Schmuddelwetter", .negative),
        ("Nach der Schicht bin ich total geschafft", .negative),
        ("Wir haben es geschafft", .positive),
    ])
    func generalOpinionVocabulary(_ text: String, _ label: SentimentLabel) throws {
        #expect(try Fixture.analyze(text, .german).label == label, "\(text)")
    }

    /// "Honestly", "to be honest", "ehrlich gesagt" introduce a judgement and carry none; `honest` still praises.
    @Test func franknessMarkersCarryNoJudgement() throws {
        #expect(try Fixture.analyze("Honestly the worst service.", .english).label == .negative)
        #expect(try Fixture.analyze("To be honest, the delivery was late.", .english).label == .negative)
        #expect(try Fixture.analyze("Ehrlich gesagt gefällt es mir nicht.", .german).label == .negative)
        #expect(try Fixture.analyze("Ehrlich gesagt war der Service schlecht.", .german).label == .negative)
        #expect(try Fixture.analyze("He was honest with me.", .english).label == .positive)
        #expect(try Fixture.analyze("Der Verkäufer war ehrlich und kompetent.", .german).label == .positive)
    }

    /// Letter conventions of tickets and e-mails are no praise: `Sehr geehrte`, `Mit freundlichen Grüßen`.
    @Test func salutationsAreNearlyNeutral() throws {
        let request = "Sehr geehrte Damen und Herren, bitte senden Sie mir die Rechnung. Mit freundlichen Grüßen, Max Maier"
        #expect(try Fixture.analyze(request, .german).label == .neutral)
        let complaint = "Sehr geehrte Damen und Herren, mein Router ist defekt. Mit freundlichen Grüßen"
        #expect(try Fixture.analyze(complaint, .german).label == .negative)
        #expect(try Fixture.analyze("Ich fühle mich geehrt", .german).label == .positive)
    }

    @Test func customerExperienceVocabulary() throws {
        for text in ["Ewig in der Warteschleife", "Schon wieder ein Funkloch", "Die Verspätung nervt",
                     "Klar war die Hotline besetzt", "Ich rufe seit Tagen an, immer besetzt"] {
            #expect(try Fixture.analyze(text, .german).label == .negative, "\(text)")
        }
        #expect(try Fixture.analyze("Sehr kulant, Geld wurde erstattet", .german).label == .positive)
        #expect(try Fixture.analyze("The agent was rude and I was on hold forever", .english).label == .negative)
        #expect(try Fixture.analyze("Quick refund, helpful staff", .english).label == .positive)
        #expect(try Fixture.analyze("Called five times, always a busy signal", .english).label == .negative)
        #expect(try Fixture.analyze("Was promised a callback within 24 hours. Never happened.", .english).label == .negative)
        #expect(try Fixture.analyze("You kept the shipping cost. Not fair.", .english).label == .negative)
        #expect(try Fixture.analyze("Just bought a gift card, nothing more to say.", .english).label == .neutral)
    }

    @Test func userLexiconsOverrideAndAdd() throws {
        let vocan = LexiconSource(name: "extra.de.tsv", text: "# test\nschnell\t-2\nflauschig\t3\n")
        let sentiws = LexiconSource(name: "SentiWS_Positive.txt", text: "Wunderkiste|NN\t0.5\tWunderkisten\n")
        let vader = LexiconSource(name: "vader_lexicon.txt", text: "zippy\t2.5\t0.5\t[2, 3]\n")
        let engine = try Engine.bundled(extraLexicons: [vocan, sentiws, vader])
        #expect(try engine.opinion("schnell", in: .german)?.weight == -2)
        #expect(try engine.opinion("flauschig", in: .german)?.weight == 3)
        #expect(try engine.opinion("Wunderkisten", in: .german)?.weight == 2)
        #expect(try engine.opinion("zippy", in: .english)?.weight == 2.5)
        #expect(try engine.opinion("flauschig", in: .english) == nil)
    }

    @Test func badLexiconLinesAreReportedWithLine() throws {
        let broken = LexiconSource(name: "broken.tsv", text: "gut\t1\nschlecht\tsehr\n")
        let error = #expect(throws: LexiconError.self) { try Engine.bundled(extraLexicons: [broken]) }
        #expect(error?.description == "lexicon 'broken.tsv', line 2: expected term<TAB>weight")
    }

    @Test func bundledLexiconsAreLargeEnough() throws {
        let engine = try Fixture.engine.get()
        let files = try ["sentiment.de.tsv", "sentiment.en.tsv"].map { name in
            try LexiconFile.sentimentEntries(name: name, text: #require(BundledLexicons.files[name]))
        }
        #expect(files.allSatisfy { $0.count >= 3000 })
        #expect(engine.german.opinions.count > files[0].count)
    }
}
