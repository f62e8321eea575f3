import Foundation

/// One year's figure of a target's series: the latest figure reported for that year.
public struct SeriesPoint: Hashable, Sendable {
    /// The year.
    public var year: Int
    /// The comparable figure (a count, or a share in percent).
    public var value: Decimal

    /// Creates a point.
    public init(year: Int, value: Decimal) {
        self.year = year
        self.value = value
    }
}

/// How a running target's status is judged in a report's table: `proRata` (the default for term
/// totals; snapshot shares are judged against the level) or `trend`.
public enum ProgressMethod: String, Sendable, CaseIterable {
    /// Cumulative outcome against the target × the elapsed share of the term.
    case proRata = "pro-rata"
    /// Observed growth against the growth needed to reach the target by its year.
    case trend
    /// UN ESCAP's Anticipated Progress Index (time-weighted regression to the target's year).
    case escap
    /// Germany's weather symbols (the average change of the last five years carried forward).
    case weather
}

/// Pro-rated status of a term total inside a running term.
public enum ProRataBand: String, Hashable, Sendable, CaseIterable {
    /// At or above the expected share.
    case onTrack
    /// Less than `ProRata.atRiskPoints` points below the expected share.
    case slightlyBehind
    /// From `ProRata.atRiskPoints` to `ProRata.concernedPoints` points below.
    case atRisk
    /// `ProRata.concernedPoints` points or more below.
    case concerned
}

/// A term total judged against the share of the term elapsed: 450 admissions in 3 of 5 years
/// against "trên 750" are 60,0 % of the target where 60,0 % is expected.
public struct ProRata: Hashable, Sendable {
    /// Points below the expected share from which a total is at risk.
    public static let atRiskPoints: Decimal = 10
    /// Points below the expected share from which a total is of concern.
    public static let concernedPoints: Decimal = 25

    /// The cumulative figure so far.
    public var soFar: Decimal
    /// The target's figure for the whole term.
    public var target: Decimal
    /// Reporting years elapsed.
    public var elapsed: Int
    /// Reporting years of the term.
    public var total: Int
    /// For a figure of part of a period (to 30/6, six months, mid-term): the share of the period
    /// its span covers, exact (181/365 for 30/6 of a year), and the last day it covers.
    public var partial: (share: Decimal, through: CalendarDate)?

    /// The share of the period elapsed, as a fraction.
    public var share: Decimal { partial?.share ?? Decimal(elapsed) / Decimal(total) }
    /// The figure expected by now: target × elapsed ÷ total (× the share covered, for a part).
    public var expected: Decimal { partial.map { target * $0.share } ?? target * Decimal(elapsed) / Decimal(total) }
    /// The share of the target reached, in percent: soFar ÷ target × 100.
    public var achievedPercent: Decimal { soFar / target * 100 }
    /// The share of the term elapsed, in percent.
    public var expectedPercent: Decimal { share * 100 }
    /// Percentage points behind the expected share (negative when ahead).
    public var pointsBehind: Decimal { expectedPercent - achievedPercent }

    /// The band.
    public var band: ProRataBand {
        let behind = pointsBehind
        if behind <= 0 { return .onTrack }
        if behind < Self.atRiskPoints { return .slightlyBehind }
        if behind < Self.concernedPoints { return .atRisk }
        return .concerned
    }

    /// nil when the target's figure is not positive (nothing to pro-rate) or no year has passed.
    public init?(soFar: Decimal, target: Decimal, elapsed: Int, total: Int) {
        guard target > 0, elapsed > 0, total > 0 else { return nil }
        self.soFar = soFar
        self.target = target
        self.elapsed = elapsed
        self.total = total
    }

    /// Progress of a figure that covers part of its period: nil when the target's figure is not
    /// positive or nothing of the period has elapsed.
    public init?(soFar: Decimal, target: Decimal, share: Decimal, through: CalendarDate, years: Int) {
        guard target > 0, share > 0, years > 0 else { return nil }
        self.soFar = soFar
        self.target = target
        elapsed = 0
        total = years
        partial = (share, through)
    }

    public static func == (a: ProRata, b: ProRata) -> Bool {
        a.soFar == b.soFar && a.target == b.target && a.elapsed == b.elapsed && a.total == b.total
            && a.partial?.share == b.partial?.share && a.partial?.through == b.partial?.through
    }

