import ChiTieuCore
import ChiTieuLoad
import Foundation
import XCTest

/// A text that gives a term's years but not its congress's ordinal (issue 14): written
/// `congress: "?"` or left out, never invented; the term is then known by its years.
final class UnknownCongressTests: XCTestCase {
    var fixture: Fixture!

    override func setUpWithError() throws { fixture = try Fixture() }
    override func tearDown() { fixture.remove() }

    private func termFile(_ term: String) -> String {
        Fixture.head.replacingOccurrences(of: "term: { congress: XIII, years: 2015-2020 }", with: term) + """
            targets:
              - { id: kn, text: "mỗi năm kết nạp ít nhất 10 đảng viên", source: s, indicator: ket-nap-dang-vien, rule: ">= 10", period: each-year }

            """
    }

    func testAQuestionMarkOrNoCongressIsAnUnknownOrdinal() throws {
        // (Quoted: a bare '?' inside '{ }' is YAML's key indicator, not a value.)
        for term in [#"term: { congress: "?", years: 2020-2025 }"#, "term: { years: 2020-2025 }", "term:\n  congress: '?'\n  years: 2020-2025"] {
            let result = try fixture.load(termFile(term))
            XCTAssertEqual(result.diagnostics.items, [], term)
            let loaded = try XCTUnwrap(result.ledger?.records.first?.term, term)
            XCTAssertEqual(loaded.congress, "", term)
            XCTAssertNil(loaded.ordinal, term)
            XCTAssertFalse(loaded.isCongressKnown)
            XCTAssertEqual(loaded.reportingYears, 2021...2025, "the years still give the reporting years")
        }
        let known = try XCTUnwrap(try fixture.load(termFile("term: { congress: XIV, years: 2020-2025 }")).ledger?.records.first?.term)
        XCTAssertEqual(known.congress, "XIV")
        XCTAssertEqual(known.ordinal, 14)
    }

    func testABadOrdinalSaysToWriteRomanNumeralsOrAQuestionMark() throws {
        let result = try fixture.load(termFile("term: { congress: 14, years: 2020-2025 }"))
        let e = try XCTUnwrap(result.errors.first)
        XCTAssertEqual(result.errors.count, 1, "\(result.errors)")
        XCTAssertEqual(e.location?.line, 2)
        XCTAssertEqual(e.location?.column, 19)
        XCTAssertTrue(e.message.contains("write it in Roman numerals, e.g. XIII, or '?' when the source does not give it"), e.message)
    }

    func testOneFilePerBodyAndTermKeysOnTheYears() throws {
        // The same term, once with its ordinal and once without: one term described twice.
        try fixture.write("data/a.yaml", termFile("term: { congress: XIV, years: 2020-2025 }"))
        try fixture.write("data/b.yaml", termFile(#"term: { congress: "?", years: 2020-2025 }"#))
        let twice = LedgerLoader.load(paths: [fixture.path("data")])
        XCTAssertEqual(twice.errors.count, 1, "\(twice.errors)")
        XCTAssertTrue(twice.errors.first?.message.contains("test/khoi: the term 2020–2025 is already described in") == true, "\(twice.errors)")
        XCTAssertTrue(twice.errors.first?.location?.file.hasSuffix("data/b.yaml") == true)
        // Two unknown ordinals of different terms are two terms, in the order of their years.
        try fixture.write("data/a.yaml", termFile(#"term: { congress: "?", years: 2020-2025 }"#))
        try fixture.write("data/b.yaml", termFile("term: { years: 2010-2015 }"))
        try fixture.write("data/c.yaml", termFile("term: { congress: XIII, years: 2015-2020 }"))
        let three = LedgerLoader.load(paths: [fixture.path("data")])
        XCTAssertEqual(three.diagnostics.items, [])
        XCTAssertEqual(three.ledger?.records.compactMap(\.term?.startYear), [2010, 2015, 2020])
        // The same ordinal for two spans of years is still one congress described twice.
        try fixture.write("data/b.yaml", termFile("term: { congress: XIII, years: 2010-2015 }"))
        let ordinalTwice = LedgerLoader.load(paths: [fixture.path("data")])
        XCTAssertTrue(ordinalTwice.errors.contains { $0.message.contains("congress XIII is already described") }, "\(ordinalTwice.errors)")
    }

    func testTermsSortByYearsThenOrdinalWithoutAnOrdinalToo() {
        let unknown = Term(congress: "", ordinal: nil, startYear: 2020, endYear: 2025)
        let xiii = Term(congress: "XIII", ordinal: 13, startYear: 2015, endYear: 2020)
        let xiv = Term(congress: "XIV", ordinal: 14, startYear: 2020, endYear: 2025)
        XCTAssertEqual([unknown, xiv, xiii].sorted(by: Term.precedes).map(\.startYear), [2015, 2020, 2020])
        XCTAssertTrue(Term.precedes(xiii, unknown))
        XCTAssertFalse(Term.precedes(unknown, xiii))
        XCTAssertTrue(Term.precedes(unknown, xiv), "same years: the unknown ordinal first, never a crash")
        XCTAssertEqual(Term(congress: "XIV", ordinal: nil, startYear: 2020, endYear: 2025).congress, "", "no ordinal, no congress text")
    }
}
