import ChiTieuCore
import ChiTieuLoad
import ChiTieuReport
import Foundation
import XCTest

/// Issue 16: what a clerk types into an outcome cell. Data validation says what each cell takes,
/// and a LibreOffice recalculation shows that text or an unknown rating gives "kiểm tra lại",
/// never a verdict (before, "chưa rõ" in a count's cell gave "vượt").
final class ClerkInputTests: XCTestCase {
    var fx: WorkbookFixture!
    override func setUpWithError() throws { fx = try WorkbookFixture() }
    override func tearDown() { fx.remove() }

    private var xiii: String { WorkbookFixture.repo.path + "/Targets/lang-son/khoi-cac-co-quan/2015-2020.yaml" }

    /// The `<dataValidation …>…</dataValidation>` element of one cell.
    private func validation(_ xml: String, _ ref: String) -> String? {
        guard let at = xml.range(of: "sqref=\"\(ref)\">") else { return nil }
        guard let start = xml.range(of: "<dataValidation ", options: .backwards, range: xml.startIndex..<at.lowerBound),
              let end = xml.range(of: "</dataValidation>", range: at.upperBound..<xml.endIndex) else { return nil }
        return String(xml[start.lowerBound..<end.upperBound])
    }

    func testOutcomeCellsCarryDataValidation() throws {
        let path = try XCTUnwrap(try fx.workbooks([xiii]).first)
        let summary = try WorkbookFixture.part(path, "xl/worksheets/sheet1.xml")
        // G21: the admissions count (868): a whole number ≥ 0.
        let count = try XCTUnwrap(validation(summary, "E21"), summary)
        XCTAssertTrue(count.hasPrefix("<dataValidation type=\"whole\" operator=\"greaterThanOrEqual\""), count)
        XCTAssertTrue(count.contains("<formula1>0</formula1>"), count)
        XCTAssertTrue(count.contains("promptTitle=\"Kết quả: số nguyên\""), count)
        XCTAssertTrue(count.contains("errorTitle=\"Không phải số nguyên ≥ 0\""), count)
        // G12: a share, stored as a fraction: 0 to 1, and the prompt says to type 92 % or 0,92, not 92.
        let share = try XCTUnwrap(validation(summary, "E12"), summary)
        XCTAssertTrue(share.hasPrefix("<dataValidation type=\"decimal\""), share)
        XCTAssertFalse(share.contains("operator="), "between is the default operator: \(share)")
        XCTAssertTrue(share.contains("<formula1>0</formula1><formula2>1</formula2>"), share)
        XCTAssertTrue(share.contains("prompt=\"Gõ 92% hoặc 0,92 cho 92%; không gõ 92."), share)
        XCTAssertTrue(share.contains("allowBlank=\"1\""), "an outcome not yet known stays empty: \(share)")
        // G17 holds a yearly target's tally formula, not a typed figure: no validation.
        XCTAssertNil(validation(summary, "E17"))
        // Yearly outcomes on "Theo năm" are validated too: D6 is 2016's count of weak organisations
        // (the first block: target figures in row 5, outcomes in row 6, the years from column D).
        let byYear = try WorkbookFixture.part(path, "xl/worksheets/sheet2.xml")
        XCTAssertTrue(try XCTUnwrap(validation(byYear, "D6")).contains("type=\"whole\""))

        // A rating: a list of the scale's level names.
        let every = try XCTUnwrap(try fx.workbooks([try fx.fixtureData("every-rule.yaml")], out: fx.dir + "/every").first)
        let ratings = try WorkbookFixture.part(every, "xl/worksheets/sheet2.xml")
        // The rating's block (5th): target level row 22, outcomes row 23, verdicts row 24.
        let list = try XCTUnwrap(validation(ratings, "D23"), ratings)
        XCTAssertTrue(list.hasPrefix("<dataValidation type=\"list\""), list)
        XCTAssertTrue(list.contains("<formula1>\"Hoàn thành xuất sắc nhiệm vụ,Hoàn thành tốt nhiệm vụ,Hoàn thành nhiệm vụ,Không hoàn thành nhiệm vụ\"</formula1>"), list)

        // English words with --lang en.
        let english = try XCTUnwrap(try fx.workbooks([xiii], language: .en, out: fx.dir + "/en").first)
        let en = try XCTUnwrap(validation(try WorkbookFixture.part(english, "xl/worksheets/sheet1.xml"), "E12"))
        XCTAssertTrue(en.contains("prompt=\"Type 92% or 0.92 for 92%; not 92."), en)
        XCTAssertTrue(en.contains("errorTitle=\"Not a valid percentage\""), en)
    }

