import Testing
import VocanText

private let emoticons = [":-)", ":)", ":(", ":-(", ":D", "xD", "<3", ";-)", ":'("]

private func segment(_ text: String, locale: Segmenter.SentenceLocale = .german) throws -> Segmentation {
    var segmenter = try Segmenter(emoticons: emoticons)
    return segmenter.segment(text, locale: locale)
}

private func keys(_ text: String) throws -> [String] {
    let segmentation = try segment(text)
    return segmentation.tokens.map(segmentation.key)
}

@Suite struct SegmenterTests {
    @Test func foldsUmlautsSharpSAndCase() throws {
        #expect(try keys("Ärger aerger ÄRGER") == ["aerger", "aerger", "aerger"])
        #expect(try keys("Straße STRASSE") == ["strasse", "strasse"])
        #expect(try keys("café ﬁne") == ["cafe", "fine"])
        #expect(try keys("it’s don't") == ["it's", "don't"])
    }

    @Test func keepsHyphenatedCompoundsTogether() throws {
        let segmentation = try segment("Top-Beratung per E-Mail, Kundenservice-Hotline - naja")
        let tokens = segmentation.tokens
        #expect(tokens.map(segmentation.key) == ["top-beratung", "per", "e-mail", ",", "kundenservice-hotline", "-", "naja"])
        #expect(tokens[0].kind == .word)
    }

    @Test func recognizesEmoticonsEmojiAndHashtags() throws {
        let segmentation = try segment("Super :-) aber #Verspätung 😡👍🏽 xD :D <3")
        let tokens = segmentation.tokens
        #expect(tokens.map(\.kind) == [.word, .emoticon, .word, .hashtag, .emoji, .emoji, .emoticon, .emoticon, .emoticon])
        #expect(segmentation.key(tokens[3]) == "verspaetung")
        #expect(segmentation.text(tokens[3]) == "Verspätung")
        #expect(tokens[3].start == 15)
        #expect(segmentation.key(tokens[5]) == "👍")
        #expect(segmentation.text(tokens[6]) == "xD")
    }

    /// Emoticons with a character beyond U+00FF are kept apart from the packed ASCII ones.
    @Test func recognizesEmoticonsBeyondLatin1() throws {
        var segmenter = try Segmenter(emoticons: [":)", "°□°"])
        let segmentation = segmenter.segment("Oh °□° nein :) °□", locale: .german)
        let tokens = segmentation.tokens
        #expect(tokens.map(\.kind) == [.word, .emoticon, .word, .emoticon, .punctuation, .punctuation])
        #expect(segmentation.text(tokens[1]) == "°□°")
    }

    @Test func timeIsNotAnEmoticon() throws {
        #expect(try segment("um 12:30 Uhr").tokens.allSatisfy { $0.kind != .emoticon })
        #expect(try segment("Siehe (Punkt D)").tokens.allSatisfy { $0.kind != .emoticon })
    }

    @Test func recognizesURLsMentionsAndEmails() throws {
        let segmentation = try segment("Schreibt @support oder info@firma.de, siehe https://example.com/hilfe?x=1. Oder www.firma.de!")
        let tokens = segmentation.tokens
        let kinds = tokens.map(\.kind)
        #expect(kinds == [.word, .mention, .word, .email, .punctuation, .word, .url, .punctuation, .word, .url, .punctuation])
        #expect(segmentation.text(tokens[6]) == "https://example.com/hilfe?x=1")
        #expect(segmentation.text(tokens[9]) == "www.firma.de")
    }

    @Test func marksCapsAndElongation() throws {
        let tokens = try segment("NIE wieder, suuuper sooo gut, OK").tokens
        #expect(tokens[0].isAllCaps)
        #expect(!tokens[1].isAllCaps)
        #expect(tokens[3].isElongated && tokens[4].isElongated)
        #expect(!tokens[5].isElongated)
        #expect(tokens[7].isAllCaps)
    }

