// VocanLexicons holds the repository's lexicons/ folder as Swift source: the EmbedLexicons build plugin
// runs LexiconEmbedder over lexicons/*.tsv and *.txt and generates `BundledLexicons.files` (file name to
// text), which VocanCore's `Engine` loads. Edit the files in lexicons/, never the generated source.
