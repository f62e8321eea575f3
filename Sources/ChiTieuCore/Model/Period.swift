/// When a target is judged.
public enum PeriodKind: Hashable, Sendable {
    /// Over the whole term ("trong nhiệm kỳ", "toàn khóa"): one figure for the term.
    case term
    /// Every year ("hằng năm", "mỗi năm"): a row per year and a term row ("4/5 năm đạt").
    case eachYear
    /// At the end of the term ("đến cuối nhiệm kỳ").
    case endOfTerm
    /// By a given year ("đến năm 2000"): a count totals the years up to it, a share is its level then.
    case byYear(Int)
    /// One year inside the term alone ("Năm 2022, phấn đấu kết nạp 90 đảng viên"): that year's figure.
    case year(Int)

    /// Whether a figure is judged year by year (each year, or one year): a final verdict needs
    /// the year's own figure, and a figure of part of the year shows progress.
    public var isYearly: Bool {
        switch self {
        case .eachYear, .year: return true
        default: return false
        }
    }
}

/// When an observation was made: over a term, in a year, or on a date.
public enum ObservedPeriod: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Over the whole term of its file.
    case term
    /// In a calendar year.
    case year(Int)
    /// On (or as of) a date.
    case date(CalendarDate)

    /// The calendar year, if the period has one.
    public var year: Int? {
        switch self {
        case .term: return nil
        case let .year(y): return y
        case let .date(d): return d.year
        }
    }

    public var description: String {
        switch self {
        case .term: return "term"
        case let .year(y): return String(y)
        case let .date(d): return d.description
        }
    }

    public static func < (a: ObservedPeriod, b: ObservedPeriod) -> Bool {
        func key(_ p: ObservedPeriod) -> CalendarDate {
            switch p {
            case .term: return CalendarDate(year: Int.max)
            case let .year(y): return CalendarDate(year: y, month: 12, day: 31)
            case let .date(d): return d
            }
        }
        return key(a) < key(b)
    }
}
