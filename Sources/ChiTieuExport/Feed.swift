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
    /// "2016", "2020-07-21", "term" or "cumulative".
    public var period: String
    /// The figure (a share in percent), exact, plain.
    public var value: String
    public var numerator: String
    public var denominator: String
    public var qualifier: String
    /// The percentage the source stated, plain ("115.7").
    public var stated: String
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

    /// The rows of one record: each judged row of each target, then each other outcome.
    public static func rows(_ a: Assessment) -> [FeedRow] {
        let term = a.record.term.map { "\($0.startYear)-\($0.endYear)" } ?? ""
        var out: [FeedRow] = []
        for t in a.targets {
            let judged = t.years + [t.summary] + (t.cumulative.map { [$0] } ?? [])
            for j in judged {
                // A yearly target's term row and the sum of years are derived: no figure of their own.
                let own = j.observations.count == 1 && !(t.target.period == .eachYear && j.period == .term) ? j.observations.first : nil
                var row = base(a, term: term, indicator: t.indicator, observation: own)
                row.row = kind(j.period)
                row.target = t.target.id
                row.period = period(j.period, own)
                row.id = [a.record.bodyID, term, t.target.id, row.period].joined(separator: "/")
                if own == nil, let v = j.value { row.value = plain(v) }
                row.rule = j.rule.text
                row.threshold = j.rule.threshold.map { plain(Rounding.halfUp($0, places: 6)) } ?? ""
                row.attainment = j.attainment.map { plain(Rounding.halfUp($0, places: 6)) } ?? ""
                row.gap = j.gap.map { plain(Rounding.halfUp($0, places: 6)) } ?? ""
                row.verdict = (j.verdict ?? (j.progress == nil ? .noData : nil))?.rawValue ?? ""
                row.progress = j.progress?.rawValue ?? ""
                out.append(row)
            }
        }
        for o in a.otherOutcomes {
            var row = base(a, term: term, indicator: o.indicator, observation: o.observation)
            row.row = "fact"
            row.id = [a.record.bodyID, term.isEmpty ? "facts" : term, o.indicator.id, row.period].joined(separator: "/")
            out.append(row)
        }
        return out
    }

    private static func base(_ a: Assessment, term: String, indicator: Indicator, observation o: Observation?) -> FeedRow {
        var row = FeedRow(
            id: "", body: a.record.bodyID, province: a.body.province, term: term, record: a.record.file, row: "", target: "",
            indicator: indicator.id, unit: indicator.unit.rawValue, period: "", value: "", numerator: "", denominator: "",
            qualifier: "", stated: "", rule: "", threshold: "", attainment: "", gap: "", verdict: "", progress: "",
            source: "", line: "", quote: "", correctionOf: "", correctionReason: "")
        guard let o else { return row }
        row.period = o.period.description
        switch o.value {
        case let .number(v): row.value = plain(v)
        case let .share(n, d):
            row.numerator = plain(n)
            row.denominator = plain(d)
            row.value = o.value.comparable.map { plain(Rounding.halfUp($0, places: 6)) } ?? ""
        case let .rating(level): row.value = level
        }
        row.qualifier = o.qualifier == .exact ? "" : o.qualifier.rawValue
        row.stated = o.stated.map { plain($0.value) } ?? ""
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

    /// An exact figure with a plain '.' and no grouping: 4294, 115.7, 0.005.
    public static func plain(_ d: Decimal) -> String { d.description }

    /// The row's cells in `columns` order.
    public static func cells(_ r: FeedRow) -> [String] {
        [version, r.id, r.body, r.province, r.term, r.record, r.row, r.target, r.indicator, r.unit, r.period,
         r.value, r.numerator, r.denominator, r.qualifier, r.stated, r.rule, r.threshold, r.attainment, r.gap,
         r.verdict, r.progress, r.source, r.line, r.quote, r.correctionOf, r.correctionReason]
    }
}
