@testable import ChiTieuCore
import Foundation
import XCTest

/// The formatter reads `Decimal`'s storage and rounds with 64-bit integers; these tests hold it to
/// the text the old path (`NSDecimalRound` and `Decimal.description`) writes, and to hand-made figures.
final class NumberFormatFastPathTests: XCTestCase {
    private func d(_ s: String) -> Decimal { Decimal(string: s, locale: Locale(identifier: "en_US_POSIX")) ?? .nan }

    func testTheStorageLayoutIsRecognised() {
        // If this fails every figure still prints right, only slowly: the layout of Decimal changed.
        XCTAssertTrue(DecimalDigits.layoutHolds)
    }

    func testHandWorkedFigures() {
        let vi = NumberFormat(.vietnamese), en = NumberFormat(.english)
        // (value, places, signed, Vietnamese, English), each worked out by hand.
        let table: [(String, Int, Bool, String, String)] = [
            ("0.25", 1, false, "0,3", "0.3"),                 // half up, not to even
            ("0.35", 1, false, "0,4", "0.4"),
            ("-0.25", 1, false, "−0,3", "−0.3"),              // half away from zero
            ("-0.04", 1, true, "−0,0", "−0.0"),               // rounds to nothing, keeps its sign
            ("0.04", 1, true, "+0,0", "+0.0"),
            ("0", 1, true, "±0,0", "±0.0"),
            ("0", 0, false, "0", "0"),
            ("999.95", 1, false, "1.000,0", "1,000.0"),       // the carry adds a group
            ("1234567.891", 2, false, "1.234.567,89", "1,234,567.89"),
            ("115.7333", 1, false, "115,7", "115.7"),
            ("4294", 0, false, "4.294", "4,294"),
            ("868", 2, true, "+868,00", "+868.00"),
            ("0.0005", 3, false, "0,001", "0.001"),
            ("0.0004999", 3, false, "0,000", "0.000"),
            ("5000000", 0, false, "5.000.000", "5,000,000"),
            ("123456789012345678.5", 0, false, "123.456.789.012.345.679", "123,456,789,012,345,679"),
        ]
        for (value, places, signed, viText, enText) in table {
            XCTAssertEqual(vi.decimal(d(value), places: places, signed: signed), viText, value)
            XCTAssertEqual(en.decimal(d(value), places: places, signed: signed), enText, value)
        }
    }

    func testAgreesWithTheOldPathOverManyFigures() {
        var rng = SplitMix(seed: 20_2026)
        let formats = [NumberFormat(.vietnamese), NumberFormat(.english)]
        var checked = 0
        for _ in 0..<40_000 {
            // Mantissas of 1 to 24 digits (beyond 64 bits the old path is taken), exponents −14…6.
            let digits = Int(rng.next() % 24) + 1
            var text = String(Int(rng.next() % 9) + 1)
            for _ in 1..<digits { text += String(rng.next() % 10) }
            let exponent = Int(rng.next() % 21) - 14
            var value = Decimal(sign: rng.next() % 2 == 0 ? .plus : .minus, exponent: exponent, significand: d(text))
            switch rng.next() % 4 {
            case 0: value = Decimal(Int(rng.next() % 200_000)) / Decimal(Int(rng.next() % 999) + 1) * 100   // an attainment
            case 1: value = Decimal(Int(rng.next() % 20_001) - 10_000) / 1000                              // a few decimals, halves
            case 2 where rng.next() % 8 == 0: value = 0
            default: break
            }
            let places = Int(rng.next() % 7)
            for f in formats {
                for signed in [false, true] {
                    XCTAssertEqual(f.decimal(value, places: places, signed: signed),
                                   f.decimalByDescription(value, places: places, signed: signed),
                                   "\(value) to \(places) places")
                    checked += 1
                }
            }
        }
        XCTAssertEqual(checked, 160_000)
    }

    func testExactHalvesAtEveryPlace() {
        let vi = NumberFormat(.vietnamese)
        for places in 0...6 {
            for whole in [0, 1, 9, 99, 999, 123_456] {
                // whole + 5 × 10^-(places+1): exactly half a unit of the last place shown.
                let half = Decimal(whole) + Decimal(sign: .plus, exponent: -(places + 1), significand: 5)
                for v in [half, -half] {
                    XCTAssertEqual(vi.decimal(v, places: places), vi.decimalByDescription(v, places: places), "\(v)")
                }
            }
        }
    }
}

/// A small seeded generator (SplitMix64), so a failure can be run again: the same sequence on
/// every machine for a seed. Shared by this target's randomized tests.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
