import Foundation

/// The comparison and value(s) of a target: what an outcome must be to meet it.
public enum Comparison: Hashable, Sendable {
    /// At least: "từ … trở lên", "ít nhất", "tối thiểu".
    case atLeast(Decimal)
    /// Strictly more than: "trên", "vượt". Exactly the value does not meet it.
    case moreThan(Decimal)
    /// At most: "không quá", "tối đa".
    case atMost(Decimal)
    /// Strictly less than: "dưới".
    case lessThan(Decimal)
    /// A closed range: "từ 15-20%", "từ 02 đến 03".
    case range(Decimal, Decimal)
    /// None at all: "không có", "không còn".
    case zero
    /// A fraction of a known whole: "3/3 đoàn thể", "2/3 chi bộ".
    case fraction(numerator: Int, whole: Int)
    /// Approximately, within a declared tolerance: "khoảng 50%" written `~ 50% ± 5`.
    case approximately(Decimal, tolerance: Decimal)
    /// A rating at or above a level: "xếp loại hoàn thành tốt nhiệm vụ trở lên".
    case ratingAtLeast(String)
}

/// A parsed rule, with the text it came from.
public struct Rule: Hashable, Sendable {
    /// The comparison.
    public var comparison: Comparison
    /// Whether the values are percentages (the rule was written with "%").
    public var isPercent: Bool
    /// The rule as written in the data file.
    public var text: String

    /// Creates a rule.
    public init(_ comparison: Comparison, isPercent: Bool, text: String) {
        self.comparison = comparison
        self.isPercent = isPercent
        self.text = text
    }

    /// The single figure an outcome is measured against, for attainment and cumulative totals
    /// (750 for "> 750"); nil where there is none (ranges use their lower bound).
    public var threshold: Decimal? {
        switch comparison {
        case let .atLeast(v), let .moreThan(v), let .atMost(v), let .lessThan(v): return v
        case let .range(low, _): return low
        case .zero: return 0
        case let .fraction(n, w): return Decimal(n) / Decimal(w) * 100
        case let .approximately(v, _): return v
        case .ratingAtLeast: return nil
        }
    }

    /// Whether the rule sets a floor on a count, so that "actual ÷ target" is the attainment.
    public var isFloor: Bool {
        switch comparison {
        case .atLeast, .moreThan: return true
        default: return false
        }
    }

    /// Whether the rule caps a figure from above ("không quá 5", "dưới 0,5%", "không có").
    public var isCeiling: Bool {
        switch comparison {
        case .atMost, .lessThan, .zero: return true
        default: return false
        }
    }

    /// Whether a level meets a floor or a ceiling as the rule words it: "trên 750" needs more
    /// than 750, "từ 750 trở lên" 750 or more; a fraction of a whole is a floor. Nil for rules
    /// that are not a single bound (ranges, "khoảng", ratings).
    public func bound(_ level: Decimal) -> Bool? {
        switch comparison {
        case let .atLeast(v): return level >= v
        case let .moreThan(v): return level > v
        case let .atMost(v): return level <= v
        case let .lessThan(v): return level < v
        case .zero: return level == 0
        case let .fraction(n, w): return level >= Decimal(n) / Decimal(w) * 100
        default: return nil
        }
    }

    /// The same rule with its values multiplied (a yearly floor over several years).
    public func scaled(by factor: Int) -> Rule? {
        let f = Decimal(factor)
        switch comparison {
        case let .atLeast(v): return Rule(.atLeast(v * f), isPercent: isPercent, text: text)
        case let .moreThan(v): return Rule(.moreThan(v * f), isPercent: isPercent, text: text)
        case let .range(l, h): return Rule(.range(l * f, h * f), isPercent: isPercent, text: text)
        default: return nil
        }
    }
}
