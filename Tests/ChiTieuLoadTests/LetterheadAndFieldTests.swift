import ChiTieuCore
import ChiTieuLoad
import Foundation
import XCTest

/// Issue 16: a body's documents are headed and signed as 36-HD/VPTW lays out (the parts an office
/// writes in `bodies.yaml`, the rest implied by its name), and an annex groups targets by field
/// of work in the catalogue's order.
final class LetterheadAndFieldTests: XCTestCase {
    var fixture: Fixture!

    override func setUpWithError() throws { fixture = try Fixture() }
    override func tearDown() { fixture.remove() }

    private let catalogue = """
        bases:
          - { id: members, name: "đảng viên", name-en: "members" }
        fields:
          - { id: chinh-tri, name: "Công tác chính trị, tư tưởng", name-en: "Political work" }
          - { id: to-chuc, name: "Công tác tổ chức, cán bộ và xây dựng Đảng", name-en: "Party building" }
          - { id: kiem-tra, name: "Công tác kiểm tra, giám sát", name-en: "Inspection" }
        indicators:
          - { id: ket-nap-dang-vien, name: "Kết nạp đảng viên mới", name-en: "Admitted", unit: count, noun: "đảng viên", field: to-chuc }
          - { id: quan-triet, name: "Đảng viên được quán triệt", name-en: "Briefed", unit: percent, share-of: members, field: chinh-tri }
          - { id: dang-vien-kiem-tra, name: "Đảng viên được kiểm tra", name-en: "Inspected", unit: percent, share-of: members, field: kiem-tra }
          - { id: van-ban, name: "Văn bản ban hành", name-en: "Documents", unit: count, noun: "văn bản" }
        """

    private func targets(_ extra: String = "") -> String {
        Fixture.head + """
        targets:
          - { id: ket-nap, text: "kết nạp trên 750 đảng viên", source: s, indicator: ket-nap-dang-vien, rule: "> 750", period: term }
          - { id: kiem-tra, text: "100% đảng viên được kiểm tra", source: s, indicator: dang-vien-kiem-tra, rule: ">= 100%", period: term }
          - { id: van-ban, text: "ban hành 20 văn bản", source: s, indicator: van-ban, rule: ">= 20", period: term }
          - { id: quan-triet, text: "100% đảng viên được quán triệt", source: s, indicator: quan-triet, rule: ">= 100%", period: term }
        \(extra)
        """
    }

    func testTheBodiesFileGivesTheLetterheadAndTheNameImpliesWhatItLeavesOut() throws {
        try fixture.write("bodies.yaml", """
            bodies:
              - id: test/khoi
                name: "Đảng bộ Khối các cơ quan tỉnh Lạng Sơn"
                name-en: "Test bloc"
                province: "Lạng Sơn"
                kind: bloc
                letterhead: { issuer: "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", symbol: "ĐUK", recipients: ["Ban Thường vụ Tỉnh ủy (để báo cáo)", "Lưu Văn phòng"] }
              - { id: test/tinh, name: "Đảng bộ tỉnh Lạng Sơn", name-en: "Lạng Sơn province", province: "Lạng Sơn", kind: province }
              - { id: test/huyen, name: "Đảng bộ huyện Cao Lộc", name-en: "Cao Lộc district", province: "Lạng Sơn", kind: district, letterhead: { superior: "" } }
            """)
        let result = try fixture.load(Fixture.head.replacingOccurrences(of: "test/khoi", with: "test/khoi"))
        XCTAssertEqual(result.errors, [])
        let bodies = try XCTUnwrap(result.ledger?.bodies)
        let bloc = try XCTUnwrap(bodies["test/khoi"]?.letterhead)
        XCTAssertEqual(bloc.superior, "ĐẢNG BỘ TỈNH LẠNG SƠN", "the province's organisation is above a bloc")
        XCTAssertEqual(bloc.issuer, "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", "as written, not derived from the name")
        XCTAssertEqual(bloc.symbol, "ĐUK")
        XCTAssertEqual(bloc.place, "Lạng Sơn")
        XCTAssertEqual(bloc.signedFor, "T/M BAN THƯỜNG VỤ")
        XCTAssertEqual(bloc.signerTitle, "BÍ THƯ")
        XCTAssertEqual(bloc.recipients, ["Ban Thường vụ Tỉnh ủy (để báo cáo)", "Lưu Văn phòng"])
        let province = try XCTUnwrap(bodies["test/tinh"]?.letterhead)
        XCTAssertNil(province.superior, "a provincial committee has no line above it")
        XCTAssertEqual(province.issuer, "TỈNH ỦY LẠNG SƠN")
        let district = try XCTUnwrap(bodies["test/huyen"]?.letterhead)
        XCTAssertEqual(district.issuer, "ĐẢNG ỦY HUYỆN CAO LỘC", "'Đảng bộ' holds the congress, its 'Đảng ủy' issues")
        XCTAssertNil(district.superior, "'superior: \"\"' removes the line")
    }

