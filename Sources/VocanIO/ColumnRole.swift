/// The fields of `Feedback` a reader fills from a column, with the common header names each is found by.
enum ColumnRole: Int, CaseIterable, Sendable {
    case text, id, score, date, channel

    /// Header names (lowercase) that identify the column when the user named none, in order of preference.
    var commonNames: [String] {
        switch self {
        case .text:
            ["text", "comment", "comments", "kommentar", "feedback", "antwort", "answer", "review", "message",
             "nachricht", "body", "content", "verbatim", "freitext", "bemerkung"]
        case .id: ["id", "comment_id", "response_id", "respondent_id", "nr", "nummer", "ticket", "ticket_id"]
        case .score: ["score", "nps", "csat", "rating", "stars", "sterne", "bewertung", "note"]
        case .date: ["date", "datum", "created", "created_at", "timestamp", "zeit", "time"]
        case .channel: ["channel", "kanal", "source", "quelle", "touchpoint", "medium"]
        }
    }

    /// The command-line option that names this column.
    var option: String { "--\(self)-column" }

    /// The user's name for this role in `selection`, if any.
    func name(in selection: ColumnSelection) -> String? {
        switch self {
        case .text: selection.text
        case .id: selection.id
        case .score: selection.score
        case .date: selection.date
        case .channel: selection.channel
        }
    }

    /// For each role, the index into `names` of its column, or `nil` when the input has none.
    ///
    /// User-given names must exist (else `InputError`); the text column must be found one way or the other.
    static func resolve(
        _ names: [String], selection: ColumnSelection, file: String, kind: String
    ) throws(InputError) -> [Int?] {
        let folded = names.map { $0.lowercased() }
        var result = [Int?](repeating: nil, count: allCases.count)
        for role in allCases {
            if let wanted = role.name(in: selection) {
                guard let index = folded.firstIndex(of: wanted.lowercased()) else {
                    throw .unknownColumn(file, kind: kind, name: wanted, option: role.option, available: names)
                }
                result[role.rawValue] = index
            } else {
                result[role.rawValue] = role.commonNames.lazy.compactMap { folded.firstIndex(of: $0) }.first
            }
        }
        guard result[ColumnRole.text.rawValue] != nil else { throw .noTextColumn(file, kind: kind) }
        return result
    }
}
