import Foundation
import XCTest

/// End to end: the built `chitieu` binary run as a user would, checking stdout, stderr and exit code.
final class CLITests: XCTestCase {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var binary: URL {
        // The products folder holds the executable; on Linux the bundle URL is that folder, on
        // macOS it is the .xctest bundle inside it.
        let bundle = Bundle(for: CLITests.self).bundleURL
        let candidates = [bundle.appendingPathComponent("chitieu"), bundle.deletingLastPathComponent().appendingPathComponent("chitieu")]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs the binary; with `fileSizeLimit` (in 512-byte blocks) through `sh` under `ulimit -f`.
    func run(_ arguments: [String], in directory: URL = CLITests.repo, fileSizeLimit: Int? = nil, environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new } }
        if let blocks = fileSizeLimit {
            let quoted = ([Self.binary.path] + arguments).map { "'" + $0 + "'" }.joined(separator: " ")
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "ulimit -f \(blocks); exec \(quoted)"]
        } else {
            process.executableURL = Self.binary
            process.arguments = arguments
        }
        process.currentDirectoryURL = directory
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    var scratch: URL!

    override func setUpWithError() throws {
        scratch = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("chitieu-cli-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: scratch) }

    /// A data folder in the scratch folder holding the built-in catalogue and bodies, for a test's own data files.
    func catalogueFolder(_ name: String) throws -> URL {
        let data = scratch.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        for file in ["indicators.yaml", "bodies.yaml"] {
            try FileManager.default.copyItem(at: Self.repo.appendingPathComponent("Targets/" + file), to: data.appendingPathComponent(file))
        }
        return data
    }

    func testCheckPassesOnTheBuiltInDataWithTheQuangNinhWarning() throws {
        let r = try run(["check", "Targets"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("Targets/quang-ninh/khoi-cac-co-quan/facts.yaml:88:15: warning: '7.5000' is not a Vietnamese number"), r.stderr)
        XCTAssertTrue(r.stderr.contains("0 lỗi, 1 cảnh báo"), r.stderr)
    }

    /// Data warnings belong to check: the other commands print none, only their count, once.
    func testOtherCommandsCountTheQuangNinhWarningInsteadOfPrintingIt() throws {
        let out = scratch.appendingPathComponent("r")
        for arguments in [["report", "Targets", "--output-dir", out.path], ["compare", "lang-son/khoi-cac-co-quan@2020", "quang-ninh/khoi-cac-co-quan@2022"],
                          ["export", "Targets", "-o", out.appendingPathComponent("feed.csv").path],
                          ["plan", "Targets/lang-son/khoi-cac-co-quan/2020-2025.yaml"]] {
            let r = try run(arguments)
            XCTAssertEqual(r.status, 0, "\(arguments) " + r.stderr)
            XCTAssertFalse(r.stderr.contains("7.5000"), "\(arguments) " + r.stderr)
            XCTAssertEqual(r.stderr.components(separatedBy: "1 cảnh báo trong dữ liệu (chạy chitieu check để xem)").count, 2, "said once: \(arguments) " + r.stderr)
        }
    }

    /// extract needs the catalogue only: a folder holding only it is fine, with nothing said about data files.
    func testExtractWithACatalogueOnlyFolder() throws {
        let data = try catalogueFolder("chi-danh-muc")
        let text = scratch.appendingPathComponent("nghi-quyet.txt")
        try Data("Kết nạp được trên 750 đảng viên mới.\n".utf8).write(to: text)
        let r = try run(["extract", text.path, "--data", data.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stderr, "", "no word about data files, nor 'nothing extracted'")
        XCTAssertTrue(r.stdout.contains("# Draft made by `chitieu extract`"), r.stdout)
        let builtIn = try run(["extract", text.path])
        XCTAssertFalse(builtIn.stderr.contains("7.5000"), builtIn.stderr)
    }

    /// A year with no figure: which bodies, and the nearest years that have figures.
    func testCompareAtAYearWithNoFigureSaysWhyAndTheNearestYears() throws {
        let r = try run(["compare", "lang-son/khoi-cac-co-quan@2099", "quang-ninh/khoi-cac-co-quan@2099"])
        XCTAssertEqual(r.status, 1)
        // The Lạng Sơn bloc's newest figures are of 2020 and the Quảng Ninh bloc's of 2022 (seeds 002 and 004).
        XCTAssertTrue(r.stderr.contains("'lang-son/khoi-cac-co-quan' has no figure for 2099; the nearest year with figures is 2020 (write lang-son/khoi-cac-co-quan@2020)"), r.stderr)
        XCTAssertTrue(r.stderr.contains("'quang-ninh/khoi-cac-co-quan' has no figure for 2099; the nearest year with figures is 2022"), r.stderr)
    }

    func testWorkedExampleEndToEnd() throws {
        let r = try run(["report", "--as-of", "2026", "Targets/lang-son/khoi-cac-co-quan/2015-2020.yaml", "-o", "-"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("Kết nạp được 868 đảng viên mới, đạt 115,7 % chỉ tiêu (chỉ tiêu: trên 750 đảng viên, cả nhiệm kỳ),\nvượt chỉ tiêu đề ra."), r.stdout)
        XCTAssertTrue(r.stdout.contains("chưa có số liệu"))
        let en = try run(["report", "--lang", "en", "--as-of", "2026", "Targets/lang-son/khoi-cac-co-quan/2015-2020.yaml", "-o", "-"])
        XCTAssertTrue(en.stdout.contains("Admitted 868 new members, 115.7% of the target"), en.stdout)
    }

    func testReportWritesOneFilePerBodyAndTerm() throws {
        let dir = scratch.appendingPathComponent("out").path
        let r = try run(["report", "--as-of", "2026", "--output-dir", dir, "Targets"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        XCTAssertEqual(files.count, 11) // 8 terms of the bloc, its facts, Lạng Sơn province, Quảng Ninh
        XCTAssertTrue(files.contains("lang-son-khoi-cac-co-quan-2015-2020.txt"))
        XCTAssertTrue(files.contains("quang-ninh-khoi-cac-co-quan-so-lieu.txt"))
        XCTAssertFalse(files.contains { $0.contains(".tmp") }, "no temporary file is left behind")
    }

    private func brokenData() throws -> URL {
        let data = try catalogueFolder("Targets")
        try FileManager.default.createDirectory(at: data.appendingPathComponent("x"), withIntermediateDirectories: true)
        let file = """
            body: lang-son/khoi-cac-co-quan
            term: { congress: XIII, years: 2015-2020 }
            sources:
              s: { title: "t", publisher: "p" }
            targets:
              - { id: a, text: "…", source: s, indicator: ket-nap, rule: "> 750", period: term }
              - { id: b, text: "…", source: s, indicator: ket-nap-dang-vien, rule: "750", period: term }
            outcomes:
              - { target: c, value: "868", source: s, quote: "…" }

            """
        try Data(file.utf8).write(to: data.appendingPathComponent("x/2015-2020.yaml"))
        return data
    }

    func testCheckPrintsEveryProblemGccStyleAndFails() throws {
        let data = try brokenData()
        let r = try run(["check", data.path])
        XCTAssertEqual(r.status, 1)
        let lines = r.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        XCTAssertEqual(lines.count, 3, r.stderr)
        XCTAssertTrue(r.stderr.contains("x/2015-2020.yaml:6:47: error: unknown indicator 'ket-nap'"), r.stderr)
        XCTAssertTrue(r.stderr.contains("x/2015-2020.yaml:7:73: error: a rule needs a comparator"), r.stderr)
        XCTAssertTrue(r.stderr.contains("x/2015-2020.yaml:9:15: error: no target 'c'"), r.stderr)
    }

    func testReportOnBadDataLeavesThePreviousReportIntact() throws {
        let data = try brokenData()
        let out = scratch.appendingPathComponent("report.txt")
        try Data("báo cáo cũ\n".utf8).write(to: out)
        let r = try run(["report", data.path, "-o", out.path])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(try String(contentsOf: out, encoding: .utf8), "báo cáo cũ\n")
        XCTAssertTrue(r.stderr.contains("no report written"), r.stderr)
    }

    func testReportIntoAnUnwritableFolderFailsCleanly() throws {
        let blocker = scratch.appendingPathComponent("not-a-folder")
        try Data("x".utf8).write(to: blocker)
        let r = try run(["report", "Targets/lang-son/khoi-cac-co-quan/2015-2020.yaml", "-o", blocker.path + "/report.txt"], in: Self.repo)
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("cannot write the report"), r.stderr)
        XCTAssertEqual(try String(contentsOf: blocker, encoding: .utf8), "x")
    }

    func testHelpShowsExamples() throws {
        let r = try run(["report", "--help"])
        XCTAssertEqual(r.status, 0)
        XCTAssertTrue(r.stdout.contains("Examples:"))
        XCTAssertTrue(r.stdout.contains("--as-of"))
    }

    func testBadAsOfIsRefused() throws {
        let r = try run(["report", "--as-of", "20", "-o", "-"])
        XCTAssertNotEqual(r.status, 0)
        XCTAssertTrue(r.stderr.contains("--as-of takes a year"), r.stderr)
    }
}

extension CLITests {
    func testReportWritesWorkbooks() throws {
        let dir = scratch.appendingPathComponent("xlsx").path
        let r = try run(["report", "--format", "xlsx", "--as-of", "2026", "--output-dir", dir, "Targets"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        XCTAssertEqual(files.count, 8, "one workbook per body and term: \(files)")
        XCTAssertTrue(files.allSatisfy { $0.hasSuffix(".xlsx") })
        let one = try run(["report", "--format", "xlsx", "Targets/lang-son/khoi-cac-co-quan/2015-2020.yaml", "-o", dir + "/one.xlsx"])
        XCTAssertEqual(one.status, 0, one.stderr)
        let many = try run(["report", "--format", "xlsx", "Targets", "-o", dir + "/many.xlsx"])
        XCTAssertEqual(many.status, 1)
        XCTAssertTrue(many.stderr.contains("8 workbooks to write"), many.stderr)
        // `-o -` is standard output for a workbook too (here a pipe, not a terminal).
        let stdout = try run(["report", "--format", "xlsx", "Targets/lang-son/khoi-cac-co-quan/2015-2020.yaml", "-o", "-"])
        XCTAssertEqual(stdout.status, 0, stdout.stderr)
        XCTAssertTrue(stdout.stdout.hasPrefix("PK"), String(stdout.stdout.prefix(16)))
    }
}

/// `chitieu compare`: bad input gets a clear message and the rest is still compared.
extension CLITests {
    func testCompareAnUnknownBodyIsNamedAndTheOthersStillCompared() throws {
        let r = try run(["compare", "lang-son/khoi-cac-co-quan@2020", "khong-co/khoi", "quang-ninh/khoi-cac-co-quan@2022", "--indicator", "dang-vien"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("unknown body 'khong-co/khoi'; the bodies are: lang-son/khoi-cac-co-quan, lang-son/tinh, quang-ninh/khoi-cac-co-quan"), r.stderr)
        XCTAssertTrue(r.stdout.contains("trên 7.500"), r.stdout)
        XCTAssertTrue(r.stdout.contains("62,2"), r.stdout)
    }

    func testCompareRefusesPercentagesOfDifferentWholes() throws {
        let r = try run(["compare", "lang-son/khoi-cac-co-quan@2020", "quang-ninh/khoi-cac-co-quan@1985", "--indicator", "dang-vien-htt=dang-vien-tren-can-bo", "--indicator", "dang-vien"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("cannot compare 'dang-vien-htt' with 'dang-vien-tren-can-bo': 'dang-vien-htt' is a share of party members and 'dang-vien-tren-can-bo' of staff and workers: percentages of different wholes"), r.stderr)
        XCTAssertTrue(r.stdout.contains("2.229"), "the members are still compared")
    }

    func testCompareNoFigureForTheYearIsNoDataNotZero() throws {
        let r = try run(["compare", "lang-son/khoi-cac-co-quan", "quang-ninh/khoi-cac-co-quan", "--year", "2021", "--indicator", "dang-vien", "--format", "csv"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("no column has a figure of 'dang-vien'"), r.stderr)
        let rows = r.stdout.split(separator: "\r\n").filter { $0.hasPrefix("dang-vien,value,") && !$0.contains(",total,") }
        XCTAssertEqual(rows.count, 2)
        XCTAssertTrue(rows.allSatisfy { $0.hasSuffix(",chưa có số liệu") && !$0.contains(",0,") }, "\(rows)")
    }

    func testCompareUnknownIndicatorSuggestsTheNearest() throws {
        let r = try run(["compare", "lang-son/khoi-cac-co-quan", "--indicator", "dang-vienn"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("unknown indicator 'dang-vienn'; did you mean 'dang-vien'"), r.stderr)
    }

    func testCompareWorkbookIsWrittenAndNotToStandardOutput() throws {
        let refused = try run(["compare", "lang-son/khoi-cac-co-quan", "--format", "xlsx"])
        XCTAssertNotEqual(refused.status, 0)
        XCTAssertTrue(refused.stderr.contains("give -o FILE.xlsx"), refused.stderr)
        let path = scratch.appendingPathComponent("so-sanh.xlsx").path
        let r = try run(["compare", "lang-son/khoi-cac-co-quan@2020", "quang-ninh/khoi-cac-co-quan@2022", "--format", "xlsx", "-o", path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: path))
    }
}

/// `chitieu plan`: the XIV draft against the record.
extension CLITests {
    func testPlanTheXIVAdmissionsTargetIsAlreadyReachedByTheXIIIRecord() throws {
        let r = try run(["plan", "Targets/lang-son/khoi-cac-co-quan/2020-2025.yaml"])
        XCTAssertEqual(r.status, 0, r.stderr)
        // Seed 001: 868 admitted in the XIII term (2016–2020), 173,6 a year, against "ít nhất 120" a year.
        XCTAssertTrue(r.stdout.contains("868 trong 2016–2020, bình quân 173,6/năm"), r.stdout)
        XCTAssertTrue(r.stdout.contains("ĐÃ ĐẠT theo số liệu: mức gần nhất 173,6 so với yêu cầu 120."), r.stdout)
        XCTAssertTrue(r.stdout.contains("CHƯA CÓ SỐ LIỆU"), "drafts with no record are said, not dropped")
        // UN ESCAP's anticipated progress beside it, and Open SDG's no-target trend for the stocks
        // that have figures but no draft target (the figures are checked by hand in the core tests).
        let flowing = r.stdout.replacingOccurrences(of: "\n   ", with: "").replacingOccurrences(of: "\n", with: " ")
        XCTAssertTrue(flowing.contains("Theo UN ESCAP (hồi quy có trọng số thời gian"), r.stdout)
        XCTAssertTrue(flowing.contains("→ duy trì tiến độ để đạt chỉ tiêu."), r.stdout)
        XCTAssertTrue(flowing.contains("không có chỉ tiêu của Open SDG"), r.stdout)
        XCTAssertTrue(r.stdout.contains("Số đảng viên (1964–2020): +"), r.stdout)
        XCTAssertFalse(r.stdout.contains("UN ESCAP’s anticipated progress") || r.stdout.contains("như “tiến độ dự kiến” của UN ESCAP"), "ESCAP is no longer credited with a CAGR")
    }
}

/// `chitieu export`: one pass over the data, renamed into place only when the data is clean.
extension CLITests {
    func testExportOfDataWithAnErrorWritesNothingAndKeepsTheOldFile() throws {
        let data = try catalogueFolder("data")
        try Data("""
            body: lang-son/tinh
            sources: { s: { title: "t", publisher: "p" } }
            facts:
              - { indicator: dang-vien, period: 2014-12, value: "54.986", source: s, quote: "q" }
              - { indicator: dang-vien, period: 2015-12, value: "5.49.86", source: s, quote: "q" }
            """.utf8).write(to: data.appendingPathComponent("facts.yaml"))
        let out = scratch.appendingPathComponent("feed.csv")
        try Data("old export\n".utf8).write(to: out)
        for format in ["csv", "json", "sqlite"] {
            let r = try run(["export", data.path, "--format", format, "-o", out.path])
            XCTAssertEqual(r.status, 1, format)
            XCTAssertTrue(r.stderr.contains("facts.yaml:5:"), r.stderr)
            XCTAssertTrue(r.stderr.contains("nothing exported"), r.stderr)
            XCTAssertEqual(try String(contentsOf: out, encoding: .utf8), "old export\n", "the earlier file is untouched")
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0.contains(".tmp-") }
        XCTAssertEqual(left, [], "no temporary file is left behind")
        let good = try run(["export", "Targets", "--format", "csv", "-o", out.path])
        XCTAssertEqual(good.status, 0, good.stderr)
        XCTAssertTrue(try String(contentsOf: out, encoding: .utf8).hasPrefix("feed_version,id,body,"))
    }
}