    /// All-ASCII comments take a faster path for keys and shapes than comments with other characters;
    /// the ASCII tokens of both must come out the same.
    @Test func asciiTokensAreTheSameInAsciiAndOtherComments() throws {
        let ascii = "AAA NIE wieder!! suuuper sooo gut, aaab baaa Top-Beratung @support info@firma.de OK 12345 xD :-( K"
        for other in [ascii + " é", "é " + ascii, ascii + " 😡"] {
            let plain = try segment(ascii), mixed = try segment(other)
            let offset = other.hasPrefix("é") ? 2 : 0
            let shown = plain.tokens.map { token in
                "\(plain.key(token)) \(token.kind) \(token.isAllCaps) \(token.isElongated) \(token.hasHyphen) \(token.start + offset)"
            }
            let mixedShown = mixed.tokens.filter { mixed.text($0).utf8.allSatisfy { $0 < 0x80 } }.map { token in
                "\(mixed.key(token)) \(token.kind) \(token.isAllCaps) \(token.isElongated) \(token.hasHyphen) \(token.start)"
            }
            #expect(shown == mixedShown)
        }
        let tokens = try segment(ascii).tokens
        #expect(tokens[0].isAllCaps && tokens[0].isElongated && tokens[1].isAllCaps && !tokens[2].isAllCaps)
        // AAA NIE wieder ! ! suuuper sooo gut , aaab baaa Top-Beratung @support info@firma.de OK 12345 xD :-( K
        #expect(tokens.map(\.isElongated) == [true, false, false, false, false, true, true, false, false, true, true,
                                               false, false, false, false, false, false, false, false])
        #expect(tokens.map(\.kind) == [.word, .word, .word, .punctuation, .punctuation, .word, .word, .word, .punctuation,
                                        .word, .word, .word, .mention, .email, .word, .number, .emoticon, .emoticon, .word])
        #expect(tokens.last.map { !$0.isAllCaps } == true)
    }

    @Test func offsetsCountScalars() throws {
        let text = "😡 Ärger! Gut."
        let segmentation = try segment(text)
        let scalars = Array(text.unicodeScalars)
        for token in segmentation.tokens {
            let surface = String(String.UnicodeScalarView(scalars[token.start..<token.end]))
            #expect(surface == segmentation.text(token))
        }
    }

    @Test func splitsSentencesKeepingAbbreviations() throws {
        let german = try segment("Das war z.B. schlecht. Warum?! Dr. Meier half.  ")
        #expect(german.sentences.map(german.text) == ["Das war z.B. schlecht.", "Warum?!", "Dr. Meier half."])
        #expect(german.sentences.map(\.tokens) == [0..<6, 6..<9, 9..<14])
        let english = try segment("It was bad, e.g. slow. Mr. Smith helped!", locale: .english)
        #expect(english.sentences.map(english.text) == ["It was bad, e.g. slow.", "Mr. Smith helped!"])
    }

    @Test func germanOrdinalsDoNotEndSentences() throws {
        let german = try segment("Ich rufe zum 3. Mal an. Am 24. Mai kam nichts.")
        #expect(german.sentences.map(german.text) == ["Ich rufe zum 3. Mal an.", "Am 24. Mai kam nichts."])
        #expect(try segment("Das kostet 2024. Danach nicht.").sentences.count == 2)
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

    /// All-ASCII comments take the vector projection of shapes and keys, others the unit-by-unit one:
    /// both must agree wherever a token falls against the sixteen-byte lanes.
    @Test func asciiShapesMatchTheUnitByUnitPath() throws {
        let words = ["sooo", "NIE", "Top-Beratung", "@support", "a@b.de", "aaa", "TOP", "xxxxxxxxxxxxxxxxxxxx", "Ab", ":-)", "2.0"]
        for padding in 0..<17 {
            let ascii = String(repeating: "x", count: padding) + " " + words.joined(separator: " ")
            let plain = try segment(ascii), mixed = try segment(ascii + " ü")
            // Keys copied past the comment's own (the emoticon's) start later in the longer one.
            func shape(_ token: Token) -> [Int] {
                [Int(token.kind.rawValue), token.isAllCaps ? 1 : 0, token.isElongated ? 1 : 0, token.hasHyphen ? 1 : 0, token.start, token.end]
            }
            #expect(mixed.tokens.dropLast().map(shape) == plain.tokens.map(shape))
            #expect(mixed.tokens.dropLast().map(mixed.key) == plain.tokens.map(plain.key))
        }
    }

    /// The terminator test reads sixteen keys at a time, then eight: a full stop anywhere in a long
    /// comment must still hand it to ICU's sentence iterator.
    @Test func findsTerminatorsAtEveryLanePosition() throws {
        for padding in 1..<40 {
            let words = String(repeating: "x", count: padding)
            #expect(try segment(words + ". Und weiter").sentences.count == 2)
            #expect(try segment(words + " und weiter").sentences.count == 1)
        }
    }
}
