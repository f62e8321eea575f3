import Foundation

/// The comparison arithmetic: one figure against one rule, exactly.
public enum Judge {
    /// The verdict for a figure (or a rating) under a rule.
    ///
    /// Floors (≥, >, fractions, ratings) give vượt when the figure is strictly beyond the
    /// target's figure and đạt when equal; strict floors ("trên 750") are not met by the figure
    /// itself. Ceilings, zeros, ranges and tolerances give đạt when met; a range or tolerance
    /// missed in the indicator's good direction gives vượt.
    public static func verdict(value: Decimal?, rating: String?, rule: Rule, indicator: Indicator) -> Verdict? {
        if case let .ratingAtLeast(level) = rule.comparison {
            guard let rating else { return .noData }
            guard let scale = indicator.scale, let want = scale.rank(of: level), let got = scale.rank(of: rating) else { return nil }
            return got < want ? .exceeded : got == want ? .met : .notMet
        }
        guard let v = value else { return .noData }
        switch rule.comparison {
        case let .atLeast(t): return v > t ? .exceeded : v == t ? .met : .notMet
        case let .moreThan(t): return v > t ? .exceeded : .notMet
        case let .atMost(t): return v <= t ? .met : .notMet
        case let .lessThan(t): return v < t ? .met : .notMet
        case .zero: return v == 0 ? .met : .notMet
        case let .range(low, high): return band(v, low, high, indicator.direction)
        case let .approximately(c, tol): return band(v, c - tol, c + tol, indicator.direction)
        case let .fraction(n, w):
            let t = Decimal(n) / Decimal(w) * 100
            return v > t ? .exceeded : v == t ? .met : .notMet
        case .ratingAtLeast: return nil
        }
    }

    private static func band(_ v: Decimal, _ low: Decimal, _ high: Decimal, _ direction: Direction) -> Verdict {
        if v >= low && v <= high { return .met }
        let above = v > high
        return (above == (direction == .up)) ? .exceeded : .notMet
    }

    /// The margin to the target's figure, positive when better than the target. In units for
    /// counts, in percentage points for shares; for an approximate target, the signed deviation
    /// from its centre; for a range, the distance outside it (zero inside).
    public static func gap(value v: Decimal, rule: Rule, indicator: Indicator) -> Decimal? {
        switch rule.comparison {
        case let .atLeast(t), let .moreThan(t): return v - t
        case let .atMost(t), let .lessThan(t): return t - v
        case .zero: return -v
        case let .range(low, high):
            let sign: Decimal = indicator.direction == .up ? 1 : -1
            if v < low { return (v - low) * sign }
            if v > high { return (v - high) * sign }
            return 0
        case let .approximately(c, _): return v - c
        case let .fraction(n, w): return v - Decimal(n) / Decimal(w) * 100
        case .ratingAtLeast: return nil
        }
    }

    /// Actual ÷ target × 100 for a floor ("868 / 750 = 115,73… %"). For a share too, as offices
    /// write "đạt 102,2 % chỉ tiêu" beside the gap in points (92 % against "trên 90 %"). Nil for
    /// ceilings, ranges and ratings, and for a zero target (never ∞ or NaN).
    public static func attainment(value v: Decimal, rule: Rule, indicator: Indicator) -> Decimal? {
        guard indicator.unit != .rating, rule.isFloor, let t = rule.threshold, t > 0 else { return nil }
        return v / t * 100
    }
}
