import ChiTieuCore
import ChiTieuLoad
import Foundation
import XCTest

/// Issue 15: messages that misled a new user now say what is wrong, where, and what to write.
/// Each test failed before its fix (the message it checks was not there).
final class MisleadingMessageTests: XCTestCase {
    var fixture: Fixture!

    override func setUpWithError() throws { fixture = try Fixture() }
    override func tearDown() { fixture.remove() }

    private func onlyError(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> Diagnostic {
        let result = try fixture.load(text)
        XCTAssertEqual(result.errors.count, 1, "\(result.errors)", file: file, line: line)
        return try XCTUnwrap(result.errors.first, file: file, line: line)
    }

    func testADuplicateKeyIsReportedAtItsSecondUseWithoutDumpingTheFile() throws {
        let e = try onlyError(Fixture.head + """
            targets:
              - id: ket-nap
                text: "kết nạp"
                source: s
                indicator: ket-nap-dang-vien
                rule: "> 750"
                rule: "> 760"
                period: term
            """)
        XCTAssertEqual(e.location?.line, 11) // the second 'rule:' (head is 4 lines, 'targets:' the 5th)
        XCTAssertEqual(e.location?.column, 5)
        XCTAssertTrue(e.message.contains("the key 'rule' is given twice in one mapping (first at line 10); keep one"), e.message)
        XCTAssertFalse(e.message.contains("body: test/khoi"), "the file is not dumped into the message")
    }

    func testATabInTheIndentationIsNamed() throws {
        let e = try onlyError(Fixture.head + "targets:\n\t- id: a\n")
        XCTAssertEqual(e.location?.line, 6)
        XCTAssertTrue(e.message.contains("a tab at line 6, column 1: YAML indents with spaces only"), e.message)
    }

    func testARowOfSeparatorsOnlyIsAnEmptyRow() throws {
        try fixture.write("data/ket-qua.csv", "target;period;value;source;quote\nket-nap;term;868;s;đã kết nạp 868\n;;;;\n")
        let result = try fixture.load(Fixture.head + """
            outcomes-csv: ket-qua.csv
            targets:
              - { id: ket-nap, text: "kết nạp", source: s, indicator: ket-nap-dang-vien, rule: "> 750", period: term }
            """)
        XCTAssertEqual(result.errors, [], "a spreadsheet's empty row ';;;;' is no outcome to complain about")
        XCTAssertEqual(result.ledger?.records.first?.observations.count, 1)
    }

    func testATextAWorkbookCannotHoldIsCaughtByCheckAtItsTarget() throws {
        let long = String(repeating: "kết nạp đảng viên ", count: 2_000) // 18 × 2.000 = 36.000 characters
        let e = try onlyError(Fixture.head + """
            targets:
              - { id: dai, text: "\(long)", source: s, indicator: ket-nap-dang-vien, rule: "> 750", period: term }
            """)
        XCTAssertEqual(e.location?.line, 6)
        XCTAssertTrue(e.message.contains("'text' has 36.000 characters; a workbook cell holds at most 32.767"), e.message)
    }

    func testWordsAfterARulesFigureSayWhereTheyBelong() throws {
        let e = try onlyError(Fixture.head + """
            targets:
              - { id: moi-xa, text: "mỗi xã ít nhất 05", source: s, indicator: ket-nap-dang-vien, rule: ">= 5 mỗi xã", period: term }
            """)
        XCTAssertTrue(e.message.contains("'5 mỗi xã' has words after its figure; write the figure alone ('5'); a target for each unit takes 'per-unit: xã'"), e.message)
    }

    func testStatedWordsAndRangesThatWereRefusedAreRead() throws {
        // "'v' cannot stand in a number" for "vượt 12%", "'t' …" for "trên 108%", "'-' …" for a range.
        let result = try fixture.load(Fixture.head + """
            targets:
              - { id: ket-nap, text: "kết nạp", source: s, indicator: ket-nap-dang-vien, rule: "> 750", period: term }
              - { id: htt, text: "90%", source: s, indicator: dang-vien-htt, rule: ">= 90%", period: end-of-term }
            outcomes:
              - { target: ket-nap, period: term, value: "868", stated: "vượt 15,7%", source: s, quote: "vượt 15,7%" }
              - { target: htt, period: 2020, value: "91% - 93%", stated: "trên 100%", source: s, quote: "91 - 93%" }
            """)
        XCTAssertEqual(result.errors, [])
        XCTAssertEqual(result.ledger?.records.first?.observations.last?.value, .range(low: 91, high: 93))
    }
}

extension MisleadingMessageTests {
    func testADraftsOpenCongressSaysAPersonChooses() throws {
        let result = try fixture.load("""
            body: test/khoi
            term: { congress: "? XIII, XIV", years: 2015-2020 }
            sources:
              s: { title: "Nguồn", publisher: "Báo", date: 2020-07-21 }
            """)
        let e = try XCTUnwrap(result.errors.first)
        XCTAssertEqual(e.location?.line, 2)
        XCTAssertTrue(e.message.contains("the draft leaves the congress to you: the text names XIII, XIV"), e.message)
    }
}

extension MisleadingMessageTests {
    func testAnExcessWithoutAPercentSaysToWriteExcess() throws {
        let e = try onlyError(Fixture.head + """
            targets:
              - { id: ket-nap, text: "kết nạp", source: s, indicator: ket-nap-dang-vien, rule: "> 140", period: term }
            outcomes:
              - { target: ket-nap, period: term, value: "152", stated: "vượt 12", source: s, quote: "vượt chỉ tiêu 12" }
            """)
        XCTAssertTrue(e.message.contains("an excess as a figure is written 'excess: \"12\"'"), e.message)
    }
}
