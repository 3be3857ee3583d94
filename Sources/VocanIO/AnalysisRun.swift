import Dispatch
import VocanCore

/// What one run over an input produced: the summary and the bookkeeping that proves nothing was lost
/// (`recordsRead == summary.analyzed + rejectedCount`).
public struct RunResult: Sendable {
    public var summary: AnalysisSummary
    public var recordsRead: Int
    public var rejectedCount: Int
    /// The first rejections, for the summaries (all of them go to `--rejects`).
    public var rejections: [Rejection]
    public static let listedRejections = 100
}

/// The data path of `vocan analyze`: read a batch, analyze it on every core while the next batch is
/// read, write records and rejects in input order, add to the summary; memory stays flat whatever
/// the input size.
public struct AnalysisRun {
    public static let batchSize = 4096
    /// Comments a worker claims at a time: small enough that the workers finish a batch together,
    /// large enough that claiming costs nothing.
    public static let chunkSize = 128
    private let analyzer: ParallelAnalyzer

    public init(engine: Engine, workers: Int) throws {
        analyzer = try ParallelAnalyzer(engine: engine, workers: workers)
    }

    /// The JSONL records of one chunk, kept from batch to batch so that their memory is reused
    /// (fresh megabytes per batch cost page faults); the reading thread writes them out while the
    /// workers wait for the next batch.
    private final class RecordBuffer: @unchecked Sendable {
        var writer = JSONWriter(capacity: 1 << 17)
    }

    /// Runs to the end of the input. `recordSink` receives JSONL records, `rejectSink` JSONL rejects;
    /// `progress` is called after each batch with the number of records read so far.
    public func execute(
        reader: FeedbackReader, recordSink: OutputSink?, rejectSink: OutputSink?,
        progress: (Int) -> Void = { _ in }
    ) throws -> RunResult {
        var result = RunResult(summary: AnalysisSummary(), recordsRead: 0, rejectedCount: 0, rejections: [])
        let writesRecords = recordSink != nil
        let analyzer = self.analyzer
        let buffers = (0..<ParallelAnalyzer.chunks(of: Self.batchSize, chunkSize: Self.chunkSize)).map { _ in RecordBuffer() }
        var (batch, rejections) = try reader.nextBatch(maxCount: Self.batchSize)
        while !batch.isEmpty || !rejections.isEmpty {
            var rejectLines = JSONWriter()
            for rejection in rejections {
                result.rejectedCount += 1
                if result.rejections.count < RunResult.listedRejections { result.rejections.append(rejection) }
                rejectLines.write(rejection)
                rejectLines.newline()
            }
            // Analyze on the workers while this thread reads the next batch.
            let run = analyzer.start(batch, chunkSize: Self.chunkSize) { analyzer, slice, chunk in
                var summary = AnalysisSummary()
                let records = buffers[chunk]
                records.writer.reset()
                for index in slice.indices {
                    let analysis = analyzer.analyze(slice[index])
                    summary.add(analysis)
                    if writesRecords {
                        records.writer.write(analysis)
                        records.writer.newline()
                    }
                }
                return summary
            }
            let next = Result { try reader.nextBatch(maxCount: Self.batchSize) }
            for (chunk, summary) in run.wait().enumerated() {
                result.summary.merge(summary)
                if let recordSink { try buffers[chunk].writer.withUnsafeBytes { try recordSink.write($0) } }
            }
            try rejectSink?.write(rejectLines.bytes)
            result.recordsRead += batch.count + rejections.count
            progress(result.recordsRead)
            (batch, rejections) = try next.get()
        }
        try recordSink?.flush()
        return result
    }
}

extension JSONWriter {
    /// One line of `--rejects`: file, line, id (when known) and reason.
    public mutating func write(_ rejection: Rejection) {
        beginObject()
        field("file"); string(rejection.file)
        field("line"); int(rejection.line)
        if let id = rejection.id { field("id"); string(id) }
        field("reason"); string(rejection.reason)
        endObject()
    }
}
