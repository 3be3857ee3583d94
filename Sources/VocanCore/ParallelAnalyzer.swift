import Dispatch

/// Analyzes batches of comments on several cores, one `Analyzer` per worker, keeping input order.
///
/// Each worker touches only its own analyzer and its own slice of the result buffer, which is why
/// the type can be `@unchecked Sendable`.
public final class ParallelAnalyzer: @unchecked Sendable {
    private let analyzers: [Analyzer]

    /// - Parameter workers: number of threads; at least one.
    public init(engine: Engine, workers: Int) throws {
        analyzers = try (0..<max(1, workers)).map { _ in try Analyzer(engine: engine) }
    }

    public var workers: Int { analyzers.count }

    /// Analyzes `batch` and applies `transform` (e.g. serialization) on the worker threads.
    public func analyze<Output>(_ batch: [Feedback], transform: (CommentAnalysis) -> Output) -> [Output] {
        guard batch.count > 1, analyzers.count > 1 else { return batch.map { transform(analyzers[0].analyze($0)) } }
        var results = [Output?](repeating: nil, count: batch.count)
        let chunk = (batch.count + analyzers.count - 1) / analyzers.count
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let output = buffer
            withoutActuallyEscaping(transform) { transform in
                nonisolated(unsafe) let transform = transform
                DispatchQueue.concurrentPerform(iterations: analyzers.count) { worker in
                    let analyzer = analyzers[worker]
                    for index in (worker * chunk)..<min(batch.count, (worker + 1) * chunk) {
                        output[index] = transform(analyzer.analyze(batch[index]))
                    }
                }
            }
        }
        return results.map { $0! }
    }
}
