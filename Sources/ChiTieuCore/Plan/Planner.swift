import Foundation

/// One point of an indicator's record, as a yearly level: a stock at its date, a yearly figure,
/// or a term total spread over the term's reporting years (868 in 2016–2020 is 173,6 a year).
public struct RecordPoint: Hashable, Sendable {
    public var year: Int
    public var level: Decimal
    public var qualifier: Qualifier
    public var observation: Observation
    /// For a term total: its reporting years, over which the total was averaged.
    public var averagedOver: ClosedRange<Int>?
}

/// An indicator's record and where it leads: the last level, the linear trend and the compound
/// annual growth, each projected to a year.
///
/// Projection: the compound annual growth rate between the first and the last point, carried
/// forward from the last point (chitieu's own compound growth projection — not UN ESCAP's method,
/// which regresses; see `EscapMethod`), beside an ordinary least-squares line; and, for a target,
/// the growth it requires set against the growth observed (Open SDG's ratio of observed to
/// required growth, sdg-build `ProgressMeasure.py`, except that the required growth runs from the
/// last point rather than the base year).
public struct Outlook: Hashable, Sendable {
    public var indicator: Indicator
    public var points: [RecordPoint]
    /// Change per year of the least-squares line through the points (exact).
    public var slope: Decimal?
    /// Compound annual growth between the first and the last point, as a fraction (0,05 = 5 %),
    /// to 12 significant digits (a root has no exact decimal).
    public var growth: Decimal?

    public var last: RecordPoint? { points.last }

    /// The level the straight line gives in `year`.
    public func linear(at year: Int) -> Decimal? {
        guard let slope, let line = intercept else { return nil }
        return line + slope * Decimal(year)
    }

    /// The level compound growth from the last point gives in `year`.
    public func compound(at year: Int) -> Decimal? {
        guard let growth, let last else { return nil }
        return last.level * Planner.power(1 + growth, year - last.year)
    }

    var intercept: Decimal? {
        guard let slope, !points.isEmpty else { return nil }
        let n = Decimal(points.count)
        let meanYear = points.reduce(Decimal(0)) { $0 + Decimal($1.year) } / n
        let meanLevel = points.reduce(Decimal(0)) { $0 + $1.level } / n
        return meanLevel - slope * meanYear
    }
}

/// How ambitious a draft target is against the record.
public enum Ambition: String, Hashable, Sendable, CaseIterable {
    /// The record already meets it.
    case reached
    /// The trend (compound growth, or the line) meets it by the target's year.
    case withinTrend
    /// Only growth faster than observed meets it.
    case stretch
    /// The record has no figure of the indicator.
    case noRecord
    /// The rule is not a level to project (a rating, a range, none).
    case notProjected
}

/// A draft target checked against the record, with the numbers behind the verdict.
public struct DraftCheck: Hashable, Sendable {
    public var target: Target
    public var outlook: Outlook
    /// The year the target is judged in (the term's last year; each year's for a yearly floor).
    public var year: Int
    /// The target's figure as a yearly level (a term total is spread over the reporting years).
    public var required: Decimal?
    public var ambition: Ambition
    /// Growth a year needed from the last level to the target by `year`, as a fraction.
    public var requiredGrowth: Decimal?
    /// Observed growth over required growth (Open SDG's cut-off: ≥ 0,95 on track).
    public var ratio: Decimal?
    /// UN ESCAP's Current Status and Anticipated Progress indices of the record towards the
    /// target's yearly level by `year`; nil when the rule is not a single bound.
    public var escap: EscapAssessment? = nil
    /// The trend ratio over Eurostat's short-term (5 years) and long-term (15 years) horizons,
    /// where the record reaches back that far and growth is required (`EurostatHorizons`).
    public var horizons: [HorizonTrend] = []
}

/// Builds outlooks from a body's record and checks a next term's draft targets against them.
public struct Planner: Sendable {
    let ledger: Ledger

    public init(ledger: Ledger) { self.ledger = ledger }

    /// Every indicator's record of a body up to `year` (inclusive), as yearly levels.
    public func outlooks(body: String, through year: Int) -> [Outlook] {
        var points: [String: [RecordPoint]] = [:]
        for record in ledger.records where record.bodyID == body {
            for o in record.observations {
                guard let level = o.value.comparable else { continue }
                var point: RecordPoint
                switch o.period {
                case .term:
                    guard let term = record.term else { continue }
                    let years = term.reportingYears
                    let count = ledger.indicators[o.indicatorID]?.addsUpOverYears == true
                    point = RecordPoint(year: years.upperBound, level: count ? level / Decimal(years.count) : level, qualifier: o.qualifier, observation: o, averagedOver: count ? years : nil)
                case let .year(y):
                    point = RecordPoint(year: y, level: level, qualifier: o.qualifier, observation: o, averagedOver: nil)
                case let .date(d):
                    point = RecordPoint(year: d.year, level: level, qualifier: o.qualifier, observation: o, averagedOver: nil)
                }
                guard point.year <= year else { continue }
                points[o.indicatorID, default: []].append(point)
            }
        }
        return points.compactMap { id, list -> Outlook? in
            guard let indicator = ledger.indicators[id] else { return nil }
            // One point a year: the latest figure of the year.
            var byYear: [Int: RecordPoint] = [:]
            for p in list where byYear[p.year].map({ $0.observation.period <= p.observation.period }) ?? true { byYear[p.year] = p }
            let sorted = byYear.values.sorted { $0.year < $1.year }
            return Outlook(indicator: indicator, points: sorted, slope: Self.slope(sorted), growth: Self.growth(sorted))
        }.sorted { $0.indicator.position < $1.indicator.position }
    }

