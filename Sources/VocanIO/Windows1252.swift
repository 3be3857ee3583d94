/// The Windows-1252 code page, the usual encoding of exports that aren't UTF-8 (Excel "CSV" on Windows).
///
/// All 256 bytes are mapped: the five bytes the code page leaves undefined become the C1 controls of the
/// same value, as browsers do, so no byte is ever lost.
enum Windows1252 {
    /// Code points for bytes 0x80–0x9F; the rest equal their byte value (ASCII and Latin-1).
    private static let c1: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]

    /// The Unicode scalar value of a Windows-1252 byte.
    static func scalarValue(_ byte: UInt8) -> UInt32 {
        (0x80...0x9F).contains(byte) ? UInt32(c1[Int(byte) - 0x80]) : UInt32(byte)
    }

    /// Replaces the contents of `output` with `bytes` read as Windows-1252 and written as UTF-8.
    static func transcode(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        output.removeAll(keepingCapacity: true)
        output.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            if byte < 0x80 {
                output.append(byte)
            } else {
                UTF8.appendScalar(scalarValue(byte), to: &output)
            }
        }
    }
}
