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

    /// Rounds half up for display, except that a figure that does not meet its target is never
    /// shown as meeting it: when half up would carry it onto or across `bound` (the target's
    /// figure, 100 for an attainment, 0 for a gap) it is cut towards the side it lies on, so
    /// 99,96 % of a 100 % target shows 99,9 %, not 100,0 %, and a gap of −0,04 points −0,1.
    /// - Parameters:
    ///   - met: Whether the figure meets its target; only `false` changes the rounding.
    public static func shown(_ value: Decimal, places: Int, bound: Decimal?, met: Bool?) -> Decimal {
        let rounded = halfUp(value, places: places)
        guard met == false, let bound else { return rounded }
        if value < bound, rounded >= bound { return floor(value, places: places) }
        if value > bound, rounded <= bound { return ceiling(value, places: places) }
        return rounded
    }

    /// The largest figure with `places` decimals not above the value.
    public static func floor(_ value: Decimal, places: Int) -> Decimal {
        let cut = truncated(value, places: places)
        return cut > value ? cut - unit(places) : cut
    }

    /// The smallest figure with `places` decimals not below the value.
    public static func ceiling(_ value: Decimal, places: Int) -> Decimal {
        let cut = truncated(value, places: places)
        return cut < value ? cut + unit(places) : cut
    }

    private static func unit(_ places: Int) -> Decimal { Decimal(sign: .plus, exponent: -places, significand: 1) }

    /// Whether the value is a whole number.
    public static func isWhole(_ value: Decimal) -> Bool {
        truncated(value, places: 0) == value
    }
}
