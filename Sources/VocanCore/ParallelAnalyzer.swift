import Dispatch
import Synchronization

/// Analyzes batches of comments on several cores, one `Analyzer` per worker.
///
/// A batch is cut into chunks of consecutive comments; each worker claims the next unclaimed chunk
/// until none is left, so a worker that drew shorter comments does not sit idle while another
/// finishes. Each chunk becomes a result of its own (serialized records, a partial summary) in input
/// order, so no analysis is held longer than it takes to use it and no state is shared; the caller
/// combines the results in order. A batch runs in the background (`start`) so that the caller can read
/// the next one meanwhile. Workers touch only their own analyzer and the result slots of the chunks they
/// claimed, which is why the types can be `@unchecked Sendable`.
public final class ParallelAnalyzer: @unchecked Sendable {
    private let analyzers: [Analyzer]

    /// - Parameter workers: number of threads; at least one.
    public init(engine: Engine, workers: Int) throws {
        analyzers = try (0..<max(1, workers)).map { _ in try Analyzer(engine: engine) }
    }

    public var workers: Int { analyzers.count }

    /// A batch being analyzed in the background.
    public final class Run<Partial>: @unchecked Sendable {
        /// One slot per chunk, written by the worker that claimed it (never two threads on one slot).
        fileprivate let results: UnsafeMutableBufferPointer<Partial?>
        fileprivate let nextChunk = Atomic<Int>(0)
        fileprivate let done = DispatchGroup()

        fileprivate init(chunks: Int) {
            results = .allocate(capacity: chunks)
            results.initialize(repeating: nil)
        }

        deinit {
            results.deinitialize()
            results.deallocate()
        }

        /// Waits for the workers; the chunks' results in input order (the first holds the first comments).
        public func wait() -> [Partial] {
            done.wait()
            return results.map { $0! }
        }
    }

    /// The number of chunks `start` cuts a batch of `count` comments into when chunks hold `chunkSize`.
    public static func chunks(of count: Int, chunkSize: Int) -> Int { (count + chunkSize - 1) / max(1, chunkSize) }

    /// Cuts `batch` into chunks of `chunkSize` comments and lets every worker run `process` on the
    /// chunks it claims, with its analyzer, the chunk and the chunk's number (0, 1...). Do not start
    /// another batch before this one's `wait()` returned.
    public func start<Partial>(
        _ batch: [Feedback], chunkSize: Int,
        process: @escaping @Sendable (Analyzer, ArraySlice<Feedback>, Int) -> Partial
    ) -> Run<Partial> {
        let size = max(1, chunkSize)
        let chunks = Self.chunks(of: batch.count, chunkSize: size)
        let run = Run<Partial>(chunks: chunks)
        for worker in 0..<min(analyzers.count, chunks) {
            // Each analyzer serves one batch at a time: the caller waits for a batch before starting the next.
            nonisolated(unsafe) let analyzer = analyzers[worker]
            DispatchQueue.global().async(group: run.done) {
                while true {
                    let chunk = run.nextChunk.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard chunk < chunks else { break }
                    let slice = batch[chunk * size..<min(batch.count, (chunk + 1) * size)]
                    run.results[chunk] = process(analyzer, slice, chunk)
                }
            }
        }
        return run
    }
}
