import ArgumentParser
import Foundation
import VocanCore
import VocanIO
import VocanLexicons

/// `vocan analyze FILE`: reads an export, scores every comment, writes a summary or per-comment records.
struct Analyze: ParsableCommand {
    /// The name is given rather than derived: ArgumentParser derives it from `String(describing: Analyze.self)`,
    /// a reflection call of ~500,000 instructions made six times per run.
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Analyze the comments of a .txt, .csv, .tsv or .jsonl file (or - for standard input)."
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, jsonl, json
    }

    enum LanguageChoice: String, ExpressibleByArgument, CaseIterable {
        case auto, de, en
    }

    enum ScaleChoice: String, ExpressibleByArgument, CaseIterable {
        case auto, nps, csat, none
    }

    @Argument(help: "Input file (.txt, .csv, .tsv, .jsonl) or - for standard input.")
    var file: String

    @Option(help: "Output: text (terminal summary), jsonl (one record per comment) or json (summary).")
    var format: OutputFormat = .text

    @Option(name: .shortAndLong, help: "Write the output to this file instead of standard output.")
    var output: String?

    @Option(help: "Language of the comments: auto (detect per comment), de or en.")
    var lang: LanguageChoice = .auto

    @Option(help: "Input format when the file has no telling extension: txt, csv, tsv or jsonl.")
    var inputFormat: InputFormat?

    @Option(help: "Column (or JSON field) holding the comment text; found by common names otherwise.")
    var textColumn: String?

    @Option(help: "Column holding the record id; the line number otherwise.")
    var idColumn: String?

    @Option(help: "Column holding a survey score (NPS, CSAT), carried into the output.")
    var scoreColumn: String?

    @Option(help: "Column holding the date, carried into the output.")
    var dateColumn: String?

    @Option(help: "Column holding the channel, carried into the output.")
    var channelColumn: String?

    @Option(help: "Reject comments longer than this many characters.")
    var maxChars: Int = 20_000

    @Option(help: "Write rejected records (file, line, id, reason) to this file as JSONL.")
    var rejects: String?

    @Option(name: .customLong("lexicon"), help: "Extra sentiment lexicon (vocan TSV, SentiWS or VADER format); repeatable, later files win.")
    var lexicons: [String] = []

    @Option(name: .customLong("emotion-lexicon"), help: "Extra emotion lexicon (term<TAB>emotion<TAB>intensity); repeatable, later files win.")
    var emotionLexicons: [String] = []

    @Option(help: "Scale of the score column for detractor follow-ups: auto (from the column name), nps (0-10), csat (1-5) or none.")
    var scoreScale: ScaleChoice = .auto

    @Flag(help: "Print only the follow-up list: comments a human should react to now, most urgent first.")
    var followUpOnly = false

    @Option(help: "Analysis threads, the one that reads and writes included (default: the number of cores).")
    var jobs: Int?

    func validate() throws {
        if maxChars < 1 { throw ValidationError("--max-chars must be at least 1") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        do {
            try execute()
        } catch let error as InputError {
            throw CLIFailure(message: error.description)
        } catch let error as LexiconError {
            throw CLIFailure(message: error.description)
        }
    }

    private func execute() throws {
        let language: Language? = switch lang {
        case .auto: nil
        case .de: .german
        case .en: .english
        }
        let columns = ColumnSelection(text: textColumn, id: idColumn, score: scoreColumn, date: dateColumn, channel: channelColumn)
        let reader = try FeedbackReader(path: file, options: ReaderOptions(format: inputFormat, columns: columns, maxChars: maxChars))
        let options = AnalysisOptions(language: language, scoreScale: scale(scoreColumn: reader.resolvedColumns.score))
        let engine = lexicons.isEmpty && emotionLexicons.isEmpty
            ? try EnginePreload.shared.engine(options: options)
            : try Engine.bundled(options: options, extraLexicons: lexicons.map(Self.readLexicon),
                                 extraEmotionLexicons: emotionLexicons.map(Self.readLexicon))
        let sink = try OutputSink(path: output)
        let rejectSink = try rejects.map { try OutputSink(path: $0) }
        let run = try AnalysisRun(engine: engine, threads: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        let progress = Progress(enabled: isatty(STDERR_FILENO) == 1)
        let result = try run.execute(reader: reader, recordSink: format == .jsonl && !followUpOnly ? sink : nil, rejectSink: rejectSink) {
            progress.update(records: $0)
        }
        progress.finish()
        for warning in reader.warnings { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
        if followUpOnly {
            try sink.write(followUpList(result.summary))
        } else {
            try writeSummary(result, reader: reader, to: sink)
        }
        try sink.close()
        try rejectSink?.close()
    }

    private static func readLexicon(_ path: String) throws -> LexiconSource {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CLIFailure(message: "lexicon '\(path)' not found")
        }
        return LexiconSource(name: (path as NSString).lastPathComponent, text: String(decoding: data, as: UTF8.self))
    }

    /// The survey scale: as given, or guessed from the score column's name (`NPS`, `csat`, `rating`, `Sterne`).
    private func scale(scoreColumn: String?) -> ScoreScale? {
        switch scoreScale {
        case .nps: return .nps
        case .csat: return .csat
        case .none: return nil
        case .auto:
            guard let name = scoreColumn?.lowercased() else { return nil }
            if name.contains("nps") || name.contains("recommend") || name.contains("empfehl") { return .nps }
            let csat = ["csat", "rating", "star", "stern", "satisf", "zufrieden", "bewertung", "note"]
            return csat.contains(where: name.contains) ? .csat : nil
        }
    }

    /// The follow-up list in the chosen format (text lines, a JSON array, or JSONL).
    private func followUpList(_ summary: AnalysisSummary) -> [UInt8] {
        switch format {
        case .text:
            let header = "\(summary.followUpCount) of \(summary.analyzed) comments need a follow-up, most urgent first\n"
            return Array((header + TerminalReport.followUpLines(summary.followUps).joined(separator: "\n") + "\n").utf8)
        case .json:
            var writer = JSONWriter()
            writer.write(summary.followUps)
            writer.newline()
            return writer.bytes
        case .jsonl:
            var writer = JSONWriter()
            for item in summary.followUps {
                writer.write(item)
                writer.newline()
            }
            return writer.bytes
        }
    }

    private func writeSummary(_ result: RunResult, reader: FeedbackReader, to sink: OutputSink) throws {
        switch format {
        case .jsonl:
            break
        case .json:
            var writer = JSONWriter()
            writer.write(result, file: file, warnings: reader.warnings)
            writer.newline()
            try sink.write(writer.bytes)
        case .text:
            let color = output == nil && isatty(STDOUT_FILENO) == 1
            try sink.write(Array(TerminalReport(result: result, file: file, warnings: reader.warnings, color: color).render().utf8))
        }
    }
}

/// A failure already phrased for the user: printed as one line, exit status 1.
struct CLIFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

extension InputFormat: ExpressibleByArgument {}
