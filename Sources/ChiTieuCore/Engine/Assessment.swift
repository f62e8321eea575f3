import Foundation

/// The words reports use for a judged target.
public enum Verdict: String, Hashable, Sendable, CaseIterable {
    /// vượt: met, and beyond the target's figure.
    case exceeded
    /// đạt: met exactly, or inside a range, ceiling or tolerance.
    case met
    /// không đạt.
    case notMet
    /// chưa có số liệu: no figure reported. Missing data is never a zero.
    case noData
    /// không đánh giá được: there are figures, but they cannot settle the rule (a range across
    /// the target's figure; a total for a target that applies to each unit). The reason is on the row.
    case undetermined

    /// Whether the target was met (vượt or đạt).
    public var isMet: Bool { self == .exceeded || self == .met }
}

/// Where a target stands inside a term that is still running.
public enum TermProgress: String, Hashable, Sendable, CaseIterable {
    /// On track: the figure so far meets the pro-rata share of the term elapsed.
    case onTrack
    /// At risk: behind the pro-rata share, or a year already missed.
    case atRisk
    /// Not yet due: the year or term has not come.
    case notDue
    /// A yearly target inside its term with a year already missed: the miss is final for that
    /// year, so the word says what happened ("đã có năm không đạt"), not a risk to come.
    case yearMissed
    /// A yearly target inside its term with a year that is due but has no figure (and none
    /// missed): not "on track" on the years that happen to have figures.
    case yearMissing
}

/// How a percentage the source stated compares with the one recomputed from its figures.
public enum StatedMatch: Hashable, Sendable {
    /// The recomputed figure, rounded half up to the stated precision, equals it.
    case matches
    /// Only cutting the recomputed figure off at the stated precision gives it: the source truncated.
    case matchesIfTruncated
    /// Neither: the stated figure does not follow from the numbers.
    case mismatch
}

/// A stated percentage checked against the recomputed one.
public struct StatedCheck: Hashable, Sendable {
    /// What the source wrote.
    public var stated: StatedPercent
    /// The exact recomputed percentage.
    public var computed: Decimal
    /// The outcome of the comparison.
    public var match: StatedMatch

    /// Compares a stated figure with an exact one at the stated figure's own precision; a
    /// bounded figure ("trên 108 %", "gần 35 %") by its bound, an estimate ("khoảng") within a
    /// point, an excess ("vượt 14 %") as 100 % plus it.
    public init(stated: StatedPercent, computed: Decimal) {
        self.stated = stated
        self.computed = computed
        let want = stated.attainment
        switch stated.qualifier {
        case .moreThan:
            match = computed > want ? .matches : .mismatch
        case .lessThan:
            match = computed <= want ? .matches : .mismatch
        case .about:
            match = abs(computed - want) <= 1 ? .matches : .mismatch
        case .exact:
            if Rounding.halfUp(computed, places: stated.places) == want {
                match = .matches
            } else if Rounding.truncated(computed, places: stated.places) == want {
                match = .matchesIfTruncated
            } else {
                match = .mismatch
            }
        }
    }
}

/// An excess a source stated as a figure ("kết nạp được 152, vượt chỉ tiêu 12"), checked: the
/// target it implies (152 − 12 = 140) against the target's own figure.
public struct ExcessCheck: Hashable, Sendable {
    /// The excess as stated.
    public var excess: Decimal
    /// The target it implies: the outcome minus the excess.
    public var implied: Decimal
    /// The target's figure.
    public var target: Decimal
    /// Whether the two agree.
    public var matches: Bool { implied == target }

    /// Checks an outcome's stated excess against a target's figure.
    public init(outcome: Decimal, excess: Decimal, target: Decimal) {
        self.excess = excess
        implied = outcome - excess
        self.target = target
    }
}

/// Why figures cannot settle a rule.
public enum UndeterminedReason: Hashable, Sendable {
    /// The figure is a range that holds the target's figure: one end meets the rule, the other does not.
    case rangeAcrossTarget
    /// The target applies to each unit ("mỗi xã"), and only figures that are not per unit were given.
    case needsFiguresPerUnit(noun: String)
}

