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
