import ChiTieuCore
import ChiTieuLoad
import ChiTieuReport
import Foundation
import XCTest

/// Golden text reports, read by eye before they were committed. Re-record with
/// `RECORD_GOLDEN=1 swift test --filter GoldenReportTests` and review the diff in git.
final class GoldenReportTests: XCTestCase {

    private func documents(_ paths: [String], asOf: Int, _ language: ReportLanguage, _ format: TextFormat = .text, method: ProgressMethod = .proRata) throws -> [ReportSet.Document] {
        let result = LedgerLoader.load(paths: paths)
        XCTAssertFalse(result.diagnostics.hasErrors, "\(result.diagnostics.items)")
        let ledger = try XCTUnwrap(result.ledger)
        return ReportSet(ledger: ledger, asOf: asOf, language: language, format: format, method: method).documents()
    }

    /// Every progress method on one running term; the figures are checked by hand in
    /// `ProgressMethodsTests`, here the words and the "Cách tính" lines a reader follows.
    func testProgressMethodsAndTheirWorking() throws {
        let fx = try WorkbookFixture()
        defer { fx.remove() }
        let path = try fx.fixtureData("progress-methods.yaml")
        let dir = (path as NSString).deletingLastPathComponent
        let vi = try XCTUnwrap(try documents([path], asOf: 2023, .vi).first).text.replacingOccurrences(of: dir + "/", with: "Fixtures/")
        // Hand-checked lines: 420 of "trên 750" in 3 of 5 years is 56,0 % against 60,0 %, 4 points behind.
        XCTAssertTrue(vi.contains("đã đạt 420 ÷ 750 × 100 =\n     56,0 % chỉ tiêu so với 60,0 % thời gian: chậm 4,0 điểm") || vi.contains("56,0 % chỉ tiêu so với 60,0 % thời gian: chậm 4,0 điểm"), vi)
        XCTAssertTrue(vi.contains("6.997/7.000 (99,9 %)"), "99,957 % of a 100 % target is not printed as 100,0 %")
        XCTAssertFalse(vi.contains("(100,0 %)"))
        XCTAssertTrue(vi.contains("177/209 (84,7 %)"), "(62 + 60 + 55) ÷ (69 + 70 + 70)")
        XCTAssertTrue(vi.contains("85,7 % quãng đường"), "(1,2 − 0,6) ÷ (1,2 − 0,5)")
        let flowing = vi.replacingOccurrences(of: "\n", with: " ")
        XCTAssertTrue(flowing.contains("Đánh giá thủ công: đạt"))
        XCTAssertTrue(flowing.contains("Khác kết quả tính (không đạt)"))
        // 92 % against "từ 90 %" is 102,2 % of the target beside +2,0 points (issue 14, part 4).
        XCTAssertTrue(flowing.contains("đạt 97,8 % chỉ tiêu"), "88 ÷ 90 × 100 = 97,78 → 97,8 % (short of it, cut towards it)")
        try Golden.assert(vi, "progress-methods.txt")
        let trend = try XCTUnwrap(try documents([path], asOf: 2023, .en, .markdown, method: .trend).first).text.replacingOccurrences(of: dir + "/", with: "Fixtures/")
        XCTAssertTrue(trend.contains("| moving away |"), trend)
        try Golden.assert(trend, "progress-methods.trend.en.md")
        // UN ESCAP's index on the same running term: its words in the table, its working under
        // Cách tính (the figures are checked by hand in EscapMethodTests).
        let escap = try XCTUnwrap(try documents([path], asOf: 2023, .vi, .markdown, method: .escap).first).text.replacingOccurrences(of: dir + "/", with: "Fixtures/")
        XCTAssertTrue(escap.contains("UN ESCAP"), escap)
        XCTAssertTrue(escap.contains("hồi quy tuyến tính có trọng số thời gian"), escap)
        try Golden.assert(escap, "progress-methods.escap.md")
        // Germany's weather symbols on the same term, in English (checked by hand in WeatherMethodTests).
        let weather = try XCTUnwrap(try documents([path], asOf: 2023, .en, .markdown, method: .weather).first).text.replacingOccurrences(of: dir + "/", with: "Fixtures/")
        XCTAssertTrue(weather.contains("Weather (Germany, dns-indikatoren.de)"), weather)
        try Golden.assert(weather, "progress-methods.weather.en.md")
    }

    private var targets: String { Golden.repo.appendingPathComponent("Targets").path }

    func testXIIIReportInVietnamese() throws {
        let docs = try documents([targets], asOf: 2026, .vi)
        let doc = try XCTUnwrap(docs.first { $0.fileName == "lang-son-khoi-cac-co-quan-2015-2020.txt" })
        XCTAssertTrue(doc.text.contains("Kết nạp được 868 đảng viên mới, đạt 115,7 % chỉ tiêu"))
        XCTAssertTrue(doc.text.contains("vượt chỉ tiêu đề ra"))
        XCTAssertTrue(doc.text.contains("chưa có số liệu"))
        try Golden.assert(doc.text, doc.fileName)
    }

    func testXIIIReportInEnglish() throws {
        let docs = try documents([targets], asOf: 2026, .en)
        let doc = try XCTUnwrap(docs.first { $0.fileName == "lang-son-khoi-cac-co-quan-2015-2020.en.txt" })
        XCTAssertTrue(doc.text.contains("Admitted 868 new members, 115.7% of the target"))
        try Golden.assert(doc.text, doc.fileName)
    }

    func testQuangNinhFactsWithLineageAndCorrection() throws {
        let docs = try documents([targets], asOf: 2026, .vi)
        let doc = try XCTUnwrap(docs.first { $0.fileName == "quang-ninh-khoi-cac-co-quan-so-lieu.txt" })
        XCTAssertTrue(doc.text.contains("Số đảng viên: trên 7.500 [nguồn viết “7.5000”"))
        XCTAssertTrue(doc.text.contains("chuyển giao tổ chức, đảng viên về"))
        try Golden.assert(doc.text, doc.fileName)
    }

    func testRunningTermInMarkdown() throws {
        // The fixture needs the catalogue: the fixture's scratch data folder has it beside it.
        let fx = try WorkbookFixture()
        defer { fx.remove() }
        let dir = (try fx.fixtureData("running-term.yaml") as NSString).deletingLastPathComponent
        let docs = try documents([dir + "/running-term.yaml"], asOf: 2023, .vi, .markdown)
        let doc = try XCTUnwrap(docs.first)
        let text = doc.text.replacingOccurrences(of: dir + "/", with: "Fixtures/")
        XCTAssertTrue(text.contains("chỉ khớp nếu cắt bớt chữ số"))
        // The running-term words by the written rule: 2023 missed → "đã có năm không đạt"; a past
        // year without its figure → "thiếu số liệu năm đã qua"; the rule itself under Cách tính.
        XCTAssertTrue(text.contains("| đã có năm không đạt |"), text)
        XCTAssertTrue(text.contains("chưa có số liệu năm 2023; thiếu số liệu năm đã qua."), text)
        XCTAssertTrue(text.contains("Nhiệm kỳ đang diễn ra: chỉ tiêu hằng năm có năm không đạt → đã có năm không đạt"), text)
        try Golden.assert(text, "running-term.md")
        let plain = try documents([dir + "/running-term.yaml"], asOf: 2023, .vi, .text)
        try Golden.assert(try XCTUnwrap(plain.first).text.replacingOccurrences(of: dir + "/", with: "Fixtures/"), "running-term.txt")
    }
}
