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

    /// The no-target status of `series` from its first to its latest figure.
    ///
    /// Open SDG computes CAGR = (latest ÷ base)^(1/years) − 1 and compares sign × direction × CAGR
    /// with 0,015 / 0,005 / 0. chitieu decides the same comparisons without a root: for a positive
    /// base, CAGR ≥ h exactly when latest ≥ base × (1 + h)^years (for a negative base, ≤), a
    /// product of decimals. Differences from sdg-build, stated: the base is the series' first
    /// figure (sdg-build: 2015 or the next year with data), and the direction is the indicator's
    /// (sdg-build treats an unset direction as "lower is better"; chitieu's catalogue says
    /// `direction: down` where lower is better and defaults to up). The optional `limit` that
    /// shrinks the thresholds in sdg-build is not used.
    public static func noTarget(_ series: [SeriesPoint], higherIsBetter: Bool) -> NoTargetProgress {
        var p = NoTargetProgress(base: series.first, latest: series.last, sign: higherIsBetter ? 1 : -1, status: .notAvailable)
        guard series.count >= 2, let first = series.first, let latest = series.last, latest.year > first.year else { return p }
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
        p.status = atLeast(substantialGrowth) ? .substantial : atLeast(moderateGrowth) ? .moderate : atLeast(0) ? .limited : .deterioration
        return p
    }
}
