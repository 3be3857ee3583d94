import VocanCore

/// The human-readable summary `vocan analyze` prints by default.
public struct TerminalReport {
    public let result: RunResult
    public let file: String
    public let warnings: [String]
    /// ANSI colours, for a terminal.
    public let color: Bool

    public init(result: RunResult, file: String, warnings: [String], color: Bool) {
        self.result = result
        self.file = file
        self.warnings = warnings
        self.color = color
    }

    public func render() -> String {
        let summary = result.summary
        var lines = [bold("vocan · \(file)"), ""]
        lines.append("Records    \(result.recordsRead) read · \(summary.analyzed) analyzed · \(result.rejectedCount) rejected")
        let languages = Language.allCases.compactMap { language in
            summary.languages[language].map { "\(language.rawValue) \($0)" }
        }
        lines.append("Languages  " + (languages.isEmpty ? "–" : languages.joined(separator: " · ")))
        lines.append("Sentiment  " + sentimentBar(summary) + "  mean " + signed(summary.meanScore))
        for label in [SentimentLabel.negative, .positive, .mixed, .neutral] {
            let count = summary.labels[label] ?? 0
            lines.append("         " + (color ? " " : Self.barSymbol(label)) + " " + paint(label, pad(label.rawValue, 9))
                         + pad(String(count), 7, left: true) + "  " + percent(count, of: summary.analyzed))
        }
        let mix = summary.emotionMix
        let emotions = Emotion.allCases.filter { mix[$0] > 0 }.sorted { mix[$0] > mix[$1] }.prefix(5)
            .map { "\($0.rawValue) \(String(format2: mix[$0]))" }
        lines.append("Emotions   " + (emotions.isEmpty ? "–" : emotions.joined(separator: " · ")) + "  (mean intensity)")
        lines.append("Signals    high effort \(summary.highEffort) (\(percent(summary.highEffort, of: summary.analyzed)))"
                     + " · churn risk \(summary.churnRisk)"
                     + " · promoters \(summary.recommendations[.promoter] ?? 0) · detractors \(summary.recommendations[.detractor] ?? 0) (from the text)")
        if summary.followUpCount > 0 {
            lines += ["", bold("Follow up (\(summary.followUpCount)), most urgent first")]
            lines += Self.followUpLines(Array(summary.followUps.prefix(10)))
            if summary.followUpCount > 10 { lines.append("  … \(summary.followUpCount - 10) more (vocan analyze --follow-up-only)") }
        }
        lines += quoteBlock("Most negative", summary.mostNegative)
        lines += quoteBlock("Most positive", summary.mostPositive)
        if result.rejectedCount > 0 {
            lines += ["", bold("Rejected (\(result.rejectedCount))")]
            for rejection in result.rejections.prefix(10) {
                lines.append("  line \(rejection.line): \(rejection.reason)")
            }
            if result.rejectedCount > 10 { lines.append("  … \(result.rejectedCount - 10) more (see --rejects FILE)") }
        }
        for warning in warnings { lines.append("warning: \(warning)") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One line per follow-up: id, reasons, score and channel where known, and a short quote.
    public static func followUpLines(_ items: [FollowUpItem]) -> [String] {
        items.map { item in
            var line = "  #\(item.id)  " + item.reasons.map(\.rawValue).joined(separator: ", ")
            if let score = item.score { line += "  score \(score)" }
            if let channel = item.channel { line += "  \(channel)" }
            return line + "\n      “\(Quote.make(item.text, limit: 90))”"
        }
    }

    private func quoteBlock(_ title: String, _ analyses: [CommentAnalysis]) -> [String] {
        guard !analyses.isEmpty else { return [] }
        var lines = ["", bold(title)]
        for analysis in analyses {
            lines.append("  " + paint(analysis.sentiment.label, signed(analysis.sentiment.score)) + "  #" + analysis.feedback.id
                         + "  " + quote(analysis.feedback.text))
            let drivers = analysis.evidence
                .sorted { abs($0.weight) > abs($1.weight) }
                .prefix(4)
                .map { item in "\(item.token) \(signed(item.weight))" + (item.rules.isEmpty ? "" : " (\(item.rules.names.joined(separator: ", ")))") }
            if !drivers.isEmpty { lines.append("          because: " + drivers.joined(separator: " · ")) }
        }
        return lines
    }

    private func sentimentBar(_ summary: AnalysisSummary) -> String {
        let width = 30
        guard summary.analyzed > 0 else { return String(repeating: "·", count: width) }
        var bar = ""
        var used = 0
        for label in [SentimentLabel.negative, .mixed, .neutral, .positive] {
            let share = Double(summary.labels[label] ?? 0) / Double(summary.analyzed)
            let cells = label == .positive ? width - used : min(width - used, Int((share * Double(width)).rounded()))
            used += cells
            bar += paint(label, String(repeating: color ? "█" : Self.barSymbol(label), count: cells))
        }
        return bar
    }

    /// Without colours the bar tells the labels apart by symbol (the legend lines below use the same).
    private static func barSymbol(_ label: SentimentLabel) -> String {
        switch label {
        case .negative: "-"
        case .mixed: "~"
        case .neutral: "."
        case .positive: "+"
        }
    }

    private func quote(_ text: String) -> String { "“" + Quote.make(text, limit: 100) + "”" }

    private func percent(_ count: Int, of total: Int) -> String {
        total == 0 ? "–" : String(Int((Double(count) * 100 / Double(total)).rounded())) + "%"
    }

    private func signed(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        let text = String(format2: abs(rounded))
        return (rounded < 0 ? "-" : "+") + text
    }

    private func pad(_ text: String, _ width: Int, left: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return left ? padding + text : text + padding
    }

    private func bold(_ text: String) -> String { color ? "\u{1B}[1m\(text)\u{1B}[0m" : text }

    private func paint(_ label: SentimentLabel, _ text: String) -> String {
        guard color else { return text }
        let code = switch label {
        case .positive: "32"
        case .negative: "31"
        case .mixed: "33"
        case .neutral: "90"
        }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }
}

extension String {
    /// Two decimals without Foundation's locale-dependent formatting (`0.62`, `1.00`).
    init(format2 value: Double) {
        let hundredths = Int((value * 100).rounded())
        let fraction = hundredths % 100
        self = "\(hundredths / 100)." + (fraction < 10 ? "0" : "") + "\(fraction)"
    }
}
