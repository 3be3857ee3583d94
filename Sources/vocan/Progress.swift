import Foundation

/// A one-line progress indicator on standard error, shown only on a terminal and only once the input
/// turns out to be large.
final class Progress {
    private let enabled: Bool
    private let started = Date()
    private var shown = false
    private static let threshold = 20_000

    init(enabled: Bool) { self.enabled = enabled }

    func update(records: Int) {
        guard enabled, records >= Self.threshold else { return }
        shown = true
        let seconds = max(Date().timeIntervalSince(started), 0.001)
        let rate = Int(Double(records) / seconds)
        FileHandle.standardError.write(Data("\r\u{1B}[2Kvocan: \(records) records · \(rate)/s".utf8))
    }

    func finish() {
        guard shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
    }
}
