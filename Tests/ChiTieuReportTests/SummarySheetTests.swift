import ChiTieuCore
import ChiTieuLoad
import ChiTieuReport
import Foundation
import XCTest

/// "Tổng hợp" read back as XML: the Party letterhead and signature, the unit column, the field
/// rows, the live totals, the print area without the edit-only columns, and the styles that keep
/// the printout readable in black and white. Rows and cells are counted by hand from the XIII
/// file: four letterhead rows, a spacer, BÁO CÁO, the subject, the as-of line, the headline (9),
/// the heading (10), then field I (row 11, targets 1–3), II (15, targets 4–9), III (22,
/// targets 10–14) and IV (28, targets 15–17), the totals (32) and six signature rows (33–38).
final class SummarySheetTests: XCTestCase {
    var fx: WorkbookFixture!
    override func setUpWithError() throws { fx = try WorkbookFixture() }
    override func tearDown() { fx.remove() }

    private var xiii: String { WorkbookFixture.repo.path + "/Targets/lang-son/khoi-cac-co-quan/2015-2020.yaml" }

    /// The text of a cell, through the shared strings for a text cell, or its cached value.
    private func text(_ path: String, _ ref: String) throws -> String? {
        let sheet = try WorkbookFixture.part(path, "xl/worksheets/sheet1.xml")
        guard let cell = WorkbookFixture.cell(sheet, ref), let v = cell.components(separatedBy: "<v>").dropFirst().first?.components(separatedBy: "</v>").first else { return nil }
        guard cell.contains("t=\"s\""), let index = Int(v) else { return v }
        let strings = try WorkbookFixture.part(path, "xl/sharedStrings.xml").components(separatedBy: "<si>").dropFirst()
        guard index < strings.count else { return nil }
        return strings[strings.index(strings.startIndex, offsetBy: index)]
            .replacingOccurrences(of: #"<[^>]+>"#, with: "", options: .regularExpression)
    }

    /// The `<xf>` of a cell's style in `xl/styles.xml`.
    private func format(_ path: String, _ ref: String) throws -> String {
        let sheet = try WorkbookFixture.part(path, "xl/worksheets/sheet1.xml")
        let c = try XCTUnwrap(WorkbookFixture.cell(sheet, ref), ref)
        let style = try XCTUnwrap(Int(try XCTUnwrap(c.components(separatedBy: " s=\"").dropFirst().first?.components(separatedBy: "\"").first)))
        let xfs = try XCTUnwrap(try WorkbookFixture.part(path, "xl/styles.xml").components(separatedBy: "<cellXfs").dropFirst().first?.components(separatedBy: "</cellXfs>").first)
        return xfs.components(separatedBy: "<xf ").dropFirst()[style + 1]
    }

    func testTheLetterheadTitleAndSignature() throws {
        let path = try XCTUnwrap(try fx.workbooks([xiii]).first)
        XCTAssertEqual(try text(path, "A1"), "ĐẢNG BỘ TỈNH LẠNG SƠN")
        XCTAssertEqual(try text(path, "D1"), "ĐẢNG CỘNG SẢN VIỆT NAM")
        XCTAssertEqual(try text(path, "A2"), "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH")
        XCTAssertEqual(try text(path, "A3"), "*")
        XCTAssertEqual(try text(path, "A4"), "Số      -BC/ĐUK", "no colon after Số; the number is left to the office")
        XCTAssertEqual(try text(path, "D4"), "Lạng Sơn, ngày … tháng … năm …")
        XCTAssertEqual(try text(path, "A6"), "BÁO CÁO")
        XCTAssertEqual(try text(path, "A7"), "Kết quả thực hiện các chỉ tiêu Nghị quyết Đại hội lần thứ XIII, nhiệm kỳ 2015–2020")
        XCTAssertEqual(try text(path, "A33"), "Nơi nhận:")
        XCTAssertEqual(try text(path, "D33"), "T/M BAN THƯỜNG VỤ")
        XCTAssertEqual(try text(path, "D34"), "BÍ THƯ")
        XCTAssertEqual(try text(path, "A34"), "- Ban Thường vụ Tỉnh ủy (để báo cáo),")
        XCTAssertEqual(try text(path, "A36"), "- Lưu Văn phòng Đảng ủy Khối.")
        let sheet = try WorkbookFixture.part(path, "xl/worksheets/sheet1.xml")
        for range in ["A1:C1", "D1:G1", "A4:C4", "D4:G4", "A6:G6", "A7:G7", "A9:G9", "A33:C33", "D33:G33", "D34:G34"] {
            XCTAssertTrue(sheet.contains("<mergeCell ref=\"\(range)\"/>"), range)
        }
        // Sizes and styles of 36-HD/VPTW, in Times New Roman.
        let styles = try WorkbookFixture.part(path, "xl/styles.xml")
        XCTAssertTrue(styles.contains("<font><b/><sz val=\"15\"/><color theme=\"1\"/><name val=\"Times New Roman\"/>"), styles)
        XCTAssertTrue(styles.contains("<font><i/><sz val=\"14\"/><color theme=\"1\"/><name val=\"Times New Roman\"/>"), "the date line in italics: \(styles)")
        let party = try format(path, "D1")
        XCTAssertTrue(party.contains("borderId=\"") && !party.contains("borderId=\"0\""), "the rule under the Party's name: \(party)")

        let english = try XCTUnwrap(try fx.workbooks([xiii], language: .en, out: fx.dir + "/en").first)
        XCTAssertEqual(try text(english, "D1"), "COMMUNIST PARTY OF VIETNAM")
        XCTAssertEqual(try text(english, "A6"), "REPORT")
        XCTAssertEqual(try text(english, "D34"), "SECRETARY")
    }

    func testUnitsFieldsAndTotals() throws {
        let path = try XCTUnwrap(try fx.workbooks([xiii]).first)
        XCTAssertEqual(try text(path, "C10"), "ĐVT")
        XCTAssertEqual(try text(path, "C12"), "%", "a share")
        XCTAssertEqual(try text(path, "C17"), "cơ sở", "the noun of a count: weak organisations")
        XCTAssertEqual(try text(path, "C21"), "đảng viên", "the noun of a count: admissions")
        XCTAssertEqual(try text(path, "C24"), "tổ chức")
        XCTAssertEqual(try text(path, "D21"), "trên 750, cả nhiệm kỳ", "the rule in words; the noun is the unit's")
        XCTAssertEqual(try text(path, "A11"), "I. Công tác chính trị, tư tưởng")
        XCTAssertEqual(try text(path, "A15"), "II. Công tác tổ chức, cán bộ và xây dựng Đảng")
        XCTAssertEqual(try text(path, "A22"), "III. Công tác kiểm tra, giám sát")
        XCTAssertEqual(try text(path, "A28"), "IV. Công tác dân vận và lãnh đạo đoàn thể")
        // The targets keep their numbers inside the groups.
        XCTAssertEqual(try text(path, "A21"), "9")
        XCTAssertEqual(try text(path, "A31"), "17")
        let sheet = try WorkbookFixture.part(path, "xl/worksheets/sheet1.xml")
        for range in ["A11:G11", "A15:G15", "A22:G22", "A28:G28", "A32:G32"] {
            XCTAssertTrue(sheet.contains("<mergeCell ref=\"\(range)\"/>"), range)
        }
        // Totals and headline count the verdict column, the group rows' blanks included.
        let totals = try XCTUnwrap(WorkbookFixture.cell(sheet, "A32"))
        XCTAssertTrue(totals.contains("<f>\"Tổng số 17 chỉ tiêu. \"&amp;\"Đạt: \"&amp;COUNTIF($G$11:$G$31,\"đạt\")&amp;\" · Vượt: \"&amp;COUNTIF($G$11:$G$31,\"vượt\")&amp;\" · Không đạt: \"&amp;COUNTIF($G$11:$G$31,\"không đạt\")&amp;\" · Chưa có số liệu: \"&amp;COUNTIF($G$11:$G$31,\"chưa có số liệu\")&amp;\" · Kiểm tra lại: \"&amp;COUNTIF($G$11:$G$31,\"kiểm tra lại\")</f>"), totals)
        XCTAssertTrue(totals.contains("<v>Tổng số 17 chỉ tiêu. Đạt: 0 · Vượt: 1 · Không đạt: 0 · Chưa có số liệu: 16 · Kiểm tra lại: 0</v>"), totals)
        let headline = try XCTUnwrap(WorkbookFixture.cell(sheet, "A9"))
        XCTAssertTrue(headline.contains("<f>SUBSTITUTE(SUBSTITUTE(IF(((COUNTIF($G$11:$G$31,\"vượt\")+COUNTIF($G$11:$G$31,\"đạt\"))+COUNTIF($G$11:$G$31,\"không đạt\"))&gt;0,\"Có \"&amp;"), headline)
        // Without a judged target: "Trong tổng số 17 chỉ tiêu: " and the parts, or "chưa có chỉ tiêu nào được đánh giá".
        XCTAssertTrue(headline.contains(",\"Trong tổng số 17 chỉ tiêu: #\")&amp;"), headline)
        XCTAssertTrue(headline.contains(",\"#; \",\"\"),\"#\",\"chưa có chỉ tiêu nào được đánh giá\")&amp;\".\"</f>"), headline)
        XCTAssertTrue(headline.contains("<v>Có 1/17 chỉ tiêu đạt và vượt (trong đó 1 chỉ tiêu vượt); 16 chỉ tiêu chưa có số liệu.</v>"), headline)
    }

    func testThePrintAreaLeavesOutTheEditOnlyColumns() throws {
        let path = try XCTUnwrap(try fx.workbooks([xiii]).first)
        let book = try WorkbookFixture.part(path, "xl/workbook.xml")
        XCTAssertTrue(book.contains("<definedName name=\"_xlnm.Print_Area\" localSheetId=\"0\">'Tổng hợp'!$A$1:$G$38</definedName>"), book)
        XCTAssertTrue(book.contains("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">'Tổng hợp'!$10:$10</definedName>"), book)
        // The source and the manual verdict are still there, after the printed columns.
        XCTAssertEqual(try text(path, "K10"), "Nguồn")
        XCTAssertEqual(try text(path, "L10"), "Đánh giá thủ công")
        XCTAssertEqual(try text(path, "K21"), "[lichsu] dòng 46")
        let sheet = try WorkbookFixture.part(path, "xl/worksheets/sheet1.xml")
        // 25 / 25 / 30 / 15 mm.
        XCTAssertTrue(sheet.contains("<pageMargins left=\"1.181102362204725\" right=\"0.5905511811023623\" top=\"0.984251968503937\" bottom=\"0.984251968503937\""), sheet)
    }

    /// No run-ons and black-and-white verdicts: words between figures are centred, and the
    /// verdicts a reader looks for are bold with dark text.
    func testVerdictsReadWithoutColourAndNeverRunOn() throws {
        let path = try XCTUnwrap(try fx.workbooks([xiii]).first)
        let verdict = try format(path, "G21"), tally = try format(path, "E17")
        XCTAssertTrue(verdict.contains("<alignment horizontal=\"center\""), verdict)
        XCTAssertTrue(tally.contains("<alignment horizontal=\"center\""), "'0chưa có số liệu': \(tally)")
        let sheet = try WorkbookFixture.part(path, "xl/worksheets/sheet1.xml")
        let dxfs = try WorkbookFixture.part(path, "xl/styles.xml").components(separatedBy: "<dxf>").dropFirst().map { $0.components(separatedBy: "</dxf>")[0] }
        func dxf(_ word: String) throws -> String {
            let rule = try XCTUnwrap(sheet.components(separatedBy: "<cfRule ").first { $0.contains("<formula>\"\(word)\"</formula>") }, word)
            let id = try XCTUnwrap(Int(try XCTUnwrap(rule.components(separatedBy: "dxfId=\"").dropFirst().first?.components(separatedBy: "\"").first)))
            return dxfs[id]
        }
        for word in ["vượt", "không đạt", "kiểm tra lại"] {
            let d = try dxf(word)
            XCTAssertTrue(d.contains("<b/>"), "\(word): \(d)")
        }
        let met = try dxf("đạt")
        XCTAssertFalse(met.contains("<b/>"), met)
        // "chưa có số liệu": near-black on a pale grey, not grey on grey.
        let noData = try dxf("chưa có số liệu")
        XCTAssertTrue(noData.contains("<color rgb=\"FF262626\"/>"), noData)
    }

    /// A yearly count shows the five-year total's attainment beside the years' verdict: its
    /// period is marked, and a footnote under the totals says which figure is which.
    func testTheCumulativeFiguresOfAYearlyCountAreLabelled() throws {
        let path = try XCTUnwrap(try fx.workbooks([try fx.fixtureData("every-rule.yaml")]).first)
        // Field I (row 11) holds targets 11 and 15; field II (row 14) begins with 1, 2 and 3, the
        // yearly count "hằng năm kết nạp ít nhất 120" (130 + 120 + 110 + 125 + 140 = 625 ≥ 600).
        XCTAssertEqual(try text(path, "A17"), "3")
        XCTAssertEqual(try text(path, "J17"), "mỗi năm (*)")
        XCTAssertEqual(try text(path, "G17"), "không đạt", "2018's 110 misses the year")
        let sheet = try WorkbookFixture.part(path, "xl/worksheets/sheet1.xml")
        let note = try XCTUnwrap(sheet.components(separatedBy: "<row r=\"").first { $0.contains("Tổng số 16 chỉ tiêu") }.flatMap { Int($0.prefix { $0.isNumber }) })
        XCTAssertEqual(try text(path, "A\(note + 1)"), "(*) Tỷ lệ đạt, chênh lệch: tổng 5 năm so với 5 × mức năm; đánh giá: theo từng năm, một năm không đạt là không đạt.")
        // A target judged on its own figure is not marked.
        XCTAssertEqual(try text(path, "J15"), "cả nhiệm kỳ")
    }
}
