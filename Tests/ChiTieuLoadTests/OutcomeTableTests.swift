import ChiTieuCore
import ChiTieuLoad
import Foundation
import XCTest

/// Outcomes kept as a tidy CSV beside the data file (`outcomes-csv:`): read like YAML outcomes,
/// and every bad row reported at its line and column, with nothing imported until all are fixed.
final class OutcomeTableTests: XCTestCase {
    var fixture: Fixture!

    override func setUpWithError() throws { fixture = try Fixture() }
    override func tearDown() { fixture.remove() }

    private let targets = """
        targets:
          - id: ket-nap
            text: "hằng năm kết nạp từ 120 đảng viên trở lên"
            source: s
            indicator: ket-nap-dang-vien
            rule: ">= 120"
            period: each-year
          - id: htt
            text: "90% đảng viên hoàn thành tốt nhiệm vụ trở lên"
            source: s
            indicator: dang-vien-htt
            rule: ">= 90%"
            period: term

        """

    private func load(_ csv: String, yaml extra: String = "") throws -> LedgerLoader.Result {
        try fixture.write("data/ket-qua.csv", csv)
        return try fixture.load(Fixture.head + targets + "outcomes-csv: ket-qua.csv\n" + extra)
    }

    private func assertOneError(_ result: LedgerLoader.Result, line: Int, column: Int, _ words: String, file: StaticString = #filePath, lineNo: UInt = #line) {
        XCTAssertEqual(result.errors.count, 1, "\(result.errors)", file: file, line: lineNo)
        guard let e = result.errors.first else { return }
        XCTAssertTrue(e.location?.file.hasSuffix("data/ket-qua.csv") == true, e.description, file: file, line: lineNo)
        XCTAssertEqual(e.location?.line, line, e.description, file: file, line: lineNo)
        XCTAssertEqual(e.location?.column, column, e.description, file: file, line: lineNo)
        XCTAssertTrue(e.message.contains(words), e.description, file: file, line: lineNo)
    }

    func testRowsAreReadLikeYAMLOutcomes() throws {
        let result = try load("""
            target,period,value,numerator,denominator,stated,source,quote
            ket-nap,2016,"1.235",,,"102,91%",s,"kết nạp 1.235 đảng viên, đạt 102,91%"
            ket-nap,2017,118,,,,s,năm 2017: 118
            htt,term,,62,69,,s,"62/69 tổ chức cơ sở đảng"
            """)
        XCTAssertEqual(result.diagnostics.items, [])
        let observations = try XCTUnwrap(result.ledger?.records.first?.observations)
        XCTAssertEqual(observations.count, 3)
        XCTAssertEqual(observations[0].value, .number(1235))
        XCTAssertEqual(observations[0].period, .year(2016))
        XCTAssertEqual(observations[0].stated?.text, "102,91%")
        // The quote keeps its comma: it was quoted in the CSV.
        XCTAssertEqual(observations[0].quote, "kết nạp 1.235 đảng viên, đạt 102,91%")
        XCTAssertEqual(observations[1].value, .number(118))
        XCTAssertEqual(observations[2].value, .share(numerator: 62, denominator: 69))
        XCTAssertEqual(observations[2].location, SourceLocation(file: fixture.path("data/ket-qua.csv"), line: 4, column: 1))
    }

    func testSemicolonsCRLFAndByteOrderMarkFromASpreadsheet() throws {
        // What a spreadsheet in a Vietnamese locale saves: BOM, semicolons, CRLF, a doubled quote.
        let csv = "\u{FEFF}target;period;value;source;quote\r\nket-nap;2016;\"1.235\";s;\"ghi \"\"1.235\"\"\"\r\n"
        let result = try load(csv)
        XCTAssertEqual(result.diagnostics.items, [])
        let o = try XCTUnwrap(result.ledger?.records.first?.observations.first)
        XCTAssertEqual(o.value, .number(1235))
        XCTAssertEqual(o.quote, "ghi \"1.235\"")
    }

    func testAMalformedFigureIsPointedAtInItsCell() throws {
        // "7.5000": the cell starts at column 14 and its bad group "5000" two characters later.
        let result = try load("""
            target,period,value,source,quote
            ket-nap,2016,7.5000,s,q
            """)
        assertOneError(result, line: 2, column: 16, "thousands groups have three digits")
    }

    func testEveryBadRowIsReportedAndNothingImported() throws {
        let result = try load("""
            target,period,value,source,quote
            ket-nap,2016,120,s,q
            ket-nap,2035,120,s,q
            khong-co,2017,120,s,q
            ket-nap,2018,,s,q
            ket-nap,2016,121,s,q
            """)
        let lines = result.errors.compactMap { $0.location?.line }
        XCTAssertEqual(lines, [3, 4, 5, 6], "\(result.errors)")
        XCTAssertTrue(result.errors[0].message.contains("outside the term"))
        XCTAssertTrue(result.errors[1].message.contains("no target 'khong-co'"))
        XCTAssertTrue(result.errors[2].message.contains("'value' cell is empty"))
        XCTAssertEqual(result.errors[2].location?.column, 14, "the empty cell itself")
        XCTAssertTrue(result.errors[3].message.contains("second figure"))
        // With errors nothing is reported (the CLI refuses); the good row alone survives in the ledger.
        XCTAssertEqual(result.ledger?.records.first?.observations.count, 1)
    }

