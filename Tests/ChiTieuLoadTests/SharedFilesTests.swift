import ChiTieuCore
import ChiTieuLoad
import Foundation
import XCTest

/// Issue 14: one source cited by several bodies' files (a shared `sources.yaml`), and several
/// data folders read together under one catalogue rule: each data file sees every
/// `indicators.yaml`, `bodies.yaml` and `sources.yaml` at or above it; the catalogues and bodies
/// read are merged, an id defined differently in two files being an error naming both.
final class SharedFilesTests: XCTestCase {
    var fixture: Fixture!

    override func setUpWithError() throws {
        fixture = try Fixture()
        try fixture.write("bodies.yaml", """
            bodies:
              - { id: test/khoi, name: "Đảng bộ Khối thử", name-en: "Test bloc", province: "Lạng Sơn", kind: bloc }
              - { id: test/cong-an, name: "Đảng bộ Công an tỉnh thử", name-en: "Test police committee", province: "Lạng Sơn", kind: police }
            sources:
              quyet-dinh: { title: "Quyết định thành lập", publisher: "Tỉnh ủy" }
            """)
        try fixture.write("sources.yaml", """
            # One provincial article listing several committees' admissions.
            sources:
              bao-tinh: { title: "Kết nạp đảng viên năm 2023 ở các đảng bộ trực thuộc", publisher: "Báo tỉnh", date: 2024-01-10 }
            """)
    }

    override func tearDown() { fixture.remove() }

    private func facts(_ body: String, _ value: String, source: String = "bao-tinh", own: String = "") -> String {
        """
        body: \(body)
        \(own)
        facts:
          - { indicator: ket-nap-dang-vien, period: 2023, value: "\(value)", source: \(source), line: 3, quote: "kết nạp \(value) đảng viên" }

        """
    }

    func testTwoBodiesFilesCiteOneSharedSourceAndEachRecordCarriesIt() throws {
        try fixture.write("data/khoi/facts.yaml", facts("test/khoi", "48"))
        try fixture.write("data/cong-an/facts.yaml", facts("test/cong-an", "26"))
        let result = LedgerLoader.load(paths: [fixture.path("data")])
        XCTAssertEqual(result.diagnostics.items, [])
        let records = try XCTUnwrap(result.ledger?.records)
        XCTAssertEqual(records.map(\.bodyID), ["test/cong-an", "test/khoi"])
        for record in records {
            XCTAssertEqual(record.sources.keys.sorted(), ["bao-tinh"], "only the shared source it cites, not the bodies file's")
            XCTAssertEqual(record.sources["bao-tinh"]?.publisher, "Báo tỉnh")
        }
    }

    func testTheBodiesFilesSourcesServeTooAndAFilesOwnSourceWins() throws {
        let own = #"sources: { bao-tinh: { title: "Bài của huyện", publisher: "Báo huyện" } }"#
        try fixture.write("data/khoi/facts.yaml", facts("test/khoi", "48", own: own))
        try fixture.write("data/cong-an/facts.yaml", facts("test/cong-an", "26", source: "quyet-dinh"))
        let result = LedgerLoader.load(paths: [fixture.path("data")])
        XCTAssertEqual(result.diagnostics.items, [])
        let records = try XCTUnwrap(result.ledger?.records)
        XCTAssertEqual(records.first { $0.bodyID == "test/khoi" }?.sources["bao-tinh"]?.publisher, "Báo huyện", "its own sources: win")
        XCTAssertEqual(records.first { $0.bodyID == "test/cong-an" }?.sources.keys.sorted(), ["quyet-dinh"])
    }

    func testAnUnknownSourceSaysWhereItLooked() throws {
        try fixture.write("data/khoi/facts.yaml", facts("test/khoi", "48", source: "bao-huyen"))
        let result = LedgerLoader.load(paths: [fixture.path("data")])
        XCTAssertEqual(result.errors.count, 1, "\(result.errors)")
        let e = try XCTUnwrap(result.errors.first)
        XCTAssertEqual(e.location?.line, 4)
        XCTAssertTrue(e.message.contains("unknown source 'bao-huyen'"), e.message)
        XCTAssertTrue(e.message.contains("looked in this file's 'sources:', \(fixture.path("sources.yaml")), \(fixture.path("bodies.yaml")); defined: bao-tinh, quyet-dinh"), e.message)
    }

