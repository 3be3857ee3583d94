import Foundation
import PackagePlugin

/// Compiles the package's `lexicons/` folder into the target as generated Swift source: the files'
/// texts and the engine image built from them.
@main
struct EmbedLexicons: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let directory = context.package.directoryURL.appendingPathComponent("lexicons")
        let inputs = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".tsv") || $0.hasSuffix(".txt") }
            .sorted()
            .map { directory.appendingPathComponent($0) }
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("BundledLexicons.swift")
        return [
            .buildCommand(
                displayName: "Compiling \(inputs.count) lexicon files",
                executable: try context.tool(named: "LexiconCompiler").url,
                arguments: [directory.path, output.path],
                inputFiles: inputs,
                outputFiles: [output]
            ),
        ]
    }
}
