/// Turns the checks of stated percentages into findings, so that `check` shows them in place.
public enum StatedChecks {
    /// A warning for every stated percentage that does not follow from the figures, and for
    /// every one that matches only if the source truncated instead of rounding.
    public static func diagnostics(for assessment: Assessment) -> Diagnostics {
        var d = Diagnostics()
        var checks: [(StatedCheck, Observation)] = []
        for t in assessment.targets {
            for row in t.years + [t.summary] + (t.cumulative.map { [$0] } ?? []) {
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
        case let .termToDateSuperseded(l): return "it covers the term to a date, and " + (l.map { "the figure at \(at($0)) is more complete" } ?? "a more complete figure is used")
        case let .afterDue(y): return "it comes after \(y), when the target is due"
        }
    }
}
