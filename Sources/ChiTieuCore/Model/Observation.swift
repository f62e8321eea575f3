import Foundation

/// A reported figure.
public enum ObservedValue: Hashable, Sendable {
    /// A count, or a share already in percent.
    case number(Decimal)
    /// A share as numerator and denominator (62 of 69 organisations); the percent is computed.
    case share(numerator: Decimal, denominator: Decimal)
    /// A rating level id.
    case rating(String)
    /// A range the source gave instead of one figure ("6 % – 7 %"): judged at both ends.
    case range(low: Decimal, high: Decimal)

    /// The figure compared with a rule: a count, or a share in percent (exact).
    public var comparable: Decimal? {
        switch self {
        case let .number(v): return v
        case let .share(n, d): return d == 0 ? nil : n / d * 100
        case .rating, .range: return nil
        }
    }

    /// The lowest and highest the figure can be: itself twice, or a range's ends; nil for a rating.
    public var bounds: (low: Decimal, high: Decimal)? {
        switch self {
        case let .range(low, high): return (low, high)
        case .rating: return nil
        default: return comparable.map { ($0, $0) }
        }
    }
}

/// How exact a reported figure is: sources write "trên 2.000", "hơn 1.000".
public enum Qualifier: String, Hashable, Sendable, CaseIterable {
    /// The figure as it is.
    case exact
    /// More than the figure ("trên", "hơn").
    case moreThan = "more-than"
    /// Less than the figure ("dưới", "gần").
    case lessThan = "less-than"
    /// About the figure ("khoảng").
    case about
}

/// A percentage a source itself stated beside a figure ("đạt 115,7% chỉ tiêu"), kept as written
/// so it can be checked at its own precision. Sources also write it with words: "trên 108 %",
/// "gần 35 %", "vượt 14 %" (an excess: 114 % of the target), "bằng 112,4 % dự toán".
public struct StatedPercent: Hashable, Sendable {
    /// The text as written ("115,7%", "vượt gần 25%").
    public var text: String
    /// Its number in percent, as written (14 for "vượt 14 %").
    public var value: Decimal
    /// Its decimals as written.
    public var places: Int
    /// "trên", "gần", "khoảng" before the number: a bound or an estimate, kept as the source wrote it.
    public var qualifier: Qualifier = .exact
    /// Whether the number is the excess over the target ("vượt 14 %"), not the attainment.
    public var isExcess = false
    /// What the percentage is of, when the source names it ("dự toán", "nghị quyết").
    public var basis: String?

    /// The attainment the source states, in percent: the number, or 100 + it for an excess.
    public var attainment: Decimal { isExcess ? 100 + value : value }

    /// Creates a stated percent.
    public init(text: String, value: Decimal, places: Int) {
        self.text = text
        self.value = value
        self.places = places
    }

    /// Words that may stand before the number, and what they make of it.
    static let leadingWords: [(String, @Sendable (inout StatedPercent) -> Void)] = [
        ("đạt", { _ in }), ("bằng", { _ in }), ("vượt", { $0.isExcess = true }),
        ("trên", { $0.qualifier = .moreThan }), ("hơn", { $0.qualifier = .moreThan }),
        ("gần", { $0.qualifier = .lessThan }), ("dưới", { $0.qualifier = .lessThan }),
        ("khoảng", { $0.qualifier = .about }), ("xấp xỉ", { $0.qualifier = .about }),
    ]

