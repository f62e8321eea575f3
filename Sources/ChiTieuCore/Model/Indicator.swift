import Foundation

/// What an indicator's figures are.
public enum IndicatorUnit: String, Sendable, CaseIterable {
    /// A number of people, organisations or documents.
    case count
    /// A share, in percent, of a named base (members, organisations…).
    case percent
    /// A rating on an ordered scale ("hoàn thành tốt nhiệm vụ").
    case rating
    /// A quantity in a named measure, with decimals and possibly negative: money ("tỷ đồng"),
    /// money per person ("triệu đồng/người/tháng"), length or area ("km", "ha"), a growth rate
    /// ("%/năm": a rate, not a share, so it may be negative or over 100) or a change in points
    /// ("điểm %"). It has no share base; whether it adds up (over years, across bodies) is its
    /// `aggregate`.
    case amount
}

/// Which way is better.
public enum Direction: String, Sendable, CaseIterable {
    /// More is better (admissions, clean-and-strong organisations).
    case up
    /// Less is better (weak organisations, category-4 members).
    case down
}

/// How figures of several bodies combine.
public enum Aggregation: String, Sendable, CaseIterable {
    /// Counts add up.
    case sum
    /// Shares combine weighted by their denominators, never as a plain mean of percentages.
    case weightedMean = "weighted-mean"
    /// Ratings and the like do not combine.
    case none
}

/// How a count is made comparable across bodies of different sizes.
public enum Normalisation: String, Sendable, CaseIterable {
    /// Per 100 party members.
    case per100Members = "per-100-members"
    /// Per grassroots organisation.
    case perOrganisation = "per-organisation"

    /// The indicator whose figure divides: the members, or the grassroots organisations.
    public var baseIndicator: String { self == .per100Members ? "dang-vien" : "to-chuc-co-so-dang" }
    /// What the quotient is multiplied by: 100 for "per 100 members".
    public var scale: Decimal { self == .per100Members ? 100 : 1 }
}

/// A catalogue entry that is only a name in two languages: a share base ("đảng viên") or a
/// rating level ("Hoàn thành tốt nhiệm vụ").
public struct CatalogueName: Hashable, Sendable {
    /// Stable id, e.g. `members` or `hoan-thanh-tot`.
    public var id: String
    /// Vietnamese name.
    public var name: String
    /// English name.
    public var nameEn: String

    /// Creates an entry.
    public init(id: String, name: String, nameEn: String) {
        self.id = id
        self.name = name
        self.nameEn = nameEn
    }
}

/// What a share is a share of: "đảng viên", "tổ chức cơ sở đảng"…
public typealias ShareBase = CatalogueName

/// One level of a rating scale.
public typealias RatingLevel = CatalogueName

/// An ordered rating scale, best level first.
public struct RatingScale: Hashable, Sendable {
    /// Stable id.
    public var id: String
    /// Levels, best first.
    public var levels: [RatingLevel]

    /// Creates a scale.
    public init(id: String, levels: [RatingLevel]) {
        self.id = id
        self.levels = levels
    }

    /// The rank of a level (0 is best), found by id or by name; nil if unknown.
    public func rank(of level: String) -> Int? {
        levels.firstIndex { $0.id == level || $0.name.lowercased() == level.lowercased() }
    }
}

/// An entry of the indicator catalogue (`Targets/indicators.yaml`): one measured quantity,
/// matched by id across bodies whose sources word it differently.
public struct Indicator: Hashable, Sendable {
    /// Stable id, e.g. `ket-nap-dang-vien`.
    public var id: String
    /// Vietnamese name.
    public var name: String
    /// English name.
    public var nameEn: String
    /// What its figures are.
    public var unit: IndicatorUnit
    /// For a share, what it is a share of.
    public var shareOf: ShareBase?
    /// For a count, the noun counted ("đảng viên").
    public var noun: String?
    /// The English noun counted ("members").
    public var nounEn: String?
    /// For a rating, its scale.
    public var scale: RatingScale?
    /// For an amount, its measure as Vietnamese reports print it after figures ("tỷ đồng", "%/năm").
    public var measure: String?
    /// The English measure ("billion VND", "%/year").
    public var measureEn: String?
    /// Which way is better.
    public var direction: Direction
    /// How it combines across bodies.
    public var aggregation: Aggregation
    /// How it normalises across bodies.
    public var normalisations: [Normalisation]
    /// A Vietnamese clause for report sentences, with `{value}` for the figure ("kết nạp được {value} đảng viên").
    public var phrase: String?
    /// The English clause ("admitted {value} new members").
    public var phraseEn: String?
    /// For a count of what was moved in from another body (organisations or members transferred
    /// with them), the stock indicator it adds to: a jump in that stock is then shown as a
    /// transfer, not as growth.
    public var transferOf: String?
    /// The place in the catalogue, so that lists follow the catalogue's order.
    public var position: Int
    /// The field of work its targets are grouped under in a results annex.
    public var field: TargetField?
    /// A bound its figures cannot pass (100 for a share that must rise, 0 for one that must fall),
    /// sdg-build's `limit`: near it, Open SDG's no-target thresholds shrink
    /// (`OpenSdgMethod.limitCoefficient`). nil: no limit, the thresholds as they are.
    public var limit: Decimal?

    /// Creates an indicator.
    public init(
        id: String, name: String, nameEn: String, unit: IndicatorUnit, shareOf: ShareBase? = nil,
        noun: String? = nil, nounEn: String? = nil, scale: RatingScale? = nil, direction: Direction = .up,
        aggregation: Aggregation = .sum, normalisations: [Normalisation] = [], phrase: String? = nil, phraseEn: String? = nil,
        transferOf: String? = nil, position: Int = 0, measure: String? = nil, measureEn: String? = nil
    ) {
        self.measure = measure
        self.measureEn = measureEn
        self.transferOf = transferOf
        self.position = position
        self.phrase = phrase
        self.phraseEn = phraseEn
        self.id = id
        self.name = name
        self.nameEn = nameEn
        self.unit = unit
        self.shareOf = shareOf
        self.noun = noun
        self.nounEn = nounEn
        self.scale = scale
        self.direction = direction
        self.aggregation = aggregation
        self.normalisations = normalisations
    }
}

extension Indicator {
    /// Whether figures of several years add up to a figure of the period: counts always, amounts
    /// whose catalogue entry says `aggregate: sum` (money collected, km built). A rate, a
    /// per-person figure or a level (`aggregate: none`) is never summed over years: a term target
    /// of one is judged by the term's own figure, else its latest level.
    public var addsUpOverYears: Bool {
        switch unit {
        case .count: return true
        case .amount: return aggregation == .sum
        case .percent, .rating: return false
        }
    }

    /// The measure in a language, for an amount; nil for other units.
    public func measure(english: Bool) -> String? {
        guard unit == .amount else { return nil }
        return english ? (measureEn ?? measure) : measure
    }
}
