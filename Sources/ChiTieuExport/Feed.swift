import ChiTieuCore
import Foundation

/// The planners' feed: one tidy row per body × target (or indicator) × period, with the figure as
/// the source gave it and, for a target, the rule and the engine's judgement. Machine values use a
/// plain '.' decimal mark and ISO dates; words are stable ids, not translations.
///
/// Schema version 1; the columns, in order, are `Feed.columns` (documented in the README).
public struct FeedRow: Hashable, Sendable {
    /// A stable id: body / term (or "facts") / target or indicator / period.
    public var id: String
    public var body: String
    public var province: String
    /// The term's years ("2015-2020"), empty for facts.
    public var term: String
    /// The data file the row comes from, relative as it was given.
    public var record: String
    /// What the row is: year, term, end-of-term, by-year, cumulative (a sum of years), or fact.
    public var row: String
    public var target: String
    public var indicator: String
    public var unit: String
    /// An amount's measure ("tỷ đồng"); empty for other units.
    public var measure: String
    /// "2016", "2020-07-21", "term" or "cumulative".
    public var period: String
    /// The figure (a share in percent), exact, plain.
    public var value: String
    public var numerator: String
    public var denominator: String
    public var qualifier: String
    /// The percentage the source stated, plain ("115.7"), with its words if it had any ("trên 108%").
    public var stated: String
    /// The excess over the target the source stated as a figure ("vượt chỉ tiêu 12": 12).
    public var excess: String
    public var rule: String
    /// The rule's figure (for a percent rule, in percent).
    public var threshold: String
    /// Attainment in percent and the gap, rounded half up to six places.
    public var attainment: String
    public var gap: String
    /// exceeded, met, notMet, noData; empty for facts.
    public var verdict: String
    /// onTrack, atRisk, notDue inside a running term.
    public var progress: String
    public var source: String
    public var line: String
    /// The source's words; empty on a derived row (a sum of years, a yearly target's term row).
    public var quote: String
    /// For a malformed figure: what the source printed, and why it was read otherwise.
    public var correctionOf: String
    public var correctionReason: String
    /// What part of its period the figure covers when not the default (`Q1`, `first-half`,
    /// `term-to-date`…); empty for a whole year, the term, or a date's year to that date.
    public var covers: String
    /// For a figure no verdict uses: `target: reason` for each target of its indicator.
    public var unusedReason: String
    /// For a target that applies to each unit: the unit the figure is of.
    public var unitName: String
    /// Inside a running term, the written rule's word: onTrack, atRisk, notDue, yearMissed
    /// (a yearly target with a year missed), yearMissing (a past year without its figure).
    public var progressStatus: String = ""
    /// Pro-rata: the band (onTrack, slightlyBehind, atRisk, concerned), the share of the term
    /// elapsed and the share of the target reached, in percent (half up to six places).
    public var proRataBand: String = ""
    public var expectedPercent: String = ""
    public var achievedPercent: String = ""
    /// On a running target's term row: Open SDG's trend status and observed ÷ required growth.
    public var trendStatus: String = ""
    public var trendRatio: String = ""
    /// On a running target's term row: UN ESCAP's category, anticipated value and gap (percent).
    public var escapCategory: String = ""
    public var escapAnticipated: String = ""
    public var escapGap: String = ""
    /// On a running target's term row: Germany's weather symbol, the projected value and the
    /// shortfall in percent of the distance left.
    public var weatherSymbol: String = ""
    public var weatherProjected: String = ""
    public var weatherMiss: String = ""
    /// The label of the office's own band the row's attainment falls in (`bands:` of the term file).
    public var officeBand: String = ""
}

/// Builds the feed from assessments.
public enum Feed {
    /// The schema version, written in every file.
    public static var version: String { FeedSchema.version }

    /// CSV columns, in order (snake case of `FeedRow`'s fields, after `feed_version`).
    public static var columns: [String] { FeedSchema.columns }

    /// Every row of every assessment, in the ledger's order.
    public static func rows(_ assessments: [Assessment]) -> [FeedRow] {
        assessments.flatMap(rows)
    }

