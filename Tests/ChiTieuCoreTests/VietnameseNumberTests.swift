import ChiTieuCore
import Foundation
import XCTest

final class VietnameseNumberTests: XCTestCase {
    private func d(_ s: String) -> Decimal { Decimal(string: s, locale: Locale(identifier: "en_US_POSIX")) ?? .nan }

    func testGoodFiguresAsSourcesWriteThem() throws {
        // (text, value, percent, decimals) — every row written by hand from the seeds' figures.
        let table: [(String, String, Bool, Int)] = [
            ("4.294", "4294", false, 0),
            ("1.289", "1289", false, 0),
            ("54.986", "54986", false, 0),
            ("0,5%", "0.5", true, 1),
            ("115,7%", "115.7", true, 1),
            ("02", "2", false, 0),
            ("01", "1", false, 0),
            ("2000", "2000", false, 0),
            ("80 %", "80", true, 0),
            ("80\u{00A0}%", "80", true, 0),
            ("\u{00A0}868 ", "868", false, 0),
            ("1.234.567,89", "1234567.89", false, 2),
            ("102,91%", "102.91", true, 2),
        ]
        for (text, value, percent, places) in table {
            let n = try VietnameseNumber.parse(text)
            XCTAssertEqual(n.value, d(value), text)
            XCTAssertEqual(n.isPercent, percent, text)
            XCTAssertEqual(n.fractionDigits, places, text)
        }
    }

    func testEnglishConventionWhenDeclared() throws {
        XCTAssertEqual(try VietnameseNumber.parse("4,294", convention: .english).value, 4294)
        XCTAssertEqual(try VietnameseNumber.parse("115.7%", convention: .english).value, d("115.7"))
        // In an English file "4.294" is four point two nine four, not four thousand.
        XCTAssertEqual(try VietnameseNumber.parse("4.294", convention: .english).value, d("4.294"))
        XCTAssertThrowsError(try VietnameseNumber.parse("4.294,5", convention: .english))
    }

    private func failure(_ text: String) -> NumberError? {
        do {
            _ = try VietnameseNumber.parse(text)
            return nil
        } catch let e as NumberError {
            return e
        } catch {
            return nil
        }
    }

    func testMalformedFigureFromSeed004IsRefusedWithBothReadings() throws {
        let e = try XCTUnwrap(failure("7.5000"))
        XCTAssertTrue(e.message.contains("thousands groups have three digits"), e.message)
        XCTAssertTrue(e.message.contains("7.500 or 75.000"), e.message)
        XCTAssertEqual(e.offset, 2, "points at the four-digit group")
    }

    func testTwoDigitGroupIsNotTakenForADecimal() throws {
        let e = try XCTUnwrap(failure("4.29"))
        XCTAssertTrue(e.message.contains("for a decimal write 4,29"), e.message)
        XCTAssertEqual(e.offset, 2)
    }

    func testSeveralDecimalCommasAreRefused() throws {
        let e = try XCTUnwrap(failure("1,2,3"))
        XCTAssertTrue(e.message.contains("more than one decimal comma"), e.message)
        XCTAssertEqual(e.offset, 3)
    }

    func testMixedConventionsAreRefusedWithTheVietnameseSpelling() throws {
        let e = try XCTUnwrap(failure("1,234.5"))
        XCTAssertTrue(e.message.contains("mixes conventions"), e.message)
        XCTAssertTrue(e.message.contains("write 1.234,5"), e.message)
        XCTAssertEqual(e.offset, 5)
    }

    func testOtherBadInputs() throws {
        for bad in ["", "%", "12a", "1 234", ".5", ",5", "12,", "1234.567", "1..234", "−5"] {
            XCTAssertNotNil(failure(bad), "'\(bad)' must be refused")
        }
        XCTAssertTrue(try XCTUnwrap(failure("1234.567")).message.contains("1.234.567"))
    }

    func testInvisibleCharactersInsideAFigureAreNamedNotGuessedAround() throws {
        // Pasted from web pages: the figure looks like 4.294 on screen, so the message must say what is there.
        let cases: [(String, String, Int)] = [
            ("4.2\u{200B}94", "zero-width space (U+200B)", 3), ("4\u{00A0}294", "non-breaking space (U+00A0)", 1),
            ("86\u{200D}8", "zero-width joiner (U+200D)", 2), ("868\u{FEFF}", "byte-order mark", 3),
            ("1\u{202F}234", "narrow non-breaking space (U+202F)", 1), ("12\u{00AD}3", "soft hyphen (U+00AD)", 2),
        ]
        for (text, name, offset) in cases {
            let e = try XCTUnwrap(failure(text), text.debugDescription)
            XCTAssertTrue(e.message.contains(name), e.message)
            XCTAssertEqual(e.offset, offset, text.debugDescription)
        }
        XCTAssertEqual(try VietnameseNumber.parse("\u{00A0}4.294\u{00A0}").value, 4294, "around a figure a non-breaking space is only space")
    }

