import Foundation
import Testing
import VocanCore
import VocanLexicons
@testable import VocanIO

/// A run over more comments than one batch holds, cut into chunks that the workers claim in
/// whatever order they finish: the records still come out in input order, identical to those of one thread alone.
@Suite struct AnalysisRunTests {
    private static let texts = [
        "Die Hotline war super freundlich.", "Paket kam drei Tage zu spät!!!",
        "The app keeps crashing after the update.", "ok", "Never again, I am cancelling my contract.",
        "Lieferung pünktlich, aber die Rechnung war falsch.", "",
    ]

    private static func run(threads: Int, lines: Int) throws -> (records: [String], result: RunResult) {
        let text = (0..<lines).map { texts[$0 % texts.count] }.joined(separator: "\n") + "\n"
        let input = try Fixture.temporary("many.txt", Array(text.utf8))
        let output = input + ".jsonl"
        let sink = try OutputSink(path: output)
        let result = try AnalysisRun(engine: try Engine.bundled(), threads: threads)
            .execute(reader: try FeedbackReader(path: input, options: ReaderOptions()), recordSink: sink, rejectSink: nil)
        try sink.close()
        let records = String(decoding: try Data(contentsOf: URL(fileURLWithPath: output)), as: UTF8.self)
        return (records.split(separator: "\n").map(String.init), result)
    }

    @Test func recordsKeepInputOrderAcrossBatchesAndChunks() throws {
        let lines = AnalysisRun.batchSize * 2 + AnalysisRun.chunkSize / 2 + 3
        let parallel = try Self.run(threads: 3, lines: lines)
        // Blank lines are not records of a .txt file; every seventh line is blank.
        let expected = (1...lines).filter { ($0 - 1) % Self.texts.count != Self.texts.count - 1 }
        #expect(parallel.result.summary.analyzed == expected.count)
        #expect(parallel.result.recordsRead == expected.count && parallel.result.rejectedCount == 0)
        let ids = try parallel.records.map { line in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return try #require(object["id"] as? String)
        }
        #expect(ids == expected.map(String.init))
        let serial = try Self.run(threads: 1, lines: lines)
        #expect(serial.records == parallel.records)
        #expect(serial.result.summary.labels == parallel.result.summary.labels)
    }
}
