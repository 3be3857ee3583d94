#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where an output goes: a file (created or truncated) or standard output when the path is nil or `-`.
/// Small writes are buffered; large blocks (a chunk of records) go to the file as they are, with no
/// copy. `close()` flushes.
public final class OutputSink {
    private let descriptor: Int32
    private var ownsDescriptor: Bool
    private let label: String
    private var buffer: [UInt8] = []
    private static let flushSize = 1 << 20
    /// Blocks at least this large are written directly instead of copied into the buffer.
    private static let directSize = 1 << 15

    public init(path: String?) throws {
        guard let path, path != "-" else {
            descriptor = STDOUT_FILENO
            ownsDescriptor = false
            label = "standard output"
            return
        }
        label = "'\(path)'"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw InputError("cannot write '\(path)': \(String(cString: strerror(errno)))") }
        descriptor = fd
        ownsDescriptor = true
        buffer.reserveCapacity(Self.flushSize)
    }

    deinit {
        if ownsDescriptor { closeDescriptor(descriptor) }
    }

    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }

    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        if bytes.count >= Self.directSize {
            try flush()
            try writeAll(bytes)
            return
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.flushSize { try flush() }
    }

    public func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { try writeAll($0) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes the file (standard output stays open).
    public func close() throws {
        try flush()
        if ownsDescriptor {
            ownsDescriptor = false
            guard closeDescriptor(descriptor) == 0 else { throw InputError("cannot write \(label): \(String(cString: strerror(errno)))") }
        }
    }

    private func writeAll(_ bytes: UnsafeRawBufferPointer) throws {
        var offset = 0
        while offset < bytes.count {
            let written = writeToDescriptor(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw InputError("cannot write \(label): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }
}

/// `close(2)`, named apart from the `close()` method above.
@discardableResult @inline(__always)
private func closeDescriptor(_ fd: Int32) -> Int32 { close(fd) }

/// `write(2)`, named apart from the `write(_:)` methods above.
@inline(__always)
private func writeToDescriptor(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
    write(fd, buffer, count)
}
