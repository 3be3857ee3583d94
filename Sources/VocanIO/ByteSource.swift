#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file or standard input read in fixed-size chunks and handed on as UTF-8 bytes.
///
/// A UTF-8 byte order mark is dropped; UTF-16 with a byte order mark is transcoded here, so the parsers
/// above only ever see UTF-8 (or, for exports that aren't Unicode, raw single-byte text). An unpaired
/// UTF-16 surrogate becomes a NUL byte, which the record checks reject as undecodable text.
final class ByteSource {
    private enum Encoding { case undecided, utf8, utf16LittleEndian, utf16BigEndian }

    private let descriptor: Int32
    private let closesDescriptor: Bool
    private let label: String
    private let chunk: UnsafeMutableRawBufferPointer
    private var encoding = Encoding.undecided
    /// Raw bytes held back: the first bytes until the byte order mark is known, or half a UTF-16 code unit.
    private var carry: [UInt8] = []
    private var highSurrogate: UInt16?
    private var exhausted = false

    /// Opens `path` (`-` for standard input); `label` names it in error messages, e.g. `file 'x.csv'`.
    init(path: String, label: String, chunkSize: Int) throws {
        self.label = label
        if path == "-" {
            descriptor = STDIN_FILENO
            closesDescriptor = false
        } else {
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else {
                let code = errno
                throw code == ENOENT || code == ENOTDIR ? InputError.notFound(label) : InputError.unreadable(label, Self.reason(code))
            }
            var status = stat()
            if fstat(fd, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
                close(fd)
                throw InputError.unreadable(label, "is a directory, not a file")
            }
            descriptor = fd
            closesDescriptor = true
        }
        chunk = .allocate(byteCount: max(1, chunkSize), alignment: 16)
    }

    deinit {
        chunk.deallocate()
        if closesDescriptor { close(descriptor) }
    }

    /// Appends the next UTF-8 bytes to `output`; returns `false` (appending nothing) at the end of input.
    func read(appendingTo output: inout [UInt8]) throws -> Bool {
        let before = output.count
        while output.count == before {
            guard !exhausted else { return false }
            let count = try readChunk()
            if count == 0 {
                exhausted = true
                finish(into: &output)
            } else {
                decode(UnsafeRawBufferPointer(rebasing: chunk[0..<count]), into: &output)
            }
        }
        return true
    }

    /// How many bytes one read asks for.
    var chunkSize: Int { chunk.count }

    /// Whether the input is UTF-8 from here on, so its bytes go on as they are read: `read(into:)`
    /// may then put them straight where the parsers read them.
    var passesBytesThrough: Bool { encoding == .utf8 }

    /// Reads up to `chunkSize` bytes into `destination` as they are (only while `passesBytesThrough`);
    /// returns how many, 0 at the end of input.
    func read(into destination: UnsafeMutableRawPointer) throws -> Int {
        guard !exhausted else { return 0 }
        let count = try readChunk(into: destination)
        if count == 0 { exhausted = true }
        return count
    }

    private func readChunk(into destination: UnsafeMutableRawPointer? = nil) throws -> Int {
        while true {
            let count = readFromDescriptor(descriptor, destination ?? chunk.baseAddress, chunk.count)
            if count >= 0 { return count }
            let code = errno
            if code != EINTR { throw InputError.unreadable(label, Self.reason(code)) }
        }
    }

    private func decode(_ raw: UnsafeRawBufferPointer, into output: inout [UInt8]) {
        switch encoding {
        case .utf8:
            output.append(contentsOf: raw)
        case .undecided:
            carry.append(contentsOf: raw)
            if carry.count >= 3 { decideEncoding(into: &output) }
        case .utf16LittleEndian, .utf16BigEndian:
            transcodeUTF16(raw, into: &output)
        }
    }

    private func finish(into output: inout [UInt8]) {
        if encoding == .undecided { decideEncoding(into: &output) }
        if encoding == .utf16LittleEndian || encoding == .utf16BigEndian {
            if !carry.isEmpty || highSurrogate != nil { output.append(0) }
            carry.removeAll()
            highSurrogate = nil
        }
    }

    private func decideEncoding(into output: inout [UInt8]) {
        let head = carry
        carry.removeAll()
        if head.starts(with: [0xEF, 0xBB, 0xBF]) {
            encoding = .utf8
            output.append(contentsOf: head.dropFirst(3))
        } else if head.starts(with: [0xFF, 0xFE]) {
            encoding = .utf16LittleEndian
            head.dropFirst(2).withUnsafeBytes { transcodeUTF16($0, into: &output) }
        } else if head.starts(with: [0xFE, 0xFF]) {
            encoding = .utf16BigEndian
            head.dropFirst(2).withUnsafeBytes { transcodeUTF16($0, into: &output) }
        } else {
            encoding = .utf8
            output.append(contentsOf: head)
        }
    }

    private func transcodeUTF16(_ raw: UnsafeRawBufferPointer, into output: inout [UInt8]) {
        let littleEndian = encoding == .utf16LittleEndian
        var index = 0
        var pair: (UInt8, UInt8)
        output.reserveCapacity(output.count + raw.count * 3 / 2 + 4)
        while true {
            if let first = carry.first {
                guard index < raw.count else { return }
                pair = (first, raw[index])
                carry.removeAll(keepingCapacity: true)
                index += 1
            } else if index + 1 < raw.count {
                pair = (raw[index], raw[index + 1])
                index += 2
            } else {
                if index < raw.count { carry.append(raw[index]) }
                return
            }
            let unit = littleEndian ? UInt16(pair.1) << 8 | UInt16(pair.0) : UInt16(pair.0) << 8 | UInt16(pair.1)
            append(unit, to: &output)
        }
    }

    private func append(_ unit: UInt16, to output: inout [UInt8]) {
        if let high = highSurrogate {
            highSurrogate = nil
            if (0xDC00...0xDFFF).contains(unit) {
                let value = 0x10000 + ((UInt32(high) - 0xD800) << 10) + (UInt32(unit) - 0xDC00)
                UTF8.appendScalar(value, to: &output)
                return
            }
            output.append(0)
        }
        switch unit {
        case 0xD800...0xDBFF: highSurrogate = unit
        case 0xDC00...0xDFFF: output.append(0)
        default: UTF8.appendScalar(UInt32(unit), to: &output)
        }
    }

    private static func reason(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: "permission denied"
        case EISDIR: "is a directory, not a file"
        default: String(cString: strerror(code))
        }
    }
}

/// `read(2)`, named apart from the `read(appendingTo:)` method above.
@inline(__always)
private func readFromDescriptor(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}
