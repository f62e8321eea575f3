/// A body's congress and the years of the term it opened.
///
/// A source often gives the term's years but not the congress's ordinal; the term is then known
/// by its years alone (`congress` empty, `ordinal` nil), and nothing is invented. The years,
/// not the ordinal, identify a body's term.
public struct Term: Hashable, Sendable {
    /// The congress ordinal as written, in Roman numerals ("XIII"); empty when the source does not give it.
    public var congress: String
    /// The same ordinal as a number (13), for sorting; nil when the source does not give it.
    public var ordinal: Int?
    /// The year the term began (the congress year).
    public var startYear: Int
    /// The year the term ends (the next congress).
    public var endYear: Int
    /// The years judged one by one for a per-year target. By default the years after the
    /// congress up to the next one (2016–2020 for 2015–2020: five years of a five-year term).
    public var reportingYears: ClosedRange<Int>

    /// Creates a term; `reportingYears` defaults to `startYear+1 … endYear`.
    /// - Parameters:
    ///   - congress: The ordinal in Roman numerals, or empty when not given (then `ordinal` is nil).
    ///   - ordinal: The ordinal as a number, nil when not given.
    public init(congress: String, ordinal: Int?, startYear: Int, endYear: Int, reportingYears: ClosedRange<Int>? = nil) {
        self.congress = ordinal == nil ? "" : congress
        self.ordinal = ordinal
        self.startYear = startYear
        self.endYear = endYear
        self.reportingYears = reportingYears ?? (min(startYear + 1, endYear)...endYear)
    }

    /// The years as written in reports: "2015–2020".
    public var years: String { "\(startYear)–\(endYear)" }

    /// Whether the source gave the congress's ordinal.
    public var isCongressKnown: Bool { ordinal != nil }

    /// Chronological order: by the years (which every term has), then by the ordinal where both
    /// are known. A term without its ordinal sorts among the others by its years alone.
    public static func precedes(_ a: Term, _ b: Term) -> Bool {
        if a.startYear != b.startYear { return a.startYear < b.startYear }
        if a.endYear != b.endYear { return a.endYear < b.endYear }
        return (a.ordinal ?? 0) < (b.ordinal ?? 0)
    }

    /// Whether a year falls inside the term.
    public func contains(year: Int) -> Bool { (startYear...endYear).contains(year) }

    /// Reads a Roman numeral from I to XXXIX; nil for anything else.
    public static func ordinal(ofRoman text: String) -> Int? {
        let values: [Character: Int] = ["I": 1, "V": 5, "X": 10, "L": 50]
        var total = 0
        var previous = 0
        for ch in text.reversed() {
            guard let v = values[ch] else { return nil }
            total += v < previous ? -v : v
            previous = max(previous, v)
        }
        guard total > 0, total < 40, roman(total) == text else { return nil }
        return total
    }

    /// Writes 1…39 in Roman numerals.
    public static func roman(_ n: Int) -> String {
        var n = n
        var s = ""
        for (v, r) in [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")] {
            while n >= v { s += r; n -= v }
        }
        return s
    }
}