    public func hash(into h: inout Hasher) {
        h.combine(soFar)
        h.combine(target)
        h.combine(elapsed)
        h.combine(total)
        h.combine(partial?.share)
        h.combine(partial?.through)
    }
}

/// Trend status, after Open SDG's progress measure (sdg-build `sdg/ProgressMeasure.py`, which Open
/// SDG says Eurostat inspired; the cut-offs are Open SDG's): the ratio
/// of observed to required growth.
public enum TrendStatus: String, Hashable, Sendable, CaseIterable {
    /// The latest figure meets the target.
    case achieved
    /// Ratio ≥ 0,95.
    case onTrack
    /// 0,60 ≤ ratio < 0,95.
    case moderate
    /// 0 ≤ ratio < 0,60.
    case limited
    /// Ratio < 0: moving away from the target.
    case movingAway
    /// The target's year has come and the latest figure does not meet it.
    case expired
    /// Fewer than two years with figures.
    case insufficientData
}

/// Observed growth against the growth needed to reach the target by its year.
public struct Trend: Hashable, Sendable {
    /// Ratio from which a series is on track.
    public static let onTrackRatio: Decimal = Decimal(string: "0.95") ?? 0
    /// Ratio from which a series makes moderate progress.
    public static let moderateRatio: Decimal = Decimal(string: "0.6") ?? 0

    /// The first figure of the series (the baseline).
    public var first: SeriesPoint?
    /// The latest figure.
    public var last: SeriesPoint?
    /// The level to reach.
    public var level: Decimal
    /// The year by which it must be reached.
    public var dueYear: Int
    /// Whether growth is compound (all figures and the level positive) or linear (a zero is involved).
    public var compound: Bool
    /// Observed growth a year: a fraction (0,0267 = 2,67 %) when compound, units (or points) when linear.
    public var actual: Decimal?
    /// Growth a year needed from the latest figure to the level by `dueYear`.
    public var required: Decimal?
    /// actual ÷ required.
    public var ratio: Decimal?
    /// The status.
    public var status: TrendStatus
}

/// Progress measured from a baseline: (actual − baseline) ÷ (target − baseline) × 100. For a
/// falling target ("dưới 0,5%" from 1,2 %) this is (baseline − actual) ÷ (baseline − target).
public struct BaselineProgress: Hashable, Sendable {
    /// The baseline: the first figure of the term's series.
    public var baseline: SeriesPoint
    /// The latest figure.
    public var actual: SeriesPoint
    /// The level to reach.
    public var level: Decimal
    /// The share of the distance covered, in percent; above 100 past the target, below 0 when
    /// moving away. Nil when the baseline already equals the target (no distance to cover).
    public var percent: Decimal? {
        level == baseline.value ? nil : (actual.value - baseline.value) / (level - baseline.value) * 100
    }
}

/// The progress methods, exact, on a target's series.
public enum ProgressMethods {
    /// The level a target's figure must reach: its bound; for a range, the bound nearer the
    /// figure; nil for ratings.
    public static func level(of rule: Rule, near value: Decimal?) -> Decimal? {
        switch rule.comparison {
        case let .range(low, high):
            guard let value else { return low }
            return value < low ? low : value > high ? high : value
        case .ratingAtLeast: return nil
        default: return rule.threshold
        }
    }

    /// The direction a figure must move to meet the rule from `value`: +1 up, −1 down, 0 if it meets it.
    static func need(_ rule: Rule, _ value: Decimal, _ indicator: Indicator) -> Int {
        if Judge.verdict(value: value, rating: nil, rule: rule, indicator: indicator)?.isMet == true { return 0 }
        if rule.isFloor { return 1 }
        if rule.isCeiling { return -1 }
        if let level = level(of: rule, near: value) { return value < level ? 1 : value > level ? -1 : 0 }
        return 0
    }

