import Testing
import VocanCore
@testable import VocanIO

@Suite struct EncodingTests {
    private func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in text.utf16 {
            let high = UInt8(unit >> 8), low = UInt8(unit & 0xFF)
            bytes += bigEndian ? [high, low] : [low, high]
        }
        return bytes
    }

    @Test func utf8ByteOrderMarkIsDropped() throws {
        let path = try Fixture.temporary("bom.csv", [0xEF, 0xBB, 0xBF] + Array("text,id\nHallo,1\n".utf8))
        let (outcomes, reader) = try Fixture.read(path)
        #expect(reader.columns == ["text", "id"])
        #expect(outcomes == [.feedback(Feedback(id: "1", text: "Hallo", line: 2))])
    }

    @Test(arguments: [false, true])
    func utf16WithByteOrderMark(bigEndian: Bool) throws {
        let bytes = utf16("id;Kommentar\r\n1;Grüße 😀\r\n2;\"zwei\r\nZeilen\"\r\n", bigEndian: bigEndian)
        let path = try Fixture.temporary("utf16.csv", bytes)
        let expected: [ReadOutcome] = [
            .feedback(Feedback(id: "1", text: "Grüße 😀", line: 2)),
            .feedback(Feedback(id: "2", text: "zwei\r\nZeilen", line: 3)),
        ]
        for chunkSize in [1, 2, 3, 5, 1 << 20] {
            let (outcomes, reader) = try Fixture.read(path, chunkSize: chunkSize)
            #expect(outcomes == expected, "chunk size \(chunkSize)")
            #expect(reader.warnings == [])
        }
    }

    @Test func utf16PlainText() throws {
        let path = try Fixture.temporary("utf16.txt", utf16("eins\nzwei €\n", bigEndian: true))
        let (outcomes, _) = try Fixture.read(path)
        #expect(outcomes.compactMap(\.feedback).map(\.text) == ["eins", "zwei €"])
    }

    @Test func unpairedUTF16SurrogateIsUndecodable() throws {
        var bytes = utf16("a\n", bigEndian: false)
        bytes += [0x00, 0xD8, 0x78, 0x00, 0x0A, 0x00]
        let path = try Fixture.temporary("surrogate.txt", bytes)
        let (outcomes, _) = try Fixture.read(path)
        #expect(outcomes == [
            .feedback(Feedback(id: "1", text: "a", line: 1)),
            .rejected(Rejection(file: path, line: 2, id: "2", reason: "undecodable text")),
        ])
    }

    @Test func windows1252FallbackPerRecordWithOneWarning() throws {
        let cp1252: [UInt8] = [0xC4] + Array("rger f".utf8) + [0xFC] + Array("r 5 ".utf8) + [0x80]
        var bytes = Array("id;text;channel\n1;".utf8) + cp1252 + Array(";Hotline\n".utf8)
        bytes += Array("2;Grüße aus UTF-8;Web\n3;".utf8) + [0x84, 0x66, 0x93, 0x20, 0x96, 0x20, 0x99] + Array(";x\n".utf8)
        let path = try Fixture.temporary("cp1252.csv", bytes)
        let (outcomes, reader) = try Fixture.read(path)
        #expect(outcomes == [
            .feedback(Feedback(id: "1", text: "Ärger für 5 €", line: 2, channel: "Hotline")),
            .feedback(Feedback(id: "2", text: "Grüße aus UTF-8", line: 3, channel: "Web")),
            .feedback(Feedback(id: "3", text: "„f“ – ™", line: 4, channel: "x")),
        ])
        #expect(reader.warnings == ["file '\(path)': not valid UTF-8, read as Windows-1252"])
    }

    @Test func windows1252InHeaderTextAndJSON() throws {
        let header = Array("Begr".utf8) + [0xFC] + Array("ndung\n".utf8)
        let csv = try Fixture.temporary("header.csv", header + [0xC4] + Array("rger\n".utf8))
        let read = try Fixture.read(csv, options: ReaderOptions(columns: ColumnSelection(text: "BEGRÜNDUNG")))
        #expect(read.reader.columns == ["Begründung"])
        #expect(read.outcomes == [.feedback(Feedback(id: "2", text: "Ärger", line: 2))])

        let jsonl = try Fixture.temporary("cp.jsonl", Array(#"{"text": "5 "#.utf8) + [0x80] + Array(#" \u00e4"}"#.utf8))
        let (outcomes, reader) = try Fixture.read(jsonl)
        #expect(outcomes == [.feedback(Feedback(id: "1", text: "5 € ä", line: 1))])
        #expect(reader.warnings.count == 1)

        let txt = try Fixture.temporary("cp.txt", [0x93, 0x61, 0x94, 0x0A])
        #expect(try Fixture.read(txt).outcomes == [.feedback(Feedback(id: "1", text: "“a”", line: 1))])
    }

    @Test func everyWindows1252ByteDecodes() {
        var output: [UInt8] = []
        let all = (0...255).map(UInt8.init)
        all.withUnsafeBufferPointer { Windows1252.transcode($0, into: &output) }
        let scalars = Array(String(decoding: output, as: UTF8.self).unicodeScalars)
        #expect(scalars.count == 256)
        #expect(scalars[0x80] == "€" && scalars[0x9F] == "Ÿ" && scalars[0x81].value == 0x81 && scalars[0xFF] == "ÿ")
    }
}

@Suite struct UTF8ValidationTests {
    @Test(arguments: [
        ([0x41, 0xC3, 0xA4, 0xE2, 0x82, 0xAC, 0xF0, 0x9F, 0x98, 0x80], true),
        ([UInt8](repeating: 0x61, count: 17) + [0xC3, 0xA4], true),
        ([0xC0, 0x80], false),
        ([0xE0, 0x9F, 0xBF], false),
        ([0xED, 0xA0, 0x80], false),
        ([0xF4, 0x90, 0x80, 0x80], false),
        ([0xF5, 0x80, 0x80, 0x80], false),
        ([0x61, 0xE2, 0x82], false),
        ([0xE2, 0x28, 0xA1], false),
        ([UInt8](repeating: 0x61, count: 9) + [0xFC], false),
    ] as [([UInt8], Bool)])
    func validatesLikeTheStandardLibrary(bytes: [UInt8], valid: Bool) {
        #expect(bytes.withUnsafeBufferPointer(UTF8.isValid) == valid)
        #expect((String(validating: bytes, as: UTF8.self) != nil) == valid)
    }
}
