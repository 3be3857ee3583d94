import Testing
import VocanCore
@testable import VocanIO

@Suite struct JSONLinesReaderTests {
    @Test func readsObjectsAndRejectsBadLines() throws {
        let path = try Fixture.path("reviews.jsonl")
        let (outcomes, reader) = try Fixture.read(path)
        #expect(reader.resolvedColumns == ColumnSelection(text: "text", id: "id", score: "score", channel: "channel"))
        #expect(outcomes == [
            .feedback(Feedback(id: "j1", text: "Tolles Produkt", line: 1, score: "9", channel: "App")),
            .feedback(Feedback(id: "2", text: "Escapes: \"quoted\" ä 😀 tab\there \\ /", line: 3, score: "4.5")),
            .rejected(Rejection(file: path, line: 4, reason: "invalid JSON: expected an object")),
            .rejected(Rejection(file: path, line: 5, id: "j4", reason: "missing text field 'text'")),
            .rejected(Rejection(file: path, line: 6, reason: "invalid JSON: expected an object")),
            .rejected(Rejection(file: path, line: 7, id: "j6", reason: "empty text")),
            .rejected(Rejection(file: path, line: 8, reason: "invalid JSON: unexpected data after the object at column 34")),
            .feedback(Feedback(id: "9", text: "no id", line: 9, score: "7", date: nil)),
        ])
    }

    @Test func firstObjectDecidesKeys() throws {
        let lines = """
            {"Nummer": 1, "Kommentar": "Gut", "Datum": "2024-01-01", "Kanal": "Shop", "NPS": 10}
            {"Kommentar": "Schlecht", "nps": 0, "kanal": "Web"}
            {"comment": "other key"}
            """
        let path = try Fixture.temporary("german.jsonl", Array(lines.utf8))
        let (outcomes, reader) = try Fixture.read(path)
        #expect(reader.resolvedColumns == ColumnSelection(text: "Kommentar", id: "Nummer", score: "NPS", date: "Datum", channel: "Kanal"))
        #expect(outcomes == [
            .feedback(Feedback(id: "1", text: "Gut", line: 1, score: "10", date: "2024-01-01", channel: "Shop")),
            .feedback(Feedback(id: "2", text: "Schlecht", line: 2, score: "0", channel: "Web")),
            .rejected(Rejection(file: path, line: 3, id: "3", reason: "missing text field 'Kommentar'")),
        ])
    }

    @Test func invalidLinesBeforeTheFirstObjectStayInOrder() throws {
        let path = try Fixture.temporary("late.jsonl", Array("oops\n\n{\"text\": \"hi\"}\n{\"text\": 5}\n".utf8))
        let (outcomes, _) = try Fixture.read(path, batch: 1)
        #expect(outcomes == [
            .rejected(Rejection(file: path, line: 1, reason: "invalid JSON: expected an object")),
            .feedback(Feedback(id: "3", text: "hi", line: 3)),
            .feedback(Feedback(id: "4", text: "5", line: 4)),
        ])
    }

    @Test func userGivenKeyAndNestedText() throws {
        let lines = "{\"body\": \"b\", \"note\": {\"x\": 1}, \"text\": \"t\"}\n{\"body\": [1], \"text\": \"t\"}\n"
        let path = try Fixture.temporary("user.jsonl", Array(lines.utf8))
        let (outcomes, _) = try Fixture.read(path, options: ReaderOptions(columns: ColumnSelection(text: "BODY")))
        #expect(outcomes == [
            .feedback(Feedback(id: "1", text: "b", line: 1, score: "{\"x\": 1}")),
            .rejected(Rejection(file: path, line: 2, id: "2", reason: "text field 'body' is an object or array, not text")),
        ])
    }

    @Test func escapedNulAndLoneSurrogateAreUndecodable() throws {
        let lines = #"{"text": "a\u0000b"}"# + "\n" + #"{"text": "x\ud800y"}"# + "\n"
        let path = try Fixture.temporary("nul.jsonl", Array(lines.utf8))
        let (outcomes, _) = try Fixture.read(path)
        #expect(outcomes == [
            .rejected(Rejection(file: path, line: 1, id: "1", reason: "undecodable text")),
            .rejected(Rejection(file: path, line: 2, id: "2", reason: "undecodable text")),
        ])
    }

    @Test func rejectsTooLongText() throws {
        let path = try Fixture.temporary("long.jsonl", Array(#"{"id": "x", "text": "0123456789A"}"#.utf8))
        let (outcomes, _) = try Fixture.read(path, options: ReaderOptions(maxChars: 10))
        #expect(outcomes == [.rejected(Rejection(file: path, line: 1, id: "x", reason: "too long (11 characters, limit 10)"))])
    }
}

@Suite struct JSONEscapeOffsetTests {
    /// Escapes and the closing quote at every offset of the eight-byte scan.
    @Test func escapesAtEveryOffset() throws {
        var lines = ""
        var expected: [String] = []
        for offset in 0..<24 {
            let padding = String(repeating: "y", count: offset)
            lines += #"{"id": "\#(offset)", "text": "\#(padding)\"q\\\u00e4\/\#(padding)"}"# + "\n"
            expected.append("\(padding)\"q\\ä/\(padding)")
        }
        let path = try Fixture.temporary("offsets.jsonl", Array(lines.utf8))
        let (outcomes, _) = try Fixture.read(path)
        #expect(outcomes.compactMap(\.feedback).map(\.text) == expected)
    }
}
