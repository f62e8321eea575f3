import Foundation

/// Which figure of a body a comparison takes when a body has many.
public enum Alignment: Hashable, Sendable, CustomStringConvertible {
    /// The newest figure of each indicator, whatever its date (each labelled with it).
    case latest
    /// Figures of one calendar year: a yearly figure, or the newest dated one inside the year.
    case year(Int)
    /// Figures of one term: the term's own figure, else the newest one inside its years.
    case term(ClosedRange<Int>)

    public var description: String {
        switch self {
        case .latest: return "latest"
        case let .year(y): return String(y)
        case let .term(t): return "\(t.lowerBound)-\(t.upperBound)"
        }
    }
}

/// One column of a comparison: a body at an alignment. A context column (a province beside its
/// blocs) is shown but neither ranked nor added up.
public struct ComparisonColumn: Hashable, Sendable {
    public var body: Body
    public var alignment: Alignment
    public var isContext: Bool

    public init(body: Body, alignment: Alignment, isContext: Bool = false) {
        self.body = body
        self.alignment = alignment
        self.isContext = isContext
    }
}

/// A figure chosen for a cell, with where it comes from.
public struct ChosenFigure: Hashable, Sendable {
    /// The observation as the source gives it.
    public var observation: Observation
    /// For a term figure, the term's years.
    public var term: ClosedRange<Int>?

    /// The period as a date for ordering: a term ends with its last year.
    public var end: CalendarDate {
        switch observation.period {
        case .term: return CalendarDate(year: term?.upperBound ?? 0, month: 12, day: 31)
        case let .year(y): return CalendarDate(year: y, month: 12, day: 31)
        case let .date(d): return d
        }
    }
}

/// One cell: the figure (or none: "chưa có số liệu", never zero), the compared value, its rank.
public struct ComparedCell: Hashable, Sendable {
    /// The figure itself (for a normalised row, the numerator).
    public var figure: ChosenFigure?
    /// For a normalised row, the figure that divides (members or organisations).
    public var base: ChosenFigure?
    /// The exact value compared: a count, a percent, or a quotient; nil when there is no figure.
    public var value: Decimal?
    /// "trên", "dưới", "khoảng", carried from the source figures.
    public var qualifier: Qualifier
    /// 1 for the best; equal values share a rank. Nil for context columns and missing figures.
    public var rank: Int?
    /// Why there is no value, when the reason is not simply a missing figure.
    public var problem: ComparisonProblem?
    /// Set when the figure is of another period kind than the row compares (a term total beside
    /// yearly figures): the cell is shown but neither ranked, nor in the spread, nor added up.
    public var leftOut: FigureSpan?
}

/// What span a figure stands for. Figures of different kinds or lengths (a year, a date, a term
/// of five years, part of a year) are never ranked, totalled or given a median together.
public enum FigureSpan: Hashable, Sendable {
    /// A calendar year's figure.
    case year
    /// A figure at a date (a level on that day).
    case date
    /// A whole term's figure; `years` is its length (2015–2020 is 5).
    case term(years: Int)
    /// A figure of part of its period (to a date, a half, a quarter, the term to date).
    case part

    /// The kind of a chosen figure.
    public init(_ f: ChosenFigure) {
        if f.observation.coverage != .whole { self = .part; return }
        switch f.observation.period {
        case .year: self = .year
        case .date: self = .date
        case .term: self = .term(years: f.term.map { $0.upperBound - $0.lowerBound } ?? 0)
        }
    }
}

