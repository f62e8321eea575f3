import Foundation

/// A reported figure.
public enum ObservedValue: Hashable, Sendable {
    /// A count, or a share already in percent.
    case number(Decimal)
    /// A share as numerator and denominator (62 of 69 organisations); the percent is computed.
    case share(numerator: Decimal, denominator: Decimal)
    /// A rating level id.
    case rating(String)

    /// The figure compared with a rule: a count, or a share in percent (exact).
    public var comparable: Decimal? {
        switch self {
        case let .number(v): return v
        case let .share(n, d): return d == 0 ? nil : n / d * 100
        case .rating: return nil
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
/// so it can be checked at its own precision.
public struct StatedPercent: Hashable, Sendable {
    /// The text as written ("115,7%").
    public var text: String
    /// Its value in percent.
    public var value: Decimal
    /// Its decimals as written.
    public var places: Int

    /// Creates a stated percent.
    public init(text: String, value: Decimal, places: Int) {
        self.text = text
        self.value = value
        self.places = places
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

/// An outcome or a fact: one figure of one indicator for one body and period, with its source.
public struct Observation: Hashable, Sendable {
    /// The indicator.
    public var indicatorID: String
    /// The target it reports on, if it was given as an outcome of one.
    public var targetID: String?
    /// When.
    public var period: ObservedPeriod
    /// The figure (corrected, if a correction is recorded).
    public var value: ObservedValue
    /// How exact the figure is.
    public var qualifier: Qualifier
    /// The percentage the source stated beside it, if any.
    public var stated: StatedPercent?
    /// The source's words, verbatim, and where they stand.
    public var quote: String
    /// Where the quote stands.
    public var citation: Citation
    /// A correction, if the source's figure is malformed.
    public var correction: Correction?
    /// How the data's author read the source, shown in reports.
    public var note: String?
    /// Where it is defined in the data.
    public var location: SourceLocation

    /// Creates an observation.
    public init(
        indicatorID: String, targetID: String? = nil, period: ObservedPeriod, value: ObservedValue,
        qualifier: Qualifier = .exact, stated: StatedPercent? = nil, quote: String, citation: Citation,
        correction: Correction? = nil, note: String? = nil, location: SourceLocation
    ) {
        self.note = note
        self.indicatorID = indicatorID
        self.targetID = targetID
        self.period = period
        self.value = value
        self.qualifier = qualifier
        self.stated = stated
        self.quote = quote
        self.citation = citation
        self.correction = correction
        self.location = location
    }
}
