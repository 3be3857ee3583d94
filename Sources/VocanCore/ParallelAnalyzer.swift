import Dispatch

/// Analyzes batches of comments on several cores, one `Analyzer` per worker.
///
/// Each worker takes a contiguous slice of a batch and turns it, in input order, into a result of its
/// own (serialized records, a partial summary), so no analysis is held longer than it takes to use it
/// and no state is shared; the caller combines the results in order. A batch runs in the background
/// (`start`) so that the caller can read the next one meanwhile. Workers touch only their own analyzer
/// and result slot, which is why the types can be `@unchecked Sendable`.
public final class ParallelAnalyzer: @unchecked Sendable {
    private let analyzers: [Analyzer]

    /// - Parameter workers: number of threads; at least one.
    public init(engine: Engine, workers: Int) throws {
        analyzers = try (0..<max(1, workers)).map { _ in try Analyzer(engine: engine) }
    }

    public var workers: Int { analyzers.count }

    /// A batch being analyzed in the background.
    public final class Run<Partial>: @unchecked Sendable {
        fileprivate var results: [Partial?]
        fileprivate let done = DispatchGroup()

        fileprivate init(slices: Int) { results = Array(repeating: nil, count: slices) }

        /// Waits for the workers; their results in input order (the first holds the first comments).
        public func wait() -> [Partial] {
            done.wait()
            return results.map { $0! }
        }
    }

    /// Splits `batch` into one slice per worker and starts `process` on each worker's thread with its
    /// analyzer, slice and number (0, 1...). Do not start another batch before this one's `wait()` returned.
    public func start<Partial>(
        _ batch: [Feedback], process: @escaping @Sendable (Analyzer, ArraySlice<Feedback>, Int) -> Partial
    ) -> Run<Partial> {
        let slices = batch.count > 1 ? analyzers.count : 1
        let run = Run<Partial>(slices: slices)
        let chunk = (batch.count + slices - 1) / slices
        for worker in 0..<slices {
            let slice = batch[min(batch.count, worker * chunk)..<min(batch.count, (worker + 1) * chunk)]
            // Each analyzer serves one slice at a time: the caller waits for a batch before starting the next.
            nonisolated(unsafe) let analyzer = analyzers[worker]
            DispatchQueue.global().async(group: run.done) {
                let result = process(analyzer, slice, worker)
                run.results[worker] = result
            }
        }
        return run
    }

    /// Analyzes `batch` and waits for the result (see `start`).
    public func analyze<Partial>(
        _ batch: [Feedback], process: @escaping @Sendable (Analyzer, ArraySlice<Feedback>, Int) -> Partial
    ) -> [Partial] {
        start(batch, process: process).wait()
    }
}