    func testAFigureInBothTheYAMLAndTheCSVIsReportedOnce() throws {
        let result = try load("""
            target,period,value,source,quote
            ket-nap,2016,121,s,q
            """, yaml: """
            outcomes:
              - { target: ket-nap, period: 2016, value: "120", source: s, quote: "q" }
            """)
        XCTAssertEqual(result.errors.count, 1, "\(result.errors)")
        XCTAssertTrue(result.errors.first?.message.contains("first at ") == true)
        XCTAssertTrue(result.errors.first?.message.contains("f.yaml:") == true, "names the other file")
    }

    func testHeaderProblemsAreReportedOnceNotPerRow() throws {
        let rows = (0..<50).map { _ in "ket-nap,2016,120,s" }.joined(separator: "\n")
        let result = try load("target,period,value,source\n" + rows)
        assertOneError(result, line: 1, column: 1, "lacks 'quote'")

        let unknown = try load("target,period,valeu,source,quote\nket-nap,2016,120,s,q\n")
        XCTAssertTrue(unknown.errors.contains { $0.message.contains("unknown column 'valeu'") && $0.location?.column == 15 }, "\(unknown.errors)")
    }

    func testRowsWithTheWrongNumberOfCells() throws {
        let result = try load("""
            target,period,value,source,quote
            ket-nap,2016,1,235,s,q
            """)
        assertOneError(result, line: 2, column: 1, "6 cells and the header 5 columns")
    }

    func testBrokenQuotesStopTheFileWithAPosition() throws {
        assertOneError(try load("target,period,value,source,quote\nket-nap,2016,120,s,\"never closed\n"), line: 2, column: 20, "never closed")
        assertOneError(try load("target,period,value,source,quote\nket-nap,2016,12\"0,s,q\n"), line: 2, column: 16, "quote inside a cell")
        assertOneError(try load("target,period,value,source,quote\nket-nap,2016,\"120\"x,s,q\n"), line: 2, column: 19, "after the closing quote")
    }

    func testAQuotedCellSpanningLinesKeepsLaterPositionsRight() throws {
        let result = try load("""
            target,period,value,source,quote
            ket-nap,2016,120,s,"dòng một
            dòng hai"
            ket-nap,2017,1.2.3,s,q
            """)
        // The quoted cell's line break moves the next row to line 4; "1.2.3" starts at column 14, its bad group at 16.
        assertOneError(result, line: 4, column: 16, "thousands groups")
    }

    func testCorrectionColumns() throws {
        let result = try load("""
            target,period,value,correction,correction-reason,source,quote
            ket-nap,2016,7.5000,7.500,"nguồn in thừa một số 0",s,q
            """)
        XCTAssertEqual(result.errors, [])
        XCTAssertEqual(result.diagnostics.items.filter { $0.severity == .warning }.count, 1)
        XCTAssertEqual(result.ledger?.records.first?.observations.first?.value, .number(7500))

        let noReason = try load("""
            target,period,value,correction,source,quote
            ket-nap,2016,7.5000,7.500,s,q
            """)
        XCTAssertTrue(noReason.errors.contains { $0.message.contains("correction-reason") }, "\(noReason.errors)")
    }

    func testAMissingCSVFileIsReportedAtItsName() throws {
        let result = try fixture.load(Fixture.head + targets + "outcomes-csv: khong-co.csv\n")
        XCTAssertEqual(result.errors.count, 1, "\(result.errors)")
        XCTAssertTrue(result.errors.first?.message.contains("no file 'khong-co.csv'") == true)
        XCTAssertEqual(result.errors.first?.location?.line, 18, "head 4 lines, targets 13, then the key")
        XCTAssertEqual(result.errors.first?.location?.column, 15)
    }
}

extension OutcomeTableTests {
    func testATableNoDataFileNamesIsAWarning() throws {
        try fixture.write("data/f.yaml", Fixture.head + targets)
        try fixture.write("data/bo-quen.csv", "target,period,value,source,quote\nket-nap,2016,120,s,q\n")
        let result = LedgerLoader.load(paths: [fixture.path("data")])
        XCTAssertEqual(result.errors, [])
        let warnings = result.diagnostics.items.filter { $0.severity == .warning }
        XCTAssertEqual(warnings.count, 1, "\(warnings)")
        XCTAssertTrue(warnings.first?.message.contains("outcomes-csv: bo-quen.csv") == true)
        XCTAssertTrue(warnings.first?.location?.file.hasSuffix("data/bo-quen.csv") == true)
    }
}