/// One unit's assessment under a target that applies to each unit.
public struct UnitAssessment: Hashable, Sendable {
    /// The unit ("Xã Tân Lập").
    public var unit: String
    /// The target judged on the unit's own figures.
    public var assessment: TargetAssessment
}

/// A per-unit target's units: "12/14 xã đạt".
public struct UnitTally: Hashable, Sendable {
    /// The unit's noun ("xã", "chi bộ").
    public var noun: String
    /// Units met (vượt or đạt).
    public var met: Int
    /// Units with a figure.
    public var total: Int
    /// Units not met, by name, in the order given.
    public var notMet: [String]
    /// Units with no figure for the period.
    public var noData: [String]
}

/// What a row of an assessment covers.
public enum RowPeriod: Hashable, Sendable {
    /// The whole term.
    case term
    /// One year of a per-year target.
    case year(Int)
    /// The end of the term (its last year).
    case endOfTerm(Int)
    /// A given year.
    case byYear(Int)
    /// The sum of the years of a per-year count, against the yearly figure × years.
    case cumulative(years: Int)
}

/// One judged period of a target: the figure, its attainment and gap, the verdict.
/// Every figure is exact; renderers round them, once, through `Rounding`.
public struct Judgement: Hashable, Sendable {
    /// The period judged.
    public var period: RowPeriod
    /// The observations behind the figure (several when yearly figures are summed).
    public var observations: [Observation]
    /// The figure compared: a count, or a share in percent. Nil when there is no data.
    public var value: Decimal?
    /// A rating level id, for rating targets.
    public var rating: String?
    /// Actual ÷ target × 100, for count floors only; never computed against a zero target.
    public var attainment: Decimal?
    /// Margin to the target's figure, positive when better than the target: in units for counts,
    /// in percentage points for shares. Nil where no figure applies.
    public var gap: Decimal?
    /// The verdict; nil while the period is still running.
    public var verdict: Verdict?
    /// Inside a running term: on track, at risk or not yet due.
    public var progress: TermProgress?
    /// The rule judged against (scaled for a cumulative row).
    public var rule: Rule
    /// The stated percentage, checked.
    public var statedCheck: StatedCheck?
    /// The stated excess over the target ("vượt chỉ tiêu 12"), checked against the target's figure.
    public var excessCheck: ExcessCheck?
    /// For a figure given as a range: its lowest and highest values (the verdict holds at both, or is undetermined).
    public var valueRange: ClosedRange<Decimal>?
    /// Why the verdict is undetermined.
    public var undetermined: UndeterminedReason?
    /// For a target that applies to each unit: the units met out of the units with a figure.
    public var units: UnitTally?
    /// Years met out of years judged, for a per-year target's term row.
    public var tally: YearTally?
    /// Years with no data, for a per-year target's term row or an incomplete sum.
    public var missingYears: [Int]
    /// For a row judged on a figure of part of its period (to a date, a half year, mid-term):
    /// the last day covered. Such a row shows progress, never a final verdict.
    public var partialThrough: CalendarDate?
    /// For a term total inside a running term: the figure so far against the pro-rata target.
    public var proRata: ProRata?

    /// Whether the row is judged inside a running term (on track or at risk), not yet final.
    public var isInProgress: Bool { progress == .onTrack || progress == .atRisk || progress == .yearMissed || progress == .yearMissing }

    /// Creates a row.
    public init(period: RowPeriod, rule: Rule) {
        self.period = period
        self.rule = rule
        observations = []
        missingYears = []
    }
}

/// One target, judged for every period it covers.
public struct TargetAssessment: Hashable, Sendable {
    /// The target.
    public var target: Target
    /// Its indicator.
    public var indicator: Indicator
    /// One row per year, for a per-year target; empty otherwise.
    public var years: [Judgement]
    /// The term row: the single judgement, or for a per-year target the "4/5 năm đạt" row.
    public var summary: Judgement
    /// For a per-year count floor: the sum of the years against target × years; for a per-year
    /// share given as counts: the counts of all years pooled (numerators and denominators added).
    public var cumulative: Judgement?
    /// For a target that applies to each unit: each unit's own assessment, in the order given.
    public var perUnit: [UnitAssessment] = []
    /// The figures by year up to the assessment year (running totals for a term total of counts),
    /// from the term's start year, which may hold the baseline.
    public var series: [SeriesPoint] = []
    /// Whether `series` holds running totals of yearly counts rather than levels.
    public var seriesIsCumulative = false
    /// The year by which the target must be met: its "by" year, else the end of the term.
    public var dueYear = 0

