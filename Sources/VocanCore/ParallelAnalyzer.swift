import Dispatch
import Synchronization

/// Analyzes batches of comments on several cores, one `Analyzer` per thread.
///
/// A batch is cut into chunks of consecutive comments; each worker claims the next unclaimed chunk
/// until none is left, so a worker that drew shorter comments does not sit idle while another
/// finishes. The thread that started the batch joins in when it waits (`Run.wait`), so the cores stay
/// busy even while the thread pool is slow to wake a worker. Each chunk becomes a result of its own
/// (serialized records, a partial summary) in input order, so no analysis is held longer than it takes
/// to use it and no state is shared; the caller combines the results in order. Threads touch only
/// their own analyzer and the result slots of the chunks they claimed, which is why the types can be
/// `@unchecked Sendable`.
public final class ParallelAnalyzer: @unchecked Sendable {
    private let analyzers: [Analyzer]
    /// The analyzer of the thread that waits for a batch.
    private let callerAnalyzer: Analyzer

    /// - Parameter threads: the threads that analyze, the caller's included (at least one): one per
    ///   core. A thread more than the cores measured 6% more CPU on two cores, as the threads then
    ///   take turns on a core and evict each other's lookup cache.
    public init(engine: Engine, threads: Int) throws {
        analyzers = try (1..<max(1, threads)).map { _ in try Analyzer(engine: engine) }
        callerAnalyzer = try Analyzer(engine: engine)
    }

    /// The worker threads besides the caller's (none for one thread).
    public var workers: Int { analyzers.count }

    /// A batch being analyzed in the background.
    public final class Run<Partial>: @unchecked Sendable {
        /// One slot per chunk, written by the thread that claimed it (never two threads on one slot).
        fileprivate let results: UnsafeMutableBufferPointer<Partial?>
        fileprivate let nextChunk = Atomic<Int>(0)
        fileprivate let done = DispatchGroup()
        private let batch: [Feedback]
        private let chunkSize: Int
        private let process: @Sendable (Analyzer, ArraySlice<Feedback>, Int) -> Partial
        private let callerAnalyzer: Analyzer

        fileprivate init(batch: [Feedback], chunkSize: Int, callerAnalyzer: Analyzer,
                         process: @escaping @Sendable (Analyzer, ArraySlice<Feedback>, Int) -> Partial) {
            self.batch = batch
            self.chunkSize = chunkSize
            self.process = process
            self.callerAnalyzer = callerAnalyzer
            results = .allocate(capacity: ParallelAnalyzer.chunks(of: batch.count, chunkSize: chunkSize))
            results.initialize(repeating: nil)
        }

        deinit {
            _ = results.deinitialize()
            results.deallocate()
        }

        /// Claims and processes chunks until none is left.
        fileprivate func work(with analyzer: Analyzer) {
            while true {
                let chunk = nextChunk.wrappingAdd(1, ordering: .relaxed).oldValue
                guard chunk < results.count else { return }
                let slice = batch[chunk * chunkSize..<min(batch.count, (chunk + 1) * chunkSize)]
                results[chunk] = process(analyzer, slice, chunk)
            }
        }

        /// Processes the chunks no worker has claimed yet on the calling thread, waits for the workers,
        /// and returns the chunks' results in input order (the first holds the first comments).
        public func wait() -> [Partial] {
            work(with: callerAnalyzer)
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
        let run = Run(batch: batch, chunkSize: max(1, chunkSize), callerAnalyzer: callerAnalyzer, process: process)
        for worker in 0..<min(analyzers.count, run.results.count) {
            // Each analyzer serves one batch at a time: the caller waits for a batch before starting the next.
            nonisolated(unsafe) let analyzer = analyzers[worker]
            DispatchQueue.global().async(group: run.done) { run.work(with: analyzer) }
        }
        return run
    }
}
