import Foundation

/// Eurostat's four words for a trend (*Sustainable development in the European Union*, monitoring
/// report: "significant progress", "moderate progress", "insufficient progress", "movement away").
public enum HorizonStatus: String, Hashable, Sendable, CaseIterable {
    /// Observed ÷ required growth ≥ 0,95.
    case significant
    /// 0,60 ≤ ratio < 0,95.
    case moderate
    /// 0 ≤ ratio < 0,60.
    case insufficient
    /// Ratio < 0: the figure moves away from the target.
    case movingAway
}

/// The trend over one of Eurostat's horizons (the past 5 years, "short term", or the past 15,
/// "long term"), with the figures behind it.
public struct HorizonTrend: Hashable, Sendable {
    /// The horizon in years (5 or 15).
    public var years: Int
    /// The base: the figure of the horizon's first year, or of the next year with one.
    public var first: SeriesPoint
    /// The latest figure.
    public var last: SeriesPoint
    /// Compound annual growth from `first` to `last`, to 12 significant digits (a root).
    public var growth: Decimal
    /// `growth` ÷ the growth the target requires.
    public var ratio: Decimal
    /// The status, by Open SDG's cut-offs (see `EurostatHorizons`).
    public var status: HorizonStatus
}

/// Eurostat's short-term and long-term horizons applied to chitieu's trend ratio.
///
/// What Eurostat states, and this takes from it: progress is assessed over the past 5 years (short
/// term) and the past 15 years (long term), in four categories. What was not confirmed from
/// Eurostat's text, and is therefore not named after it: its numeric cut-offs. The cut-offs used
/// are Open SDG's (sdg-build `sdg/ProgressMeasure.py`, observed ÷ required CAGR, 0,95 / 0,60 / 0;
/// Open SDG says its method was inspired by Eurostat's). Hence a horizon of chitieu's trend, not a
/// `--method eurostat`. chitieu's reading, stated: the base is the figure of the horizon's first
/// year (latest − 5 or latest − 15) or of the next year with a figure, as sdg-build picks its base
/// year; a horizon is computed only when the series has a figure in or before its first year (the
/// data reach back that far); the required growth is the plan's, from the latest figure.
public enum EurostatHorizons {
    /// The short term: the past 5 years.
    public static let shortTerm = 5
    /// The long term: the past 15 years.
    public static let longTerm = 15

    /// The trend of `series` over the past `years` against `required` growth a year; nil when the
    /// data do not reach back to the horizon's first year, the growth has no real root (a figure
    /// of 0 or of another sign), or nothing is required.
    public static func trend(_ series: [SeriesPoint], years: Int, required: Decimal?) -> HorizonTrend? {
        guard let last = series.last, let required, required != 0 else { return nil }
        let start = last.year - years
        guard let earliest = series.first, earliest.year <= start,
              let first = series.first(where: { $0.year >= start }), first.year < last.year,
              first.value > 0, last.value > 0,
              let root = Planner.root(last.value / first.value, last.year - first.year) else { return nil }
        let growth = root - 1
        let ratio = growth / required
        let status: HorizonStatus = ratio >= Trend.onTrackRatio ? .significant : ratio >= Trend.moderateRatio ? .moderate : ratio >= 0 ? .insufficient : .movingAway
        return HorizonTrend(years: years, first: first, last: last, growth: growth, ratio: ratio, status: status)
    }
}
