import Foundation
import Testing
import VocanCore
@testable import VocanIO

@Suite struct JSONWriterTests {
    private static func number(_ value: Double, decimals: Int) -> String {
        var writer = JSONWriter()
        writer.number(value, decimals: decimals)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    @Test(arguments: [
        (0.0, 3, "0"), (-0.0004, 3, "0"), (0.625, 3, "0.625"), (-0.62, 3, "-0.62"), (3, 3, "3"), (0.05, 3, "0.05"),
        (0.0005, 3, "0.001"), (-0.0005, 3, "-0.001"), (1.5, 2, "1.5"), (0.995, 2, "1"), (12.34, 1, "12.3"),
        (0.05, 1, "0.1"), (2.5, 0, "3"), (1234567.891, 3, "1234567.891"), (.infinity, 2, "null"), (1e18, 0, "null"),
    ])
    func roundsHalfAwayFromZeroWithoutTrailingZeros(_ value: Double, _ decimals: Int, _ expected: String) {
        #expect(Self.number(value, decimals: decimals) == expected)
    }

    /// Around each way `digits` writes (a byte, the table of 0–999, thousands and three digits, the loop) and at the extremes.
    @Test(arguments: [0, 7, 9, 10, 42, 99, 100, 505, 999, 1000, 1001, 10_203, 65_536, 999_999, 1_000_000, 1_000_001,
                      -1, -10, -999, -1000, -100_070, Int.max, Int.min])
    func integersAsDescribed(_ value: Int) {
        var writer = JSONWriter()
        writer.int(value)
        #expect(String(decoding: writer.bytes, as: UTF8.self) == String(value))
    }

    /// Zeros of either sign are no emotion; a value that is not a number is one (written `null`).
    @Test func emotionProfilesOfZeros() {
        func json(_ values: SIMD8<Double>) -> String {
            var writer = JSONWriter()
            writer.write(EmotionProfile(values))
            return String(decoding: writer.bytes, as: UTF8.self)
        }
        let zeros = #"{"anger":0,"anticipation":0,"disgust":0,"fear":0,"joy":0,"sadness":0,"surprise":0,"trust":0}"#
        #expect(json(.zero) == zeros)
        #expect(json(SIMD8(repeating: -0.0)) == zeros)
        var values = SIMD8<Double>.zero
        values[7] = .nan
        #expect(json(values) == zeros.replacingOccurrences(of: #""trust":0"#, with: #""trust":null"#))
        values[7] = 0
        values[0] = 0.25
        #expect(json(values) == zeros.replacingOccurrences(of: #""anger":0"#, with: #""anger":0.25"#))
    }

    /// Every fraction of the table against the printf rounding (no ties at these values).
    @Test func fractionsMatchPrintf() {
        for decimals in 1...3 {
            let scale = [1.0, 10, 100, 1000][decimals]
            for step in -2_000...2_000 {
                let value = Double(step) / scale
                var expected = String(format: "%.\(decimals)f", value)
                while expected.contains("."), expected.last == "0" || expected.last == "." { expected.removeLast() }
                if expected == "-0" { expected = "0" }
                #expect(Self.number(value, decimals: decimals) == expected, "\(value) at \(decimals) decimals")
            }
        }
    }

    /// Every length around the word sizes, with a byte that needs escaping (or a multi-byte letter)
    /// at every position: the JSON parses back to the same string, written as a `String` and as a
    /// `Substring` in the middle of a longer (heap-allocated) string.
    @Test func stringsRoundTrip() throws {
        for length in 0...20 {
            for special in ["\"", "\\", "\n", "\u{01}", "é"] {
                for position in 0...length {
                    var characters = Array(repeating: "a", count: length)
                    if position < length { characters[position] = special }
                    let text = characters.joined()
                    let padded = "\"\\ more than fifteen bytes \(text) \u{01}"
                    let slice = padded.dropFirst(27).dropLast(2)
                    var writer = JSONWriter()
                    writer.beginArray()
                    writer.string(text)
                    writer.string(slice)
                    writer.endArray()
                    let parsed = try JSONSerialization.jsonObject(with: Data(writer.bytes))
                    #expect(parsed as? [String] == [text, text], "\(text.debugDescription)")
                }
            }
        }
    }

    private static func quoted<Name>(_ value: Name, in names: QuotedNames<Name>) -> String {
        let bytes = [UInt8](unsafeUninitializedCapacity: 64) { buffer, count in
            var cursor = JSONCursor(position: buffer.baseAddress!)
            cursor.string(value, in: names)
            count = buffer.baseAddress!.distance(to: cursor.position)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func expectRawValues<Name: CaseIterable & RawRepresentable<String>>(of _: Name.Type) {
        let names = QuotedNames<Name>()
        for value in Name.allCases { #expect(quoted(value, in: names) == "\"\(value.rawValue)\"") }
    }

    @Test func quotedNamesAreTheRawValues() {
        Self.expectRawValues(of: Language.self)
        Self.expectRawValues(of: SentimentLabel.self)
        Self.expectRawValues(of: Emotion.self)
        Self.expectRawValues(of: SignalKind.self)
        Self.expectRawValues(of: FollowUpReason.self)
        Self.expectRawValues(of: Recommendation.self)
    }

    /// Names that need escaping come out as `string` writes them.
    @Test func quotedNamesAreEscaped() {
        enum Odd: String, CaseIterable { case plain, quote = "say \"hi\"", backslash = #"a\b"# }
        let names = QuotedNames<Odd>()
        #expect(Self.quoted(Odd.plain, in: names) == #""plain""#)
        #expect(Self.quoted(Odd.quote, in: names) == #""say \"hi\"""#)
        #expect(Self.quoted(Odd.backslash, in: names) == #""a\\b""#)
    }
}
