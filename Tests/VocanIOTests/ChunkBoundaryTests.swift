import Testing
import VocanCore
@testable import VocanIO

/// Reading with tiny chunks must give exactly what reading with one large chunk gives.
@Suite struct ChunkBoundaryTests {
    @Test(arguments: ["comments.txt", "survey.csv", "german.csv", "tabbed.csv", "survey.tsv", "reviews.jsonl",
                      "rejects.csv", "unterminated.csv"])
    func fixturesReadTheSameInAnyChunkSize(name: String) throws {
        let path = try Fixture.path(name)
        let whole = try Fixture.read(path, options: ReaderOptions(maxChars: 20))
        for chunkSize in 1...9 {
            let (outcomes, reader) = try Fixture.read(path, options: ReaderOptions(maxChars: 20), chunkSize: chunkSize, batch: 3)
            #expect(outcomes == whole.outcomes, "chunk size \(chunkSize)")
            #expect(reader.warnings == whole.reader.warnings)
        }
    }

    @Test func fileMuchLargerThanOneChunk() throws {
        var text = "id,text,score\r\n"
        for index in 1...2_000 {
            text += index % 3 == 0 ? "\(index),\"multi\r\nline \"\"\(index)\"\"\",\(index % 11)\r\n" : "\(index),comment \(index),\(index % 11)\r\n"
        }
        let path = try Fixture.temporary("large.csv", Array(text.utf8))
        let (outcomes, reader) = try Fixture.read(path, chunkSize: 7, batch: 256)
        #expect(outcomes.count == 2_000)
        #expect(reader.recordsRead == 2_000)
        #expect(outcomes[2] == .feedback(Feedback(id: "3", text: "multi\r\nline \"3\"", line: 4, score: "3")))
        #expect(outcomes[3] == .feedback(Feedback(id: "4", text: "comment 4", line: 6, score: "4")))
        let last = try #require(outcomes.last?.feedback)
        #expect(last.id == "2000" && last.line == 2_000 + 2_000 / 3 + 1)
        #expect(try Fixture.read(path).outcomes == outcomes)
    }

    @Test func longJSONLinesAcrossChunks() throws {
        let long = String(repeating: "ä", count: 5_000)
        let lines = (1...50).map { #"{"id": "\#($0)", "text": "\#(long) \#($0)"}"# }.joined(separator: "\n")
        let path = try Fixture.temporary("long.jsonl", Array(lines.utf8))
        let (outcomes, _) = try Fixture.read(path, chunkSize: 4_093)
        #expect(outcomes.count == 50)
        #expect(outcomes.last == .feedback(Feedback(id: "50", text: "\(long) 50", line: 50)))
    }
}