    /// The rows of one record: each judged row of each target, then every figure that no judged
    /// row carries as its own. Every figure of the record is in exactly one row with its quote:
    /// the row that judges it alone (for a figure given for a target, that target's row), else a
    /// row of its own (`figure` when it is part of a sum, `fact` with no target, `unused` with the
    /// reason when no verdict uses it). Rows that only derive from figures carry no quote.
    public static func rows(_ a: Assessment) -> [FeedRow] {
        let term = a.record.term.map { "\($0.startYear)-\($0.endYear)" } ?? ""
        let homes = homeRows(a)
        var out: [FeedRow] = []
        var used = Set<SourceLocation>()
        for (ti, t) in a.targets.enumerated() {
            let judged = t.rows
            for (ji, j) in judged.enumerated() {
                used.formUnion(j.observations.map(\.location))
                let own = j.observations.count == 1 && homes[j.observations[0].location] == RowKey(target: ti, row: ji) ? j.observations.first : nil
                var row = base(a, term: term, indicator: t.indicator, observation: own)
                row.row = kind(j.period)
                row.target = t.target.id
                row.period = period(j.period, own)
                row.id = [a.record.bodyID, term, t.target.id, row.period].joined(separator: "/") + span(row)
                if own == nil, let v = j.value { row.value = plain(v) }
                if own == nil, let r = j.valueRange { row.value = plain(r.lowerBound) + "-" + plain(r.upperBound) }
                row.rule = j.rule.text
                row.threshold = j.rule.threshold.map { plain(Rounding.halfUp($0, places: 6)) } ?? ""
                row.attainment = j.attainment.map { plain(Rounding.halfUp($0, places: 6)) } ?? ""
                if let att = j.attainment, let band = OfficeBands.band(a.record.bands, for: att) { row.officeBand = band.label }
                row.gap = j.gap.map { plain(Rounding.halfUp($0, places: 6)) } ?? ""
                var progress = j.progress
                if case let .cumulative(years) = j.period {
                    // A sum of years is judged against the yearly rule × the years: the rule says so,
                    // so that it agrees with its threshold (">= 480 (120 × 4 years)").
                    if let scaled = scaledRule(j.rule, t.target.rule, years: years) { row.rule = scaled }
                    // A running term's sum is progress so far, never "no data" when its years are there.
                    if j.verdict == nil, progress == nil, j.value != nil {
                        progress = Judge.verdict(value: j.value, rating: nil, rule: j.rule, indicator: t.indicator)?.isMet == true ? .onTrack : .atRisk
                    }
                }
                row.verdict = (j.verdict ?? (progress == nil ? .noData : nil))?.rawValue ?? ""
                // `progress` keeps the meaning it had when schema 2 came out; the written rule's
                // word goes in `progress_status`, so no reader of the old column is misled.
                row.progress = progress.map(legacy)?.rawValue ?? ""
                row.progressStatus = progress?.rawValue ?? ""
                if let p = j.proRata {
                    row.proRataBand = p.band.rawValue
                    row.expectedPercent = plain(Rounding.halfUp(p.expectedPercent, places: 6))
                    row.achievedPercent = plain(Rounding.halfUp(p.achievedPercent, places: 6))
                }
                if ji == t.years.count, t.summary.isInProgress {
                    if let tr = t.trend {
                        row.trendStatus = tr.status.rawValue
                        row.trendRatio = tr.ratio.map { plain(Rounding.halfUp($0, places: 6)) } ?? ""
                    }
                    if let e = t.escap {
                        row.escapCategory = e.category.rawValue
                        row.escapAnticipated = e.anticipated.map { plain(Rounding.halfUp($0, places: 6)) } ?? ""
                        row.escapGap = e.anticipatedGap.map { plain(Rounding.halfUp($0, places: 6)) } ?? ""
                    }
                    if let w = t.weather {
                        row.weatherSymbol = w.symbol.rawValue
                        row.weatherProjected = w.projected.map { plain(Rounding.halfUp($0, places: 6)) } ?? ""
                        row.weatherMiss = w.missPercent.map { plain(Rounding.halfUp($0, places: 6)) } ?? ""
                    }
                }
                out.append(row)
            }
        }
        let unused = Dictionary(a.unusedFigures.map { ($0.observation.location, $0) }, uniquingKeysWith: { first, _ in first })
        let indicators = Dictionary(a.targets.map { ($0.indicator.id, $0.indicator) } + a.otherOutcomes.map { ($0.indicator.id, $0.indicator) }, uniquingKeysWith: { first, _ in first })
        for o in a.record.observations where !homes.keys.contains(o.location) {
            guard let indicator = indicators[o.indicatorID] ?? unused[o.location]?.indicator else { continue }
            var row = base(a, term: term, indicator: indicator, observation: o)
            row.target = o.targetID ?? ""
            let slot = o.targetID ?? o.indicatorID
            if let u = unused[o.location] {
                row.row = "unused"
                row.unusedReason = u.reasons.map { "\($0.targetID): \(reasonCode($0.kind))" }.joined(separator: "; ")
            } else if used.contains(o.location) {
                row.row = "figure"
            } else {
                row.row = "fact"
            }
            // A figure's own row: its kind in the id, so it never takes the id of a judged row
            // (a term figure beside a yearly target's term row).
            let kind = row.row == "fact" ? "" : "/" + row.row
            row.id = [a.record.bodyID, term.isEmpty ? "facts" : term, slot, row.period].joined(separator: "/") + span(row) + kind
            out.append(row)
        }
        return unique(out)
    }

