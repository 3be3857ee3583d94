import Foundation
import Testing
import VocanCore
@testable import VocanIO

/// Test inputs: committed files under `Fixtures/`, or bytes written to a temporary file.
enum Fixture {
    /// The path of `Fixtures/<name>`.
    static func path(_ name: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return url.appendingPathComponent(name).path
    }

    /// Writes `bytes` to a new temporary file named `name` and returns its path.
    static func temporary(_ name: String, _ bytes: [UInt8]) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vocan-io-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// Everything `FeedbackReader` gives for `path`, checking that the counts add up.
    static func read(
        _ path: String, options: ReaderOptions = ReaderOptions(), chunkSize: Int = FeedbackReader.defaultChunkSize,
        batch: Int = 1_000
    ) throws -> (outcomes: [ReadOutcome], reader: FeedbackReader) {
        let reader = try FeedbackReader(path: path, options: options, chunkSize: chunkSize)
        var outcomes: [ReadOutcome] = []
        while true {
            let next = try reader.next(maxCount: batch)
            #expect(next.count <= batch)
            if next.isEmpty { break }
            outcomes += next
        }
        #expect(outcomes.count == reader.recordsRead)
        #expect(try reader.next(maxCount: batch).isEmpty)
        return (outcomes, reader)
    }

    /// The error `FeedbackReader.init` throws for `path`, as its message.
    static func initError(_ path: String, options: ReaderOptions = ReaderOptions()) -> String? {
        do {
            _ = try FeedbackReader(path: path, options: options)
            return nil
        } catch {
            return (error as? InputError)?.description ?? "unexpected \(error)"
        }
    }
}

extension ReadOutcome {
    var feedback: Feedback? {
        if case .feedback(let feedback) = self { return feedback }
        return nil
    }

    var rejection: Rejection? {
        if case .rejected(let rejection) = self { return rejection }
        return nil
    }
}
