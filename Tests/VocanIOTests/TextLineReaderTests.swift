import Testing
import VocanCore
@testable import VocanIO

@Suite struct TextLineReaderTests {
    @Test func readsOneCommentPerNonBlankLine() throws {
        let path = try Fixture.path("comments.txt")
        let (outcomes, reader) = try Fixture.read(path)
        #expect(outcomes == [
            .feedback(Feedback(id: "1", text: "Die Lieferung kam zu spät.", line: 1)),
            .feedback(Feedback(id: "3", text: "Great support, thanks!", line: 3)),
            .feedback(Feedback(id: "5", text: "Ärger über die Hotline", line: 5)),
        ])
        #expect(reader.format == .txt)
        #expect(reader.columns == [])
        #expect(reader.warnings == [])
    }

    @Test func crlfAndMissingFinalNewline() throws {
        let path = try Fixture.temporary("crlf.txt", Array("first\r\n\r\nsecond\r\nlast".utf8))
        let (outcomes, _) = try Fixture.read(path)
        #expect(outcomes == [
            .feedback(Feedback(id: "1", text: "first", line: 1)),
            .feedback(Feedback(id: "3", text: "second", line: 3)),
            .feedback(Feedback(id: "4", text: "last", line: 4)),
        ])
    }

    @Test func rejectsTooLongAndUndecodableLines() throws {
        let path = try Fixture.temporary("long.text", Array("ok\nabcdefghijk\nnul \u{0}here\n\u{A0}\n".utf8))
        let (outcomes, _) = try Fixture.read(path, options: ReaderOptions(maxChars: 10))
        #expect(outcomes == [
            .feedback(Feedback(id: "1", text: "ok", line: 1)),
            .rejected(Rejection(file: path, line: 2, id: "2", reason: "too long (11 characters, limit 10)")),
            .rejected(Rejection(file: path, line: 3, id: "3", reason: "undecodable text")),
            .rejected(Rejection(file: path, line: 4, id: "4", reason: "empty text")),
        ])
    }

    @Test func countsCharactersNotBytes() throws {
        let path = try Fixture.temporary("umlauts.txt", Array("äöüäöüäöüä\n👍🏽👍🏽\n".utf8))
        let (outcomes, _) = try Fixture.read(path, options: ReaderOptions(maxChars: 10))
        #expect(outcomes.compactMap(\.feedback).map(\.text) == ["äöüäöüäöüä", "👍🏽👍🏽"])
    }

    @Test func warnsThatColumnOptionsAreIgnored() throws {
        let path = try Fixture.path("comments.txt")
        let (_, reader) = try Fixture.read(path, options: ReaderOptions(columns: ColumnSelection(text: "x")))
        #expect(reader.warnings == ["file '\(path)': column options are ignored for plain text"])
    }
}
