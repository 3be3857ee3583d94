import Foundation
import Testing
@testable import VocanIO

@Suite struct OutputSinkTests {
    @Test func writesSmallAndLargeBlocksInOrder() throws {
        let path = try Fixture.temporary("out.jsonl", Array("old contents that must go\n".utf8))
        let sink = try OutputSink(path: path)
        try sink.write(Array("a\n".utf8))
        let large = [UInt8](repeating: 0x62, count: 3 << 20)
        try sink.write(large)
        try sink.write(Array("c\n".utf8))
        try sink.close()
        let written = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(written == Array("a\n".utf8) + large + Array("c\n".utf8))
    }

    /// `--output /dev/null` must write to the device, not replace it with a file (which an atomic
    /// "create file" does when vocan runs as root).
    @Test func aDeviceStaysADevice() throws {
        let sink = try OutputSink(path: "/dev/null")
        try sink.write(Array("discarded\n".utf8))
        try sink.close()
        let type = try FileManager.default.attributesOfItem(atPath: "/dev/null")[.type] as? FileAttributeType
        #expect(type == .typeCharacterSpecial)
    }

    @Test func anUnwritablePathIsAnError() {
        #expect(throws: InputError.self) { try OutputSink(path: "/nonexistent-vocan-dir/out.jsonl") }
    }
}
