import ChiTieuCore
@testable import ChiTieuForms
import Foundation
import XCTest

final class ConsolidationTests: XCTestCase {
    var fixture: FormFixture!
    override func setUpWithError() throws { fixture = try FormFixture() }
    override func tearDown() { fixture.remove() }

    func testTotalsNameTheUnitsThatHaveNotReported() throws {
        let source = "sources:\n  bm: { title: \"Biểu mẫu\", publisher: \"Đơn vị\" }\n"
        try FileManager.default.createDirectory(atPath: fixture.data + "/test/co-so-a", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: fixture.data + "/test/co-so-b", withIntermediateDirectories: true)
        try ("body: test/co-so-a\n" + source + """
        facts:
          - { indicator: ket-nap-dang-vien, period: 2016, value: "7", source: bm, quote: "7" }
          - { indicator: ket-nap-dang-vien, period: 2017, value: "3", source: bm, quote: "3" }
          - { indicator: dang-vien-htt, period: 2016, numerator: "30", denominator: "31", source: bm, quote: "30/31" }
          - { indicator: xep-loai, period: 2016, value: tot, source: bm, quote: "tốt" }
        """).write(toFile: fixture.data + "/test/co-so-a/facts.yaml", atomically: true, encoding: .utf8)
        try ("body: test/co-so-b\n" + source + """
        facts:
          - { indicator: ket-nap-dang-vien, period: 2016, value: "5", source: bm, quote: "5" }
          - { indicator: dang-vien-htt, period: 2016, numerator: "10", denominator: "12", source: bm, quote: "10/12" }
        """).write(toFile: fixture.data + "/test/co-so-b/facts.yaml", atomically: true, encoding: .utf8)
        let ledger = try fixture.ledger()
        let record = try XCTUnwrap(ledger.records.first { $0.term != nil })
        let c = try XCTUnwrap(Consolidation(record: record, ledger: ledger))
        XCTAssertEqual(c.units.map(\.id), ["test/co-so-a", "test/co-so-b"], "test/khac has no parent")
        let ketNap = try XCTUnwrap(c.lines.first { $0.target.id == "ket-nap" })
        XCTAssertEqual(ketNap.cells[0], Consolidation.Cell(year: 2016, total: 12, denominator: nil, reported: 2, missing: []))
        XCTAssertEqual(ketNap.cells[1], Consolidation.Cell(year: 2017, total: 3, denominator: nil, reported: 1, missing: ["Chi bộ cơ sở B"]))
        XCTAssertEqual(ketNap.cells[2].total, nil)
        // 30 + 10 of 31 + 12: 40/43 = 93,02 %, not the mean of 96,8 % and 83,3 % (90,05 %).
        let htt = try XCTUnwrap(c.lines.first { $0.target.id == "htt" })
        XCTAssertEqual(htt.cells[0].total, 40)
        XCTAssertEqual(htt.cells[0].denominator, 43)
        let text = c.text
        XCTAssertTrue(text.contains("  Năm 2016: 12 (đủ 2/2 cơ sở)"), text)
        XCTAssertTrue(text.contains("  Năm 2017: 3 — CHỈ LÀ TỔNG CỦA 1/2 CƠ SỞ, chưa phải tổng của Đảng bộ Khối thử; 1/2 cơ sở chưa gửi số liệu: Chi bộ cơ sở B"), text)
        XCTAssertTrue(text.contains("  Năm 2016: 40/43 = 93,0%"), text)
        XCTAssertTrue(text.contains("  Năm 2018: chưa có số liệu; 2/2 cơ sở chưa gửi số liệu: Đảng bộ cơ sở A, Chi bộ cơ sở B"), text)
        XCTAssertTrue(text.contains("xep-loai: Đảng bộ hằng năm hoàn thành tốt nhiệm vụ trở lên\n  không lập tổng: xếp loại không cộng được\n  Năm 2016: 1/2 cơ sở đã gửi"), text)
    }
}
