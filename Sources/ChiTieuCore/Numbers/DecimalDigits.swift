import Foundation

/// Reads a `Decimal`'s sign, exponent and mantissa straight from its storage, so a figure can be
/// rounded half up and written without `NSDecimalRound` and `Decimal.description` (about 8.000
/// instructions a figure, most of a workbook's number formatting).
///
/// FoundationEssentials keeps the storage internal, so it is read through a struct of the same
/// layout (exponent; length in the high nibble, the sign in bit 3 and compactness in bit 2;
/// reserved; eight 16-bit words of mantissa, least significant first). The layout is
/// checked once against known values before it is trusted; if a toolchain ever lays `Decimal` out
/// differently, `layoutHolds` is false and every figure takes the old path, with the same text.
enum DecimalDigits {
    /// The mirror of `Decimal`'s storage.
    private struct Storage {
        var exponent: Int8
        var lengthAndFlags: UInt8
        var reserved: UInt16
        var mantissa: (UInt16, UInt16, UInt16, UInt16, UInt16, UInt16, UInt16, UInt16)
    }

    /// Whether the storage reads as expected: sizes agree and a few known figures read back right.
    static let layoutHolds: Bool = {
        guard MemoryLayout<Decimal>.size == MemoryLayout<Storage>.size,
              MemoryLayout<Decimal>.alignment == MemoryLayout<Storage>.alignment else { return false }
        let samples: [(Decimal, Bool, UInt64, Int)] = [
            (Decimal(sign: .minus, exponent: -2, significand: 11573), true, 11573, -2),
            (Decimal(sign: .plus, exponent: 3, significand: 7), false, 7, 3),
            (Decimal(1_234_567_890_123), false, 1_234_567_890_123, 0),
            (Decimal(), false, 0, 0),
        ]
        for (value, negative, mantissa, exponent) in samples {
            guard let read = parts(value) else { return false }
            if read.mantissa == 0, mantissa == 0 { continue }
            // Decimal may store a figure uncompacted (70 × 10^-1 for 7); compare the values.
            var m = read.mantissa, e = read.exponent
            while m != 0, m % 10 == 0 { m /= 10; e += 1 }
            var want = mantissa, wantExponent = exponent
            while want != 0, want % 10 == 0 { want /= 10; wantExponent += 1 }
            if read.negative != negative || m != want || e != wantExponent { return false }
        }
        return true
    }()

    /// Sign, mantissa and exponent when the mantissa fits 64 bits; nil for NaN and larger figures.
    private static func parts(_ value: Decimal) -> (negative: Bool, mantissa: UInt64, exponent: Int)? {
        let s = unsafeBitCast(value, to: Storage.self)
        // FoundationEssentials keeps the length in the high four bits, the sign in bit 3.
        let length = Int(s.lengthAndFlags >> 4)
        let negative = s.lengthAndFlags & 0x08 != 0
        if length == 0 { return negative ? nil : (false, 0, 0) }
        guard length <= 4 else { return nil }
        let m = s.mantissa
        let mantissa = UInt64(m.0) | UInt64(m.1) << 16 | UInt64(m.2) << 32 | UInt64(m.3) << 48
        return (negative, mantissa, Int(s.exponent))
    }

    /// Powers of ten that fit 64 bits, 10^0 … 10^19.
    private static let powers: [UInt64] = (0...19).map { n in (0..<n).reduce(UInt64(1)) { p, _ in p * 10 } }

    /// The value rounded half away from zero to `places` decimals, as a sign and a magnitude
    /// counted in units of 10^-places (115,73 to one place: false, 1157); nil when the figure
    /// does not fit, which sends it down the old path.
    static func rounded(_ value: Decimal, places: Int) -> (negative: Bool, scaled: UInt64)? {
        guard layoutHolds, places >= 0, places <= 19, let p = parts(value) else { return nil }
        if p.mantissa == 0 { return (false, 0) }
        let shift = p.exponent + places
        if shift >= 0 {
            guard shift <= 19 else { return nil }
            let (scaled, overflow) = p.mantissa.multipliedReportingOverflow(by: powers[shift])
            return overflow ? nil : (p.negative, scaled)
        }
        let dropped = -shift
        // A mantissa below 2^64 < 10^20 is under half of 10^dropped: it rounds to nothing.
        guard dropped <= 19 else { return (false, 0) }
        let unit = powers[dropped]
        var scaled = p.mantissa / unit
        // Half up: a remainder of half the unit or more carries (10^dropped is even).
        if p.mantissa % unit >= unit / 2 { scaled += 1 }
        return (p.negative && scaled != 0, scaled)
    }

    /// The digits of a scaled magnitude with `places` decimals, the whole part grouped in threes:
    /// (1234567, 1, ".", ",") → "123.456,7".
    static func text(_ scaled: UInt64, places: Int, group: UInt8, mark: UInt8) -> String {
        var digits: [UInt8] = []
        digits.reserveCapacity(24)
        var n = scaled
        repeat {
            digits.append(UInt8(ascii: "0") + UInt8(n % 10))
            n /= 10
        } while n != 0
        while digits.count < places + 1 { digits.append(UInt8(ascii: "0")) }
        // `digits` is least significant first.
        let wholeCount = digits.count - places
        var out: [UInt8] = []
        out.reserveCapacity(digits.count + wholeCount / 3 + 1)
        for i in 0..<wholeCount {
            if i > 0, (wholeCount - i) % 3 == 0 { out.append(group) }
            out.append(digits[digits.count - 1 - i])
        }
        if places > 0 {
            out.append(mark)
            for i in stride(from: places - 1, through: 0, by: -1) { out.append(digits[i]) }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