    /// Reads a stated percentage with its words: "115,7%", "trên 108 %", "vượt gần 25 %",
    /// "bằng 112,4 % dự toán". The number must carry '%'; an error's offset points into `text`.
    public static func read(_ text: String, convention: NumberConvention = .vietnamese) throws -> StatedPercent {
        let scalars = Array(text.unicodeScalars)
        var at = 0
        var stated = StatedPercent(text: text.trimmingCharacters(in: .whitespaces), value: 0, places: 0)
        func skipSpaces() { while at < scalars.count, scalars[at].properties.isWhitespace { at += 1 } }
        skipSpaces()
        var matched = true
        while matched {
            matched = false
            for (word, effect) in leadingWords {
                let w = Array(word.unicodeScalars)
                guard at + w.count <= scalars.count, Array(scalars[at..<(at + w.count)]) == w,
                      at + w.count == scalars.count || scalars[at + w.count].properties.isWhitespace else { continue }
                effect(&stated)
                at += w.count
                skipSpaces()
                matched = true
            }
        }
        let start = at
        while at < scalars.count, scalars[at] != "%" { at += 1 }
        guard at < scalars.count else {
            if stated.isExcess {
                // "vượt chỉ tiêu 12 đảng viên" is an excess in the outcome's own unit, not a percentage.
                let figure = String(String.UnicodeScalarView(scalars[start...])).trimmingCharacters(in: .whitespaces)
                throw NumberError("'\(text.trimmingCharacters(in: .whitespaces))' has no '%': an excess as a figure is written 'excess: \"\(figure)\"' (the target is the outcome minus it); an excess in percent is 'stated: \"vượt \(figure)%\"'", offset: start)
            }
            throw NumberError("'stated' is the percentage the source wrote; write it with '%', e.g. '115,7%' or 'trên 108%'", offset: start)
        }
        let number = String(String.UnicodeScalarView(scalars[start...at]))
        let parsed: ParsedNumber
        do {
            parsed = try VietnameseNumber.parse(number.trimmingCharacters(in: .whitespaces), convention: convention)
        } catch let e as NumberError {
            let lead = number.unicodeScalars.prefix { $0.properties.isWhitespace }.count
            throw NumberError(e.message, offset: start + lead + e.offset)
        }
        stated.value = parsed.value
        stated.places = parsed.fractionDigits
        var rest = String(String.UnicodeScalarView(scalars[(at + 1)...])).trimmingCharacters(in: .whitespaces)
        for filler in ["so với", "của"] where rest.hasPrefix(filler + " ") { rest = String(rest.dropFirst(filler.count + 1)) }
        stated.basis = rest.isEmpty || rest == "chỉ tiêu" ? nil : rest
        return stated
    }
}

/// A correction recorded beside a malformed figure that is kept as the source wrote it.
public struct Correction: Hashable, Sendable {
    /// The figure exactly as the source wrote it ("7.5000").
    public var original: String
    /// Why the corrected figure is believed.
    public var reason: String

    /// Creates a correction.
    public init(original: String, reason: String) {
        self.original = original
        self.reason = reason
    }
}

/// What part of its period a figure covers. Offices report "tính đến 30/6", "6 tháng đầu năm",
/// "quý I" and "sơ kết giữa nhiệm kỳ" beside whole years and terms; a figure that covers part of
/// a period shows progress within it, never a final verdict.
public enum Coverage: Hashable, Sendable {
    /// The whole period named: a year, the term; for a date, the level on that date.
    case whole
    /// From 1 January of the date's year to the date ("tính đến 30/6/2022", "từ đầu năm đến nay").
    case yearToDate
    /// Months `first` through `last` of the year ("quý II" is 4–6, "6 tháng đầu năm" is 1–6).
    case months(first: Int, last: Int)
    /// From the start of the term to the date or the end of the year ("sơ kết giữa nhiệm kỳ").
    case termToDate
}

/// An outcome or a fact: one figure of one indicator for one body and period, with its source.
///
/// A value like any other, but its fields live in one shared object until a copy is changed
/// (copy on write): the record, the evaluator's slots and every judgement that cites a figure
/// hold the same outcome, and a large body's 50.000 outcomes were held three times over,
/// about 650 bytes each time (issue 20's memory aim).
public struct Observation: Hashable, Sendable {
    /// The fields. Never changed once shared: a setter copies it first unless it is this value's alone.
    private final class Storage: @unchecked Sendable {
        var indicatorID: String
        var targetID: String?
        var period: ObservedPeriod
        var coverage: Coverage
        var value: ObservedValue
        var qualifier: Qualifier
        var stated: StatedPercent?
        var unitName: String?
        var statedExcess: Decimal?
        var quote: String
        var citation: Citation
        var correction: Correction?
        var note: String?
        var location: SourceLocation

        init(indicatorID: String, targetID: String?, period: ObservedPeriod, coverage: Coverage, value: ObservedValue, qualifier: Qualifier, stated: StatedPercent?, unitName: String?, statedExcess: Decimal?, quote: String, citation: Citation, correction: Correction?, note: String?, location: SourceLocation) {
            self.indicatorID = indicatorID
            self.targetID = targetID
            self.period = period
            self.coverage = coverage
            self.value = value
            self.qualifier = qualifier
            self.stated = stated
            self.unitName = unitName
            self.statedExcess = statedExcess
            self.quote = quote
            self.citation = citation
            self.correction = correction
            self.note = note
            self.location = location
        }

