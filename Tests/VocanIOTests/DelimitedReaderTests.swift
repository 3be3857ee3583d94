import Testing
import VocanCore
@testable import VocanIO

@Suite struct DelimitedReaderTests {
    @Test func readsQuotedFieldsAndKeepsPhysicalLines() throws {
        let path = try Fixture.path("survey.csv")
        let (outcomes, reader) = try Fixture.read(path)
        #expect(reader.columns == ["id", "date", "score", "channel", "comment"])
        #expect(outcomes == [
            .feedback(Feedback(id: "r1", text: "Schnell; freundlich", line: 2, score: "9", date: "2024-05-01", channel: "App")),
            .feedback(Feedback(id: "r2", text: "He said \"never again\"", line: 3, score: "3", date: "2024-05-02", channel: "Hotline")),
            .feedback(Feedback(id: "r3", text: "Line one\nline two\nline three", line: 4, score: "7", date: "2024-05-03", channel: "Web")),
            .feedback(Feedback(id: "r4", text: "Plain text after multiline", line: 7, score: "10", date: "2024-05-04")),
            .rejected(Rejection(file: path, line: 8, id: "r5", reason: "empty text")),
            .feedback(Feedback(id: "r6", text: "extra", line: 9, score: "8", date: "2024-05-06", channel: "Shop")),
        ])
    }

    @Test func detectsSemicolonAndGermanHeaders() throws {
        let (outcomes, reader) = try Fixture.read(try Fixture.path("german.csv"))
        #expect(reader.resolvedColumns == ColumnSelection(text: "Kommentar", id: "ID", score: "NPS", date: "Datum", channel: "Kanal"))
        #expect(outcomes == [
            .feedback(Feedback(id: "17", text: "Warteschleife von 40 Minuten, unmöglich!", line: 2, score: "2", date: "2024-03-01", channel: "Hotline")),
            .feedback(Feedback(id: "18", text: "Sehr nette Beratung; gerne wieder", line: 3, score: "10", date: "2024-03-02", channel: "Filiale")),
        ])
    }

    @Test func detectsTabInCSVFile() throws {
        let (outcomes, reader) = try Fixture.read(try Fixture.path("tabbed.csv"))
        #expect(reader.resolvedColumns == ColumnSelection(text: "feedback", id: "response_id", score: "rating"))
        #expect(outcomes == [
            .feedback(Feedback(id: "a1", text: "Good app, fast", line: 2, score: "5")),
            .feedback(Feedback(id: "a2", text: "Crashes on start; useless", line: 3, score: "1")),
        ])
    }

    @Test func readsTSVWithQuotedTab() throws {
        let (outcomes, reader) = try Fixture.read(try Fixture.path("survey.tsv"))
        #expect(reader.format == .tsv)
        #expect(outcomes == [
            .feedback(Feedback(id: "1", text: "Alles gut, danke", line: 2, score: "5")),
            .feedback(Feedback(id: "2", text: "Quoted\ttab", line: 3, score: "4")),
        ])
    }

    @Test func crlfLineEndingsInsideAndOutsideQuotes() throws {
        let bytes = Array("text,score\r\n\"a\r\nb\",1\r\nplain,2\r\n\"quoted\"\r\n\r\n".utf8)
        let path = try Fixture.temporary("crlf.csv", bytes)
        let (outcomes, _) = try Fixture.read(path)
        #expect(outcomes == [
            .feedback(Feedback(id: "2", text: "a\r\nb", line: 2, score: "1")),
            .feedback(Feedback(id: "4", text: "plain", line: 4, score: "2")),
            .feedback(Feedback(id: "5", text: "quoted", line: 5)),
        ])
    }

    @Test func idFallsBackToLineNumberAndQuotesInsideFieldsAreLiteral() throws {
        let path = try Fixture.temporary("plain.csv", Array("comment\nThe 5\" screen is \"fine\"\n\"x\"y, z\n".utf8))
        let (outcomes, _) = try Fixture.read(path)
        #expect(outcomes == [
            .feedback(Feedback(id: "2", text: "The 5\" screen is \"fine\"", line: 2)),
            .feedback(Feedback(id: "3", text: "xy", line: 3)),
        ])
    }

    @Test func rejectsEmptyAndTooLongText() throws {
        let path = try Fixture.path("rejects.csv")
        let (outcomes, _) = try Fixture.read(path, options: ReaderOptions(maxChars: 20))
        #expect(outcomes == [
            .rejected(Rejection(file: path, line: 2, id: "e1", reason: "empty text")),
            .rejected(Rejection(file: path, line: 3, id: "e2", reason: "empty text")),
            .feedback(Feedback(id: "ok1", text: "short", line: 4)),
            .rejected(Rejection(file: path, line: 5, id: "long1", reason: "too long (39 characters, limit 20)")),
        ])
    }

    @Test func unterminatedQuoteRejectsTheRestAsOneRecord() throws {
        let path = try Fixture.path("unterminated.csv")
        let (outcomes, reader) = try Fixture.read(path)
        #expect(outcomes == [
            .feedback(Feedback(id: "u1", text: "fine", line: 2)),
            .rejected(Rejection(file: path, line: 3, reason: "unterminated quote")),
        ])
        #expect(reader.recordsRead == 2)
    }

    @Test func userGivenColumnsWinCaseInsensitively() throws {
        let path = try Fixture.path("survey.csv")
        let options = ReaderOptions(columns: ColumnSelection(text: "CHANNEL", id: "Date"))
        let (outcomes, reader) = try Fixture.read(path, options: options)
        #expect(reader.resolvedColumns == ColumnSelection(text: "channel", id: "date", score: "score", date: "date", channel: "channel"))
        #expect(outcomes.first == .feedback(Feedback(
            id: "2024-05-01", text: "App", line: 2, score: "9", date: "2024-05-01", channel: "App")))
    }

    @Test func preferredNameWinsWhenSeveralMatch() throws {
        let path = try Fixture.temporary("both.csv", Array("Comment;Text;Ticket\nc;t;T-1\n".utf8))
        let (outcomes, _) = try Fixture.read(path)
        #expect(outcomes == [.feedback(Feedback(id: "T-1", text: "t", line: 2))])
    }

    @Test func headerOnlyFileHasNoRecords() throws {
        let path = try Fixture.temporary("header.csv", Array("\n\nid,text\n\n".utf8))
        let (outcomes, reader) = try Fixture.read(path)
        #expect(outcomes.isEmpty)
        #expect(reader.columns == ["id", "text"])
    }

    @Test func batchesKeepInputOrder() throws {
        let path = try Fixture.path("survey.csv")
        let whole = try Fixture.read(path).outcomes
        let inTwos = try Fixture.read(path, batch: 2).outcomes
        #expect(inTwos == whole)
    }
}

@Suite struct DelimitedQuotingOffsetTests {
    /// Doubled quotes, line breaks and delimiters inside quotes at every offset of the eight-byte scan.
    @Test func quotedFieldsAtEveryOffset() throws {
        var text = "id;text;score\n"
        var expected: [String] = []
        for offset in 0..<24 {
            let padding = String(repeating: "x", count: offset)
            text += "\(offset);\"\(padding)\"\"a\"\"\n;b\(padding)\";\(offset % 11)\n"
            expected.append("\(padding)\"a\"\n;b\(padding)")
        }
        let path = try Fixture.temporary("offsets.csv", Array(text.utf8))
        for chunkSize in [3, 8, 1 << 20] {
            let (outcomes, _) = try Fixture.read(path, chunkSize: chunkSize)
            #expect(outcomes.compactMap(\.feedback).map(\.text) == expected, "chunk size \(chunkSize)")
            #expect(outcomes.compactMap(\.feedback).map(\.line) == (0..<24).map { 2 + 2 * $0 })
        }
    }
}
