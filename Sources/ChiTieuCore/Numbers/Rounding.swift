import Foundation

/// Every rounding rule of the project, written down once.
///
/// Figures are computed exactly and rounded here, once, at the end: half away from zero
/// ("round half up" as offices do it by hand), so 115,733… becomes 115,7 and 0,25 becomes 0,3.
public enum Rounding {
    /// Decimals shown for an attainment ("115,7 %") and a share ("92,0 %").
    public static let percentPlaces = 1

    /// Rounds half away from zero to `places` decimals.
    public static func halfUp(_ value: Decimal, places: Int) -> Decimal {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, places, .plain)
        return result
    }

    /// Cuts off after `places` decimals, towards zero: how many sources shorten a figure
    /// (1.235 / 1.200 = 102,916… is printed as 102,91).
    public static func truncated(_ value: Decimal, places: Int) -> Decimal {
        var magnitude = value < 0 ? -value : value
        var result = Decimal()
        NSDecimalRound(&result, &magnitude, places, .down)
        return value < 0 ? -result : result
    }

    /// Whether the value is a whole number.
    public static func isWhole(_ value: Decimal) -> Bool {
        truncated(value, places: 0) == value
    }
}