    /// What sets a figure apart within its period: its span ("~Q2") and its unit ("@Xã A").
    private static func span(_ row: FeedRow) -> String {
        (row.covers.isEmpty ? "" : "~" + row.covers) + (row.unitName.isEmpty ? "" : "@" + row.unitName)
    }

    /// Ids made unique, in row order ("#2" after a repeat), so a database's keys always hold.
    private static func unique(_ rows: [FeedRow]) -> [FeedRow] {
        var seen: [String: Int] = [:]
        return rows.map { row in
            var row = row
            let n = seen[row.id, default: 0] + 1
            seen[row.id] = n
            if n > 1 { row.id += "#\(n)" }
            return row
        }
    }

    /// Which judged row carries a figure as its own.
    private struct RowKey: Hashable {
        var target: Int
        var row: Int
    }

    /// For every figure judged alone in a row of the target it was given for, the first such row.
    /// A figure given by indicator only, or judged only under another target, gets a row of its
    /// own that names what it was given for, so that importing the feed gives every figure back
    /// as it was given (a target's own figures come before those of its indicator). A yearly
    /// target's term row and sums never carry one.
    private static func homeRows(_ a: Assessment) -> [SourceLocation: RowKey] {
        var homes: [SourceLocation: RowKey] = [:]
        for (ti, t) in a.targets.enumerated() {
            let judged = t.rows
            for (ji, j) in judged.enumerated() where j.observations.count == 1 {
                if t.target.period == .eachYear, j.period == .term { continue }
                if case .cumulative = j.period { continue }
                let o = j.observations[0]
                if o.targetID == t.target.sentenceID, homes[o.location] == nil { homes[o.location] = RowKey(target: ti, row: ji) }
            }
        }
        return homes
    }

    /// A sum row's rule as judged: the scaled comparison, then the yearly figure × the years
    /// (`>= 480 (120 × 4 years)`, `> 3000 (750 × 4 years)`, `480-600 (120-150 × 4 years)`).
    /// Nil when the rule was not scaled (a pooled share is judged against the yearly rule itself).
    static func scaledRule(_ judged: Rule, _ yearly: Rule, years: Int) -> String? {
        guard judged != yearly || years == 1 else { return nil }
        func form(_ c: Comparison) -> (String, String)? {
            switch c {
            case let .atLeast(v): return (">= ", plain(v))
            case let .moreThan(v): return ("> ", plain(v))
            case let .range(l, h): return ("", plain(l) + "-" + plain(h))
            default: return nil
            }
        }
        guard let (op, total) = form(judged.comparison), let (_, each) = form(yearly.comparison) else { return nil }
        let percent = judged.isPercent ? "%" : ""
        return "\(op)\(total)\(percent) (\(each)\(percent) × \(years) \(years == 1 ? "year" : "years"))"
    }

    /// A stable id for why no verdict uses a figure, with its detail.
    static func reasonCode(_ k: UnusedReason.Kind) -> String {
        switch k {
        case let .samePeriod(l): return "same-period-as-line-\(l.line)"
        case let .afterAssessment(y): return "after-as-of-\(y)"
        case let .notReportingYear(y, years): return "not-a-reporting-year-\(y)-of-\(years.lowerBound)-\(years.upperBound)"
        case let .otherYear(y): return "target-judges-\(y)"
        case let .partialSpan(a, b): return "months-\(a)-\(b)-not-from-january"
        case let .superseded(l): return "superseded-by-line-\(l.line)"
        case .termFigureOfYearlyTarget: return "term-figure-of-yearly-target"
        case let .termToDateSuperseded(l): return l.map { "term-to-date-superseded-by-line-\($0.line)" } ?? "term-to-date-superseded"
        case .termToDateOfYearlyTarget: return "term-to-date-of-yearly-target"
        case let .afterDue(y): return "after-due-year-\(y)"
        case .notPerUnit: return "not-per-unit"
        case .notThisPeriod: return "not-a-period-of-the-target"
        }
    }

