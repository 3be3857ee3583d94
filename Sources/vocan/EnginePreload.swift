import Dispatch
import VocanCore
import VocanLexicons

/// The bundled engine, decoded on another core while the main thread parses the command line and
/// opens the input.
///
/// Start-up would otherwise be one thread's work while the other core waits: decoding the engine
/// image and making ICU's first break iterators (~30M instructions) would follow parsing the
/// arguments (~20M, most of it ArgumentParser's reflection), so the two are done side by side. An
/// engine's options are not part of its image: the engine decoded ahead with the default options
/// serves every run that adds no lexicon.
final class EnginePreload: @unchecked Sendable {
    /// Starts decoding when first used (`Vocan.main` uses it before parsing the arguments).
    static let shared = EnginePreload()

    private let decoding = DispatchGroup()
    /// Written by the decoding thread inside `decoding`, read only after waiting for it.
    private var decoded: Result<Engine, any Error>?

    private init() {
        DispatchQueue.global().async(group: decoding) { [self] in
            decoded = Result {
                let engine = try Engine.bundled()
                // ICU's break iterators are made once and cloned for every later analyzer. A failure
                // here is thrown again where the analyzers are made.
                _ = try? Analyzer(engine: engine)
                return engine
            }
        }
    }

    /// The bundled engine with `options`, once it is decoded.
    func engine(options: AnalysisOptions) throws -> Engine {
        decoding.wait()
        var engine = try decoded!.get()
        engine.options = options
        return engine
    }
}