    /// The verdict formulas test for a number (or a level name), not for an empty cell.
    func testVerdictFormulasTestForANumber() throws {
        let path = try XCTUnwrap(try fx.workbooks([xiii]).first)
        let summary = try WorkbookFixture.part(path, "xl/worksheets/sheet1.xml")
        let share = try XCTUnwrap(WorkbookFixture.cell(summary, "G12"))
        XCTAssertTrue(share.contains("IF(E12=\"\",\"chưa có số liệu\",IF(ISNUMBER(E12),"), share)
        XCTAssertTrue(share.contains(",\"kiểm tra lại\"))</f>"), share)
        let english = try XCTUnwrap(try fx.workbooks([xiii], language: .en, out: fx.dir + "/en").first)
        let en = try XCTUnwrap(WorkbookFixture.cell(try WorkbookFixture.part(english, "xl/worksheets/sheet1.xml"), "G21"))
        XCTAssertTrue(en.contains(",\"check the figure\"))</f>"), en)
    }

    // MARK: - Through LibreOffice

    /// A copy of a workbook with one cell of the Nth sheet holding typed text ("" empties it).
    private func typed(_ path: String, sheet: Int, _ ref: String, _ text: String, as name: String) throws -> String {
        let out = fx.dir + "/" + name
        let (status, log) = try WorkbookFixture.validator(["--put", path, out, "\(sheet)", ref, text])
        XCTAssertEqual(status, 0, log)
        return out
    }

    /// What LibreOffice computed for a cell whose cached value it no longer matches.
    private func recomputed(_ output: String, file: String, _ cell: String) -> String? {
        output.split(separator: "\n").first { $0.hasPrefix(file + ": " + cell + " =") }
            .flatMap { $0.components(separatedBy: "LibreOffice computes ").last }
    }

    func testTextTypedIntoAnOutcomeCellGivesCheckTheFigure() throws {
        try WorkbookFixture.requireLibreOffice()
        let path = try XCTUnwrap(try fx.workbooks([xiii]).first)
        // 868 admissions against "trên 750": cached "vượt". A clerk types "chưa rõ" instead.
        let text = try typed(path, sheet: 1, "E21", "chưa rõ", as: "chua-ro.xlsx")
        let empty = try typed(path, sheet: 1, "E21", "", as: "trong.xlsx")
        let every = try XCTUnwrap(try fx.workbooks([try fx.fixtureData("every-rule.yaml")], out: fx.dir + "/every").first)
        // D23: 2016's "Hoàn thành xuất sắc nhiệm vụ" (cached "vượt"); "khá tốt" is not a level of the scale.
        let rating = try typed(every, sheet: 2, "D23", "khá tốt", as: "kha-tot.xlsx")
        // A yearly count with no year reported: "chưa rõ" typed for the first year (D6) makes that
        // year's verdict (D8), and so the term ("Theo năm" I8, summary row 17), "kiểm tra lại"
        // rather than "chưa có số liệu".
        let year = try typed(path, sheet: 2, "D6", "chưa rõ", as: "nam.xlsx")
        let (status, output) = try WorkbookFixture.validator([text, empty, rating, year])
        XCTAssertEqual(status, 1, "the typed cells change the results: \(output)")
        XCTAssertEqual(recomputed(output, file: "chua-ro.xlsx", "Tổng hợp!G21"), "'kiểm tra lại'", output)
        XCTAssertEqual(recomputed(output, file: "chua-ro.xlsx", "Tổng hợp!F21"), "''", "attainment: \(output)")
        XCTAssertEqual(recomputed(output, file: "chua-ro.xlsx", "Tổng hợp!H21"), "''", "gap: \(output)")
        // The headline and the totals row count the verdicts again: the 868 no longer counts as
        // vượt, and the text is counted as a figure to check.
        XCTAssertEqual(recomputed(output, file: "chua-ro.xlsx", "Tổng hợp!A9"),
                       "'Trong tổng số 17 chỉ tiêu: 16 chỉ tiêu chưa có số liệu; 1 chỉ tiêu cần kiểm tra lại số liệu.'", output)
        XCTAssertEqual(recomputed(output, file: "chua-ro.xlsx", "Tổng hợp!A32"),
                       "'Tổng số 17 chỉ tiêu. Đạt: 0 · Vượt: 0 · Không đạt: 0 · Chưa có số liệu: 16 · Kiểm tra lại: 1'", output)
        XCTAssertEqual(recomputed(output, file: "trong.xlsx", "Tổng hợp!G21"), "'chưa có số liệu'", output)
        XCTAssertEqual(recomputed(output, file: "trong.xlsx", "Tổng hợp!A9"), "'Trong tổng số 17 chỉ tiêu: 17 chỉ tiêu chưa có số liệu.'", output)
        XCTAssertEqual(recomputed(output, file: "kha-tot.xlsx", "Theo năm!D24"), "'kiểm tra lại'", output)
        XCTAssertEqual(recomputed(output, file: "nam.xlsx", "Theo năm!D8"), "'kiểm tra lại'", output)
        XCTAssertEqual(recomputed(output, file: "nam.xlsx", "Theo năm!I8"), "'kiểm tra lại'", output)
        XCTAssertEqual(recomputed(output, file: "nam.xlsx", "Tổng hợp!G17"), "'kiểm tra lại'", output)
        // Only the typed row, the headline and the totals changed: every other formula still equals its cached value.
        XCTAssertEqual(output.split(separator: "\n").filter { $0.hasPrefix("chua-ro.xlsx: Tổng hợp!") }.count, 5, output)
    }
}
