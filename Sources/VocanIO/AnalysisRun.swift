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
    /// The first batch holds one chunk per thread, and each batch after it twice as many comments as
    /// the one before, up to `batchSize`: the cores start on the first comments as soon as these are
    /// read instead of waiting for a whole batch, and each batch is read while the smaller one before
    /// it is analyzed.
    private var firstBatchSize: Int { min(Self.batchSize, Self.chunkSize * (analyzer.workers + 1)) }
    private let analyzer: ParallelAnalyzer

    /// - Parameter threads: the threads that analyze, this one included (see `ParallelAnalyzer`).
    public init(engine: Engine, threads: Int) throws {
        analyzer = try ParallelAnalyzer(engine: engine, threads: threads)
    }

    /// The JSONL records of one chunk, kept from batch to batch so that their memory is reused
    /// (fresh megabytes per batch cost page faults). Made with room for 2 KB a record, more than a
    /// tweet's record takes: grown from half that, each buffer was copied once in its first batch
    /// (5.9M instructions of a run).
    private final class RecordBuffer: @unchecked Sendable {
        var writer = JSONWriter(capacity: AnalysisRun.chunkSize << 11)
    }

    /// An analyzed batch waiting to be written out: its chunks' summaries and records, and its rejects.
    private struct AnalyzedBatch {
        var summaries: [AnalysisSummary]
        var records: [RecordBuffer]
        var rejections: [Rejection]
        var count: Int
        /// The comments, held until the batch is written out so that they are freed while the workers
        /// analyze the next batch: freed with the batch's run, between two batches, they kept the
        /// workers waiting ~1.6M instructions a batch.
        var comments: [Feedback]
    }

    /// Runs to the end of the input. `recordSink` receives JSONL records, `rejectSink` JSONL rejects;
    /// `progress` is called after each batch with the number of records read so far.
    ///
    /// While the workers analyze a batch, this thread writes out the batch before it and reads the
    /// next one, then joins the workers; so there are two sets of record buffers, used in turn.
    public func execute(
        reader: FeedbackReader, recordSink: OutputSink?, rejectSink: OutputSink?,
        progress: (Int) -> Void = { _ in }
    ) throws -> RunResult {
        var result = RunResult(summary: AnalysisSummary(), recordsRead: 0, rejectedCount: 0, rejections: [])
        let writesRecords = recordSink != nil
        let analyzer = self.analyzer
        let chunks = ParallelAnalyzer.chunks(of: Self.batchSize, chunkSize: Self.chunkSize)
        let bufferSets = (0..<2).map { _ in (0..<chunks).map { _ in RecordBuffer() } }
        func finish(_ analyzed: AnalyzedBatch) throws {
            for (chunk, summary) in analyzed.summaries.enumerated() {
                result.summary.merge(summary)
                if let recordSink { try analyzed.records[chunk].writer.withUnsafeBytes { try recordSink.write($0) } }
            }
            var rejectLines = JSONWriter()
            for rejection in analyzed.rejections {
                result.rejectedCount += 1
                if result.rejections.count < RunResult.listedRejections { result.rejections.append(rejection) }
                rejectLines.write(rejection)
                rejectLines.newline()
            }
            try rejectSink?.write(rejectLines.bytes)
            result.recordsRead += analyzed.count
            progress(result.recordsRead)
        }
        var analyzed: AnalyzedBatch?
        var batchLimit = firstBatchSize
        var (batch, rejections) = try reader.nextBatch(maxCount: batchLimit)
        var set = 0
        while !batch.isEmpty || !rejections.isEmpty {
            let records = bufferSets[set]
            // As the batches written out so far set them: the one before may still be being written.
            let cutoffs = result.summary.laterCutoffs
            let run = analyzer.start(batch, chunkSize: Self.chunkSize) { analyzer, slice, chunk in
                Self.analyze(slice, with: analyzer, after: cutoffs, records: &records[chunk].writer, writesRecords: writesRecords)
            }
            // Meanwhile: write out the batch before, read the next one, then help with this one.
            do {
                if let analyzed = analyzed.take() { try finish(analyzed) }
            } catch {
                _ = run.wait()
                throw error
            }
            batchLimit = min(Self.batchSize, batchLimit * 2)
            let next = Result { try reader.nextBatch(maxCount: batchLimit) }
            let done = AnalyzedBatch(summaries: run.wait(), records: records, rejections: rejections,
                                     count: batch.count + rejections.count, comments: batch)
            analyzed = done
            do {
                (batch, rejections) = try next.get()
            } catch {
                // What was read before the error is still written out.
                try finish(done)
                throw error
            }
            set = 1 - set
        }
        if let analyzed { try finish(analyzed) }
        try recordSink?.flush()
        return result
    }

    /// The summary of one chunk's comments, with their JSONL records in `records` when `writesRecords`.
    ///
    /// The records' writer is passed in rather than reached through its buffer for each record: every
    /// access to a property of a class is checked for exclusivity at run time, at ~90 instructions.
    private static func analyze(
        _ slice: ArraySlice<Feedback>, with analyzer: Analyzer, after cutoffs: AnalysisSummary.Cutoffs,
        records: inout JSONWriter, writesRecords: Bool
    ) -> AnalysisSummary {
        var summary = AnalysisSummary(after: cutoffs)
        records.reset()
        for index in slice.indices {
            let analysis = analyzer.analyze(slice[index])
            summary.add(analysis)
            if writesRecords {
                records.write(analysis)
                records.newline()
            }
        }
        return summary
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