    func testOneIdForTwoDifferentSourcesInTheSharedFilesIsAnError() throws {
        try fixture.write("sources.yaml", """
            sources:
              bao-tinh: { title: "Kết nạp đảng viên năm 2023", publisher: "Báo tỉnh" }
              quyet-dinh: { title: "Một quyết định khác", publisher: "Tỉnh ủy" }
            """)
        try fixture.write("data/khoi/facts.yaml", facts("test/khoi", "48"))
        let result = LedgerLoader.load(paths: [fixture.path("data")])
        XCTAssertEqual(result.errors.count, 1, "\(result.errors)")
        let e = try XCTUnwrap(result.errors.first)
        XCTAssertEqual(e.location?.file, fixture.path("bodies.yaml"))
        XCTAssertEqual(e.location?.line, 5)
        XCTAssertTrue(e.message.contains("source 'quyet-dinh' is defined differently here and in \(fixture.path("sources.yaml")):3"), e.message)
    }

    // MARK: - Several folders

    /// A second data folder beside the fixture's with its own catalogue, `ket-nap-dang-vien`
    /// written as the fixture writes it (or with another English name), and its own body.
    private func secondFolder(nameEn: String = "Admitted") throws -> String {
        let b = fixture.root + "-b"
        let files = [
            "indicators.yaml": """
                indicators:
                  - { id: ket-nap-dang-vien, name: "Kết nạp đảng viên mới", name-en: "\(nameEn)", unit: count, noun: "đảng viên" }
                """,
            "bodies.yaml": """
                bodies:
                  - { id: khac/khoi, name: "Đảng bộ Khối khác", name-en: "Another bloc", province: "Khác", kind: bloc }
                """,
            "khac/facts.yaml": """
                body: khac/khoi
                sources: { s: { title: "t", publisher: "p" } }
                facts:
                  - { indicator: ket-nap-dang-vien, period: 2023, value: "30", source: s, quote: "kết nạp 30" }
                """,
        ]
        for (name, text) in files {
            try FileManager.default.createDirectory(atPath: ((b + "/" + name) as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: URL(fileURLWithPath: b + "/" + name))
        }
        return b
    }

    func testTwoDataFoldersAreMergedWhenTheyAgree() throws {
        try fixture.write("data/khoi/facts.yaml", facts("test/khoi", "48"))
        let b = try secondFolder()
        defer { try? FileManager.default.removeItem(atPath: b) }
        let result = LedgerLoader.load(paths: [fixture.path("data"), b])
        XCTAssertEqual(result.diagnostics.items, [])
        let ledger = try XCTUnwrap(result.ledger)
        XCTAssertEqual(ledger.records.map(\.bodyID), ["khac/khoi", "test/khoi"])
        XCTAssertEqual(ledger.bodies.keys.sorted(), ["khac/khoi", "test/cong-an", "test/khoi"])
        XCTAssertEqual(ledger.indicators.keys.sorted(), ["dang-vien-htt", "ket-nap-dang-vien", "xep-loai"], "one ket-nap-dang-vien for both")
        XCTAssertEqual(Set(ledger.indicators.values.map(\.position)).count, 3, "every indicator keeps its own place in the order")
    }

    func testAnIndicatorDefinedDifferentlyInTwoFoldersNamesBothFiles() throws {
        try fixture.write("data/khoi/facts.yaml", facts("test/khoi", "48"))
        let b = try secondFolder(nameEn: "New members")
        defer { try? FileManager.default.removeItem(atPath: b) }
        let result = LedgerLoader.load(paths: [fixture.path("data"), b])
        XCTAssertEqual(result.errors.count, 1, "\(result.errors)")
        let e = try XCTUnwrap(result.errors.first)
        XCTAssertEqual(e.location?.file, b + "/indicators.yaml")
        XCTAssertEqual(e.location?.line, 2)
        XCTAssertTrue(e.message.contains("indicator 'ket-nap-dang-vien' is defined differently here and in \(fixture.path("indicators.yaml")):9"), e.message)
    }

    func testAFolderWithoutACatalogueUsesTheOneAboveAndMayAddItsOwnBodies() throws {
        // A new office's folder inside the data folder: its own bodies.yaml, the catalogue above.
        try fixture.write("van-phong-moi/bodies.yaml", """
            bodies:
              - { id: moi/huyen, name: "Đảng bộ huyện Mới", name-en: "Mới District Committee", province: "Lạng Sơn", kind: district }
            """)
        try fixture.write("van-phong-moi/huyen/facts.yaml", facts("moi/huyen", "12"))
        let result = LedgerLoader.load(paths: [fixture.path("van-phong-moi")])
        XCTAssertEqual(result.diagnostics.items, [])
        let record = try XCTUnwrap(result.ledger?.records.first)
        XCTAssertEqual(record.bodyID, "moi/huyen")
        XCTAssertEqual(record.sources.keys.sorted(), ["bao-tinh"], "the sources.yaml above it serves too")
        XCTAssertEqual(result.ledger?.bodies.keys.sorted(), ["moi/huyen", "test/cong-an", "test/khoi"], "its bodies and those above")
        // Loaded from the top, the new office's bodies join the others'.
        let all = LedgerLoader.load(paths: [fixture.root])
        XCTAssertFalse(all.diagnostics.hasErrors, "\(all.diagnostics.items)")
        XCTAssertEqual(all.ledger?.bodies.keys.sorted(), ["moi/huyen", "test/cong-an", "test/khoi"])
        XCTAssertEqual(LedgerLoader.dataRoot(of: fixture.path("van-phong-moi/huyen/facts.yaml")), fixture.root)
    }

    func testAFoldersOwnCatalogueAddsToTheOneAbove() throws {
        try fixture.write("van-phong-moi/indicators.yaml", """
            indicators:
              - { id: quan-chung-uu-tu, name: "Quần chúng ưu tú được bồi dưỡng", name-en: "Candidates trained", unit: count, noun: "quần chúng" }
              - { id: dang-vien-xuat-sac, name: "Đảng viên hoàn thành xuất sắc", name-en: "Members rated excellent", unit: percent, share-of: members }
              - { id: xep-loai-chi-bo, name: "Xếp loại chi bộ", name-en: "Cell rating", unit: rating, scale: xl }
            """)
        try fixture.write("van-phong-moi/khoi/facts.yaml", facts("test/khoi", "48") + """
              - { indicator: quan-chung-uu-tu, period: 2023, value: "70", source: bao-tinh, quote: "bồi dưỡng 70 quần chúng ưu tú" }

            """)
        let result = LedgerLoader.load(paths: [fixture.path("van-phong-moi")])
        XCTAssertEqual(result.diagnostics.items, [])
        XCTAssertEqual(result.ledger?.records.first?.observations.map(\.indicatorID), ["ket-nap-dang-vien", "quan-chung-uu-tu"], "one from above, one its own")
        XCTAssertEqual(result.ledger?.indicators["quan-chung-uu-tu"]?.position, 3, "after the three of the catalogue above")
        XCTAssertEqual(result.ledger?.indicators["dang-vien-xuat-sac"]?.shareOf?.nameEn, "members", "a share base of the catalogue above")
        XCTAssertEqual(result.ledger?.indicators["xep-loai-chi-bo"]?.scale?.levels.map(\.id), ["tot", "hoan-thanh"], "and its rating scale")
        XCTAssertEqual(LedgerLoader.dataRoot(of: fixture.path("van-phong-moi/khoi/facts.yaml")), fixture.path("van-phong-moi"), "the nearest")
    }

    func testAFileWithNoCatalogueAboveUsesTheGivenFolders() throws {
        let outside = NSTemporaryDirectory() + "chitieu-draft-" + UUID().uuidString + ".yaml"
        try Data(facts("test/khoi", "48").utf8).write(to: URL(fileURLWithPath: outside))
        defer { try? FileManager.default.removeItem(atPath: outside) }
        let alone = LedgerLoader.load(paths: [outside])
        XCTAssertTrue(alone.errors.first?.message.contains("no indicators.yaml in its folder or any folder above it") == true, "\(alone.errors)")
        let helped = LedgerLoader.load(paths: [outside], catalogueFrom: [fixture.path("data")])
        XCTAssertEqual(helped.diagnostics.items, [])
        XCTAssertEqual(helped.ledger?.records.first?.sources.keys.sorted(), ["bao-tinh"])
    }
}
