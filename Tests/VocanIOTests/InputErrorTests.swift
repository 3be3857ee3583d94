import Foundation
import Testing
@testable import VocanIO

@Suite struct InputErrorTests {
    @Test func missingFile() {
        #expect(Fixture.initError("/nonexistent/x.csv") == "file '/nonexistent/x.csv' not found")
    }

    @Test func unknownExtension() {
        #expect(Fixture.initError("x.xml") == "file 'x.xml': unknown input format (use --input-format txt|csv|tsv|jsonl)")
        #expect(Fixture.initError("noextension") == "file 'noextension': unknown input format (use --input-format txt|csv|tsv|jsonl)")
    }

    @Test func inputFormatOverridesExtension() throws {
        let path = try Fixture.temporary("export.xml", Array("text\nHallo\n".utf8))
        let (outcomes, _) = try Fixture.read(path, options: ReaderOptions(format: .csv))
        #expect(outcomes.compactMap(\.feedback).map(\.text) == ["Hallo"])
    }

    @Test func directory() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vocan-io-\(UUID().uuidString).csv")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        let directory = url.path
        #expect(Fixture.initError(directory) == "file '\(directory)': is a directory, not a file")
    }

    @Test func noTextColumn() throws {
        let path = try Fixture.temporary("numbers.csv", Array("a,b,c\n1,2,3\n".utf8))
        #expect(Fixture.initError(path) == "file '\(path)': no text column (looked for text, comment, comments, kommentar, "
            + "feedback, antwort, answer, review, message, nachricht, body, content, verbatim, freitext, bemerkung; use --text-column)")
    }

    @Test func noTextField() throws {
        let path = try Fixture.temporary("numbers.jsonl", Array("\n{\"a\": 1}\n".utf8))
        #expect(Fixture.initError(path)?.hasPrefix("file '\(path)': no text field (looked for text, comment,") == true)
    }

    @Test func unknownUserColumn() throws {
        let path = try Fixture.path("survey.csv")
        let options = ReaderOptions(columns: ColumnSelection(score: "foo"))
        #expect(Fixture.initError(path, options: options)
            == "file '\(path)': column 'foo' given by --score-column not found (columns: id, date, score, channel, comment)")
    }

    @Test func unknownUserKey() throws {
        let path = try Fixture.path("reviews.jsonl")
        let options = ReaderOptions(columns: ColumnSelection(channel: "kanal"))
        #expect(Fixture.initError(path, options: options)
            == "file '\(path)': field 'kanal' given by --channel-column not found (fields: id, text, score, channel)")
    }

    @Test func emptyCSV() throws {
        let path = try Fixture.temporary("empty.csv", [])
        #expect(Fixture.initError(path) == "file '\(path)': no header row (the file is empty)")
    }

    @Test func unterminatedQuoteInHeader() throws {
        let path = try Fixture.temporary("badheader.csv", Array("id,\"text\n1,2\n".utf8))
        #expect(Fixture.initError(path) == "file '\(path)', line 1: unterminated quote in the header row")
    }

    @Test func emptyTextAndJSONLinesInputsHaveNoRecords() throws {
        for name in ["empty.txt", "empty.jsonl"] {
            let path = try Fixture.temporary(name, Array("\n  \n".utf8))
            #expect(try Fixture.read(path).outcomes.isEmpty)
        }
    }

    @Test func formatFromExtensionAndSniffing() {
        #expect(InputFormat.fromPath("a/b.CSV") == .csv)
        #expect(InputFormat.fromPath("data.ndjson") == .jsonl)
        #expect(InputFormat.fromPath("dir.csv/file") == nil)
        #expect(InputFormat.fromPath(".jsonl") == nil)
        #expect(Array("  \n{\"a\":1}".utf8).withUnsafeBufferPointer(InputFormat.sniff) == .jsonl)
        #expect(Array("text\nhi".utf8).withUnsafeBufferPointer(InputFormat.sniff) == nil)
    }
}
