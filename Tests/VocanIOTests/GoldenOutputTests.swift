import Foundation
import Testing
import VocanCore
import VocanLexicons
@testable import VocanIO

/// The outputs of a whole run over `Fixtures/golden/input.csv`, compared byte for byte with the
/// committed golden files. After a deliberate change, regenerate them with
/// `VOCAN_UPDATE_GOLDEN=1 swift test --filter GoldenOutputTests` and review the diff.
@Suite struct GoldenOutputTests {
    private static func run(format: (RunResult, FeedbackReader, OutputSink?) throws -> [UInt8]?) throws -> [UInt8] {
        let input = try Fixture.path("golden/input.csv")
        let engine = try Engine.bundled(options: AnalysisOptions(scoreScale: .nps))
        let reader = try FeedbackReader(path: input, options: ReaderOptions())
        let records = try Fixture.temporary("records.jsonl", [])
        let sink = try OutputSink(path: records)
        let result = try AnalysisRun(engine: engine, threads: 3).execute(reader: reader, recordSink: sink, rejectSink: nil)
        try sink.close()
        #expect(result.recordsRead == 8 && result.summary.analyzed == 7 && result.rejectedCount == 1)
        if let bytes = try format(result, reader, sink) { return bytes }
        return Array(try Data(contentsOf: URL(fileURLWithPath: records)))
    }

    private static func compare(_ bytes: [UInt8], golden name: String) throws {
        let path = try Fixture.path("golden/" + name)
        if ProcessInfo.processInfo.environment["VOCAN_UPDATE_GOLDEN"] == "1" {
            let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/golden/" + name)
            try Data(bytes).write(to: source)
        }
        let expected = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(String(decoding: bytes, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
    }

    @Test func jsonlRecords() throws {
        try Self.compare(Self.run { _, _, _ in nil }, golden: "records.jsonl")
    }

    @Test func jsonSummary() throws {
        let bytes = try Self.run { result, reader, _ in
            // The reject names the fixture by its absolute path, which differs between checkouts.
            var result = result
            for index in result.rejections.indices { result.rejections[index].file = "input.csv" }
            var writer = JSONWriter()
            writer.write(result, file: "input.csv", warnings: reader.warnings)
            writer.newline()
            return writer.bytes
        }
        try Self.compare(bytes, golden: "summary.json")
    }

    @Test func terminalReport() throws {
        let bytes = try Self.run { result, reader, _ in
            Array(TerminalReport(result: result, file: "input.csv", warnings: reader.warnings, color: false).render().utf8)
        }
        try Self.compare(bytes, golden: "report.txt")
    }

    @Test func recordsRoundTripThroughJSON() throws {
        let bytes = try Self.run { _, _, _ in nil }
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 7)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let emotions = try #require(object["emotions"] as? [String: Double])
            #expect(Set(emotions.keys) == Set(Emotion.allCases.map(\.rawValue)))
            let sentiment = try #require(object["sentiment"] as? [String: Any])
            #expect(SentimentLabel(rawValue: sentiment["label"] as? String ?? "") != nil)
        }
    }
}