    func testAnUnknownLetterheadKeyIsRefusedAtItsLine() throws {
        try fixture.write("bodies.yaml", """
            bodies:
              - id: test/khoi
                name: "Đảng bộ Khối thử"
                name-en: "Test bloc"
                province: "Lạng Sơn"
                kind: bloc
                letterhead: { signer: "BÍ THƯ" }
            """)
        let result = try fixture.load(Fixture.head)
        let error = try XCTUnwrap(result.errors.first)
        XCTAssertTrue(error.message.contains("unknown key 'signer'"), error.message)
        XCTAssertEqual(error.location?.line, 7)
    }

    func testTargetsAreGroupedByFieldInTheCataloguesOrderAndAFilesFieldWins() throws {
        try fixture.write("indicators.yaml", catalogue)
        let result = try fixture.load(targets())
        XCTAssertEqual(result.errors, [])
        let ledger = try XCTUnwrap(result.ledger)
        let record = try XCTUnwrap(ledger.records.first)
        let a = try XCTUnwrap(Evaluator(ledger: ledger, asOf: 2020).assess(record))
        let groups = a.fieldGroups
        // Catalogue order (chính trị, tổ chức, kiểm tra), not file order; no field last.
        XCTAssertEqual(groups.map { $0.field?.id }, ["chinh-tri", "to-chuc", "kiem-tra", nil])
        XCTAssertEqual(groups.map(\.roman), ["I", "II", "III", "IV"])
        XCTAssertEqual(groups.map { $0.targets.map(\.target.id) }, [["quan-triet"], ["ket-nap"], ["kiem-tra"], ["van-ban"]])

        // A target's own field overrides its indicator's.
        let moved = try fixture.load(targets().replacingOccurrences(of: #"rule: ">= 20", period: term }"#, with: #"rule: ">= 20", period: term, field: chinh-tri }"#))
        XCTAssertEqual(moved.errors, [])
        let movedLedger = try XCTUnwrap(moved.ledger)
        let b = try XCTUnwrap(Evaluator(ledger: movedLedger, asOf: 2020).assess(try XCTUnwrap(movedLedger.records.first)))
        XCTAssertEqual(b.fieldGroups.map { $0.targets.map(\.target.id) }, [["van-ban", "quan-triet"], ["ket-nap"], ["kiem-tra"]])
        // The positions the summary sheet walks name the same targets, in the same groups and order.
        XCTAssertEqual(b.fieldGroupPositions.map { $0.positions.map { b.targets[$0].target.id } }, [["van-ban", "quan-triet"], ["ket-nap"], ["kiem-tra"]])
        XCTAssertEqual(b.fieldGroupPositions.map(\.roman), ["I", "II", "III"])
    }

    func testAnUnknownFieldNamesTheKnownOnes() throws {
        try fixture.write("indicators.yaml", catalogue.replacingOccurrences(of: "field: kiem-tra }", with: "field: kiem-tra-giam-sat }"))
        let result = LedgerLoader.load(paths: [fixture.path("indicators.yaml")])
        let error = try XCTUnwrap(result.errors.first)
        XCTAssertEqual(error.message, "unknown field 'kiem-tra-giam-sat'; write one of: chinh-tri, to-chuc, kiem-tra")
        XCTAssertEqual(error.location?.line, 10)
    }

    func testRomanNumerals() {
        XCTAssertEqual([1, 2, 3, 4, 5, 9, 14, 40, 1990].map(Roman.numeral), ["I", "II", "III", "IV", "V", "IX", "XIV", "XL", "MCMXC"])
        XCTAssertEqual(Roman.numeral(0), "0")
    }

    func testTheBuiltInBlocsCarryTheirLetterheadAndEveryIndicatorAField() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        let result = LedgerLoader.load(paths: [root + "/Targets"])
        XCTAssertEqual(result.errors, [])
        let ledger = try XCTUnwrap(result.ledger)
        let bloc = try XCTUnwrap(ledger.bodies["lang-son/khoi-cac-co-quan"]?.letterhead)
        XCTAssertEqual([bloc.superior, bloc.issuer, bloc.symbol, bloc.place], ["ĐẢNG BỘ TỈNH LẠNG SƠN", "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH", "ĐUK", "Lạng Sơn"])
        XCTAssertEqual(ledger.indicators.values.filter { $0.field == nil }.map(\.id), [], "every built-in indicator has its field")
    }
}

extension LetterheadAndFieldTests {
    /// Two data folders each with a copy of one catalogue define the same fields: one set, in one
    /// order, and no clash (a field's rank is its first catalogue's).
    func testTwoCopiesOfOneCatalogueDefineTheSameFields() throws {
        // Only the two folders' catalogues, side by side: none above them.
        try FileManager.default.removeItem(atPath: fixture.path("indicators.yaml"))
        try fixture.write("a/indicators.yaml", catalogue)
        try fixture.write("b/indicators.yaml", catalogue)
        try fixture.write("a/khoi/2015-2020.yaml", targets())
        try fixture.write("b/khoi/facts.yaml", "body: test/khoi\nfacts: []\n")
        let result = LedgerLoader.load(paths: [fixture.path("a"), fixture.path("b")])
        XCTAssertEqual(result.errors, [])
        let ledger = try XCTUnwrap(result.ledger)
        XCTAssertEqual(ledger.indicators["dang-vien-kiem-tra"]?.field?.rank, 2)
        let a = try XCTUnwrap(Evaluator(ledger: ledger, asOf: 2020).assess(try XCTUnwrap(ledger.records.first { $0.term != nil })))
        XCTAssertEqual(a.fieldGroups.map { $0.field?.id }, ["chinh-tri", "to-chuc", "kiem-tra", nil])
    }
}

/// sdg-build's `limit` on an indicator of the catalogue (issue 19): read as a figure, refused with
/// its line and column when it is not one.
final class IndicatorLimitTests: XCTestCase {
    var fixture: Fixture!

