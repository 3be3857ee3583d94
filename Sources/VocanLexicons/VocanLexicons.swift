// VocanLexicons holds the repository's lexicons/ folder compiled into Swift source: the EmbedLexicons
// build plugin runs LexiconCompiler over lexicons/*.tsv and *.txt and generates `BundledLexicons.files`
// (file name to text) and `BundledLexicons.image` (the engine built from them). Edit the files in
// lexicons/, never the generated source.
import VocanCore

extension Engine {
    /// The engine of vocan's bundled lexicons. Without extra lexicons it is loaded from the image
    /// compiled at build time (milliseconds); extra sentiment lexicons (vocan, SentiWS or VADER format)
    /// and emotion lexicons, which add to or override the bundled entries, need a build from the texts.
    public static func bundled(
        options: AnalysisOptions = AnalysisOptions(), extraLexicons: [LexiconSource] = [],
        extraEmotionLexicons: [LexiconSource] = []
    ) throws -> Engine {
        if extraLexicons.isEmpty, extraEmotionLexicons.isEmpty,
           let engine = try? EngineImage.decode(literal: BundledLexicons.image, options: options) {
            return engine
        }
        return try Engine(options: options, extraLexicons: extraLexicons, extraEmotionLexicons: extraEmotionLexicons,
                          files: BundledLexicons.files)
    }
}
