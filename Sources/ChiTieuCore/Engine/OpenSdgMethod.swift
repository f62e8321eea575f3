import Foundation

/// Open SDG's progress status for a series without a target ("methodology 1" of sdg-build's
/// `sdg/ProgressMeasure.py`): the observed compound annual growth, signed by the direction.
public enum NoTargetStatus: String, Hashable, Sendable, CaseIterable {
    /// Signed growth ≥ 1,5 % a year ("substantial_progress").
    case substantial
    /// 0,5 % ≤ signed growth < 1,5 % ("moderate_progress").
    case moderate
    /// 0 ≤ signed growth < 0,5 % ("limited_progress").
    case limited
    /// Signed growth < 0 ("deterioration").
    case deterioration
    /// Fewer than two years, or a base and a latest figure of opposite signs ("not_available").
    case notAvailable
}

/// The no-target status of one series, with the figures behind it.
public struct NoTargetProgress: Hashable, Sendable {
    /// The base: the first figure.
    public var base: SeriesPoint?
    /// The latest figure.
    public var latest: SeriesPoint?
    /// The base as used: a base of 0 is replaced by `OpenSdgMethod.zeroReplacement`, as Open SDG does.
    public var baseUsed: Decimal?
    /// The observed compound annual growth (latest ÷ base)^(1/years) − 1, to 12 significant digits
    /// (an n-th root has no exact decimal); shown, never used to classify.
    public var growth: Decimal?
    /// Whether a rise is progress (the indicator's direction) times the base's sign, as Open SDG
    /// signs its progress value: +1 or −1.
    public var sign: Int
    /// The status, decided exactly (see `OpenSdgMethod.noTarget`).
    public var status: NoTargetStatus
    /// The indicator's limit (sdg-build's `limit`: a bound the figure cannot pass, such as 100 % for
    /// a share), when the catalogue sets one.
    public var limit: Decimal?
    /// The reduction coefficient C that the limit puts on the thresholds (1 without a limit), to
    /// 12 significant digits (see `OpenSdgMethod.limitCoefficient`).
    public var coefficient: Decimal = 1
}

/// Open SDG's progress measure (sdg-build `sdg/ProgressMeasure.py`, read for chitieu:
/// https://github.com/open-sdg/sdg-build/blob/master/sdg/ProgressMeasure.py).
public enum OpenSdgMethod {
    /// Signed growth from which progress is substantial (sdg-build: `'high': 0.015`).
    public static let substantialGrowth: Decimal = Decimal(string: "0.015") ?? 0
    /// Signed growth from which progress is moderate (sdg-build: `'med': 0.005`).
    public static let moderateGrowth: Decimal = Decimal(string: "0.005") ?? 0
    /// What a base of zero is replaced by (sdg-build: "Calculating progress with base value = 0.001").
    public static let zeroReplacement: Decimal = Decimal(string: "0.001") ?? 0
    /// The exponent of the limit's reduction coefficient (sdg-build `get_progress_thresholds`:
    /// `a = 4.44`), as a fraction 111/25 so that the power is x⁴ times a 25th root of x¹¹.
    public static let limitExponent = (numerator: 111, denominator: 25)

    /// sdg-build's reduction coefficient for a series near its limit (`get_progress_thresholds`,
    /// methodology 1 only): with b = |base| and l = |limit|, C = 1 when b ≥ 2l (checked first, so
    /// that a base and a limit of 0 give 1), C = 1 − (b/l)^4,44 when b ≤ l, and
    /// C = 1 − ((2l − b)/l)^4,44 between. The thresholds 0,015 / 0,005 / 0 are multiplied by C: a
    /// share at 98 % cannot grow 1,5 % a year, so less counts as substantial. sdg-build takes the
    /// base before a zero base is replaced. The power of a fraction has no exact decimal: it is had
    /// to 12 significant digits (`Planner.root`); nil when the root cannot be had.
    public static func limitCoefficient(base: Decimal, limit: Decimal) -> Decimal? {
        let b = abs(base), l = abs(limit)
        if b >= 2 * l { return 1 }
        let x = b <= l ? b / l : (2 * l - b) / l
        if x == 0 { return 1 }
        guard let r = Planner.root(Planner.power(x, limitExponent.numerator % limitExponent.denominator), limitExponent.denominator) else { return nil }
        return Rounding.halfUp(1 - Planner.power(x, limitExponent.numerator / limitExponent.denominator) * r, places: 12)
    }

