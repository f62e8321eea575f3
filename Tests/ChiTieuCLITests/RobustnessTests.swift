import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// Hostile input and faults while writing, run as a user would meet them: each must end in a
/// clear message (file, line, column, what to do) and lose nothing — no figure read wrongly, no
/// good report overwritten by a broken one, no partial file under a report's name.
extension CLITests {
    /// A copy of the built-in data in the scratch folder, to spoil one file at a time.
    private func copyOfTargets() throws -> URL {
        let data = scratch.appendingPathComponent("Targets")
        try? FileManager.default.removeItem(at: data)
        try FileManager.default.copyItem(at: Self.repo.appendingPathComponent("Targets"), to: data)
        return data
    }

    private static let term = "lang-son/khoi-cac-co-quan/2015-2020.yaml"

    private func temporaries(in folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains(".tmp-") }
    }

    // MARK: - Resource limits

    func testYAMLAliasesAreRefusedBeforeTheyCanExpand() throws {
        let data = try copyOfTargets()
        let file = data.appendingPathComponent(Self.term)
        // Nine levels of nine aliases: 9^9 = 387.420.489 strings if anything expanded them.
        var laughs = "lol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for i in 1...9 { laughs += "lol\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 9).joined(separator: ", ") + "]\n" }
        let original = try String(contentsOf: file, encoding: .utf8)
        try (laughs + original.replacingOccurrences(of: "\ntargets:", with: "\ntargets: *a9\nold-targets:")).write(to: file, atomically: true, encoding: .utf8)
        let r = try run(["check", data.path])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("2015-2020.yaml:1:7: error: YAML anchors and aliases ('&name', '*name') are not accepted"), r.stderr)
    }

    func testADeeplyNestedDocumentIsRefusedWithItsPosition() throws {
        let data = try copyOfTargets()
        let file = data.appendingPathComponent(Self.term)
        let deep = "deep: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n"
        try (try String(contentsOf: file, encoding: .utf8) + deep).write(to: file, atomically: true, encoding: .utf8)
        let r = try run(["check", data.path])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("2015-2020.yaml:170:"), r.stderr)
        XCTAssertTrue(r.stderr.contains("not valid YAML: Maximum nesting level reached"), r.stderr)
    }

    func testAHundredMegabyteFileIsRefusedWithoutBeingRead() throws {
        let data = try copyOfTargets()
        let big = data.appendingPathComponent("lang-son/khoi-cac-co-quan/lon.yaml")
        // Sparse: the size is there, the bytes are not, so only a reader that reads it all pays.
        XCTAssertTrue(FileManager.default.createFile(atPath: big.path, contents: nil))
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: 100 * 1024 * 1024)
        try handle.close()
        let r = try run(["check", data.path])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains("lon.yaml:1:1: error: the file is 104857600 bytes; data files are limited to 67108864 bytes"), r.stderr)
        XCTAssertTrue(r.stderr.contains("1 lỗi"), "the other files are still checked: \(r.stderr)")
    }

    func testALineOfTenMegabytesIsReadWhole() throws {
        let data = try copyOfTargets()
        let file = data.appendingPathComponent(Self.term)
        let long = String(repeating: "x", count: 10_000_000)
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "note: \"Cùng câu", with: "note: \"\(long) Cùng câu").write(to: file, atomically: true, encoding: .utf8)
        let r = try run(["check", data.path])
        // Read whole, and refused by what a workbook cell holds (issue 15), once per note, at its line.
        XCTAssertEqual(r.status, 1, String(r.stderr.prefix(2000)))
        XCTAssertTrue(r.stderr.contains("error: 'note' has 10.000.052 characters; a workbook cell holds at most 32.767"), String(r.stderr.prefix(2000)))
        XCTAssertTrue(r.stderr.contains("2 lỗi"), "the sentence's two targets share the note: \(r.stderr.prefix(2000))")
    }

    func testAMillionRowsOfGarbageGiveAHundredFindingsAndTheCountOfTheRest() throws {
        let data = try copyOfTargets()
        let folder = data.appendingPathComponent("lang-son/khoi-cac-co-quan")
        var garbage = [UInt8]("target,period,value,source,quote\n".utf8)
        garbage.reserveCapacity(12_000_000)
        // Every row has two cells against the header's five: one finding per row.
        for i in 0..<1_000_000 { garbage += Array("r\(i),x\n".utf8) }
        try Data(garbage).write(to: folder.appendingPathComponent("rac.csv"))
        let file = folder.appendingPathComponent("2015-2020.yaml")
        try (try String(contentsOf: file, encoding: .utf8) + "outcomes-csv: rac.csv\n").write(to: file, atomically: true, encoding: .utf8)
        let r = try run(["check", data.path])
        XCTAssertEqual(r.status, 1)
        let shown = r.stderr.split(separator: "\n").filter { $0.contains("rac.csv:") && $0.contains("this row has 2 cells") }
        XCTAssertEqual(shown.count, 100)
        XCTAssertTrue(r.stderr.contains("rac.csv:1:1: error: 999900 more findings in this file (999900 of them errors) are not shown"), String(r.stderr.suffix(1000)))
        XCTAssertTrue(r.stderr.contains("1000000 lỗi"), "the count is of every error, shown or not: \(r.stderr.suffix(300))")
    }

    // MARK: - Encodings and invisible characters

    /// The report of the XIII term from its data file written as `bytes`.
    private func report(ofTermWritten bytes: Data) throws -> Run {
        try run(["report", "--as-of", "2026", data(ofTermWritten: bytes), "-o", "-"])
    }

    /// A copy of the built-in data with the term file replaced by these bytes; the file's path.
    private func data(ofTermWritten bytes: Data) throws -> String {
        let data = try copyOfTargets()
        try bytes.write(to: data.appendingPathComponent(Self.term))
        return data.appendingPathComponent(Self.term).path
    }

    private var termText: String {
        get throws { try String(contentsOf: Self.repo.appendingPathComponent("Targets/" + Self.term), encoding: .utf8) }
    }

    func testUTF16FilesAreConvertedWithANoticeAndGiveTheSameReport() throws {
        let utf8 = try report(ofTermWritten: Data(try termText.utf8))
        XCTAssertEqual(utf8.status, 0, utf8.stderr)
        let text = try termText
        let le = try XCTUnwrap(text.data(using: .utf16LittleEndian))
        let be = try XCTUnwrap(text.data(using: .utf16BigEndian))
        for (bytes, name) in [(Data([0xFF, 0xFE]) + le, "UTF-16 (little-endian, with a byte-order mark)"), (be, "UTF-16 (big-endian)")] {
            let r = try report(ofTermWritten: bytes)
            XCTAssertEqual(r.status, 0, r.stderr)
            // Data warnings belong to check; report counts them once (the built-in Quảng Ninh one is not under this file).
            XCTAssertTrue(r.stderr.contains("chitieu: 1 cảnh báo trong dữ liệu (chạy chitieu check để xem)"), r.stderr)
            let check = try run(["check", data(ofTermWritten: bytes)])
            XCTAssertTrue(check.stderr.contains("2015-2020.yaml:1:1: warning: the file is \(name); it was read converted to UTF-8"), check.stderr)
            XCTAssertEqual(r.stdout, utf8.stdout, "the same report, letter for letter")
        }
    }

    func testLegacyVietnameseEncodingsAreRefusedByName() throws {
        // "body: lang-son/khoi-cac-co-quan\n# Đảng viên mới\n": in Windows-1258 Đ is 0xD0, the hook
        // above is the combining byte 0xD2 after its vowel, ê is 0xEA, ơ is 0xF5, ớ is ơ + 0xEC;
        // in TCVN3 Đ is 0xA7, ả is 0xB6, ê is 0xAA, ớ is 0xED.
        let head = Array("body: lang-son/khoi-cac-co-quan\n# ".utf8)
        let windows1258: [UInt8] = [0xD0, 0x61, 0xD2, 0x6E, 0x67, 0x20, 0x76, 0x69, 0xEA, 0x6E, 0x20, 0x6D, 0xF5, 0xEC, 0x69, 0x0A]
        let tcvn3: [UInt8] = [0xA7, 0xB6, 0x6E, 0x67, 0x20, 0x76, 0x69, 0xAA, 0x6E, 0x20, 0x6D, 0xED, 0x69, 0x0A]
        for (bytes, name) in [(windows1258, "Windows-1258 (CP1258)"), (tcvn3, "TCVN3 (ABC, TCVN 5712)")] {
            let r = try report(ofTermWritten: Data(head + bytes))
            XCTAssertEqual(r.status, 1)
            XCTAssertTrue(r.stderr.contains("2015-2020.yaml:2:3: error: the file is not UTF-8; it looks like \(name), a legacy Vietnamese encoding"), r.stderr)
            XCTAssertEqual(r.stdout, "", "no report from a file that could not be read")
        }
    }

    func testDecomposedTextGivesTheSameReportAsComposed() throws {
        let composed = try report(ofTermWritten: Data(try termText.utf8))
        let decomposed = try report(ofTermWritten: Data(try termText.decomposedStringWithCanonicalMapping.utf8))
        XCTAssertEqual(decomposed.status, 0, decomposed.stderr)
        // Swift's == compares canonically, so the bytes are compared to show the input really differs.
        XCTAssertNotEqual(Array(try termText.decomposedStringWithCanonicalMapping.utf8), Array(try termText.utf8))
        XCTAssertEqual(decomposed.stdout, composed.stdout)
    }

    func testInvisibleCharactersInsideAFigureAreNamedAtTheirColumn() throws {
        let text = try termText
        XCTAssertTrue(text.contains("value: \"868\""))
        for (invisible, name) in [("\u{200B}", "an invisible zero-width space (U+200B)"), ("\u{00A0}", "a non-breaking space (U+00A0)")] {
            let r = try report(ofTermWritten: Data(text.replacingOccurrences(of: "value: \"868\"", with: "value: \"8\(invisible)68\"").utf8))
            XCTAssertEqual(r.status, 1)
            let line = text.components(separatedBy: "\n").firstIndex { $0.contains("value: \"868\"") }.map { $0 + 1 } ?? 0
            let column = (text.components(separatedBy: "\n")[line - 1].range(of: "868").map { text.components(separatedBy: "\n")[line - 1][..<$0.lowerBound].count } ?? 0) + 2
            XCTAssertTrue(r.stderr.contains("2015-2020.yaml:\(line):\(column): error: "), r.stderr)
            XCTAssertTrue(r.stderr.contains(name), r.stderr)
        }
    }

    // MARK: - Faults while writing

    func testAReadOnlyFolderIsReportedAndNothingIsLeft() throws {
        let folder: URL
        if getuid() == 0 {
            // Permissions do not stop root; sysfs is read-only for everyone.
            folder = URL(fileURLWithPath: "/sys")
        } else {
            folder = scratch.appendingPathComponent("read-only")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path)
        }
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path) }
        for format in ["text", "xlsx"] {
            let out = folder.appendingPathComponent("chitieu-test-report." + (format == "text" ? "txt" : "xlsx"))
            let r = try run(["report", "Targets/" + Self.term, "--format", format, "-o", out.path])
            XCTAssertEqual(r.status, 1, format)
            XCTAssertTrue(r.stderr.contains("\(out.path): cannot write the report:"), r.stderr)
            XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
        }
        let export = try run(["export", "Targets", "--format", "csv", "-o", folder.appendingPathComponent("chitieu-test.csv").path])
        XCTAssertEqual(export.status, 1)
        XCTAssertTrue(export.stderr.contains("Permission denied"), export.stderr)
    }

    func testAMissingOutputFolderIsCreated() throws {
        let out = scratch.appendingPathComponent("khong/co/san/bao-cao.xlsx")
        let r = try run(["report", "Targets/" + Self.term, "--format", "xlsx", "-o", out.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.path))
    }

    func testAFullDiskKeepsThePreviousFileAndSaysWhy() throws {
        // `ulimit -f 8`: 4 KB, less than any of these files; the kernel refuses the write past it.
        for (arguments, name) in [
            (["report", "Targets/" + Self.term], "bao-cao.txt"),
            (["report", "Targets/" + Self.term, "--format", "xlsx"], "bao-cao.xlsx"),
            (["export", "Targets", "--format", "csv"], "chitieu.csv"),
            (["export", "Targets", "--format", "sqlite"], "chitieu.sqlite"),
        ] {
            let out = scratch.appendingPathComponent(name)
            let previous = Data("báo cáo trước\n".utf8)
            try previous.write(to: out)
            let r = try run(arguments + ["-o", out.path], fileSizeLimit: 8)
            XCTAssertEqual(r.status, 1, "\(name): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("\(out.path): cannot write the report:"), "\(name): \(r.stderr)")
            XCTAssertTrue(r.stderr.contains("File too large") || r.stderr.contains("too big") || r.stderr.contains("disk"), "\(name): \(r.stderr)")
            XCTAssertEqual(try Data(contentsOf: out), previous, name)
            XCTAssertEqual(try temporaries(in: scratch), [], name)
        }
    }

    /// 4.000 yearly targets of 5 years: a workbook that takes long enough to write to be killed in the middle.
    private func largeLedger() throws -> URL {
        let data = try catalogueFolder("lon")
        var yaml = """
            body: lang-son/khoi-cac-co-quan
            term: { congress: XIII, years: 2015-2020 }
            sources: { gd: { title: "Số liệu giả định", publisher: "chitieu" } }
            outcomes-csv: ket-qua.csv
            targets:

            """
        var csv = "target,period,value,source,quote\n"
        for t in 0..<4000 {
            yaml += "  - { id: t\(t), text: \"hằng năm kết nạp từ \(t % 90 + 10) trở lên\", source: gd, indicator: ket-nap-dang-vien, rule: \">= \(t % 90 + 10)\", period: each-year }\n"
            for year in 2016...2020 { csv += "t\(t),\(year),\((t * 7 + year) % 120),gd,năm \(year)\n" }
        }
        try Data(yaml.utf8).write(to: data.appendingPathComponent("2015-2020.yaml"))
        try Data(csv.utf8).write(to: data.appendingPathComponent("ket-qua.csv"))
        return data
    }

    func testKillingTheWriterMidWorkbookLeavesThePreviousWorkbook() throws {
        let data = try largeLedger()
        let out = scratch.appendingPathComponent("bao-cao.xlsx")
        let previous = Data("workbook of last week".utf8)
        try previous.write(to: out)
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["report", data.appendingPathComponent("2015-2020.yaml").path, "--format", "xlsx", "-o", out.path]
        process.standardError = FileHandle.nullDevice
        try process.run()
        // The temporary appears when the workbook is being written out; kill it then.
        var killedMidWrite = false
        while process.isRunning {
            if try !temporaries(in: scratch).isEmpty {
                kill(process.processIdentifier, SIGKILL)
                killedMidWrite = true
                break
            }
            usleep(2_000)
        }
        process.waitUntilExit()
        try XCTSkipUnless(killedMidWrite, "the writer finished before it could be killed")
        XCTAssertEqual(process.terminationReason, .uncaughtSignal)
        XCTAssertEqual(try Data(contentsOf: out), previous, "the previous workbook is intact")
        XCTAssertEqual(try temporaries(in: scratch).allSatisfy { $0.hasPrefix(".bao-cao.xlsx.tmp-") }, true, "only a hidden temporary, never the final name")
        // The next run finishes the job and clears what the killed one left.
        let again = try run(["report", data.appendingPathComponent("2015-2020.yaml").path, "--format", "xlsx", "-o", out.path])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertEqual(try temporaries(in: scratch), [])
        XCTAssertEqual(try Data(contentsOf: out).prefix(2), Data("PK".utf8), "a whole workbook now")
    }

    // MARK: - Formula injection

    func testTextThatLooksLikeAFormulaIsWrittenAsTextAndReadBackAsWritten() throws {
        let data = try catalogueFolder("cong-thuc")
        try Data("""
            body: lang-son/khoi-cac-co-quan
            term: { congress: XIII, years: 2015-2020 }
            sources: { s: { title: "t", publisher: "p" } }
            targets:
              - { id: a, text: "=HYPERLINK(\\"http://x\\",\\"bấm\\")", source: s, indicator: ket-nap-dang-vien, rule: "> 750", period: term }
              - { id: b, text: "không có cơ sở yếu kém", source: s, indicator: co-so-yeu-kem, rule: "= 0", period: each-year }
            outcomes:
              - { target: a, value: "868", source: s, quote: "- Kết nạp được 868 đảng viên" }
              - { target: b, period: 2016, value: "0", source: s, quote: "@SUM(1+1)" }

            """.utf8).write(to: data.appendingPathComponent("2015-2020.yaml"))
        let feed = scratch.appendingPathComponent("feed.csv")
        let r = try run(["export", data.path, "--format", "csv", "-o", feed.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let csv = try String(contentsOf: feed, encoding: .utf8)
        XCTAssertTrue(csv.contains(",'- Kết nạp được 868 đảng viên,"), csv)
        XCTAssertTrue(csv.contains(",'@SUM(1+1),"), csv)
        XCTAssertTrue(csv.contains(",'= 0,"), "the rule '= 0' is text, not a formula: \(csv)")
        XCTAssertFalse(csv.contains(",=") || csv.contains(",-K") || csv.contains(",@"), csv)
        // Imported again, the quotes are what the source said, without the guard.
        let again = try catalogueFolder("lai")
        let yaml = try String(contentsOf: data.appendingPathComponent("2015-2020.yaml"), encoding: .utf8)
        let targetsOnly = yaml.components(separatedBy: "outcomes:")[0] + "outcomes-csv: feed.csv\n"
        try Data(targetsOnly.utf8).write(to: again.appendingPathComponent("2015-2020.yaml"))
        try FileManager.default.copyItem(at: feed, to: again.appendingPathComponent("feed.csv"))
        let back = scratch.appendingPathComponent("back.json")
        let r2 = try run(["export", again.path, "--format", "json", "-o", back.path])
        XCTAssertEqual(r2.status, 0, r2.stderr)
        let json = try String(contentsOf: back, encoding: .utf8)
        XCTAssertTrue(json.contains("\"quote\":\"- Kết nạp được 868 đảng viên\""), json)
        XCTAssertTrue(json.contains("\"quote\":\"@SUM(1+1)\""), json)
    }
}
