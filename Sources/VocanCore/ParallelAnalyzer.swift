import Dispatch

/// Analyzes batches of comments on several cores, one `Analyzer` per worker.
///
/// Each worker takes a contiguous slice of the batch and turns it, in input order, into a result of its
/// own (serialized records, a partial summary), so no analysis is held longer than it takes to use it
/// and no state is shared; the caller combines the results in order. Workers touch only their own
/// analyzer and result slot, which is why the type can be `@unchecked Sendable`.
public final class ParallelAnalyzer: @unchecked Sendable {
    private let analyzers: [Analyzer]

    /// - Parameter workers: number of threads; at least one.
    public init(engine: Engine, workers: Int) throws {
        analyzers = try (0..<max(1, workers)).map { _ in try Analyzer(engine: engine) }
    }

    public var workers: Int { analyzers.count }

    /// Splits `batch` into one slice per worker and calls `process` on each worker with its analyzer
    /// and slice; the results come back in input order (the first holds the first comments).
    public func analyze<Partial>(
        _ batch: [Feedback], process: (Analyzer, ArraySlice<Feedback>) -> Partial
    ) -> [Partial] {
        let workers = batch.count > 1 ? analyzers.count : 1
        let chunk = (batch.count + workers - 1) / workers
        var results = [Partial?](repeating: nil, count: workers)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let output = buffer
            withoutActuallyEscaping(process) { process in
                nonisolated(unsafe) let process = process
                DispatchQueue.concurrentPerform(iterations: workers) { worker in
                    let slice = batch[min(batch.count, worker * chunk)..<min(batch.count, (worker + 1) * chunk)]
                    output[worker] = process(analyzers[worker], slice)
                }
            }
        }
        return results.map { $0! }
    }
}