        func copy() -> Storage {
            Storage(indicatorID: indicatorID, targetID: targetID, period: period, coverage: coverage, value: value, qualifier: qualifier, stated: stated, unitName: unitName, statedExcess: statedExcess, quote: quote, citation: citation, correction: correction, note: note, location: location)
        }
    }

    private var storage: Storage

    /// The storage, made this value's own before a change.
    private var unique: Storage {
        mutating get {
            if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
            return storage
        }
    }

    /// The indicator.
    public var indicatorID: String {
        get { storage.indicatorID }
        set { unique.indicatorID = newValue }
    }
    /// The target it reports on, if it was given as an outcome of one.
    public var targetID: String? {
        get { storage.targetID }
        set { unique.targetID = newValue }
    }
    /// When.
    public var period: ObservedPeriod {
        get { storage.period }
        set { unique.period = newValue }
    }
    /// What part of the period the figure covers.
    public var coverage: Coverage {
        get { storage.coverage }
        set { unique.coverage = newValue }
    }
    /// The figure (corrected, if a correction is recorded).
    public var value: ObservedValue {
        get { storage.value }
        set { unique.value = newValue }
    }
    /// How exact the figure is.
    public var qualifier: Qualifier {
        get { storage.qualifier }
        set { unique.qualifier = newValue }
    }
    /// The percentage the source stated beside it, if any.
    public var stated: StatedPercent? {
        get { storage.stated }
        set { unique.stated = newValue }
    }
    /// For a target that applies to each of several units ("mỗi xã ít nhất 05 quần chúng"),
    /// the unit the figure is of ("Xã Tân Lập").
    public var unitName: String? {
        get { storage.unitName }
        set { unique.unitName = newValue }
    }
    /// The excess over the target the source stated as a figure ("vượt chỉ tiêu 12 đảng viên"):
    /// the target is the outcome minus it.
    public var statedExcess: Decimal? {
        get { storage.statedExcess }
        set { unique.statedExcess = newValue }
    }
    /// The source's words, verbatim, and where they stand.
    public var quote: String {
        get { storage.quote }
        set { unique.quote = newValue }
    }
    /// Where the quote stands.
    public var citation: Citation {
        get { storage.citation }
        set { unique.citation = newValue }
    }
    /// A correction, if the source's figure is malformed.
    public var correction: Correction? {
        get { storage.correction }
        set { unique.correction = newValue }
    }
    /// How the data's author read the source, shown in reports.
    public var note: String? {
        get { storage.note }
        set { unique.note = newValue }
    }
    /// Where it is defined in the data.
    public var location: SourceLocation {
        get { storage.location }
        set { unique.location = newValue }
    }

    /// Creates an observation.
    public init(
        indicatorID: String, targetID: String? = nil, period: ObservedPeriod, value: ObservedValue,
        qualifier: Qualifier = .exact, stated: StatedPercent? = nil, quote: String, citation: Citation,
        correction: Correction? = nil, note: String? = nil, location: SourceLocation
    ) {
        storage = Storage(indicatorID: indicatorID, targetID: targetID, period: period, coverage: .whole, value: value,
                          qualifier: qualifier, stated: stated, unitName: nil, statedExcess: nil, quote: quote,
                          citation: citation, correction: correction, note: note, location: location)
    }

    /// Equal when every field is: the same as the synthesised conformance before the fields were shared.
    public static func == (a: Observation, b: Observation) -> Bool {
        if a.storage === b.storage { return true }
        let x = a.storage, y = b.storage
        return x.indicatorID == y.indicatorID
            && x.targetID == y.targetID
            && x.period == y.period
            && x.coverage == y.coverage
            && x.value == y.value
            && x.qualifier == y.qualifier
            && x.stated == y.stated
            && x.unitName == y.unitName
            && x.statedExcess == y.statedExcess
            && x.quote == y.quote
            && x.citation == y.citation
            && x.correction == y.correction
            && x.note == y.note
            && x.location == y.location
    }