    func testAFigureMixedBothWaysIsRefusedNotReadForever() throws {
        // Found by fuzzing: each convention's reading suggested the other's, which suggested back.
        let e = try XCTUnwrap(failure("2.0,0."))
        XCTAssertTrue(e.message.contains("mixes conventions"), e.message)
        XCTAssertNotNil(failure("2.0,0.\u{0}\u{0}\u{0}"))
    }

    func testRanges() throws {
        let a = try VietnameseNumber.parseRange("15-20%")
        XCTAssertEqual([a.lower, a.upper], [15, 20])
        XCTAssertTrue(a.isPercent)
        let b = try VietnameseNumber.parseRange("từ 02 đến 03")
        XCTAssertEqual([b.lower, b.upper], [2, 3])
        XCTAssertFalse(b.isPercent)
        let c = try VietnameseNumber.parseRange("65%-70%")
        XCTAssertEqual([c.lower, c.upper], [65, 70])
        let e = try VietnameseNumber.parseRange("03 đến 04")
        XCTAssertEqual([e.lower, e.upper], [3, 4])
        let f = try VietnameseNumber.parseRange("150 – 200")
        XCTAssertEqual([f.lower, f.upper], [150, 200])
        XCTAssertThrowsError(try VietnameseNumber.parseRange("20-15"))
        XCTAssertThrowsError(try VietnameseNumber.parseRange("65%-70"))
        XCTAssertThrowsError(try VietnameseNumber.parseRange("7.5000-8.000"))
    }
}

final class NumberFormatTests: XCTestCase {
    let vi = NumberFormat(.vietnamese)
    let en = NumberFormat(.english)

    func testVietnameseAndEnglishFigures() {
        XCTAssertEqual(vi.decimal(4294, places: 0), "4.294")
        XCTAssertEqual(en.decimal(4294, places: 0), "4,294")
        XCTAssertEqual(vi.decimal(54986, places: 0), "54.986")
        XCTAssertEqual(vi.decimal(Decimal(string: "1234567.891") ?? 0, places: 2), "1.234.567,89")
        XCTAssertEqual(vi.decimal(750, places: 0), "750")
    }

    func testAttainmentOfTheWorkedExample() {
        // 868 / 750 × 100 = 115,7333…; one decimal, half up.
        let attainment = Decimal(868) / Decimal(750) * 100
        XCTAssertEqual(vi.percent(attainment), "115,7 %")
        XCTAssertEqual(en.percent(attainment), "115.7%")
    }

    func testHalfUpOnceAtTheEnd() {
        XCTAssertEqual(vi.decimal(Decimal(string: "0.25") ?? 0, places: 1), "0,3")
        XCTAssertEqual(vi.decimal(Decimal(string: "0.35") ?? 0, places: 1), "0,4")
        XCTAssertEqual(vi.decimal(Decimal(string: "2.45") ?? 0, places: 1), "2,5")
        XCTAssertEqual(vi.decimal(Decimal(string: "-0.25") ?? 0, places: 1), "−0,3")
        XCTAssertEqual(Rounding.truncated(Decimal(1235) / Decimal(1200) * 100, places: 2), Decimal(string: "102.91"))
        XCTAssertEqual(Rounding.halfUp(Decimal(1235) / Decimal(1200) * 100, places: 2), Decimal(string: "102.92"))
    }

    func testPointsAndSigns() {
        XCTAssertEqual(vi.points(2), "+2,0 điểm %")
        XCTAssertEqual(en.points(2), "+2.0 pp")
        XCTAssertEqual(vi.points(Decimal(string: "-0.2") ?? 0), "−0,2 điểm %")
        XCTAssertEqual(vi.decimal(118, places: 0, signed: true), "+118")
        XCTAssertEqual(vi.decimal(0, places: 0, signed: true), "±0")
    }
}

extension VietnameseNumberTests {
    /// Whole numbers take a quick path; it must accept exactly what the full reader accepts.
    func testTheWholeNumberQuickPathAgreesWithTheFullReader() throws {
        for (text, value) in [("0", 0), ("868", 868), ("4294", 4294), ("4.294", 4294), ("54.986", 54986), ("1.234.567", 1_234_567), ("02", 2)] {
            let n = try VietnameseNumber.parse(text)
            XCTAssertEqual(n.value, Decimal(value), text)
            XCTAssertEqual(n.fractionDigits, 0, text)
            XCTAssertFalse(n.isPercent, text)
        }
        for bad in ["7.5000", "1234.567", "12.34", "4..294", ".294", "4.294.", "4,294,1"] {
            XCTAssertThrowsError(try VietnameseNumber.parse(bad), bad)
        }
        XCTAssertEqual(try VietnameseNumber.parse("4,294", convention: .english).value, 4294)
        XCTAssertThrowsError(try VietnameseNumber.parse("4,2941", convention: .english))
        // Found by fuzzing: a 19th digit must not overflow the quick path (it traps in Swift).
        XCTAssertEqual(try VietnameseNumber.parse("9999999999999999999").value, Decimal(string: "9999999999999999999"))
        XCTAssertThrowsError(try VietnameseNumber.parse("99999999999999999999999999999999999999999"), "more digits than any figure needs")
    }
}
