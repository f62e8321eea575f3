import Foundation

/// How a data file names what part of its period a figure covers (`covers:`), in the ids the
/// feed writes and in the words reports use ("6 tháng đầu năm", "quý I", "giữa nhiệm kỳ").
public enum CoverageWords {
    /// The words accepted for `covers:`, by the coverage they give; every id the feed writes is among them.
    public static let accepted: [(words: [String], coverage: Coverage)] = [
        (["year", "cả năm"], .whole),
        (["to-date", "year-to-date", "từ đầu năm", "tính đến"], .yearToDate),
        (["Q1", "quý I"], .months(first: 1, last: 3)),
        (["Q2", "quý II"], .months(first: 4, last: 6)),
        (["Q3", "quý III"], .months(first: 7, last: 9)),
        (["Q4", "quý IV"], .months(first: 10, last: 12)),
        (["first-half", "6-months", "6 tháng đầu năm", "6 tháng"], .months(first: 1, last: 6)),
        (["9-months", "9 tháng đầu năm", "9 tháng"], .months(first: 1, last: 9)),
        (["term-to-date", "mid-term", "giữa nhiệm kỳ", "sơ kết giữa nhiệm kỳ"], .termToDate),
    ]

    /// The coverage written, or nil for words it does not know.
    public static func parse(_ text: String) -> Coverage? {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        return accepted.first { $0.words.contains { $0.lowercased() == t } }?.coverage
    }

    /// The coverage a figure has when `covers:` is not given: a date's figure covers its year up
    /// to the date; a year or the term, the whole of it.
    public static func defaultCoverage(of period: ObservedPeriod) -> Coverage {
        if case .date = period { return .yearToDate }
        return .whole
    }

    /// The id the feed writes for a figure's coverage; empty when it is the period's default.
    public static func id(_ o: Observation) -> String {
        if o.coverage == defaultCoverage(of: o.period) { return "" }
        return accepted.first { $0.coverage == o.coverage }?.words.first ?? ""
    }

    /// Whether a coverage fits a period: a span of months needs a year, the year to a date needs a date.
    public static func fits(_ c: Coverage, _ p: ObservedPeriod) -> Bool {
        switch (c, p) {
        case (.whole, _): return true
        case (.yearToDate, .date): return true
        case (.months, .year): return true
        case (.termToDate, .year), (.termToDate, .date): return true
        default: return false
        }
    }
}
