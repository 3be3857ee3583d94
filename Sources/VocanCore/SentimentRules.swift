/// What a rule word does to the opinion words around it. See `lexicons/rules.de.tsv` for the format.
public enum RuleRole: String, Sendable, CaseIterable, BitwiseCopyable {
    /// Negates the opinion word after it.
    case negator
    /// Negates the opinion word after it, or at the end of a clause the one before it ("gefällt mir nicht").
    case finalNegator = "final_negator"
    case pairedNegator = "paired_negator"
    case intensifier
    case contrast
    case concession
    case clauseBreak = "clause_break"
    case questionWord = "question_word"
    case wish
    /// Addresses the reader when it opens the comment, after greetings only, before a comma ("Hallo
    /// liebe Telekom,"), so its opinion and emotions do not count there; `value` is how many tokens the
    /// addressee may take. Greetings (`hallo`) have this role too.
    case salutation
}

/// One entry of a rules file: a role and its value (a scope, a multiplier or a clause weight).
public struct Rule: Sendable, Hashable, BitwiseCopyable {
    public var role: RuleRole
    public var value: Double
    /// For `paired_negator`: the id of the key that must come earlier in the sentence (`weder` for
    /// `noch`); `Vocabulary.unknown` for other roles.
    public var pairedWith: TermID = Vocabulary.unknown

    /// Whether the rule starts a new clause.
    public var splitsClause: Bool { role == .contrast || role == .concession || role == .clauseBreak }
}

extension Rule {
    /// Parses one record of a rules file; a `paired_negator` also names the term it pairs with, which
    /// the caller numbers into `pairedWith`.
    static func parse(_ fields: [Substring], file: String, line: Int) throws -> (term: String, rule: Rule, pairedWith: String?) {
        guard fields.count >= 3, let role = RuleRole(rawValue: String(fields[1])) else {
            throw LexiconError(file: file, line: line, reason: "expected term<TAB>role<TAB>value with a role from \(RuleRole.allCases.map(\.rawValue))")
        }
        let value = fields[2].trimmingSpaces
        if role == .pairedNegator {
            return (String(fields[0]), Rule(role: role, value: 3), String(value))
        }
        guard let number = Double(value) else {
            throw LexiconError(file: file, line: line, reason: "value '\(value)' is not a number")
        }
        return (String(fields[0]), Rule(role: role, value: number), nil)
    }
}