    /// The no-target status of `series` from its first to its latest figure.
    ///
    /// Open SDG computes CAGR = (latest ÷ base)^(1/years) − 1 and compares sign × direction × CAGR
    /// with 0,015 / 0,005 / 0. chitieu decides the same comparisons without a root: for a positive
    /// base, CAGR ≥ h exactly when latest ≥ base × (1 + h)^years (for a negative base, ≤), a
    /// product of decimals. Differences from sdg-build, stated: the base is the series' first
    /// figure (sdg-build: 2015 or the next year with data), and the direction is the indicator's
    /// (sdg-build treats an unset direction as "lower is better"; chitieu's catalogue says
    /// `direction: down` where lower is better and defaults to up). The optional `limit` that
    /// shrinks the thresholds in sdg-build is applied when the catalogue sets `limit:` on the
    /// indicator (see `limitCoefficient`).
    /// - Parameters:
    ///   - baseYear: sdg-build's `base_year`: the base is the figure of that year or of the first
    ///     year after it with a figure (sdg-build's default is 2015); nil: the series' first figure.
    ///   - limit: sdg-build's `limit`, nil when the indicator has none.
    public static func noTarget(_ series: [SeriesPoint], higherIsBetter: Bool, baseYear: Int? = nil, limit: Decimal? = nil) -> NoTargetProgress {
        let used = baseYear.map { y in series.filter { $0.year >= y } } ?? series
        var p = NoTargetProgress(base: used.first, latest: series.last, sign: higherIsBetter ? 1 : -1, status: .notAvailable, limit: limit)
        guard used.count >= 2, let first = used.first, let latest = used.last, latest.year > first.year else { return p }
        var coefficient: Decimal = 1
        // Only a limit the figure moves towards counts (Open SDG's progress-methodology.md: "Only a
        // limit that affects progress in the desired direction is considered … a maximum limit is
        // not considered for indicators whose desired direction of progress is negative"): in
        // absolute values, a maximum (base ≤ limit) where a rise is progress, a minimum (base ≥
        // limit) where a fall is. A figure of negative sign flips the way (its sign signs the CAGR).
        // sdg-build's code only warns in the other cases; chitieu follows the documentation.
        if let limit {
            let rising = (first.value < 0 ? -1 : 1) * (higherIsBetter ? 1 : -1) > 0
            if rising ? abs(first.value) <= abs(limit) : abs(first.value) >= abs(limit) {
                guard let c = limitCoefficient(base: first.value, limit: limit) else { return p }
                coefficient = c
            }
        }
        p.coefficient = coefficient
        let base = first.value == 0 ? zeroReplacement : first.value
        p.baseUsed = base
        // Opposite signs have no real growth rate (sdg-build returns None).
        if (base > 0 && latest.value < 0) || (base < 0 && latest.value > 0) { return p }
        let years = latest.year - first.year
        let sign = (base < 0 ? -1 : 1) * (higherIsBetter ? 1 : -1)
        p.sign = sign
        p.growth = latest.value == 0 ? -1 : Planner.root(latest.value / base, years).map { $0 - 1 }
        // How the observed CAGR compares with h, exactly: the sign of latest − base·(1+h)^years,
        // flipped for a negative base (dividing by it reverses the order).
        func compare(_ h: Decimal) -> Int {
            let bar = base * Planner.power(1 + h, years)
            let d = base > 0 ? latest.value - bar : bar - latest.value
            return d > 0 ? 1 : d < 0 ? -1 : 0
        }
        // signed growth ≥ h: for sign +1, CAGR ≥ h; for sign −1, CAGR ≤ −h.
        func atLeast(_ h: Decimal) -> Bool { sign > 0 ? compare(h) >= 0 : compare(-h) <= 0 }
        p.status = atLeast(substantialGrowth * coefficient) ? .substantial : atLeast(moderateGrowth * coefficient) ? .moderate : atLeast(0) ? .limited : .deterioration
        return p
    }
}