    /// The trend of a series towards a rule's level by `dueYear`; nil for ratings.
    public static func trend(_ series: [SeriesPoint], rule: Rule, indicator: Indicator, dueYear: Int) -> Trend? {
        guard let lastValue = series.last?.value, let level = level(of: rule, near: lastValue) else {
            if case .ratingAtLeast = rule.comparison { return nil }
            return level(of: rule, near: nil).map { Trend(level: $0, dueYear: dueYear, compound: false, status: .insufficientData) }
        }
        var t = Trend(first: series.first, last: series.last, level: level, dueYear: dueYear, compound: false, status: .insufficientData)
        guard series.count >= 2, let first = series.first, let last = series.last, last.year > first.year else { return t }
        let direction = need(rule, last.value, indicator)
        if direction == 0 {
            t.status = .achieved
            return t
        }
        let remaining = dueYear - last.year
        let span = last.year - first.year
        // Compound growth needs positive figures and roots within Decimal's range; else linear.
        // The required root is taken once: it both decides compound growth and gives the rate.
        let positive = first.value > 0 && last.value > 0 && level > 0
        let requiredRoot = positive && remaining > 0 ? Planner.root(level / last.value, remaining) : nil
        if positive, let actual = Planner.root(last.value / first.value, span), remaining <= 0 || requiredRoot != nil {
            t.compound = true
            t.actual = actual - 1
        } else {
            t.actual = (last.value - first.value) / Decimal(span)
        }
        guard remaining > 0 else {
            t.status = .expired
            return t
        }
        t.required = t.compound ? requiredRoot.map { $0 - 1 } : (level - last.value) / Decimal(remaining)
        guard let actual = t.actual, let required = t.required else { return t }
        if required != 0 {
            let ratio = actual / required
            t.ratio = ratio
            t.status = ratio >= Trend.onTrackRatio ? .onTrack : ratio >= Trend.moderateRatio ? .moderate : ratio >= 0 ? .limited : .movingAway
        } else {
            // Only a strict bound is left ("trên 750" at 750): any move the right way reaches it.
            let signed = actual * Decimal(direction)
            t.status = signed > 0 ? .onTrack : signed == 0 ? .limited : .movingAway
        }
        return t
    }

    /// UN ESCAP's Current Status and Anticipated Progress indices of a series towards a rule's
    /// level by `dueYear`; nil for ratings and rules without a level.
    public static func escap(_ series: [SeriesPoint], rule: Rule, indicator: Indicator, dueYear: Int) -> EscapAssessment? {
        if case .ratingAtLeast = rule.comparison { return nil }
        guard let level = level(of: rule, near: series.first?.value) else { return nil }
        return EscapMethod.assess(series, level: level, direction: direction(rule, from: series.first?.value, to: level), dueYear: dueYear) {
            Judge.verdict(value: $0, rating: nil, rule: rule, indicator: indicator)?.isMet == true
        }
    }

    /// Germany's weather-symbol check of a series towards a rule's level by `dueYear`; nil for
    /// ratings and rules without a level.
    public static func weather(_ series: [SeriesPoint], rule: Rule, indicator: Indicator, dueYear: Int) -> WeatherCheck? {
        if case .ratingAtLeast = rule.comparison { return nil }
        guard let level = level(of: rule, near: series.last?.value) else { return nil }
        return WeatherMethod.check(series, level: level, direction: direction(rule, from: series.last?.value, to: level), dueYear: dueYear) {
            Judge.verdict(value: $0, rating: nil, rule: rule, indicator: indicator)?.isMet == true
        }
    }

    /// The way a figure must move: up for a floor, down for a ceiling; for a range or an exact
    /// figure, towards the level from `value`.
    static func direction(_ rule: Rule, from value: Decimal?, to level: Decimal) -> Int {
        if rule.isFloor { return 1 }
        if rule.isCeiling { return -1 }
        return (value ?? level) <= level ? 1 : -1
    }

    /// Progress from the first figure of the series to the latest; nil with fewer than two
    /// years, for ratings, or when the baseline already meets the target (no distance to cover).
    public static func baseline(_ series: [SeriesPoint], rule: Rule, indicator: Indicator) -> BaselineProgress? {
        guard series.count >= 2, let first = series.first, let last = series.last, last.year > first.year,
              need(rule, first.value, indicator) != 0,
              let level = level(of: rule, near: first.value) else { return nil }
        return BaselineProgress(baseline: first, actual: last, level: level)
    }
}
