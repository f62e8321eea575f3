import ChiTieuCore
@testable import ChiTieuLoad
import Foundation
import XCTest

/// What a data folder holds is read, or said not to be (issue 15): linked folders and files are
/// followed, a link loop is walked once, `.YAML` is data, a data file saved as `.yaml.txt` is
/// named with the name it should have, and a file filed under another body's folder is warned at.
final class DataFolderWalkTests: XCTestCase {
    var fixture: Fixture!

    override func setUpWithError() throws {
        fixture = try Fixture()
        try fixture.write("bodies.yaml", Fixture.bodies + """

              - { id: test/khac, name: "Đảng bộ Khối khác", name-en: "Other bloc", province: "Lạng Sơn", kind: bloc }
            """)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: fixture.root) }

    private func term(_ body: String = "test/khoi", years: String = "2015-2020") -> String {
        Fixture.head.replacingOccurrences(of: "body: test/khoi", with: "body: \(body)")
            .replacingOccurrences(of: "congress: XIII, years: 2015-2020", with: "congress: \(["2010-2015": "XII", "2020-2025": "XIV"][years] ?? "XIII"), years: \(years)")
            + "targets:\n  - { id: t, text: \"Kết nạp 100 đảng viên\", source: s, indicator: ket-nap-dang-vien, rule: \">= 100\", period: term }\n"
    }

    private func link(_ name: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: fixture.path(name), withDestinationPath: target)
    }

    func testALinkedFolderInsideTheDataIsRead() throws {
        // The body's folder lives outside the data folder and is linked in.
        try fixture.write("elsewhere/2015-2020.yaml", term())
        try FileManager.default.createDirectory(atPath: fixture.path("test"), withIntermediateDirectories: true)
        try link("test/khoi", to: fixture.path("elsewhere"))
        let all = LedgerLoader.load(paths: [fixture.root])
        XCTAssertEqual(all.ledger?.records.map(\.bodyID), ["test/khoi"], "\(all.diagnostics.items)")
        XCTAssertFalse(all.diagnostics.hasErrors, "\(all.diagnostics.items)")
        // `check` on the link itself.
        let one = LedgerLoader.load(paths: [fixture.path("test/khoi")])
        XCTAssertEqual(one.ledger?.records.count, 1, "\(one.diagnostics.items)")
        XCTAssertFalse(one.diagnostics.hasErrors, "\(one.diagnostics.items)")
    }

    func testALinkedFileIsRead() throws {
        try fixture.write("elsewhere/draft.yaml", term())
        try FileManager.default.createDirectory(atPath: fixture.path("data"), withIntermediateDirectories: true)
        try link("data/2015-2020.yaml", to: fixture.path("elsewhere/draft.yaml"))
        let r = LedgerLoader.load(paths: [fixture.path("data")])
        XCTAssertEqual(r.ledger?.records.count, 1, "\(r.diagnostics.items)")
    }

    func testALinkLoopIsWalkedOnce() throws {
        try fixture.write("data/2015-2020.yaml", term())
        try link("data/loop", to: "..")
        try link("data/self", to: ".")
        // A linked folder (read) whose own link leads back up to the data folder (not read again).
        let elsewhere = NSTemporaryDirectory() + "chitieu-elsewhere-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: elsewhere) }
        try Data(term("test/khac", years: "2020-2025").utf8).write(to: URL(fileURLWithPath: elsewhere + "/2020-2025.yaml"))
        try link("data/khac", to: elsewhere)
        try FileManager.default.createSymbolicLink(atPath: elsewhere + "/back", withDestinationPath: fixture.root)
        let r = LedgerLoader.load(paths: [fixture.root])
        XCTAssertEqual(r.ledger?.records.map(\.bodyID), ["test/khac", "test/khoi"], "\(r.diagnostics.items)")
        XCTAssertFalse(r.diagnostics.hasErrors, "\(r.diagnostics.items)")
    }

    func testUpperCaseExtensionsAreData() throws {
        try fixture.write("data/2015-2020.YAML", term())
        try fixture.write("data/2020-2025.Yml", term(years: "2020-2025"))
        let r = LedgerLoader.load(paths: [fixture.path("data")])
        XCTAssertEqual(r.ledger?.records.count, 2, "\(r.diagnostics.items)")
    }

    func testDataSavedUnderAnotherExtensionIsNamedWithItsRightName() throws {
        try fixture.write("data/2015-2020.yaml", term())
        try fixture.write("data/2020-2025.yaml.txt", term(years: "2020-2025"))
        try fixture.write("data/ket-qua.CSV.txt", "target,period,value\n")
        try fixture.write("data/2010-2015", term(years: "2010-2015"))
        try fixture.write("data/ghi-chu.txt", "Ghi chú của văn phòng\n")
        let r = LedgerLoader.load(paths: [fixture.path("data")])
        XCTAssertEqual(r.ledger?.records.count, 1)
        let warnings = r.diagnostics.items.filter { $0.severity == .warning }.map(\.description)
        XCTAssertEqual(warnings.count, 3, "\(warnings)")
        XCTAssertTrue(warnings.contains { $0.contains("2020-2025.yaml.txt:1:1: warning:") && $0.contains("rename it to '2020-2025.yaml'") }, "\(warnings)")
        XCTAssertTrue(warnings.contains { $0.contains("ket-qua.CSV.txt:1:1:") && $0.contains("rename it to 'ket-qua.CSV'") }, "\(warnings)")
        XCTAssertTrue(warnings.contains { $0.contains("data/2010-2015:1:1:") && $0.contains("rename it to '2010-2015.yaml'") }, "\(warnings)")
    }

    func testAFileInAnotherBodysFolderIsWarnedAtItsBodyLine() throws {
        try fixture.write("test/khac/2015-2020.yaml", term("test/khoi"))
        let r = LedgerLoader.load(paths: [fixture.path("test/khac")])
        let warning = r.diagnostics.items.first { $0.message.contains("filed in the folder of body 'test/khac'") }
        XCTAssertEqual(warning?.location?.line, 1)
        XCTAssertEqual(warning?.location?.column, 7)
        XCTAssertTrue(warning?.message.contains("says body: test/khoi; move it into the folder of test/khoi, or correct 'body:' to test/khac") == true, "\(r.diagnostics.items)")
    }

    func testAFileElsewhereOrInItsOwnFolderIsNotWarned() throws {
        try fixture.write("test/khoi/2015-2020.yaml", term("test/khoi"))
        try fixture.write("data/2020-2025.yaml", term("test/khac", years: "2020-2025"))
        try fixture.write("test/khac-cu/2010-2015.yaml", term("test/khoi", years: "2010-2015"))
        let r = LedgerLoader.load(paths: [fixture.root])
        XCTAssertEqual(r.ledger?.records.count, 3, "\(r.diagnostics.items)")
        XCTAssertFalse(r.diagnostics.items.contains { $0.message.contains("filed in the folder") }, "\(r.diagnostics.items)")
    }

    /// `dataRoot` and `load` for every shape of path, from inside a folder with no catalogue
    /// above it: once a trap in Foundation's path handling ("Illegal instruction").
    func testEveryShapeOfPathLoadsWithoutATrap() throws {
        let alone = NSTemporaryDirectory() + "chitieu-alone-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: alone + "/T", withIntermediateDirectories: true)
        try Data("body: x\n".utf8).write(to: URL(fileURLWithPath: alone + "/x.yaml"))
        defer { try? FileManager.default.removeItem(atPath: alone) }
        let before = FileManager.default.currentDirectoryPath
        XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath(alone))
        defer { _ = FileManager.default.changeCurrentDirectoryPath(before) }
        for path in ["T", ".", "..", "/", "", "x.yaml", "T/"] {
            XCTAssertNil(LedgerLoader.dataRoot(of: path), "'\(path)'")
            let r = LedgerLoader.load(paths: [path])
            XCTAssertTrue(r.diagnostics.hasErrors, "'\(path)'")
        }
        XCTAssertTrue(LedgerLoader.load(paths: [""]).diagnostics.items.first?.message.contains("an empty path was given") == true)
        // From inside a data folder, the same shapes find its catalogue.
        XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath(fixture.root))
        try fixture.write("data/2015-2020.yaml", term())
        XCTAssertEqual(LedgerLoader.dataRoot(of: "."), ".")
        XCTAssertEqual(LedgerLoader.dataRoot(of: "indicators.yaml"), ".")
        XCTAssertEqual(LedgerLoader.load(paths: ["."]).ledger?.records.count, 1)
        XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath(fixture.path("data")))
        XCTAssertEqual(LedgerLoader.load(paths: ["2015-2020.yaml"]).ledger?.records.count, 1)
        XCTAssertEqual(LedgerLoader.load(paths: ["."]).ledger?.records.count, 1)
    }
}
