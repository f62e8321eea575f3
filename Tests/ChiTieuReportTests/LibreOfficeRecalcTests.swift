import ChiTieuReport
import Foundation
import XCTest

/// A real spreadsheet engine recalculates the workbooks: every formula must give the value chitieu
/// cached. LibreOffice is installed by `make test` (CHITIEU_REQUIRE_LIBREOFFICE=1 there, so a
/// missing engine fails instead of skipping).
final class LibreOfficeRecalcTests: XCTestCase {
    var fx: WorkbookFixture!
    override func setUpWithError() throws {
        fx = try WorkbookFixture()
        let found = ProcessInfo.processInfo.environment["PATH", default: ""].split(separator: ":")
            .contains { FileManager.default.isExecutableFile(atPath: $0 + "/soffice") }
        if !found {
            if ProcessInfo.processInfo.environment["CHITIEU_REQUIRE_LIBREOFFICE"] == "1" {
                XCTFail("soffice is not installed; `make test` installs libreoffice-calc-nogui")
            }
            throw XCTSkip("LibreOffice (soffice) is not installed; run `make test` to install it")
        }
    }

    override func tearDown() { fx.remove() }

    private func validator(_ arguments: [String]) throws -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", WorkbookFixture.here.deletingLastPathComponent().path + "/validate/recalc_check.py"] + arguments
        let pipe = Pipe()
        p.standardOutput = pipe
        p.standardError = pipe
        try p.run()
        let out = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: out, as: UTF8.self))
    }

    func testBuiltInWorkbooksRecalculateToTheirCachedValues() throws {
        let paths = try fx.workbooks([WorkbookFixture.repo.path + "/Targets"])
        XCTAssertEqual(paths.count, 8)
        let english = try fx.workbooks([WorkbookFixture.repo.path + "/Targets/lang-son/khoi-cac-co-quan/2015-2020.yaml"], language: .en)
        let (status, output) = try validator(paths + english)
        XCTAssertEqual(status, 0, output)
        XCTAssertTrue(output.contains("recalc: 9 passed, 0 failed"), output)
    }

    func testEveryComparatorAndPeriodKindRecalculates() throws {
        let paths = try fx.workbooks([try fx.fixtureData("every-rule.yaml")])
        let running = try fx.workbooks([try fx.fixtureData("running-term.yaml")], out: fx.dir + "/running", asOf: 2023)
        let (status, output) = try validator(paths + running)
        XCTAssertEqual(status, 0, output)
        XCTAssertTrue(output.contains("recalc: 2 passed, 0 failed"), output)
    }

    /// The check can fail: a workbook whose cached value is wrong is caught, which proves
    /// LibreOffice recalculated instead of showing the cached results.
    func testAWrongCachedValueIsCaught() throws {
        let path = try XCTUnwrap(try fx.workbooks([WorkbookFixture.repo.path + "/Targets/lang-son/khoi-cac-co-quan/2015-2020.yaml"]).first)
        let tampered = fx.dir + "/tampered.xlsx"
        let (made, log) = try validator(["--tamper", path, tampered])
        XCTAssertEqual(made, 0, log)
        let (status, output) = try validator([tampered])
        XCTAssertEqual(status, 1, output)
        XCTAssertTrue(output.contains("1 mismatches"), output)
        XCTAssertTrue(output.contains("recalc: 0 passed, 1 failed"), output)
    }
}
