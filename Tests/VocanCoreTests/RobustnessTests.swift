import Testing
import VocanCore

/// Combinations of awkward fragments (cues, URLs, terminators without spaces, emoji, odd spacing)
/// must never crash the engine, and every offset must stay inside the comment.
@Suite struct RobustnessTests {
    static let fragments = [
        "Obwohl", "aber", ",", ".", "!!!", "?", ";", "www.bahn.de.", "http://t.co/x?a=1.", "Ende.Neu", "😡👍🏽",
        ":-)", "#Verspätung", "nicht", "kein", "weder", "noch", "although", "but", "n't", "z.B.", "Dr.", "\n",
        "suuuper", "Riesenärger", "Top-Beratung", "-", "ÄRGER", "…", "  ", "\"", "zum 3. Mal", "3rd time", "",
    ]

    @Test func awkwardCombinationsAreAnalyzed() throws {
        let engine = try Fixture.engine.get()
        let analyzer = try Analyzer(engine: engine)
        var count = 0
        for a in Self.fragments {
            for b in Self.fragments {
                for c in ["gut", "schlecht,", "but fine", "Obwohl", "aber."] {
                    for separator in [" ", ""] {
                        let text = [a, b, c, b, a].joined(separator: separator)
                        let analysis = analyzer.analyze(Feedback(id: "r", text: text, line: 1))
                        let length = text.unicodeScalars.count
                        #expect((-1...1).contains(analysis.sentiment.score))
                        for sentence in analysis.sentences {
                            #expect(0 <= sentence.start && sentence.start <= sentence.end && sentence.end <= length)
                            for clause in sentence.clauses { #expect(clause.start <= clause.end && clause.end <= length, "\(text)") }
                        }
                        for item in analysis.evidence { #expect(item.start < item.end && item.end <= length, "\(text)") }
                        count += 1
                    }
                }
            }
        }
        #expect(count == Self.fragments.count * Self.fragments.count * 10)
    }
}