    /// Every judged row: the years, the term row, and the sum or pool of the years.
    public var rows: [Judgement] { years + [summary] + (cumulative.map { [$0] } ?? []) }

    /// Calls `body` with every judged row, in `rows`' order, without building the array (the
    /// passes over every figure of a large file run this once per target).
    public func forEachRow(_ body: (Judgement) throws -> Void) rethrows {
        for y in years { try body(y) }
        try body(summary)
        if let c = cumulative { try body(c) }
    }

    /// The trend towards the target; nil for ratings. Computed when asked (n-th roots cost), so
    /// that checking and exporting do not pay for it.
    public var trend: Trend? {
        ProgressMethods.trend(series, rule: target.rule, indicator: indicator, dueYear: dueYear)
    }

    /// UN ESCAP's indices towards the target; nil for ratings. Computed when asked, like `trend`.
    public var escap: EscapAssessment? {
        ProgressMethods.escap(series, rule: target.rule, indicator: indicator, dueYear: dueYear)
    }

    /// Germany's weather-symbol check towards the target; nil for ratings. Computed when asked.
    public var weather: WeatherCheck? {
        ProgressMethods.weather(series, rule: target.rule, indicator: indicator, dueYear: dueYear)
    }

    /// Progress from the first figure of the series; nil for running totals, ratings, fewer than
    /// two years, or a baseline that already meets the target.
    public var baselineProgress: BaselineProgress? {
        seriesIsCumulative ? nil : ProgressMethods.baseline(series, rule: target.rule, indicator: indicator)
    }
}

/// Everything a report of one record says: every target judged, other outcomes and dated facts.
public struct Assessment: Sendable {
    /// The record assessed.
    public var record: Record
    /// Its body.
    public var body: Body
    /// The year of assessment: terms ending after it are running.
    public var asOf: Int
    /// Whether the term is still running at `asOf`.
    public var isRunning: Bool
    /// The targets, in file order.
    public var targets: [TargetAssessment]
    /// Outcomes reported without a target (e.g. "80% đảng viên mới có trình độ đại học"), with their checks.
    public var otherOutcomes: [OtherOutcome]
    /// Figures of a targeted indicator that no verdict uses, each with the reason: every figure
    /// of the record is judged, listed as another outcome, or listed here.
    public var unusedFigures: [UnusedFigure] = []
}

/// A figure of a targeted indicator that no verdict uses, and why, target by target.
public struct UnusedFigure: Hashable, Sendable {
    /// The figure.
    public var observation: Observation
    /// Its indicator.
    public var indicator: Indicator
    /// Why each target of the indicator passed it over (target id and reason), deduplicated.
    public var reasons: [UnusedReason]
    /// The stated percentage, checked, if one was stated and can be recomputed.
    public var statedCheck: StatedCheck?
}

/// Why a target did not use a figure of its indicator.
public struct UnusedReason: Hashable, Sendable {
    /// What kept the figure out.
    public enum Kind: Hashable, Sendable {
        /// Another figure for the same period and span is used (given for this target, or by indicator).
        case samePeriod(SourceLocation)
        /// The year comes after the year of assessment.
        case afterAssessment(asOf: Int)
        /// The year is not one of the term's reporting years (the congress year of a 2020–2025 term).
        case notReportingYear(Int, years: ClosedRange<Int>)
        /// The target judges another year only (its end of term, its "by" year, its one year).
        case otherYear(judged: Int)
        /// The figure covers months that do not start in January, so it is no progress of the year.
        case partialSpan(first: Int, last: Int)
        /// A later or more complete figure of the same period is used.
        case superseded(SourceLocation)
        /// A term figure, but the target is judged year by year.
        case termFigureOfYearlyTarget
        /// A figure of part of the term, but the term's own figure or its years are used.
        case termToDateSuperseded(SourceLocation?)
        /// A figure of the term so far (from its start to a date), but the target is judged year
        /// by year, and such a figure is no year's.
        case termToDateOfYearlyTarget
        /// The year lies after the year the target is due.
        case afterDue(Int)
        /// A figure that is not of one unit, for a target that applies to each unit ("mỗi xã").
        case notPerUnit(noun: String)
        /// None of the target's rows takes a figure of this period and span.
        case notThisPeriod
    }

