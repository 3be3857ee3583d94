import ArgumentParser

@main
struct Vocan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vocan",
        abstract: "Voice-of-customer text analysis for German and English feedback.",
        subcommands: [Analyze.self],
        defaultSubcommand: Analyze.self
    )

    /// Starts decoding the bundled engine on another core before the arguments are parsed.
    static func main() {
        _ = EnginePreload.shared
        main(nil)
    }
}
