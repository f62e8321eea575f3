import Foundation
import XCTest

/// `chitieu report --format docx`: one Word report per body and term beside the workbooks, or
/// one file with `-o`, as the workbook does.
extension CLITests {
    func testReportWritesWordReports() throws {
        let dir = scratch.appendingPathComponent("docx").path
        let r = try run(["report", "--format", "docx", "--as-of", "2026", "--output-dir", dir, "Targets"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        XCTAssertEqual(files.count, 8, "one report per body and term: \(files)")
        XCTAssertTrue(files.contains("lang-son-khoi-cac-co-quan-2015-2020.docx"), "\(files)")
        XCTAssertTrue(r.stderr.contains("chitieu: wrote \(dir)/lang-son-khoi-cac-co-quan-2015-2020.docx"), r.stderr)
        let en = try run(["report", "--format", "docx", "--lang", "en", "--output-dir", dir, "Targets/lang-son/khoi-cac-co-quan/2015-2020.yaml"])
        XCTAssertEqual(en.status, 0, en.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: dir + "/lang-son-khoi-cac-co-quan-2015-2020.en.docx"))
        let one = try run(["report", "--format", "docx", "Targets/lang-son/khoi-cac-co-quan/2015-2020.yaml", "-o", dir + "/one.docx"])
        XCTAssertEqual(one.status, 0, one.stderr)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: dir + "/one.docx")).prefix(2), Data("PK".utf8))
        let many = try run(["report", "--format", "docx", "Targets", "-o", dir + "/many.docx"])
        XCTAssertEqual(many.status, 1)
        XCTAssertTrue(many.stderr.contains("8 reports to write"), many.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir + "/many.docx"))
        let stdout = try run(["report", "--format", "docx", "Targets/lang-son/khoi-cac-co-quan/2015-2020.yaml", "-o", "-"])
        XCTAssertEqual(stdout.status, 0, stdout.stderr)
        XCTAssertTrue(stdout.stdout.hasPrefix("PK"), String(stdout.stdout.prefix(16)))
    }
}
