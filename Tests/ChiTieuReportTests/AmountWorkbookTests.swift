import ChiTieuCore
import ChiTieuLoad
import ChiTieuReport
import Foundation
import XCTest

/// An amount in the review and comparison workbooks: the cell holds the exact figure, and its
/// number format shows the decimals the figure has and the measure; LibreOffice recalculates it.
final class AmountWorkbookTests: XCTestCase {
    var fx: WorkbookFixture!
    override func setUpWithError() throws { fx = try WorkbookFixture() }
    override func tearDown() { fx.remove() }

    private func data() throws -> String {
        let data = fx.dir + "/data"
        try FileManager.default.createDirectory(atPath: data + "/huyen-a", withIntermediateDirectories: true)
        try Data("""
            indicators:
              - { id: thu-ngan-sach, name: "Thu ngân sách", name-en: "Budget revenue", unit: amount, measure: "tỷ đồng", measure-en: "billion VND", aggregate: sum }
              - { id: tang-truong, name: "Tăng trưởng GRDP", name-en: "GRDP growth", unit: amount, measure: "%/năm", measure-en: "%/year" }
            """.utf8).write(to: URL(fileURLWithPath: data + "/indicators.yaml"))
        try Data("""
            bodies:
              - { id: mau/huyen-a, name: "Đảng bộ huyện A", name-en: "District A", province: "Tỉnh Mẫu", kind: district }
            """.utf8).write(to: URL(fileURLWithPath: data + "/bodies.yaml"))
        try Data("""
            body: mau/huyen-a
            term: { congress: "?", years: 2020-2025 }
            sources: { bc: { title: "Báo cáo", publisher: "Huyện ủy A", date: 2025-12-20 } }
            targets:
              - { id: ngan-sach, text: "thu ngân sách đạt 4.200 tỷ đồng", source: bc, indicator: thu-ngan-sach, rule: ">= 4.200", period: term }
              - { id: tang-truong, text: "tăng trưởng trên 7,5 %/năm", source: bc, indicator: tang-truong, rule: "> 7,5", period: each-year }
            outcomes:
              - { target: ngan-sach, period: term, value: "4.418,5", source: bc, quote: "4.418,5 tỷ đồng" }
              - { target: tang-truong, period: 2021, value: "7,25", source: bc, quote: "7,25 %" }
              - { target: tang-truong, period: 2022, value: "-1,5", source: bc, quote: "giảm 1,5 %" }
            """.utf8).write(to: URL(fileURLWithPath: data + "/huyen-a/2020-2025.yaml"))
        return data
    }

    /// The number format of a cell: its style index, the style's format id, the format's code.

    func testAnAmountCellShowsItsDecimalsAndMeasure() throws {
        let path = try XCTUnwrap(try fx.workbooks([try data()]).first)
        let sheet = try WorkbookFixture.part(path, "xl/worksheets/sheet1.xml")
        // Row 5 (the first target): F the target figure, G the outcome, I the gap.
        XCTAssertEqual(WorkbookFixture.cell(sheet, "I11").map { $0.contains("<v>4200</v>") }, true)
        XCTAssertEqual(WorkbookFixture.cell(sheet, "E11").map { $0.contains("<v>4418.5</v>") }, true)
        XCTAssertEqual(try WorkbookFixture.numberFormat(path, sheet: "xl/worksheets/sheet1.xml", cell: "I11"), "#,##0\" tỷ đồng\"")
        XCTAssertEqual(try WorkbookFixture.numberFormat(path, sheet: "xl/worksheets/sheet1.xml", cell: "E11"), "#,##0.0\" tỷ đồng\"")
        // 4.418,5 − 4.200 = 218,5: signed, one decimal, the measure.
        let gap = try XCTUnwrap(WorkbookFixture.cell(sheet, "H11"))
        XCTAssertTrue(gap.contains("<v>218.5</v>"), gap)
        XCTAssertEqual(try WorkbookFixture.numberFormat(path, sheet: "xl/worksheets/sheet1.xml", cell: "H11"), "+#,##0.0\" tỷ đồng\";-#,##0.0\" tỷ đồng\";0")
        // The attainment stays a share of the target: 4.418,5 ÷ 4.200 = 1,05202…, shown 105,2%.
        XCTAssertEqual(try WorkbookFixture.numberFormat(path, sheet: "xl/worksheets/sheet1.xml", cell: "F11"), "0.0%")

        // "Theo năm" (one block: row 5 target figures, 6 outcomes, 7 attainment, 8 gap; columns D
        // 2021, E 2022): 2021's 7,25 with two decimals; 2022's −1,5 (a fall) with one; the rule's 7,5.
        let byYear = try WorkbookFixture.part(path, "xl/worksheets/sheet2.xml")
        XCTAssertEqual(WorkbookFixture.cell(byYear, "D6").map { $0.contains("<v>7.25</v>") }, true)
        XCTAssertEqual(try WorkbookFixture.numberFormat(path, sheet: "xl/worksheets/sheet2.xml", cell: "D6"), "#,##0.00\" %/năm\"")
        XCTAssertEqual(WorkbookFixture.cell(byYear, "E6").map { $0.contains("<v>-1.5</v>") }, true)
        XCTAssertEqual(try WorkbookFixture.numberFormat(path, sheet: "xl/worksheets/sheet2.xml", cell: "E6"), "#,##0.0\" %/năm\"")
        XCTAssertEqual(try WorkbookFixture.numberFormat(path, sheet: "xl/worksheets/sheet2.xml", cell: "D5"), "#,##0.0\" %/năm\"")
        // −1,5 − 7,5 = −9: a whole gap, no decimals.
        XCTAssertEqual(WorkbookFixture.cell(byYear, "E8").map { $0.contains("<v>-9</v>") }, true)

        let english = try XCTUnwrap(try fx.workbooks([try data() + "/huyen-a/2020-2025.yaml"], language: .en, out: fx.dir + "/en").first)
        XCTAssertEqual(try WorkbookFixture.numberFormat(english, sheet: "xl/worksheets/sheet1.xml", cell: "E11"), "#,##0.0\" billion VND\"")
    }

    func testAnAmountWorkbookRecalculates() throws {
        try WorkbookFixture.requireLibreOffice()
        let (status, out) = try WorkbookFixture.validator(try fx.workbooks([try data()]))
        XCTAssertEqual(status, 0, out)
        XCTAssertTrue(out.contains("recalc: 1 passed, 0 failed"), out)
    }
}
