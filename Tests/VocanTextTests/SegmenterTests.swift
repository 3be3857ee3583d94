import Testing
import VocanText

private let emoticons = [":-)", ":)", ":(", ":-(", ":D", "xD", "<3", ";-)", ":'("]

private func segment(_ text: String, locale: Segmenter.SentenceLocale = .german) throws -> Segmentation {
    try Segmenter(emoticons: emoticons).segment(text) { _ in locale }
}

private func keys(_ text: String) throws -> [String] { try segment(text).tokens.map(\.key) }

@Suite struct SegmenterTests {
    @Test func foldsUmlautsSharpSAndCase() throws {
        #expect(try keys("Ärger aerger ÄRGER") == ["aerger", "aerger", "aerger"])
        #expect(try keys("Straße STRASSE") == ["strasse", "strasse"])
        #expect(try keys("café ﬁne") == ["cafe", "fine"])
        #expect(try keys("it’s don't") == ["it's", "don't"])
    }

    @Test func keepsHyphenatedCompoundsTogether() throws {
        let tokens = try segment("Top-Beratung per E-Mail, Kundenservice-Hotline - naja").tokens
        #expect(tokens.map(\.key) == ["top-beratung", "per", "e-mail", ",", "kundenservice-hotline", "-", "naja"])
        #expect(tokens[0].kind == .word)
    }

    @Test func recognizesEmoticonsEmojiAndHashtags() throws {
        let tokens = try segment("Super :-) aber #Verspätung 😡👍🏽 xD :D <3").tokens
        #expect(tokens.map(\.kind) == [.word, .emoticon, .word, .hashtag, .emoji, .emoji, .emoticon, .emoticon, .emoticon])
        #expect(tokens[3].key == "verspaetung")
        #expect(tokens[3].text == "Verspätung")
        #expect(tokens[5].key == "👍")
        #expect(tokens[6].text == "xD")
    }

    @Test func timeIsNotAnEmoticon() throws {
        #expect(try segment("um 12:30 Uhr").tokens.allSatisfy { $0.kind != .emoticon })
        #expect(try segment("Siehe (Punkt D)").tokens.allSatisfy { $0.kind != .emoticon })
    }

    @Test func recognizesURLsMentionsAndEmails() throws {
        let tokens = try segment("Schreibt @support oder info@firma.de, siehe https://example.com/hilfe?x=1. Oder www.firma.de!").tokens
        let kinds = tokens.map(\.kind)
        #expect(kinds == [.word, .mention, .word, .email, .punctuation, .word, .url, .punctuation, .word, .url, .punctuation])
        #expect(tokens[6].text == "https://example.com/hilfe?x=1")
        #expect(tokens[9].text == "www.firma.de")
    }

    @Test func marksCapsAndElongation() throws {
        let tokens = try segment("NIE wieder, suuuper sooo gut, OK").tokens
        #expect(tokens[0].isAllCaps)
        #expect(!tokens[1].isAllCaps)
        #expect(tokens[3].isElongated && tokens[4].isElongated)
        #expect(!tokens[5].isElongated)
        #expect(tokens[7].isAllCaps)
    }

    @Test func offsetsCountScalars() throws {
        let text = "😡 Ärger! Gut."
        let tokens = try segment(text).tokens
        let scalars = Array(text.unicodeScalars)
        for token in tokens {
            let surface = String(String.UnicodeScalarView(scalars[token.start..<token.end]))
            #expect(surface == token.text)
        }
    }

    @Test func splitsSentencesKeepingAbbreviations() throws {
        let german = try segment("Das war z.B. schlecht. Warum?! Dr. Meier half.  ")
        #expect(german.sentences.map(\.text) == ["Das war z.B. schlecht.", "Warum?!", "Dr. Meier half."])
        #expect(german.sentences.map(\.tokens) == [0..<6, 6..<9, 9..<14])
        let english = try segment("It was bad, e.g. slow. Mr. Smith helped!", locale: .english)
        #expect(english.sentences.map(\.text) == ["It was bad, e.g. slow.", "Mr. Smith helped!"])
    }

    @Test func emptyAndWhitespaceTextHaveNoTokens() throws {
        #expect(try segment("").tokens.isEmpty)
        #expect(try segment("  \n\t ").sentences.isEmpty)
    }

    @Test func lexiconKeysMatchTokenKeys() throws {
        let segmenter = try Segmenter(emoticons: [])
        #expect(segmenter.key("Größe") == "groesse")
        #expect(segmenter.key("ÜBEL") == "uebel")
    }
}