    /// Hashes every field, as `==` compares them.
    public func hash(into hasher: inout Hasher) {
        let x = storage
        hasher.combine(x.indicatorID)
        hasher.combine(x.targetID)
        hasher.combine(x.period)
        hasher.combine(x.coverage)
        hasher.combine(x.value)
        hasher.combine(x.qualifier)
        hasher.combine(x.stated)
        hasher.combine(x.unitName)
        hasher.combine(x.statedExcess)
        hasher.combine(x.quote)
        hasher.combine(x.citation)
        hasher.combine(x.correction)
        hasher.combine(x.note)
        hasher.combine(x.location)
    }
}

extension Observation {
    /// The share of its calendar year the figure covers, counted from 1 January: 1 for a whole
    /// year, 181/365 for "tính đến 30/6/2022", 1/2 for "6 tháng đầu năm". Nil for a term figure
    /// and for a span that does not start in January (quý II alone is no progress of the year).
    public var yearShare: Decimal? {
        switch (period, coverage) {
        case (.term, _), (_, .termToDate): return nil
        case (.year, .whole), (.date, .whole): return 1
        case let (.date(d), .yearToDate): return d.shareOfYear
        case let (.year, .months(first, last)): return first == 1 ? Decimal(last) / 12 : nil
        case (.year, .yearToDate), (.date, .months): return nil
        }
    }

    /// Whether the figure is its year's own: a whole year, or a span from 1 January to 31 December.
    public var isWholeYear: Bool { period.year != nil && yearShare == 1 }

    /// The last day the figure covers; nil for a term figure (the term's own end).
    public var coveredThrough: CalendarDate? {
        switch (period, coverage) {
        case (.term, _): return nil
        case let (.year(y), .months(_, last)): return CalendarDate(year: y, month: last, day: CalendarDate.days(in: last, of: y))
        case let (.year(y), _): return CalendarDate(year: y, month: 12, day: 31)
        case let (.date(d), _): return d.lastDay
        }
    }
}

extension CalendarDate {
    /// The last day the date stands for: itself, the end of its month, or 31 December of its year.
    public var lastDay: CalendarDate {
        let m = month ?? 12
        return CalendarDate(year: year, month: m, day: day ?? CalendarDate.days(in: m, of: year))
    }

    /// Days in the date's year.
    public var daysInYear: Int { CalendarDate.days(in: 2, of: year) == 29 ? 366 : 365 }

    /// The day of the year of the last day the date stands for (1 January is 1).
    public var dayOfYear: Int {
        let end = lastDay
        let m = end.month ?? 12
        return (1..<m).reduce(0) { $0 + CalendarDate.days(in: $1, of: year) } + (end.day ?? 31)
    }

    /// The share of its year elapsed by the end of the date, exact: 30/6/2022 is 181/365.
    public var shareOfYear: Decimal { Decimal(dayOfYear) / Decimal(daysInYear) }
}

/// What a figure says, independent of how it was written: two figures with one slot are the same
/// quantity ("2018" and "2018-12-31" both give the whole year; "2018, 6 tháng đầu năm" and
/// "2018-06-30" the year to 30 June). One owner gives one figure per slot.
public struct FigureSlot: Hashable, Sendable {
    private enum Kind: Hashable, Sendable {
        case term
        case termToDate(CalendarDate)
        case fromJanuary(CalendarDate)
        case span(year: Int, first: Int, last: Int)
    }

    private let kind: Kind
    /// The unit the figure is of, for a target that applies to each unit: units never share a slot.
    private let unit: String?

    /// The slot of a figure.
    public init(_ o: Observation) {
        unit = o.unitName
        switch (o.period, o.coverage) {
        case (.term, _): kind = .term
        case (_, .termToDate): kind = .termToDate(o.coveredThrough ?? CalendarDate(year: 0))
        case let (.year(y), .months(first, last)) where first != 1: kind = .span(year: y, first: first, last: last)
        default: kind = .fromJanuary(o.coveredThrough ?? CalendarDate(year: 0))
        }
    }

    /// Among figures ending on one day, the order that puts the most complete last: a span of
    /// months that misses January, then the term to the date, then the year from January.
    var rank: Int {
        switch kind {
        case .span: return 0
        case .termToDate: return 1
        case .fromJanuary, .term: return 2
        }
    }
}
