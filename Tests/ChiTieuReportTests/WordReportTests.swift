import ChiTieuCore
import ChiTieuReport
import Foundation
import XCTest

/// The Word report of the built-in 2015–2020 term, read back part by part: the Party header
/// block, the title and subject, the body, the signature, the annex table, styles, sections,
/// footer and properties. Expected texts are written out from the data files and 36-HD/VPTW.
final class WordReportTests: XCTestCase {
    var fx: WorkbookFixture!
    override func setUpWithError() throws { fx = try WorkbookFixture() }
    override func tearDown() { fx.remove() }

    private func xiii(_ language: ReportLanguage = .vi) throws -> String {
        try XCTUnwrap(try fx.wordReports([WorkbookFixture.xiii], language: language).first)
    }

    func testHeaderBlockTitleAndSubject() throws {
        let path = try xiii()
        XCTAssertTrue(path.hasSuffix("/lang-son-khoi-cac-co-quan-2015-2020.docx"), path)
        let xml = try WorkbookFixture.part(path, "word/document.xml")
        let p = WorkbookFixture.paragraphs(xml)
        XCTAssertEqual(Array(p.prefix(11)), [
            "ĐẢNG BỘ TỈNH LẠNG SƠN", "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", "*", "Số      -BC/ĐUK",
            "ĐẢNG CỘNG SẢN VIỆT NAM", "", "Lạng Sơn, ngày     tháng     năm 20..",
            "BÁO CÁO", "Kết quả thực hiện các chỉ tiêu Nghị quyết Đại hội lần thứ XIII, nhiệm kỳ 2015–2020",
            "Đảng bộ Khối các cơ quan tỉnh Lạng Sơn", "-----",
        ])
        // 36-HD/VPTW: the issuing body bold 14 pt; the party line bold 15 pt over a rule; the date line italic.
        XCTAssertTrue(xml.contains("<w:r><w:rPr><w:b/><w:bCs/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/></w:rPr><w:t>ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH</w:t></w:r>"))
        XCTAssertTrue(xml.contains("<w:pBdr><w:bottom w:val=\"single\" w:sz=\"8\" w:space=\"1\" w:color=\"000000\"/></w:pBdr>"
            + "<w:ind w:left=\"200\" w:right=\"200\"/><w:jc w:val=\"center\"/></w:pPr>"
            + "<w:r><w:rPr><w:b/><w:bCs/><w:sz w:val=\"30\"/><w:szCs w:val=\"30\"/></w:rPr><w:t>ĐẢNG CỘNG SẢN VIỆT NAM</w:t></w:r>"))
        XCTAssertTrue(xml.contains("<w:rPr><w:i/><w:iCs/><w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/></w:rPr><w:t xml:space=\"preserve\">Lạng Sơn, ngày     tháng"))
        XCTAssertTrue(xml.contains("<w:pStyle w:val=\"Title\"/></w:pPr><w:r><w:t>BÁO CÁO</w:t></w:r>"))
        XCTAssertTrue(xml.contains("<w:t>Kết quả thực hiện các chỉ tiêu Nghị quyết Đại hội lần thứ XIII,</w:t><w:br/><w:t>nhiệm kỳ 2015–2020</w:t>"),
                      "the term on a line of its own, never broken at its dash")
        // The header block is a borderless table of two cells.
        let header = try XCTUnwrap(WorkbookFixture.tables(xml).first)
        XCTAssertEqual(header.count, 1)
        XCTAssertEqual(header[0].count, 2)
        XCTAssertTrue(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document"))
        XCTAssertTrue(xml.contains("<w:tblBorders><w:top w:val=\"nil\"/>"))
    }

    func testBodyGivesTheHeadlineAndTheTextReportsSentencesByField() throws {
        let p = WorkbookFixture.paragraphs(try WorkbookFixture.part(try xiii(), "word/document.xml"))
        for expected in [
            "Ban Thường vụ báo cáo kết quả thực hiện các chỉ tiêu Nghị quyết Đại hội lần thứ XIII, nhiệm kỳ 2015–2020 (số liệu đến ngày 21/7/2020), như sau:",
            "I. KẾT QUẢ CHUNG",
            "Có 1/17 chỉ tiêu đạt và vượt (trong đó 1 chỉ tiêu vượt); 16 chỉ tiêu chưa có số liệu.",
            "II. ĐÁNH GIÁ TỪNG CHỈ TIÊU",
            "Công tác chính trị, tư tưởng", "Các chỉ tiêu 1, 2, 3: chưa có số liệu.",
            "Công tác tổ chức, cán bộ và xây dựng Đảng",
            "9. Kết nạp được 868 đảng viên mới, đạt 115,7 % chỉ tiêu (chỉ tiêu: trên 750 đảng viên, cả nhiệm kỳ), vượt chỉ tiêu đề ra. Nguồn ghi 115,7%; tính lại được 115,733 %: khớp.",
            "Công tác kiểm tra, giám sát", "Công tác dân vận và lãnh đạo đoàn thể",
            "Kết quả chi tiết từng chỉ tiêu tại Phụ lục kèm theo.",
            "III. CÁC KẾT QUẢ KHÁC",
            "– Đảng viên mới có trình độ đại học trở lên: 80 % (cả nhiệm kỳ).",
            "– Văn bản Đảng ủy ban hành: 4.037 (cả nhiệm kỳ).",
        ] {
            XCTAssertTrue(p.contains(expected), "missing paragraph: \(expected)")
        }
        // Fields in the catalogue's order, each before its own targets.
        let order = ["Công tác chính trị, tư tưởng", "Công tác tổ chức, cán bộ và xây dựng Đảng", "Công tác kiểm tra, giám sát", "Công tác dân vận và lãnh đạo đoàn thể"]
            .compactMap { p.firstIndex(of: $0) }
        XCTAssertEqual(order.count, 4)
        XCTAssertEqual(order, order.sorted())
    }

    func testSignatureAndRecipientsFromTheBodysLetterhead() throws {
        let xml = try WorkbookFixture.part(try xiii(), "word/document.xml")
        let signature = WorkbookFixture.tables(xml)[1]
        XCTAssertEqual(signature[0][0], "Nơi nhận:- Ban Thường vụ Tỉnh ủy (để báo cáo),- Các tổ chức cơ sở đảng trực thuộc,- Lưu Văn phòng Đảng ủy Khối.")
        XCTAssertEqual(signature[0][1], "T/M BAN THƯỜNG VỤBÍ THƯ")
        XCTAssertLessThan(try XCTUnwrap(xml.range(of: ">BÍ THƯ<")).lowerBound, try XCTUnwrap(xml.range(of: ">PHỤ LỤC<")).lowerBound,
                          "the report is signed before its annex")
    }

    func testAnnexTableGroupedByFieldWithTotals() throws {
        let xml = try WorkbookFixture.part(try xiii(), "word/document.xml")
        let annex = try XCTUnwrap(WorkbookFixture.tables(xml).last)
        XCTAssertEqual(annex.first, ["STT", "Chỉ tiêu", "Đơn vị tính", "Nghị quyết đề ra", "Kết quả thực hiện", "Tỷ lệ % so với nghị quyết", "Đánh giá"])
        XCTAssertEqual(annex.count, 1 + 4 + 17 + 1, "heading, four fields, 17 targets, totals")
        XCTAssertEqual(annex.filter { $0.count == 2 && ["I", "II", "III", "IV"].contains($0[0]) }.map { $0[0] + ". " + $0[1] }, [
            "I. Công tác chính trị, tư tưởng", "II. Công tác tổ chức, cán bộ và xây dựng Đảng",
            "III. Công tác kiểm tra, giám sát", "IV. Công tác dân vận và lãnh đạo đoàn thể",
        ])
        XCTAssertTrue(annex.contains(["9", "Kết nạp đảng viên mới", "đảng viên", "trên 750 đảng viên, cả nhiệm kỳ", "868", "115,7 %", "vượt"]))
        // Missing data is said in words, never a zero.
        XCTAssertTrue(annex.contains(["1", "Đảng viên được quán triệt, học tập nghị quyết, chỉ thị", "%", "từ 100 % trở lên, cả nhiệm kỳ", "chưa có số liệu", "", "chưa có số liệu"]))
        for row in annex.dropFirst() where row.count == 7 { XCTAssertFalse(row[4] == "0" || row[5].hasPrefix("0"), "\(row)") }
        XCTAssertEqual(annex.last, ["Tổng số: 17 chỉ tiêu", "Vượt: 1; đạt: 0; không đạt: 0; chưa có số liệu: 16"])
        // The heading row repeats on every page; no row splits across pages.
        let table = try XCTUnwrap(xml.components(separatedBy: "<w:tbl>").last)
        XCTAssertEqual(table.components(separatedBy: "<w:tblHeader/>").count, 2)
        XCTAssertEqual(table.components(separatedBy: "<w:cantSplit/>").count - 1, annex.count)
        XCTAssertTrue(table.contains("<w:tblGrid><w:gridCol w:w=\"700\"/><w:gridCol w:w=\"4187\"/><w:gridCol w:w=\"1200\"/><w:gridCol w:w=\"2500\"/>"
            + "<w:gridCol w:w=\"2000\"/><w:gridCol w:w=\"1700\"/><w:gridCol w:w=\"2000\"/></w:tblGrid>"), "14.287 twips: landscape A4 less 30 and 15 mm")
    }

    func testVerdictsReadInBlackAndWhiteWithMissedTargetsInBold() throws {
        let path = try XCTUnwrap(try fx.wordReports([try fx.fixtureData("every-rule.yaml")]).first)
        let xml = try WorkbookFixture.part(path, "word/document.xml")
        let annex = try XCTUnwrap(xml.components(separatedBy: "<w:tbl>").last)
        let cells = annex.components(separatedBy: "</w:tc>").dropLast()
        let notMet = cells.filter { WorkbookFixture.plain($0) == "không đạt" }
        let met = cells.filter { ["đạt", "vượt"].contains(WorkbookFixture.plain($0)) }
        XCTAssertEqual(notMet.count, 6)
        XCTAssertEqual(met.count, 8)
        XCTAssertTrue(notMet.allSatisfy { $0.contains("<w:b/>") })
        XCTAssertTrue(met.allSatisfy { !$0.contains("<w:b/>") })
        XCTAssertFalse(annex.contains("w:color=\"FF") || annex.contains("w:fill=\"FF"), "no red or colour carries a verdict")
        XCTAssertEqual(WorkbookFixture.tables(xml).last?.last, ["Tổng số: 16 chỉ tiêu", "Vượt: 4; đạt: 4; không đạt: 6; chưa có số liệu: 2"])
    }

    func testARunningTermCountsItsTargetsByStatus() throws {
        let path = try XCTUnwrap(try fx.wordReports([try fx.fixtureData("running-term.yaml")], asOf: 2023).first)
        let xml = try WorkbookFixture.part(path, "word/document.xml")
        XCTAssertTrue(WorkbookFixture.paragraphs(xml).contains { $0.hasSuffix("(số liệu đến ngày 31/12/2023; nhiệm kỳ đang diễn ra, đánh giá tại năm 2023, đã qua 3/5 năm), như sau:") })
        XCTAssertEqual(WorkbookFixture.tables(xml).last?.last,
                       ["Tổng số: 5 chỉ tiêu", "Vượt: 0; đạt: 0; không đạt: 0; chưa có số liệu: 0; đúng tiến độ: 1; đã có năm không đạt: 1; thiếu số liệu năm đã qua: 3"])
        let missed = try XCTUnwrap(xml.components(separatedBy: "</w:tc>").first { WorkbookFixture.plain($0) == "đã có năm không đạt" })
        XCTAssertTrue(missed.contains("<w:b/>"), "a target with a missed year is set in bold")
    }

    func testEnglish() throws {
        let path = try xiii(.en)
        XCTAssertTrue(path.hasSuffix("/lang-son-khoi-cac-co-quan-2015-2020.en.docx"), path)
        let xml = try WorkbookFixture.part(path, "word/document.xml")
        let p = WorkbookFixture.paragraphs(xml)
        XCTAssertEqual(Array(p.prefix(8)), [
            "Lạng Sơn Provincial Party Organisation", "Party Committee of the Provincial Agencies' Bloc", "*", "No.      -BC/ĐUK",
            "COMMUNIST PARTY OF VIETNAM", "", "Lạng Sơn, ....../....../20..", "REPORT",
        ])
        XCTAssertTrue(p.contains("1 of 17 targets met or exceeded (1 exceeded); 16 with no data yet."), "\(p)")
        let annex = try XCTUnwrap(WorkbookFixture.tables(xml).last)
        XCTAssertTrue(annex.contains(["9", "New members admitted", "members", "more than 750 members, over the term", "868", "115.7%", "exceeded"]), "\(annex)")
        XCTAssertEqual(annex.last, ["Total: 17 targets", "Exceeded: 1; met: 0; not met: 0; no data yet: 16"])
        XCTAssertEqual(WorkbookFixture.tables(xml)[1][0][1], "ON BEHALF OF THE STANDING COMMITTEESECRETARY")
        XCTAssertTrue(try WorkbookFixture.part(path, "word/styles.xml").contains("<w:lang w:val=\"en-GB\""))
    }

    func testNoTextUnder10PointsInStylesOrRuns() throws {
        let path = try xiii()
        for part in ["word/document.xml", "word/styles.xml", "word/footer1.xml"] {
            let xml = try WorkbookFixture.part(path, part)
            let sizes = xml.components(separatedBy: "<w:sz w:val=\"").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
            XCTAssertFalse(sizes.isEmpty && part != "word/footer1.xml", part)
            XCTAssertTrue(sizes.allSatisfy { $0 >= 20 }, "\(part): half-point sizes \(Set(sizes).sorted())")
        }
        // The footer takes its size from its style: 11 pt.
        XCTAssertTrue(try WorkbookFixture.part(path, "word/footer1.xml").contains("<w:pStyle w:val=\"Footer\"/>"))
        let styles = try WorkbookFixture.part(path, "word/styles.xml")
        XCTAssertTrue(styles.contains("w:styleId=\"Footer\"><w:name w:val=\"footer\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr><w:spacing w:before=\"0\" w:after=\"0\"/></w:pPr>"
            + "<w:rPr><w:sz w:val=\"22\"/>"))
        XCTAssertTrue(styles.contains("<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"Times New Roman\" w:cs=\"Times New Roman\"/><w:sz w:val=\"28\"/>"),
                      "Normal: Times New Roman 14 pt")
        XCTAssertTrue(styles.contains("w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before=\"360\" w:after=\"0\"/>"
            + "<w:jc w:val=\"center\"/></w:pPr><w:rPr><w:b/><w:bCs/><w:sz w:val=\"32\"/>"), "BÁO CÁO: 16 pt bold")
    }

    func testSectionsMarginsFooterAndProperties() throws {
        let path = try xiii()
        let xml = try WorkbookFixture.part(path, "word/document.xml")
        let margins = "<w:pgMar w:top=\"1417\" w:right=\"850\" w:bottom=\"1417\" w:left=\"1701\" w:header=\"709\" w:footer=\"567\" w:gutter=\"0\"/>"
        XCTAssertTrue(xml.contains("<w:pPr><w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooter1\"/><w:type w:val=\"nextPage\"/><w:pgSz w:w=\"11906\" w:h=\"16838\"/>" + margins),
                      "the report on portrait A4, 25/25/30/15 mm")
        XCTAssertTrue(xml.hasSuffix("<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>" + margins + "<w:cols w:space=\"708\"/></w:sectPr></w:body></w:document>"),
                      "the annex on landscape A4")
        let footer = try WorkbookFixture.part(path, "word/footer1.xml")
        XCTAssertEqual(WorkbookFixture.paragraphs(footer), ["Đảng bộ Khối các cơ quan tỉnh Lạng Sơn — Đại hội lần thứ XIII, nhiệm kỳ 2015–2020 — Trang 1"])
        XCTAssertTrue(footer.contains("<w:fldSimple w:instr=\" PAGE \">"))
        let core = try WorkbookFixture.part(path, "docProps/core.xml")
        XCTAssertTrue(core.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2020-07-21T00:00:00Z</dcterms:created>"), "the source's date of the 868, not the clock")
        XCTAssertEqual(try WorkbookFixture.parts(path), ["[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "docProps/core.xml", "word/_rels/document.xml.rels",
                                                         "word/document.xml", "word/footer1.xml", "word/settings.xml", "word/styles.xml"])
    }

    func testEveryPartIsWellFormedXML() throws {
        for path in [try xiii(), try xiii(.en)] {
            for part in try WorkbookFixture.parts(path) {
                XCTAssertNil(try WorkbookFixture.wellFormed(try WorkbookFixture.part(path, part), scratch: fx.dir), "\(path): \(part)")
            }
        }
    }

    func testSameDataSameBytes() throws {
        let first = try XCTUnwrap(try fx.wordReports([WorkbookFixture.xiii], out: fx.dir + "/a").first)
        Thread.sleep(forTimeInterval: 2.1) // past the 2-second grain of a ZIP time
        let second = try XCTUnwrap(try fx.wordReports([WorkbookFixture.xiii], out: fx.dir + "/b").first)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: first)), try Data(contentsOf: URL(fileURLWithPath: second)))
    }
}
