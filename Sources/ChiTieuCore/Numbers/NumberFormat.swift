import Foundation

/// Writes exact figures back as text in one convention: "4.294", "115,7 %", "+2,0 điểm %" in
/// Vietnamese; "4,294", "115.7%", "+2.0 pp" in English. Rounds half up, once, through `Rounding`.
public struct NumberFormat: Sendable {
    /// The convention written.
    public let convention: NumberConvention

    /// Creates a formatter for a convention.
    public init(_ convention: NumberConvention) { self.convention = convention }

    /// A plain figure with thousands grouped: 4294 → "4.294"; 0,5 with one place → "0,5".
    /// - Parameters:
    ///   - value: The exact value.
    ///   - places: Decimals to show, after rounding half up.
    ///   - signed: Whether to print "+" before a positive figure (for gaps and margins).
    public func decimal(_ value: Decimal, places: Int, signed: Bool = false) -> String {
        guard let (negative, scaled) = DecimalDigits.rounded(value, places: places) else {
            return decimalByDescription(value, places: places, signed: signed)
        }
        let vi = convention == .vietnamese
        let out = DecimalDigits.text(scaled, places: places, group: UInt8(ascii: vi ? "." : ","), mark: UInt8(ascii: vi ? "," : "."))
        if negative { return "−" + out }
        if signed && scaled > 0 { return "+" + out }
        // A figure that rounds to nothing keeps its sign: +0,03 is "+0,0"; only zero itself is "±0,0".
        if signed && scaled == 0 { return (value > 0 ? "+" : value < 0 ? "−" : "±") + out }
        return out
    }

    /// The same text through `NSDecimalRound` and `Decimal.description`: the path for figures
    /// whose mantissa does not fit 64 bits, and the reference the fast path is tested against.
    func decimalByDescription(_ value: Decimal, places: Int, signed: Bool = false) -> String {
        let rounded = Rounding.halfUp(value, places: places)
        let negative = rounded < 0
        let magnitude = negative ? -rounded : rounded
        // Decimal's description is plain positional notation ("115.7", "1000"), never exponent form.
        let text = magnitude.description
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let whole = String(parts[0])
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        if fraction.count < places { fraction += String(repeating: "0", count: places - fraction.count) }
        var out = VietnameseNumber.grouped(whole, convention)
        if places > 0 { out += String(Character(convention.decimalMark)) + fraction }
        if negative { return "−" + out }
        if signed && rounded > 0 { return "+" + out }
        // A figure that rounds to nothing keeps its sign: +0,03 is "+0,0"; only zero itself is "±0,0".
        if signed && rounded == 0 { return (value > 0 ? "+" : value < 0 ? "−" : "±") + out }
        return out
    }

    /// A percentage: 115.7333 → "115,7 %" (Vietnamese) or "115.7%" (English).
    public func percent(_ value: Decimal, places: Int = Rounding.percentPlaces, signed: Bool = false) -> String {
        let number = decimal(value, places: places, signed: signed)
        return convention == .vietnamese ? number + " %" : number + "%"
    }

    /// A gap in percentage points: 2 → "+2,0 điểm %" or "+2.0 pp".
    public func points(_ value: Decimal, places: Int = Rounding.percentPlaces) -> String {
        let number = decimal(value, places: places, signed: true)
        return convention == .vietnamese ? number + " điểm %" : number + " pp"
    }

    /// A figure as precise as it was given: counts whole, other figures with their own decimals.
    public func natural(_ value: Decimal) -> String {
        let places = max(0, -value.exponent)
        return decimal(value, places: min(places, 6))
    }
}