/// Why a cell or a total has no value.
public enum ComparisonProblem: Hashable, Sendable {
    /// The body has no figure of the base (members, organisations) for this alignment.
    case missingBase(indicator: String)
    /// A total of figures from different dates or terms.
    case periodsDiffer
    /// A share whose denominator is unknown cannot be weighted.
    case missingDenominator
    /// Some column has no figure, so a total would be a partial sum.
    case incomplete
    /// The same body appears twice; adding it up would count it twice.
    case repeatedBody
    /// Bodies of different kinds (a province and its blocs and districts, a bloc and a company
    /// committee inside it): one may already hold another, so a sum could count members twice.
    /// The kinds are listed in `BodyKind.allCases` order. `related` is true when two bodies of
    /// different kinds are of one province (one may hold the other); else the bodies are
    /// unrelated and a sum of different levels simply means nothing.
    case mixedKinds([BodyKind], related: Bool)
    /// Some figures are of another period kind than the row compares (see `ComparedCell.leftOut`).
    case periodKindsDiffer
}

/// The smallest, middle and largest of the ranked values.
public struct Spread: Hashable, Sendable {
    public var min: Decimal
    public var median: Decimal
    public var max: Decimal
    /// What the median is as a figure: the middle cell's qualifier, or, for the mean of two
    /// middle cells, theirs combined as in a sum: the mean of 4.294 and "trên 7.500" is
    /// "trên 5.897", never a plain 5.897.
    public var medianQualifier: Qualifier

    public init(min: Decimal, median: Decimal, max: Decimal, medianQualifier: Qualifier = .exact) {
        self.min = min
        self.median = median
        self.max = max
        self.medianQualifier = medianQualifier
    }
}

/// One row: an indicator, or an indicator normalised by members or organisations.
public struct ComparedRow: Hashable, Sendable {
    public var indicator: Indicator
    public var normalisation: Normalisation?
    public var cells: [ComparedCell]
    public var spread: Spread?
    /// The total over the ranked columns (counts summed, shares and quotients weighted by
    /// their denominators), or why there is none.
    public var total: Decimal?
    public var totalQualifier: Qualifier
    public var totalProblem: ComparisonProblem?
    /// The period kind the row ranks: the one most of its ranked figures share (on a tie, the
    /// kind of the first such column). Nil when the row has no figure.
    public var comparedKind: FigureSpan?
}

/// What changed in a body between two of its columns: the change of each stock, what of it came
/// by transfer, and the lineage events in between.
public struct BodyChange: Hashable, Sendable {
    public var body: Body
    public var from: CalendarDate
    public var to: CalendarDate
    public var events: [LineageEvent]
    public var changes: [StockChange]
}

/// The change of one stock between two figures, and the part of it that was transferred in.
public struct StockChange: Hashable, Sendable {
    public var indicator: Indicator
    public var before: ChosenFigure
    public var after: ChosenFigure
    /// after − before (with the figures' qualifiers: "trên 7.500" − 2.229 is "trên 5.271").
    public var change: Decimal
    public var qualifier: Qualifier
    /// Figures transferred in between the two dates, each with its source.
    public var transfers: [Observation]
    public var transferred: Decimal

    /// Open SDG's status for a series without a target, from the earlier figure to the later one
    /// (`OpenSdgMethod.noTarget`); nil when either figure is a bound or an estimate (a growth rate
    /// of "trên 7.500" is not a figure) or both fall in one year.
    public var noTarget: NoTargetProgress? {
        guard before.observation.qualifier == .exact, after.observation.qualifier == .exact,
              let b = before.observation.value.comparable, let a = after.observation.value.comparable,
              after.end.year > before.end.year else { return nil }
        return OpenSdgMethod.noTarget([SeriesPoint(year: before.end.year, value: b), SeriesPoint(year: after.end.year, value: a)],
                                      higherIsBetter: indicator.direction != .down, limit: indicator.limit)
    }
}

/// A comparison of bodies on shared indicators: the rows, the changes inside a body across its
/// columns, and what was asked for that could not be compared.
public struct CrossComparison: Sendable {
    public var columns: [ComparisonColumn]
    public var rows: [ComparedRow]
    public var changes: [BodyChange]
    /// Indicators asked for that no column has a figure of.
    public var empty: [Indicator]

    /// True when every column's figures share one period, so that totals mean something.
    public var isAligned: Bool
}
