import Foundation

/// UN ESCAP's categories for the Anticipated Progress Index, as ESCAP and the UN regional
/// commissions using its method print them (*Asia and the Pacific SDG Progress Report*, progress
/// assessment methodology).
public enum EscapCategory: String, Hashable, Sendable, CaseIterable {
    /// "Maintain progress to achieve the target": the anticipated value meets the target.
    case maintain
    /// "Accelerate progress": the anticipated value moves towards the target but falls short.
    case accelerate
    /// "Reverse the trend to achieve the target": the anticipated value is no better than the base.
    case reverse
    /// "Insufficient data": fewer than two years with figures.
    case insufficientData
}

/// UN ESCAP's two measures on one series, with every figure behind them.
///
/// Source: UN ESCAP, *Asia and the Pacific SDG Progress Report*, annex 1 "progress assessment
/// methodology" (https://data.unescap.org/resource-guides/progress-assessment-methodology); UNECE's
/// technical notes (https://w3.unece.org/sdg2023/technical-notes.html) describe the same index.
/// What the source states, and this computes: the Current Status Index is the progress made since
/// the base year relative to the distance from the base-year value to the target; the Anticipated
/// Progress Index takes the value expected in the target's year from a time-weighted linear
/// regression (more recent data weigh more) and reports the gap between it and the target relative
/// to the progress required from the base year. What the source text read for chitieu did not
/// confirm is a named constant or function of `EscapMethod`, with that said on it.
public struct EscapAssessment: Hashable, Sendable {
    /// The base: the first figure of the series.
    public var base: SeriesPoint?
    /// The latest figure.
    public var latest: SeriesPoint?
    /// The level to reach.
    public var level: Decimal
    /// The target's year.
    public var dueYear: Int
    /// The weights given to the points, in the series' order.
    public var weights: [Decimal]
    /// Change per year of the time-weighted regression line (one exact division).
    public var slope: Decimal?
    /// The value the weighted line gives in `dueYear`; when `dueYear` is not after the latest
    /// figure's year, the latest figure itself (nothing is left to anticipate).
    public var anticipated: Decimal?
    /// Current Status Index, in percent: (latest − base) ÷ (level − base) × 100; nil when the base
    /// already meets or passes the level (no distance to measure).
    public var currentStatus: Decimal?
    /// Anticipated Progress Index as the gap, in percent: (level − anticipated) ÷ (level − base) ×
    /// 100; 0 or below: the target is met; 100 or more: no better than the base.
    public var anticipatedGap: Decimal?
    /// The category.
    public var category: EscapCategory
}

/// UN ESCAP's progress assessment, exact (see `EscapAssessment` for the source).
public enum EscapMethod {
    /// The weight of a point `k` years after the first figure.
    ///
    /// ESCAP states that its time-weighted regression gives recent years more weight (ESCAP
    /// working paper SD/WP/04, March 2017, "weighted extrapolation method"), but the weights
    /// themselves were not confirmed from ESCAP's text: chitieu's assumption is weights rising by
    /// one a year, 1 for the first year, 2 for the next, and so on.
    public static func weight(yearsAfterFirst k: Int) -> Decimal { Decimal(k + 1) }

    /// "Maintain progress" is given when the anticipated value meets the target as worded (a gap of
    /// 0 or less, except that a strict bound reached exactly is not met); read off the category's
    /// name, as ESCAP's numeric cut-offs were not confirmed from its text.
    /// Gap (percent) from which the trend must be reversed: the anticipated value is no better
    /// than the base. Read off the category's name; not confirmed from ESCAP's text.
    public static let reverseGap: Decimal = 100

    /// The assessment of `series` towards `level` by `dueYear`. `meets` says whether a figure meets
    /// the target (strictness as worded); `direction` is +1 when the figure must rise, −1 when it
    /// must fall.
    public static func assess(_ series: [SeriesPoint], level: Decimal, direction: Int, dueYear: Int, meets: (Decimal) -> Bool) -> EscapAssessment {
        var a = EscapAssessment(base: series.first, latest: series.last, level: level, dueYear: dueYear, weights: [], category: .insufficientData)
        guard series.count >= 2, let base = series.first, let latest = series.last, latest.year > base.year else { return a }
        // Sums over x = years after the first figure: the weights and x are whole numbers, the
        // values decimals, so every sum is exact; only the slope and the anticipated value divide.
        var sw: Decimal = 0, swx: Decimal = 0, swxx: Decimal = 0, swy: Decimal = 0, swxy: Decimal = 0
        for p in series {
            let k = p.year - base.year
            let w = weight(yearsAfterFirst: k), x = Decimal(k)
            a.weights.append(w)
            sw += w
            swx += w * x
            swxx += w * x * x
            swy += w * p.value
            swxy += w * x * p.value
        }
        let denominator = sw * swxx - swx * swx
        guard denominator != 0 else { return a }
        let numerator = sw * swxy - swx * swy
        a.slope = numerator / denominator
        if dueYear > latest.year {
            // ŷ(x) = (Σwy·D + (x·Σw − Σwx)·N) ÷ (Σw·D): one division.
            let x = Decimal(dueYear - base.year)
            a.anticipated = (swy * denominator + (x * sw - swx) * numerator) / (sw * denominator)
        } else {
            a.anticipated = latest.value
        }
        // Only a base short of the target has a distance to measure progress along.
        let distance = Decimal(direction) * (level - base.value) > 0
        if distance {
            a.currentStatus = (latest.value - base.value) / (level - base.value) * 100
        }
        guard let anticipated = a.anticipated else { return a }
        if meets(anticipated) {
            a.category = .maintain
            if distance { a.anticipatedGap = (level - anticipated) / (level - base.value) * 100 }
            return a
        }
        guard distance else {
            // The base was already at or past the target: falling short of it now is a reversal.
            a.category = .reverse
            return a
        }
        let gap = (level - anticipated) / (level - base.value) * 100
        a.anticipatedGap = gap
        // Not met: a strict bound ("trên 750") reached exactly has a gap of 0 and still needs a move.
        a.category = gap >= reverseGap ? .reverse : .accelerate
        return a
    }
}
