import Foundation

/// Turns the checks of stated percentages into findings, so that `check` shows them in place.
public enum StatedChecks {
    /// A warning for every stated percentage that does not follow from the figures, and for
    /// every one that matches only if the source truncated instead of rounding.
    public static func diagnostics(for assessment: Assessment) -> Diagnostics {
        var d = Diagnostics()
        var checks: [(StatedCheck, Observation)] = []
        for t in assessment.targets {
            t.forEachRow { row in
                if let c = row.statedCheck, let o = row.observations.first { checks.append((c, o)) }
            }
        }
        for o in assessment.otherOutcomes {
            if let c = o.statedCheck { checks.append((c, o.observation)) }
        }
        for u in assessment.unusedFigures {
            if let c = u.statedCheck { checks.append((c, u.observation)) }
        }
        var seen = Set<SourceLocation>()
        let format = NumberFormat(.vietnamese)
        for t in assessment.targets {
            for row in t.years + [t.summary] {
                guard let c = row.excessCheck, !c.matches, let o = row.observations.first else { continue }
                d.warning("the source states an excess of \(format.natural(c.excess)) over the target, which makes the target \(format.natural(c.implied)), but the target is \(format.natural(c.target)); check the figure or the target", at: o.location)
            }
        }
        for o in unchecked(assessment) {
            let implied = o.impliedTarget.map { "; it implies a target of \(format.natural(Rounding.halfUp($0, places: 1)))" } ?? ""
            d.warning("the source states \(o.stated.map { $0.text + " of a target" } ?? "an excess over a target") that the data does not give\(implied); add the target (rule and period) to check it", at: o.location)
        }
        for (check, observation) in checks where seen.insert(observation.location).inserted {
            let computed = format.percent(check.computed, places: check.stated.places + 2)
            switch check.match {
            case .matches:
                break
            case .matchesIfTruncated:
                d.warning("the source states \(check.stated.text) but the figures give \(computed); it matches only if truncated, not rounded (rounded: \(format.percent(check.computed, places: check.stated.places)))", at: observation.location)
            case .mismatch:
                d.warning("the source states \(check.stated.text) but the figures give \(computed) (rounded: \(format.percent(check.computed, places: check.stated.places))); check the figure or the stated percentage", at: observation.location)
            }
        }
        return d
    }
}

extension StatedChecks {
    /// Figures whose stated percentage or excess nothing could check ("kết nạp 47, đạt 58,75 %
    /// chỉ tiêu" with no target in the data): kept and shown as "không tính được", never dropped.
    public static func unchecked(_ a: Assessment) -> [Observation] {
        var checked = Set<SourceLocation>()
        for t in a.targets {
            t.forEachRow { row in
                if row.observations.count == 1, row.statedCheck != nil || row.excessCheck != nil { checked.insert(row.observations[0].location) }
            }
        }
        for o in a.otherOutcomes where o.statedCheck != nil { checked.insert(o.observation.location) }
        for u in a.unusedFigures where u.statedCheck != nil { checked.insert(u.observation.location) }
        return a.record.observations.filter { ($0.stated != nil || $0.statedExcess != nil) && !checked.contains($0.location) }
    }
}

extension Observation {
    /// The target a stated attainment or excess implies when the data gives none: 47 at
    /// "đạt 58,75 % chỉ tiêu" implies 80; 152 "vượt chỉ tiêu 12" implies 140. Nil for a share
    /// given as counts (its stated figure is its own percent) and for a zero attainment.
    public var impliedTarget: Decimal? {
        guard let v = value.comparable, value.shareIfRatio == nil else { return nil }
        if let x = statedExcess { return v - x }
        guard let s = stated, s.attainment > 0 else { return nil }
        return v / s.attainment * 100
    }
}

/// Turns the figures no verdict uses into warnings at their lines, with the reason for each
/// target, so that `check` shows every figure the report will list apart.
public enum UnusedFigureChecks {
    /// One warning per figure no verdict uses.
    public static func diagnostics(for assessment: Assessment) -> Diagnostics {
        var d = Diagnostics()
        for u in assessment.unusedFigures {
            let why = u.reasons.map { "target '\($0.targetID)': \($0.kind.english(from: u.observation.location))" }.joined(separator: "; ")
            d.warning("no verdict uses this figure (\(u.observation.period)); it is listed apart in the report: \(why)", at: u.observation.location)
        }
        return d
    }
}

/// Which figures feed which target, for `check --figures`: one note per target at its line, so
/// that a person sees a yearly figure counted in the term total, or a figure given by indicator.
public enum FigureUseNotes {
    /// A note per target of the record: every figure its verdict uses, with its line and period,
    /// and where it was given for another target or by indicator only, that too.
    public static func diagnostics(for assessment: Assessment) -> Diagnostics {
        var d = Diagnostics()
        for t in assessment.targets {
            var seen = Set<SourceLocation>()
            let used = t.rows.flatMap(\.observations).filter { seen.insert($0.location).inserted }
            guard !used.isEmpty else {
                d.note("target '\(t.target.id)' uses no figure", at: t.target.location)
                continue
            }
            let list = used.map { o -> String in
                let at = o.location.file == t.target.location.file ? "line \(o.location.line)" : "\(o.location.file):\(o.location.line)"
                let given = o.targetID == t.target.sentenceID ? "" : o.targetID.map { ", given for '\($0)'" } ?? ", given by indicator"
                return "\(at) (\(o.period)\(given))"
            }
            d.note("target '\(t.target.id)' uses \(used.count) figure\(used.count == 1 ? "" : "s"): \(list.joined(separator: ", "))", at: t.target.location)
        }
        return d
    }
}

extension UnusedReason.Kind {
    /// The reason in English, with lines cited relative to the figure's own file.
    public func english(from here: SourceLocation) -> String {
        func at(_ l: SourceLocation) -> String { l.file == here.file ? "line \(l.line)" : "\(l.file):\(l.line)" }
        switch self {
        case let .samePeriod(l): return "the figure for the same period at \(at(l)) is used instead"
        case let .afterAssessment(y): return "it comes after the year of assessment \(y) (see --as-of)"
        case let .notReportingYear(y, years): return "\(y) is not one of the term's reporting years \(years.lowerBound)–\(years.upperBound)"
        case let .otherYear(y): return "the target is judged on \(y) only"
        case let .partialSpan(a, b): return "it covers months \(a)–\(b) only, not the year from January"
        case let .superseded(l): return "a later or more complete figure (\(at(l))) is used"
        case .termFigureOfYearlyTarget: return "it is a term figure and the target is judged year by year"
        case let .termToDateSuperseded(l): return "it covers the term to a date, and " + (l.map { "the figure at \(at($0)) is more complete" } ?? "not the period the target is judged on")
        case .termToDateOfYearlyTarget: return "it covers the term to a date and the target is judged year by year"
        case let .afterDue(y): return "it comes after \(y), when the target is due"
        case .notThisPeriod: return "none of the target's periods takes a figure of this period"
        case let .notPerUnit(noun): return "the target applies to each \(noun), and this figure is not of one (give 'unit-name')"
        }
    }
}