    /// Checks each target of a draft record (the next term) against the body's record before it.
    public func check(_ draft: Record) -> [DraftCheck] {
        guard let term = draft.term else { return [] }
        let outlooks = Dictionary(uniqueKeysWithValues: outlooks(body: draft.bodyID, through: term.startYear).map { ($0.indicator.id, $0) })
        return draft.targets.compactMap { t in
            guard let indicator = ledger.indicators[t.indicatorID] else { return nil }
            let outlook = outlooks[t.indicatorID] ?? Outlook(indicator: indicator, points: [], slope: nil, growth: nil)
            return check(t, outlook, term)
        }
    }

    func check(_ t: Target, _ outlook: Outlook, _ term: Term) -> DraftCheck {
        let year: Int
        switch t.period {
        case let .byYear(y): year = y
        case .eachYear: year = term.reportingYears.lowerBound
        default: year = term.endYear
        }
        var c = DraftCheck(target: t, outlook: outlook, year: year, required: nil, ambition: .noRecord, requiredGrowth: nil, ratio: nil)
        guard var threshold = t.rule.threshold, t.rule.bound(threshold) != nil else { c.ambition = .notProjected; return c }
        // A count (or an amount that adds up) over the whole term is a yearly level times the reporting years.
        let perYear = t.period == .term && outlook.indicator.addsUpOverYears ? Decimal(term.reportingYears.count) : 1
        threshold /= perYear
        c.required = threshold
        guard let last = outlook.last else { return c }
        let meets = { (v: Decimal) -> Bool in t.rule.bound(v * perYear) ?? false }
        // ESCAP's regression runs over the record's yearly levels towards the yearly level.
        let direction = t.rule.isCeiling ? -1 : 1
        c.escap = EscapMethod.assess(outlook.points.map { SeriesPoint(year: $0.year, value: $0.level) }, level: threshold, direction: direction, dueYear: year, meets: meets)
        if meets(last.level) { c.ambition = .reached; return c }
        let years = year - last.year
        if years > 0, last.level > 0, threshold > 0 {
            c.requiredGrowth = Self.root(threshold / last.level, years).map { $0 - 1 }
            if let observed = outlook.growth, let needed = c.requiredGrowth, needed != 0 { c.ratio = observed / needed }
            let series = outlook.points.map { SeriesPoint(year: $0.year, value: $0.level) }
            c.horizons = [EurostatHorizons.shortTerm, EurostatHorizons.longTerm].compactMap { EurostatHorizons.trend(series, years: $0, required: c.requiredGrowth) }
        }
        let projections = [outlook.compound(at: year), outlook.linear(at: year)].compactMap { $0 }
        c.ambition = projections.contains(where: meets) ? .withinTrend : .stretch
        return c
    }

    // MARK: - Exact pieces

    /// The least-squares slope through the points (exact), nil with fewer than two years.
    static func slope(_ points: [RecordPoint]) -> Decimal? {
        guard points.count >= 2 else { return nil }
        let n = Decimal(points.count)
        let meanYear = points.reduce(Decimal(0)) { $0 + Decimal($1.year) } / n
        let meanLevel = points.reduce(Decimal(0)) { $0 + $1.level } / n
        var covariance: Decimal = 0, variance: Decimal = 0
        for p in points {
            let dx = Decimal(p.year) - meanYear
            covariance += dx * (p.level - meanLevel)
            variance += dx * dx
        }
        return variance == 0 ? nil : covariance / variance
    }

    /// Compound annual growth from the first to the last point.
    static func growth(_ points: [RecordPoint]) -> Decimal? {
        guard let first = points.first, let last = points.last, last.year > first.year, first.level > 0, last.level > 0 else { return nil }
        return root(last.level / first.level, last.year - first.year).map { $0 - 1 }
    }

    /// x^k for a whole k (negative: 1 / x^-k).
    public static func power(_ x: Decimal, _ k: Int) -> Decimal {
        var result: Decimal = 1
        for _ in 0..<abs(k) { result *= x }
        return k >= 0 ? result : 1 / result
    }

    /// The positive n-th root of a positive x by Newton's method in Decimal, to 12 significant
    /// digits; nil when it cannot be had exactly enough (a power past Decimal's range, or no
    /// convergence), so that a caller falls back rather than use a wrong root.
    public static func root(_ x: Decimal, _ n: Int) -> Decimal? {
        guard x > 0, n > 0 else { return nil }
        if n == 1 { return x }
        var y: Decimal = x > 1 ? 1 + (x - 1) / Decimal(n) : 1
        for _ in 0..<200 {
            let next = (Decimal(n - 1) * y + x / power(y, n - 1)) / Decimal(n)
            if next.isNaN { return nil }
            if Rounding.halfUp(next, places: 14) == Rounding.halfUp(y, places: 14) { return Rounding.halfUp(next, places: 12) }
            y = next
        }
        return nil
    }
}
