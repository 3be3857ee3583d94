import Foundation

/// How summaries quote a comment: on one line, shortened, and with personal data masked, so that a
/// report can be shared without exposing email addresses, phone numbers, IBANs or customer numbers
/// (the JSONL records keep the text as written: they are the analyst's own data).
public enum Quote {
    /// The comment on one line with personal data masked, cut to `limit` characters with `…`.
    public static func make(_ text: String, limit: Int) -> String {
        let flat = masked(text).split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count > limit ? String(flat.prefix(limit - 1)) + "…" : flat
    }

    /// `text` with email addresses, IBANs, phone numbers and customer or contract numbers replaced by
    /// `[email]`, `[iban]`, `[phone]` and `[number]`.
    public static func masked(_ text: String) -> String {
        var result = text
        for (pattern, replacement) in patterns {
            let range = NSRange(result.startIndex..., in: result)
            result = pattern.stringByReplacingMatches(in: result, range: range, withTemplate: replacement)
        }
        return result
    }

    // Compiled once; the patterns are constants, not input.
    private static let patterns: [(NSRegularExpression, String)] = [
        (#"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"#, "[email]"),
        (#"\b[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,4})?\b"#, "[iban]"),
        // Phone numbers start with +, 00 or 0 (dates and amounts do not) and have at least 7 digits.
        (#"(?<![\w.,])(?:\+|0)[0-9](?:[ /().-]{0,2}[0-9]){5,}(?![\w])"#, "[phone]"),
        (#"(?i)\b((?:kunden|vertrags|rechnungs|auftrags|bestell)-?(?:nummer|nr\.?)|(?:customer|account|contract|order|invoice) (?:no\.?|number|id|#))[\s:#]*[A-Z0-9][A-Z0-9-]{3,}"#, "$1 [number]"),
    ].map { (try! NSRegularExpression(pattern: $0.0), $0.1) }
}
