import ChiTieuCore
import ChiTieuLoad
import Foundation
import XCTest

/// Reading amounts: the catalogue's measure, figures and rules with decimals, signs and their
/// measure written after them, and the errors that say what to write instead, at their place.
final class AmountLoadTests: XCTestCase {
    var fx: Fixture!

    override func setUpWithError() throws {
        fx = try Fixture()
        try fx.write("indicators.yaml", Fixture.catalogue + """

              - { id: thu-ngan-sach, name: "Thu ngân sách", name-en: "Budget revenue", unit: amount, measure: "tỷ đồng", measure-en: "billion VND", aggregate: sum }
              - { id: tang-truong, name: "Tăng trưởng", name-en: "Growth", unit: amount, measure: "%/năm", measure-en: "%/year" }
              - { id: viec-lam, name: "Việc làm mới", name-en: "New jobs", unit: count, noun: "lao động" }
            """)
    }

    override func tearDown() { fx.remove() }

    /// The 1-based column of `needle` in the file's line `line`, counted in characters as the
    /// loader counts them.
    private func column(of needle: String, in text: String, line: Int) throws -> Int {
        let l = text.components(separatedBy: "\n")[line - 1]
        let r = try XCTUnwrap(l.range(of: needle), needle)
        return l.unicodeScalars.distance(from: l.unicodeScalars.startIndex, to: r.lowerBound) + 1
    }

    /// The 1-based line of the first line of `text` holding `needle`.
    private func line(of needle: String, in text: String) throws -> Int {
        try XCTUnwrap(text.components(separatedBy: "\n").firstIndex { $0.contains(needle) }, needle) + 1
    }

    private func only(_ result: LedgerLoader.Result, _ fragment: String) throws -> Diagnostic {
        let found = result.errors.filter { $0.message.contains(fragment) }
        XCTAssertEqual(found.count, 1, "\(result.diagnostics.items)")
        return try XCTUnwrap(found.first, fragment)
    }

    func testAmountsLoadWithDecimalsSignsAndTheirMeasure() throws {
        let r = try fx.load(Fixture.head + """
            targets:
              - { id: a, text: "t", source: s, indicator: thu-ngan-sach, rule: ">= 4.200 tỷ đồng", period: term }
              - { id: b, text: "t", source: s, indicator: tang-truong, rule: "> -1,5", period: each-year }
              - { id: c, text: "t", source: s, indicator: tang-truong, rule: "-1 - 1,5 %/năm", period: end-of-term }
            outcomes:
              - { target: a, period: term, value: "315,6 tỷ đồng", source: s, quote: "q" }
              - { target: b, period: 2016, value: "−0,25", source: s, quote: "q" }
              - { target: b, period: 2017, value: "7,2%", source: s, quote: "q" }
              - { target: b, period: 2018, value: "120,5 %/năm", source: s, quote: "q" }
            """)
        XCTAssertEqual(r.errors.count, 0, "\(r.diagnostics.items)")
        let record = try XCTUnwrap(r.ledger?.records.first)
        XCTAssertEqual(record.targets.map(\.rule.comparison), [.atLeast(4200), .moreThan(Decimal(string: "-1.5") ?? 0), .range(-1, Decimal(string: "1.5") ?? 0)])
        XCTAssertEqual(record.targets.first?.rule.text, ">= 4.200 tỷ đồng", "the rule as written")
        // A growth rate is no share: negative and over 100 are figures like any other.
        XCTAssertEqual(record.observations.map(\.value), [
            .number(Decimal(string: "315.6") ?? 0), .number(Decimal(string: "-0.25") ?? 0),
            .number(Decimal(string: "7.2") ?? 0), .number(Decimal(string: "120.5") ?? 0),
        ])
        let indicator = try XCTUnwrap(r.ledger?.indicators["tang-truong"])
        XCTAssertEqual(indicator.measure, "%/năm")
        XCTAssertEqual(indicator.measureEn, "%/year")
        XCTAssertEqual(indicator.aggregation, Aggregation.none, "an amount adds up only when the catalogue says 'sum'")
    }

    func testADecimalCountHintsAtAmounts() throws {
        let text = Fixture.head + """
            targets:
              - { id: a, text: "t", source: s, indicator: viec-lam, rule: ">= 257,8", period: term }
            outcomes:
              - { indicator: viec-lam, period: 2016, value: "257,8", source: s, quote: "q" }
            """
        let r = try fx.load(text)
        XCTAssertEqual(r.errors.count, 2, "\(r.diagnostics.items)")
        for needle in [">= 257,8", "257,8\", source"] {
            let line = try line(of: needle, in: text)
            let e = try XCTUnwrap(r.errors.first { $0.location?.line == line }, "line \(line): \(r.diagnostics.items)")
            XCTAssertTrue(e.message.contains("a count is a whole number, not 257,8"), e.message)
            XCTAssertTrue(e.message.contains("If the figure is money, an area or a rate, its indicator needs 'unit: amount' with its 'measure' in indicators.yaml"), e.message)
            XCTAssertEqual(e.location?.column, try column(of: needle, in: text, line: line))
        }
    }