    override func setUpWithError() throws { fixture = try Fixture() }
    override func tearDown() { fixture.remove() }

    func testALimitIsReadAndABadOneRefusedAtItsPlace() throws {
        let withLimit = Fixture.catalogue.replacingOccurrences(of: "unit: percent, share-of: members }", with: "unit: percent, share-of: members, limit: 100 }")
        try fixture.write("indicators.yaml", withLimit)
        let result = LedgerLoader.load(paths: [fixture.path("indicators.yaml")])
        XCTAssertEqual(result.errors.map(\.message), [])
        let ledger = try XCTUnwrap(result.ledger)
        XCTAssertEqual(ledger.indicators["dang-vien-htt"]?.limit, 100)
        XCTAssertNil(ledger.indicators["ket-nap-dang-vien"]?.limit, "no limit unless set")

        try fixture.write("indicators.yaml", Fixture.catalogue.replacingOccurrences(of: "unit: percent, share-of: members }", with: "unit: percent, share-of: members, limit: trăm }"))
        let bad = LedgerLoader.load(paths: [fixture.path("indicators.yaml")])
        let error = try XCTUnwrap(bad.errors.first)
        // Line 10 of the catalogue (the share's line); the column is that of the figure.
        XCTAssertEqual(error.location?.line, 10)
        let line = Fixture.catalogue.components(separatedBy: "\n")[9].replacingOccurrences(of: "unit: percent, share-of: members }", with: "unit: percent, share-of: members, limit: trăm }")
        let column = try XCTUnwrap(line.range(of: "trăm")).lowerBound.utf16Offset(in: line) + 1
        XCTAssertEqual(error.location?.column, column, error.message)
    }
}
