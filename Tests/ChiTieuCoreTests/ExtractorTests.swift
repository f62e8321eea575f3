import ChiTieuCore
import Foundation
import XCTest

/// Outcome sentences in the forms reports use, and text as it arrives.
final class ExtractorTests: XCTestCase {
    let extractor = Extractor(catalogue: [
        "ket-nap-dang-vien": Indicator(id: "ket-nap-dang-vien", name: "Kết nạp đảng viên mới", nameEn: "Admitted", unit: .count),
        "dang-vien-htt": Indicator(id: "dang-vien-htt", name: "Đảng viên hoàn thành tốt nhiệm vụ trở lên", nameEn: "Well", unit: .percent, position: 1),
    ])

    private func outcomes(_ text: String) -> [ExtractedEntry] { extractor.extract(text).entries.filter { $0.kind == .outcome } }

    func testStatedAttainment() throws {
        let o = try XCTUnwrap(outcomes("Nhiệm kỳ 2015 – 2020, đảng bộ đã kết nạp được 868 đảng viên  (đạt 115,7% chỉ tiêu).").first)
        XCTAssertEqual(o.value, "868")
        XCTAssertEqual(o.stated, "115,7%")
        XCTAssertEqual(o.indicators, ["ket-nap-dang-vien"])
        XCTAssertEqual(o.line, 1)
    }

    func testOutcomeAndTargetInOneFigureIsMarkedForReview() throws {
        let o = try XCTUnwrap(outcomes("Kết quả, đã kết nạp 180/150 đảng viên mới.").first)
        XCTAssertEqual(o.value, "180")
        XCTAssertEqual(o.target, "150")
        XCTAssertTrue(o.review.contains { $0.contains("slash may also mean 'or'") })
    }

    func testTargetInBracketsAfterTheOutcome() throws {
        let o = try XCTUnwrap(outcomes("Đã có 92% đảng viên hoàn thành tốt nhiệm vụ trở lên (chỉ tiêu Nghị quyết là 90%).").first)
        XCTAssertEqual(o.value, "92%")
        XCTAssertEqual(o.target, "90%")
        XCTAssertEqual(o.indicators, ["dang-vien-htt"])
    }

    func testTheFigureAfterVuotChiTieuIsTheExcess() throws {
        let o = try XCTUnwrap(outcomes("Đã kết nạp được 170 đảng viên mới, vượt chỉ tiêu 20 đảng viên.").first)
        XCTAssertEqual(o.value, "170")
        // 20 is the excess, not the target: the target is 170 − 20 (issue 18), and the review says so.
        XCTAssertEqual(o.target, "150")
        XCTAssertTrue(o.review.contains { $0.contains("excess") })
    }

    func testATargetSentenceIsNotTakenForAnOutcome() {
        let (entries, _) = extractor.extract("Nghị quyết đề ra chỉ tiêu: hằng năm kết nạp được ít nhất 120 đảng viên mới.")
        XCTAssertEqual(entries.map(\.kind), [.target])
        XCTAssertEqual(entries.first?.rule?.rule, ">= 120")
        XCTAssertEqual(entries.first?.rule?.period, "each-year")
    }

    func testLineNumbersAndUnparsedTargetLikeClauses() {
        let text = "Mở đầu.\n\nNghị quyết đề ra chỉ tiêu: kết nạp được trên 750 đảng viên; phấn đấu có trên 7.5000 đảng viên."
        let (entries, unparsed) = extractor.extract(text)
        XCTAssertEqual(entries.map(\.line), [3])
        XCTAssertEqual(entries.first?.rule?.rule, "> 750")
        // "7.5000" is malformed: not read, and listed for a person with its line.
        XCTAssertEqual(unparsed.map(\.line), [3])
        XCTAssertTrue(unparsed.first?.words.contains("7.5000") == true)
    }

    func testASentenceBrokenAcrossLinesIsReadWhole() throws {
        let text = "Nghị quyết đề ra chỉ tiêu: hằng năm kết nạp\nđược ít nhất 120 đảng viên mới.\nDòng khác."
        let entry = try XCTUnwrap(extractor.extract(text).entries.first)
        XCTAssertEqual(entry.rule?.rule, ">= 120")
        XCTAssertEqual(entry.rule?.period, "each-year")
        XCTAssertEqual(entry.line, 1, "the line where the sentence starts")
    }

    func testARangeReachedAgainstARangeSet() throws {
        let o = try XCTUnwrap(outcomes("Đã kiểm tra toàn diện đạt 15-18% cơ sở đảng (chỉ tiêu 15-20%).").first)
        XCTAssertEqual(o.value, "15-18%")
        XCTAssertEqual(o.target, "15-20%")
    }

    func testAnOutcomeOfOneYearBesideATargetOfAnotherIsSaid() throws {
        let o = try XCTUnwrap(outcomes("Năm 2019 đã kết nạp được 130 đảng viên mới (chỉ tiêu năm 2020 là 150 đảng viên).").first)
        XCTAssertEqual(o.value, "130")
        XCTAssertEqual(o.target, "150")
        XCTAssertTrue(o.review.contains { $0.contains("of 2019 and the target of 2020") }, "\(o.review)")
    }
}
