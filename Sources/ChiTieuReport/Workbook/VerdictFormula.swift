import ChiTieuCore
import Foundation

/// Spreadsheet formulas that recompute a row from its cells, the same way the engine judges it,
/// so that an office correcting an outcome sees attainment, gap and verdict follow.
///
/// Shares are stored as fractions (92 % is 0,92) so that the cell format `0.0%` shows them in the
/// reader's locale; gaps of shares are in percentage points, hence the `*100`.
struct VerdictFormula {
    let words: Vocabulary
    let rule: Rule
    let indicator: Indicator
    /// The outcome cell, e.g. `G5`.
    let value: String
    /// The target figure cell, e.g. `F5`.
    let threshold: String

    private var percent: Bool { indicator.unit == .percent }
    private static func q(_ s: String) -> String {
        "\"" + (s.utf8.contains(34) ? s.replacingOccurrences(of: "\"", with: "\"\"") : s) + "\""
    }
    /// The verdict words as formula literals, quoted once per language rather than for every
    /// formula (each quoting made a new text; a workbook holds a formula per judged cell).
    private struct Quoted: Sendable {
        let noData, exceeded, met, notMet, check: String
        init(_ words: Vocabulary) {
            let q = VerdictFormula.q
            noData = q(words.verdict(.noData))
            exceeded = q(words.verdict(.exceeded))
            met = q(words.verdict(.met))
            notMet = q(words.verdict(.notMet))
            check = q(words.checkFigure)
        }
    }
    private static let quotedVi = Quoted(Vocabulary(language: .vi))
    private static let quotedEn = Quoted(Vocabulary(language: .en))
    private var quoted: Quoted { words.vi ? Self.quotedVi : Self.quotedEn }
    private var noData: String { quoted.noData }
    private var exceeded: String { quoted.exceeded }
    private var met: String { quoted.met }
    private var notMet: String { quoted.notMet }
    private var check: String { quoted.check }

    /// A figure as stored in a cell: shares as fractions.
    static func stored(_ v: Decimal, percent: Bool) -> Decimal { percent ? v / 100 : v }

    /// A literal for a formula, in the invariant form formulas use ("0.005").
    private func literal(_ v: Decimal) -> String { "\(Self.stored(v, percent: percent))" }

    /// `=IF(value="", "chưa có số liệu", IF(ISNUMBER(value), …, "kiểm tra lại"))`: the verdict.
    /// Text typed into a number cell, or a rating that is not one of the scale's level names,
    /// gives "kiểm tra lại", never a verdict.
    var verdict: String {
        let v = value, t = threshold
        let judged: String
        switch rule.comparison {
        case .atLeast, .fraction:
            judged = "IF(\(v)>\(t),\(exceeded),IF(\(v)=\(t),\(met),\(notMet)))"
        case .moreThan:
            judged = "IF(\(v)>\(t),\(exceeded),\(notMet))"
        case .atMost:
            judged = "IF(\(v)<=\(t),\(met),\(notMet))"
        case .lessThan:
            judged = "IF(\(v)<\(t),\(met),\(notMet))"
        case .zero:
            judged = "IF(\(v)=0,\(met),\(notMet))"
        case let .range(_, high):
            judged = band(low: t, high: literal(high))
        case let .approximately(_, tolerance):
            let tol = literal(tolerance)
            judged = band(low: "(\(t)-\(tol))", high: "(\(t)+\(tol))")
        case .ratingAtLeast:
            return "=IF(\(v)=\"\",\(noData),IF(\(isLevel),\(ratingVerdict),\(check)))"
        }
        return "=IF(\(v)=\"\",\(noData),IF(ISNUMBER(\(v)),\(judged),\(check)))"
    }

    private func band(low: String, high: String) -> String {
        let v = value
        let above = indicator.direction == .up ? exceeded : notMet
        let below = indicator.direction == .up ? notMet : exceeded
        return "IF(AND(\(v)>=\(low),\(v)<=\(high)),\(met),IF(\(v)>\(high),\(above),\(below)))"
    }

    /// The scale's level names in the report's language.
    private var levelNames: [String] { indicator.scale?.levels.map { Self.q(words.vi ? $0.name : $0.nameEn) } ?? [] }

    /// True when the outcome cell holds one of the scale's level names.
    private var isLevel: String {
        let tests = levelNames.map { "\(value)=\($0)" }
        return tests.isEmpty ? "FALSE()" : (tests.count == 1 ? tests[0] : "OR(\(tests.joined(separator: ",")))")
    }

    private var ratingVerdict: String {
        guard case let .ratingAtLeast(level) = rule.comparison, let scale = indicator.scale, let want = scale.rank(of: level) else { return notMet }
        // Levels better than the target's level, then the level itself; anything else is not met.
        let names = scale.levels.map { Self.q(words.vi ? $0.name : $0.nameEn) }
        let better = names.prefix(want).map { "\(value)=\($0)" }
        let exceededTest = better.isEmpty ? "FALSE()" : (better.count == 1 ? better[0] : "OR(\(better.joined(separator: ",")))")
        return "IF(\(exceededTest),\(exceeded),IF(\(value)=\(names[want]),\(met),\(notMet)))"
    }

    /// `=IF(ISNUMBER(value), …, "")`: the gap, positive when better than the target; nil for ratings.
    var gap: String? {
        guard hasGap else { return nil }
        let v = value, t = threshold
        let points = percent ? "*100" : ""
        let body: String
        switch rule.comparison {
        case .atLeast, .moreThan, .fraction: body = "(\(v)-\(t))\(points)"
        case .atMost, .lessThan: body = "(\(t)-\(v))\(points)"
        case .zero: body = "(0-\(v))\(points)"
        case let .range(_, high):
            let sign = indicator.direction == .up ? "" : "-"
            let h = literal(high)
            body = "\(sign)IF(\(v)<\(t),(\(v)-\(t))\(points),IF(\(v)>\(h),(\(v)-\(h))\(points),0))"
        case .approximately: body = "(\(v)-\(t))\(points)"
        case .ratingAtLeast: return nil
        }
        return "=IF(ISNUMBER(\(v)),\(body),\"\")"
    }

    /// `=IF(ISNUMBER(value), value/threshold, "")`: attainment as a fraction, for floors of
    /// counts and of shares (both stored as fractions, so the quotient is the same).
    var attainment: String? {
        guard hasAttainment else { return nil }
        return "=IF(ISNUMBER(\(value)),\(value)/\(threshold),\"\")"
    }

    /// Whether there is a gap formula: not for ratings.
    var hasGap: Bool {
        if case .ratingAtLeast = rule.comparison { return false }
        return true
    }

    /// Whether there is an attainment formula: floors of counts and shares with a target above zero.
    var hasAttainment: Bool {
        guard indicator.unit != .rating, rule.isFloor, let t = rule.threshold else { return false }
        return t > 0
    }
}
