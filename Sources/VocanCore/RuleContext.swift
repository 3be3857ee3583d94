import VocanText

/// How the rule words around a term change it: negation, intensity and emphasis.
struct Modifiers: Equatable {
    var negated = false
    /// Product of intensifiers, downtoners, capitals and elongation.
    var intensity = 1.0
    /// The rules applied, as reported in evidence.
    var rules: EvidenceRules = []
}

/// What the engine made of a token position: the start of a rule word or opinion word (phrases span
/// `length` tokens), or nothing.
enum Reading {
    case none
    case rule(Rule, length: Int)
    case opinion(OpinionTerm, length: Int, compound: Bool)
}

/// One sentence as the engine read it, with the scope logic that sentiment, emotions and signals share.
struct RuleContext {
    let comment: CommentText
    /// Per token of the comment; filled for this sentence.
    let readings: TokenBuffer<Reading>
    let sentence: Range<Int>
    /// The whole comment is written in capitals, so capitals are no emphasis.
    let shouting: Bool

    static let capsBoost = 1.5
    static let elongationBoost = 1.3

    /// The modifiers of the term spanning `index..<index + length` inside `clause`.
    func modifiers(at index: Int, length: Int, clause: Range<Int>) -> Modifiers {
        var result = Modifiers()
        let tokens = comment.tokens
        let token = tokens[index]
        guard token.kind.isWordLike, !isSentenceAdverb(at: index) else { return result }
        if case .opinion(let term, _, _) = readings[index], term.isExpressive {
            if token.isElongated {
                result.intensity *= Self.elongationBoost
                result.rules.insert(.elongated)
            }
            return result
        }
        if token.isAllCaps && !shouting && token.keyLength > 2 {
            result.intensity *= Self.capsBoost
            result.rules.insert(.caps)
        }
        if token.isElongated {
            result.intensity *= Self.elongationBoost
            result.rules.insert(.elongated)
        }
        var position = index - 1
        // Intensifiers between a negator and its word do not use up the negator's scope
        // ("did not find it very useful").
        var intensifierTokens = 0
        scan: while position >= clause.lowerBound, index - position <= 4 + intensifierTokens, !tokens[position].isBoundary {
            switch readings[position] {
            case .rule(let rule, let ruleLength):
                let distance = Double(index - (position + ruleLength - 1) - intensifierTokens)
                switch rule.role {
                case .intensifier where distance <= 3 && rule.value != 1:
                    result.intensity *= rule.value
                    result.rules.insert(rule.value > 1 ? .intensified : .downtoned)
                    intensifierTokens += ruleLength
                case .negator where distance <= rule.value, .finalNegator where distance <= rule.value:
                    result.negated = true
                    break scan
                case .pairedNegator where distance <= rule.value:
                    if comment.ids[sentence.lowerBound..<position].contains(rule.pairedWith) {
                        result.negated = true
                        break scan
                    }
                default:
                    break
                }
            case .opinion where !isSentenceAdverb(at: position):
                break scan
            default:
                break
            }
            position -= 1
        }
        if case .opinion(let term, _, _) = readings[index], term.particleOffset > 0 {
            applyBetween(index + 1..<index + Int(term.particleOffset), to: &result)
        } else if !result.negated {
            result.negated = negatedAfter(index + length, clause: clause)
        }
        if result.negated { result.rules.insert(.negated) }
        return result
    }

    /// German puts `nicht` after the verb: "Das gefällt mir nicht." A `final_negator` within three tokens
    /// after the term negates it when nothing opinionated follows the negator in the clause.
    private func negatedAfter(_ start: Int, clause: Range<Int>) -> Bool {
        let tokens = comment.tokens
        var position = start
        while position < min(clause.upperBound, start + 3) {
            if tokens[position].isBoundary { return false }
            switch readings[position] {
            case .opinion where !isSentenceAdverb(at: position):
                return false
            case .rule(let rule, let length) where rule.role == .finalNegator:
                var next = position + length
                while next < clause.upperBound, !tokens[next].isBoundary {
                    if case .opinion = readings[next], !isSentenceAdverb(at: next) { return false }
                    next += 1
                }
                return true
            default:
                position += 1
            }
        }
        return false
    }

    /// The negators and intensifiers between a separable verb and its particle (`fällt nicht mehr aus`,
    /// `stürzt sehr oft ab`), which belong to the verb.
    private func applyBetween(_ range: Range<Int>, to result: inout Modifiers) {
        for position in range {
            guard case .rule(let rule, _) = readings[position] else { continue }
            switch rule.role {
            case .negator, .finalNegator:
                result.negated = true
            case .intensifier where rule.value != 1:
                result.intensity *= rule.value
                result.rules.insert(rule.value > 1 ? .intensified : .downtoned)
            default:
                break
            }
        }
    }

    private func isSentenceAdverb(at index: Int) -> Bool {
        if case .opinion(let term, _, _) = readings[index] { return term.isSentenceAdverb }
        return false
    }
}
