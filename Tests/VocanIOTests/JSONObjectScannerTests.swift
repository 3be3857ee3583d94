import Testing
@testable import VocanIO

@Suite struct JSONObjectScannerTests {
    /// The syntax error message for `line`, or `nil` when it is a valid object.
    private func error(_ line: String) -> String? {
        var scanner = JSONObjectScanner()
        let bytes = Array(line.utf8)
        do {
            try bytes.withUnsafeBufferPointer { try scanner.scan($0) }
            return nil
        } catch {
            return (error as? JSONObjectScanner.SyntaxError)?.message ?? "unexpected \(error)"
        }
    }

    @Test func acceptsValidObjects() {
        #expect(error("{}") == nil)
        #expect(error(" { \"a\" : [ ] , \"b\" : { } } ") == nil)
        #expect(error(#"{"n": [0, -0, 1.5e-3, 2E+10, -12.25], "t": true, "f": false, "z": null}"#) == nil)
        #expect(error(#"{"s": "\"\\\/\b\f\n\r\t\u00FC\uD83D\uDE00"}"#) == nil)
    }

    @Test func reportsWhatIsWrongAndWhere() {
        #expect(error("") == "expected an object")
        #expect(error("\"text\"") == "expected an object")
        #expect(error(#"{"a": 01}"#) == "unexpected character '1' at column 8")
        #expect(error(#"{"a": 1.}"#) == "invalid number at column 7")
        #expect(error(#"{"a": -}"#) == "invalid number at column 7")
        #expect(error(#"{"a": tru}"#) == "invalid literal at column 7")
        #expect(error(#"{"a": "x\q"}"#) == "invalid escape at column 9")
        #expect(error(#"{"a": "\u12G4"}"#) == "invalid \\u escape at column 8")
        #expect(error(#"{"a": "open}"#) == "unterminated string")
        #expect(error(#"{"a": 1,}"#) == "unexpected character '}' at column 9")
        #expect(error(#"{"a" 1}"#) == "unexpected character '1' at column 6")
        #expect(error(#"{"a": [1, 2}"#) == "unexpected character '}' at column 12")
        #expect(error(#"{"a": 1"#) == "unexpected end of line")
        #expect(error(#"{"a": 1}}"#) == "unexpected data after the object at column 9")
        #expect(error(String(repeating: "[", count: 600)) == "expected an object")
        #expect(error("{\"a\": " + String(repeating: "[", count: 600)) == "nested too deeply at column 518")
    }

    @Test func unescapesSurrogatePairs() {
        let content = Array(#"a\u00e4\ud83d\ude00\n\"b"#.utf8)
        var output: [UInt8] = []
        content.withUnsafeBufferPointer { JSONObjectScanner.unescape($0, into: &output) }
        #expect(String(decoding: output, as: UTF8.self) == "aä😀\n\"b")
    }
}
