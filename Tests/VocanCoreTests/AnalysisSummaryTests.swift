import Testing
import VocanCore
import VocanLexicons

@Suite struct AnalysisSummaryTests {
    private static func summary(_ comments: [(String, String)]) throws -> AnalysisSummary {
        let engine = try Engine.bundled(options: AnalysisOptions(language: .german, scoreScale: .nps))
        let analyzer = try Analyzer(engine: engine)
        var summary = AnalysisSummary()
        for (index, (text, score)) in comments.enumerated() {
            summary.add(analyzer.analyze(Feedback(id: "c\(index)", text: text, line: index + 2, score: score)))
        }
        return summary
    }

    @Test func followUpsAreListedMostUrgentFirst() throws {
        let summary = try Self.summary([
            ("Alles bestens, danke!", "10"),
            ("Schlechter Service.", "4"),
            ("Ich kündige, mein Anwalt meldet sich.", "0"),
            ("Das Ladegerät hat gebrannt, überall Rauch!", "8"),
            ("Ich kündige zum Monatsende.", "9"),
        ])
        #expect(summary.analyzed == 5)
        #expect(summary.followUpCount == 4)
        // legal 5 + churn 4 (+ detractor 2) > safety 5 > churn 4 > detractor score 2
        #expect(summary.followUps.map(\.id) == ["c2", "c3", "c4", "c1"])
        #expect(summary.followUps[0].reasons == [.churnThreat, .detractorScore, .legalThreat])
        #expect(summary.followUps[0].text == "Ich kündige, mein Anwalt meldet sich.")
        #expect(summary.churnRisk == 2)
    }

    @Test func countsSignalsAndQuotesExtremes() throws {
        let summary = try Self.summary([
            ("Zum dritten Mal angerufen, seit Wochen warte ich.", "3"),
            ("Kann ich nur empfehlen, super Beratung!", "10"),
            ("Finger weg, eine Katastrophe.", "1"),
        ])
        #expect(summary.highEffort == 1)
        #expect(summary.recommendations[.promoter] == 1)
        #expect(summary.recommendations[.detractor] == 1)
        #expect(summary.mostPositive.map(\.feedback.id) == ["c1"])
        #expect(summary.mostNegative.first?.feedback.id == "c2")
        #expect(summary.languages[.german] == 3)
        let mix = summary.emotionMix
        #expect(mix.values.min() >= 0 && mix.values.max() <= 1)
    }

    @Test func emptySummaryHasNoMean() {
        let summary = AnalysisSummary()
        #expect(summary.meanScore == 0)
        #expect(summary.emotionMix.isEmpty)
    }
}
