import ChiTieuCore
import ChiTieuLoad
import ChiTieuReport
import Foundation
import XCTest

/// Sentences of the report that read wrong before issue 15: built around a missing figure,
/// plurals of one, a tally counting years with no figure as years judged, a gap rounded to
/// nothing losing its sign, a source's Vietnamese figure quoted in an English sentence.
final class SentenceTests: XCTestCase {
    var dir: String!

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "chitieu-sentences-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for file in ["indicators.yaml", "bodies.yaml"] {
            try FileManager.default.copyItem(atPath: WorkbookFixture.repo.path + "/Targets/" + file, toPath: dir + "/" + file)
        }
        // XII: admissions 150 + 160 + 170 + 180 for 2016–2019, none for 2020; inspections 8 in
        // 2016 (against at least 10) and no figure after; exemplary members 90,03 % against 90 %.
        try Data("""
            body: lang-son/khoi-cac-co-quan
            term: { congress: XII, years: 2015-2020 }
            sources:
              s: { title: "Số liệu giả định cho kiểm thử", publisher: "chitieu" }
            targets:
              - { id: ket-nap, text: "kết nạp được trên 750 đảng viên", source: s, indicator: ket-nap-dang-vien, rule: "> 750", period: term }
              - { id: kiem-tra, text: "hằng năm kiểm tra ít nhất 10 tổ chức đảng", source: s, indicator: kiem-tra-to-chuc, rule: ">= 10", period: each-year }
              - { id: tien-phong, text: "90% đảng viên tiền phong gương mẫu", source: s, indicator: dang-vien-tien-phong, rule: ">= 90%", period: term }
            outcomes:
              - { indicator: ket-nap-dang-vien, period: 2016, value: "150", source: s, quote: "150" }
              - { indicator: ket-nap-dang-vien, period: 2017, value: "160", source: s, quote: "160" }
              - { indicator: ket-nap-dang-vien, period: 2018, value: "170", source: s, quote: "170" }
              - { indicator: ket-nap-dang-vien, period: 2019, value: "180", source: s, quote: "180" }
              - { target: kiem-tra, period: 2016, value: "8", source: s, quote: "8" }
              - { target: tien-phong, period: term, value: "90,03%", stated: "100,03%", source: s, quote: "90,03%, đạt 100,03%" }
            """.utf8).write(to: URL(fileURLWithPath: dir + "/2015-2020.yaml"))
        // XI: one target, no figure.
        try Data("""
            body: lang-son/khoi-cac-co-quan
            term: { congress: XI, years: 2010-2015 }
            sources:
              s: { title: "Số liệu giả định cho kiểm thử", publisher: "chitieu" }
            targets:
              - { id: ket-nap, text: "kết nạp được trên 700 đảng viên", source: s, indicator: ket-nap-dang-vien, rule: "> 700", period: term }
            """.utf8).write(to: URL(fileURLWithPath: dir + "/2010-2015.yaml"))
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    private func report(_ file: String, _ language: ReportLanguage) throws -> String {
        let result = LedgerLoader.load(paths: [dir + "/" + file])
        XCTAssertFalse(result.diagnostics.hasErrors, "\(result.diagnostics.items)")
        let ledger = try XCTUnwrap(result.ledger)
        let docs = ReportSet(ledger: ledger, asOf: 2026, language: language, format: .markdown).documents()
        return try XCTUnwrap(docs.first).text
    }

    func testVietnameseSentences() throws {
        let text = try report("2015-2020.yaml", .vi)
        // No figure for the term (2020 is missing): the sentence is not built around the missing figure.
        XCTAssertTrue(text.contains("1. Kết nạp đảng viên mới: chưa có số liệu (chỉ tiêu: trên 750 đảng viên, cả nhiệm kỳ)"), text)
        XCTAssertFalse(text.contains("Kết nạp được chưa có số liệu"), text)
        XCTAssertTrue(text.contains("Thiếu số liệu năm 2020."), "one year: singular: \(text)")
        // One year with a figure (2016: 8 < 10, missed), four with none: 0 of 1, not "0/5 năm đạt".
        XCTAssertTrue(text.contains("0/1 năm có số liệu đạt, không đạt năm 2016, chưa có số liệu năm 2017, 2018, 2019, 2020; không đạt chỉ tiêu đề ra."), text)
        // 90,03 − 90 = +0,03 points, shown to one place: "+0,0", its sign kept.
        XCTAssertTrue(text.contains("+0,0 điểm %"), text)
        XCTAssertFalse(text.contains("±0,0"), text)
    }

    func testEnglishSentences() throws {
        let text = try report("2015-2020.yaml", .en)
        XCTAssertTrue(text.contains("1. New members admitted: no data yet (target:"), text)
        XCTAssertTrue(text.contains("0 of 1 year with figures met"), text)
        // The source's "100,03%" in the report's language; its quote stays verbatim in the sources.
        XCTAssertTrue(text.contains("The source states 100.03%; recomputed"), text)
        XCTAssertFalse(text.contains("states 100,03%"), text)
        XCTAssertTrue(try report("2010-2015.yaml", .en).contains("Of 1 target: 1 with no data yet."))
    }
}
