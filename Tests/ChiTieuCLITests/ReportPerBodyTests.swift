import Foundation
import XCTest

/// `report` into a folder reads the data once, stages each body's reports as its records end and
/// moves them into place only when every file has read without an error (issue 20).
extension CLITests {
    private static let bloc = ["Targets/lang-son/khoi-cac-co-quan/2015-2020.yaml", "Targets/lang-son/khoi-cac-co-quan/facts.yaml",
                               "Targets/lang-son/khoi-cac-co-quan/2020-2025.yaml"]
    private static let quangNinh = "Targets/quang-ninh/khoi-cac-co-quan/facts.yaml"

    /// The files of a folder, by name, with their bytes.
    private func contents(_ dir: String) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir) {
            files[name] = try Data(contentsOf: URL(fileURLWithPath: dir + "/" + name))
        }
        return files
    }

    func testABodyMetAgainAfterAnotherIsReportedAsWhenItsFilesComeTogether() throws {
        // The Lạng Sơn bloc's files given around Quảng Ninh's: the bloc is met again after
        // another body, so its staged reports are dropped and it is read again at the end.
        for format in ["text", "xlsx"] {
            let apart = scratch.appendingPathComponent("apart-" + format).path
            let together = scratch.appendingPathComponent("together-" + format).path
            let whole = scratch.appendingPathComponent("whole-" + format).path
            let a = try run(["report", "--format", format, "--as-of", "2026", "--output-dir", apart, Self.bloc[0], Self.bloc[1], Self.quangNinh, Self.bloc[2]])
            let t = try run(["report", "--format", format, "--as-of", "2026", "--output-dir", together] + Self.bloc + [Self.quangNinh])
            let w = try run(["report", "--format", format, "--as-of", "2026", "--output-dir", whole, "Targets"])
            for r in [a, t, w] { XCTAssertEqual(r.status, 0, r.stderr) }
            let apartFiles = try contents(apart), togetherFiles = try contents(together), wholeFiles = try contents(whole)
            // Text: the two terms, the bloc's facts and Quảng Ninh's; the workbooks are of terms only.
            XCTAssertEqual(apartFiles.count, format == "text" ? 4 : 2, "\(apartFiles.keys.sorted())")
            XCTAssertEqual(apartFiles, togetherFiles)
            for (name, bytes) in apartFiles { XCTAssertEqual(bytes, wholeFiles[name], name) }
            // The files are named in the bodies' order either way.
            XCTAssertEqual(a.stderr.replacingOccurrences(of: apart, with: "DIR"), t.stderr.replacingOccurrences(of: together, with: "DIR"))
        }
    }

    func testAnErrorInALaterFileLeavesNothingWrittenOrStaged() throws {
        // Two bodies read and staged before the broken file of a third comes.
        let data = try catalogueFolder("Broken")
        try FileManager.default.createDirectory(at: data.appendingPathComponent("x"), withIntermediateDirectories: true)
        let broken = """
            body: lang-son/khoi-cac-co-quan
            term: { congress: XIII, years: 2015-2020 }
            sources:
              s: { title: "t", publisher: "p" }
            targets:
              - { id: a, text: "…", source: s, indicator: ket-nap-dang-vien, rule: "> bảy trăm", period: term }

            """
        try Data(broken.utf8).write(to: data.appendingPathComponent("x/2015-2020.yaml"))
        let temporary = scratch.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        let out = scratch.appendingPathComponent("out").path
        let r = try run(["report", "--as-of", "2026", "--output-dir", out, "Targets/lang-son/tinh/facts.yaml", Self.quangNinh,
                         data.appendingPathComponent("x/2015-2020.yaml").path], environment: ["TMPDIR": temporary.path])
        XCTAssertEqual(r.status, 1, r.stderr)
        XCTAssertTrue(r.stderr.contains("no report written"), r.stderr)
        XCTAssertTrue(r.stderr.contains("x/2015-2020.yaml:6:"), r.stderr)
        XCTAssertFalse(r.stderr.contains("wrote"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out), "no output folder is made")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: temporary.path), [], "the staging folder is removed")
    }
}
