extension BundledLexicons {
    /// The names of the bundled files whose name starts with `prefix` (e.g. `sentiment.`), sorted.
    public static func names(withPrefix prefix: String) -> [String] {
        files.keys.filter { $0.hasPrefix(prefix) }.sorted()
    }
}