    /// The target.
    public var targetID: String
    /// Why.
    public var kind: Kind

    /// Creates a reason.
    public init(targetID: String, kind: Kind) {
        self.targetID = targetID
        self.kind = kind
    }
}

/// A per-year target's count of years: "4/5 năm đạt".
public struct YearTally: Hashable, Sendable {
    /// Years met (vượt or đạt).
    public var met: Int
    /// Years not met.
    public var notMet: Int
    /// Years judged so far that have no figure.
    public var noData: Int
    /// Years with a figure of part of the year only (progress, no verdict yet).
    public var inProgress: Int = 0
    /// All years of the term.
    public var total: Int
}

/// An outcome reported without a target, with the check of any percentage stated beside it.
public struct OtherOutcome: Hashable, Sendable {
    /// The outcome.
    public var observation: Observation
    /// Its indicator.
    public var indicator: Indicator
    /// The stated percentage, checked, if one was stated and can be recomputed.
    public var statedCheck: StatedCheck?
}

extension TargetAssessment {
    /// The field it is grouped under: its own, else its indicator's.
    public var field: TargetField? { target.field ?? indicator.field }
}

/// The targets of one field, for a results annex grouped by field ("I. Công tác chính trị, tư tưởng").
public struct FieldGroup: Sendable {
    /// The field; nil for the targets of no field ("Khác"), always the last group.
    public var field: TargetField?
    /// Its targets, in the record's order.
    public var targets: [TargetAssessment]
    /// The group's Roman numeral by its place in the annex ("I", "II", …).
    public var roman: String
}

/// A field's group by the positions of its targets in the assessment's `targets`: what a writer
/// walks when it should not hold a second copy of every target's assessment (a large body's are
/// about 3 KB each).
public struct FieldGroupPositions: Sendable {
    /// The field; nil for the targets of no field ("Khác"), always the last group.
    public var field: TargetField?
    /// Where its targets stand in `Assessment.targets`, in the record's order.
    public var positions: [Int]
    /// The group's Roman numeral by its place in the annex ("I", "II", …).
    public var roman: String
}

extension Assessment {
    /// The targets grouped by field, in the catalogue's order of fields, targets of no field last;
    /// one group of no field when no target has one (an annex without headings).
    public var fieldGroups: [FieldGroup] {
        fieldGroupPositions.map { g in FieldGroup(field: g.field, targets: g.positions.map { targets[$0] }, roman: g.roman) }
    }

    /// `fieldGroups` as positions in `targets`, in the same order.
    public var fieldGroupPositions: [FieldGroupPositions] {
        var byField: [String: [Int]] = [:]
        var fields: [TargetField] = []
        var none: [Int] = []
        for (i, t) in targets.enumerated() {
            guard let f = t.field else { none.append(i); continue }
            if byField[f.id] == nil { fields.append(f) }
            byField[f.id, default: []].append(i)
        }
        let ordered = fields.sorted { ($0.rank, $0.id) < ($1.rank, $1.id) }
        var groups = ordered.map { (field: Optional($0), positions: byField[$0.id] ?? []) }
        if !none.isEmpty { groups.append((field: nil, positions: none)) }
        return groups.enumerated().map { FieldGroupPositions(field: $1.field, positions: $1.positions, roman: Roman.numeral($0 + 1)) }
    }
}

/// Roman numerals, for the group headings of an annex.
public enum Roman {
    /// "I", "II", "IV", "XII"…; the Arabic figure for anything outside 1…3999.
    public static func numeral(_ n: Int) -> String {
        guard (1...3999).contains(n) else { return String(n) }
        let table: [(Int, String)] = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
        var rest = n
        var s = ""
        for (value, letters) in table {
            while rest >= value { s += letters; rest -= value }
        }
        return s
    }
}