    func testAMeasureThatIsNotTheIndicatorsIsRefusedAtIt() throws {
        let text = Fixture.head + """
            targets:
              - { id: a, text: "t", source: s, indicator: thu-ngan-sach, rule: ">= 4.200 triệu đồng", period: term }
              - { id: b, text: "t", source: s, indicator: thu-ngan-sach, rule: ">= 90%", period: term }
            outcomes:
              - { indicator: thu-ngan-sach, period: 2016, value: "315,6 triệu đồng", source: s, quote: "q" }
            """
        let r = try fx.load(text)
        XCTAssertEqual(r.errors.count, 3, "\(r.diagnostics.items)")
        let ruleLine = try line(of: "4.200 triệu", in: text), percentLine = try line(of: ">= 90%", in: text), valueLine = try line(of: "315,6", in: text)
        let rule = try XCTUnwrap(r.errors.first { $0.location?.line == ruleLine })
        XCTAssertEqual(rule.message, "'triệu đồng' is not the measure of 'thu-ngan-sach', which is tỷ đồng; write the figure in tỷ đồng ('>= 4.200' or '>= 4.200 tỷ đồng'): figures are never converted between measures")
        XCTAssertEqual(rule.location?.column, try column(of: "triệu", in: text, line: ruleLine))
        let percent = try XCTUnwrap(r.errors.first { $0.location?.line == percentLine })
        XCTAssertTrue(percent.message.hasPrefix("'%' is not the measure of 'thu-ngan-sach'"), percent.message)
        XCTAssertEqual(percent.location?.column, try column(of: "%", in: text, line: percentLine))
        let value = try XCTUnwrap(r.errors.first { $0.location?.line == valueLine })
        XCTAssertTrue(value.message.contains("write the figure in tỷ đồng ('315,6' or '315,6 tỷ đồng')"), value.message)
        XCTAssertEqual(value.location?.column, try column(of: "triệu", in: text, line: valueLine))
    }

    func testSignsRangesAndCountsAreChecked() throws {
        let text = Fixture.head + """
            targets:
              - { id: a, text: "t", source: s, indicator: tang-truong, rule: ">= 1-1,5", period: term }
            outcomes:
              - { indicator: viec-lam, period: 2016, value: "-5", source: s, quote: "q" }
              - { indicator: tang-truong, period: 2016, value: "- 5", source: s, quote: "q" }
            """
        let r = try fx.load(text)
        let range = try only(r, "puts a comparator before a range")
        XCTAssertTrue(range.message.contains("write '1-1,5' (từ A đến B), or a single figure for a floor such as '>= 1'"), range.message)
        XCTAssertEqual(range.location?.line, try line(of: ">= 1-1,5", in: text))
        XCTAssertEqual(range.location?.column, try column(of: "1-1,5", in: text, line: range.location?.line ?? 1))
        let negative = try only(r, "'viec-lam' is a count and cannot be negative")
        XCTAssertTrue(negative.message.contains("'unit: amount'"), negative.message)
        XCTAssertEqual(negative.location?.line, try line(of: "\"-5\"", in: text))
        XCTAssertEqual(negative.location?.column, try column(of: "-5", in: text, line: negative.location?.line ?? 1))
        let spaced = try only(r, "a minus sign stands before its digits, without a space (write -5)")
        XCTAssertEqual(spaced.location?.line, try line(of: "\"- 5\"", in: text))
    }

    func testTheCatalogueChecksAnAmountsMeasureAndAggregation() throws {
        let catalogue = """
            indicators:
              - { id: a, name: "A", name-en: "A", unit: amount, measure: "tỷ đồng" }
              - { id: b, name: "B", name-en: "B", unit: amount, measure: "ha", measure-en: "ha", aggregate: weighted-mean }
              - { id: c, name: "C", name-en: "C", unit: count, measure: "người", measure-en: "people" }
              - { id: d, name: "D", name-en: "D", unit: amount, measure: "5 tỷ", measure-en: "5 billion" }
            """
        try fx.write("indicators.yaml", catalogue)
        let r = try fx.load(Fixture.head)
        let missing = try only(r, "the amount 'a' lacks 'measure-en'")
        XCTAssertEqual(missing.location?.line, 2)
        let weighted = try only(r, "an amount has no denominator to weight by")
        XCTAssertEqual(weighted.location?.line, 3)
        XCTAssertEqual(weighted.location?.column, try column(of: "aggregate", in: catalogue, line: 3))
        XCTAssertEqual(r.errors.filter { $0.message.contains("is for an amount (unit: amount), not a count; a count names what it counts with 'noun'") }.count, 2, "measure and measure-en")
        XCTAssertEqual(r.errors.filter { $0.message.contains("a measure begins with a word or '%', not '5'") }.count, 2)
    }
}