    private static func base(_ a: Assessment, term: String, indicator: Indicator, observation o: Observation?) -> FeedRow {
        var row = FeedRow(
            id: "", body: a.record.bodyID, province: a.body.province, term: term, record: a.record.file, row: "", target: "",
            indicator: indicator.id, unit: indicator.unit.rawValue, measure: indicator.measure ?? "", period: "", value: "", numerator: "",
            denominator: "", qualifier: "", stated: "", excess: "", rule: "", threshold: "", attainment: "", gap: "", verdict: "", progress: "",
            source: "", line: "", quote: "", correctionOf: "", correctionReason: "", covers: "", unusedReason: "", unitName: "")
        guard let o else { return row }
        row.period = o.period.description
        row.covers = CoverageWords.id(o)
        switch o.value {
        case let .number(v): row.value = plain(v)
        case let .share(n, d):
            row.numerator = plain(n)
            row.denominator = plain(d)
            row.value = o.value.comparable.map { plain(Rounding.halfUp($0, places: 6)) } ?? ""
        case let .rating(level): row.value = level
        case let .range(low, high): row.value = plain(low) + "-" + plain(high)
        }
        row.unitName = o.unitName ?? ""
        row.qualifier = o.qualifier == .exact ? "" : o.qualifier.rawValue
        row.stated = o.stated.map(statedText) ?? ""
        row.excess = o.statedExcess.map(plain) ?? ""
        row.source = o.citation.source
        row.line = o.citation.line.map(String.init) ?? ""
        row.quote = o.quote
        row.correctionOf = o.correction?.original ?? ""
        row.correctionReason = o.correction?.reason ?? ""
        return row
    }

    static func kind(_ p: RowPeriod) -> String {
        switch p {
        case .term: return "term"
        case .year: return "year"
        case .endOfTerm: return "end-of-term"
        case .byYear: return "by-year"
        case .cumulative: return "cumulative"
        }
    }

    static func period(_ p: RowPeriod, _ o: Observation?) -> String {
        if let o { return o.period.description }
        switch p {
        case .term: return "term"
        case let .year(y), let .endOfTerm(y), let .byYear(y): return String(y)
        case .cumulative: return "cumulative"
        }
    }

    /// A stated percentage: its number ("115.7"), or with the source's words its text in the
    /// machine convention ("trên 108%", "vượt gần 25%", "bằng 112.4% dự toán"), read back by import.
    static func statedText(_ s: StatedPercent) -> String {
        var words: [String] = []
        if s.isExcess { words.append("vượt") }
        switch s.qualifier {
        case .exact: break
        case .moreThan: words.append("trên")
        case .lessThan: words.append("gần")
        case .about: words.append("khoảng")
        }
        if words.isEmpty, s.basis == nil { return plain(s.value) }
        return (words + [plain(s.value) + "%"] + (s.basis.map { [$0] } ?? [])).joined(separator: " ")
    }

    /// A running status as the `progress` column said it before the written rule: a missed year
    /// was at risk, a missing one on track (the years with figures met).
    static func legacy(_ p: TermProgress) -> TermProgress {
        switch p {
        case .yearMissed: return .atRisk
        case .yearMissing: return .onTrack
        default: return p
        }
    }

    /// An exact figure with a plain '.' and no grouping: 4294, 115.7, 0.005.
    public static func plain(_ d: Decimal) -> String { d.description }

    /// The row's cells in `columns` order.
    public static func cells(_ r: FeedRow) -> [String] {
        [version, r.id, r.body, r.province, r.term, r.record, r.row, r.target, r.indicator, r.unit, r.measure, r.period,
         r.value, r.numerator, r.denominator, r.qualifier, r.stated, r.excess, r.rule, r.threshold, r.attainment, r.gap,
         r.verdict, r.progress, r.source, r.line, r.quote, r.correctionOf, r.correctionReason, r.covers, r.unusedReason, r.unitName,
         r.progressStatus, r.proRataBand, r.expectedPercent, r.achievedPercent, r.trendStatus, r.trendRatio,
         r.escapCategory, r.escapAnticipated, r.escapGap, r.weatherSymbol, r.weatherProjected, r.weatherMiss, r.officeBand]
    }
}
