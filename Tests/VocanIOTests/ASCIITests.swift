import Testing
@testable import VocanIO

@Suite struct ASCIITests {
    /// Bytes next to the searched ones in value and every high byte, at every position and start.
    @Test func firstIndexMatchesAByteByByteSearch() {
        let alphabet: [UInt8] = [0x00, 0x01, 0x21, 0x22, 0x23, 0x3B, 0x0A, 0x0B, 0x5B, 0x5C, 0x5D, 0x61, 0x7F, 0x80, 0xA2, 0xFF]
        var state: UInt32 = 12_345
        for length in 0...40 {
            for _ in 0..<20 {
                let bytes = (0..<length).map { _ -> UInt8 in
                    state = state &* 1_103_515_245 &+ 12_345
                    return alphabet[Int(state >> 16) % alphabet.count]
                }
                for (a, b) in [(ASCII.quote, ASCII.backslash), (ASCII.semicolon, ASCII.lineFeed), (ASCII.quote, ASCII.quote)] {
                    for start in 0...length {
                        let expected = bytes[start...].firstIndex { $0 == a || $0 == b } ?? length
                        let found = bytes.withUnsafeBufferPointer { ASCII.firstIndex(of: a, or: b, in: $0, from: start) }
                        #expect(found == expected, "\(bytes) from \(start)")
                    }
                }
            }
        }
    }

    @Test func nonzeroASCIIAtEveryLengthAndPosition() {
        for length in 0...24 {
            let plain = [UInt8](repeating: 0x7E, count: length)
            #expect(plain.withUnsafeBufferPointer(ASCII.isNonzeroASCII))
            for position in 0..<length {
                for byte: UInt8 in [0x00, 0x80, 0xC3, 0xFF] {
                    var bytes = plain
                    bytes[position] = byte
                    #expect(!bytes.withUnsafeBufferPointer(ASCII.isNonzeroASCII), "\(bytes)")
                }
                var edge = plain
                edge[position] = 0x01
                #expect(edge.withUnsafeBufferPointer(ASCII.isNonzeroASCII))
            }
        }
    }
}
