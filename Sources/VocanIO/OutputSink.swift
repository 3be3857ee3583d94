import Foundation

/// Where an output goes: a file (created or truncated) or standard output when the path is nil or `-`.
/// Writes are buffered; `close()` flushes.
public final class OutputSink {
    private let handle: FileHandle
    private let ownsHandle: Bool
    private var buffer: [UInt8] = []
    private static let flushSize = 1 << 20

    public init(path: String?) throws {
        guard let path, path != "-" else {
            handle = FileHandle.standardOutput
            ownsHandle = false
            return
        }
        guard FileManager.default.createFile(atPath: path, contents: nil),
              let handle = FileHandle(forWritingAtPath: path) else {
            throw InputError("cannot write '\(path)'")
        }
        self.handle = handle
        ownsHandle = true
        buffer.reserveCapacity(Self.flushSize)
    }

    public func write(_ bytes: [UInt8]) throws {
        if bytes.count >= Self.flushSize {
            // Large blocks (a batch of records) go out as they are, without another copy.
            try flush()
            try handle.write(contentsOf: bytes)
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.flushSize { try flush() }
    }

    public func flush() throws {
        guard !buffer.isEmpty else { return }
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    public func close() throws {
        try flush()
        if ownsHandle { try handle.close() }
    }
}
