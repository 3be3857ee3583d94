import ArgumentParser
import Foundation
import VocanCore
import VocanIO

/// `vocan analyze FILE`: reads an export, scores every comment, writes a summary or per-comment records.
struct Analyze: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Analyze the comments of a .txt, .csv, .tsv or .jsonl file (or - for standard input)."
    )

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, jsonl, json
    }

    enum LanguageChoice: String, ExpressibleByArgument, CaseIterable {
        case auto, de, en
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

    @Option(help: "Worker threads (default: the number of cores).")
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
        let extra = try lexicons.map { path -> LexiconSource in
            guard let data = FileManager.default.contents(atPath: path) else {
                throw CLIFailure(message: "lexicon '\(path)' not found")
            }
            return LexiconSource(name: (path as NSString).lastPathComponent, text: String(decoding: data, as: UTF8.self))
        }
        let language: Language? = switch lang {
        case .auto: nil
        case .de: .german
        case .en: .english
        }
        let engine = try Engine(options: AnalysisOptions(language: language), extraLexicons: extra)
        let columns = ColumnSelection(text: textColumn, id: idColumn, score: scoreColumn, date: dateColumn, channel: channelColumn)
        let reader = try FeedbackReader(path: file, options: ReaderOptions(format: inputFormat, columns: columns, maxChars: maxChars))
        let sink = try OutputSink(path: output)
        let rejectSink = try rejects.map { try OutputSink(path: $0) }
        let run = try AnalysisRun(engine: engine, workers: jobs ?? ProcessInfo.processInfo.activeProcessorCount)
        let progress = Progress(enabled: isatty(STDERR_FILENO) == 1)
        let result = try run.execute(reader: reader, recordSink: format == .jsonl ? sink : nil, rejectSink: rejectSink) {
            progress.update(records: $0)
        }
        progress.finish()
        for warning in reader.warnings { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
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
        try sink.close()
        try rejectSink?.close()
    }
}

/// A failure already phrased for the user: printed as one line, exit status 1.
struct CLIFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

extension InputFormat: ExpressibleByArgument {}
