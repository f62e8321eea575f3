import Foundation
import XCTest

/// Issue 14 end to end: an office's own data folder compared with a built-in body (several data
/// folders, one catalogue rule), a draft planned from outside the data folders, and one source
/// shared by several bodies' files, listed by the reports and the feed.
extension CLITests {
    /// A second data folder with its own catalogue, which writes two built-in indicators exactly
    /// as Targets/indicators.yaml does (lines 32 and 33), and its own bloc with figures of 2020.
    func officeFolder(membersNameEn: String = "Party members") throws -> URL {
        let data = scratch.appendingPathComponent("van-phong")
        try FileManager.default.createDirectory(at: data.appendingPathComponent("moi/khoi"), withIntermediateDirectories: true)
        let builtIn = try String(contentsOf: Self.repo.appendingPathComponent("Targets/indicators.yaml"), encoding: .utf8).components(separatedBy: "\n")
        let members = try XCTUnwrap(builtIn.first { $0.hasPrefix("  - { id: dang-vien,") })
        let organisations = try XCTUnwrap(builtIn.first { $0.hasPrefix("  - { id: to-chuc-co-so-dang,") })
        let catalogue = ["indicators:", members.replacingOccurrences(of: "name-en: \"Party members\"", with: "name-en: \"\(membersNameEn)\""), organisations, ""]
        try Data(catalogue.joined(separator: "\n").utf8).write(to: data.appendingPathComponent("indicators.yaml"))
        try Data("""
            bodies:
              - { id: moi/khoi, name: "Đảng bộ Khối các cơ quan tỉnh Mới", name-en: "Mới Provincial Agencies' Bloc", province: "Mới", kind: bloc }

            """.utf8).write(to: data.appendingPathComponent("bodies.yaml"))
        try Data("""
            body: moi/khoi
            sources:
              bc: { title: "Báo cáo tổng kết năm 2020", publisher: "Đảng ủy Khối", date: 2020-12-31 }
            facts:
              - { indicator: dang-vien, period: 2020-12-31, value: "1.000", source: bc, quote: "1.000 đảng viên" }
              - { indicator: to-chuc-co-so-dang, period: 2020-12-31, value: "20", source: bc, quote: "20 tổ chức cơ sở đảng" }

            """.utf8).write(to: data.appendingPathComponent("moi/khoi/facts.yaml"))
        return data
    }

    func testAnOfficesOwnFolderIsComparedWithABuiltInBody() throws {
        let office = try officeFolder()
        let r = try run(["compare", "lang-son/khoi-cac-co-quan", "moi/khoi", "--year", "2020", "--indicator", "dang-vien", "--data", "Targets", "--data", office.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        // Seed 001: 4.294 members in 69 organisations (21/7/2020); the office's 1.000 in 20.
        XCTAssertTrue(r.stdout.contains("4.294"), r.stdout)
        XCTAssertTrue(r.stdout.contains("1.000"), r.stdout)
        // 4.294 + 1.000 = 5.294 members, both blocs; per organisation 4.294 ÷ 69 = 62,23… → 62,2,
        // 1.000 ÷ 20 = 50,0, and together 5.294 ÷ 89 = 59,48… → 59,5 (total over total).
        XCTAssertTrue(r.stdout.contains("Chung các cột: 5.294 (cộng các cột)."), r.stdout)
        XCTAssertTrue(r.stdout.contains("62,2"), r.stdout)
        XCTAssertTrue(r.stdout.contains("50,0"), r.stdout)
        XCTAssertTrue(r.stdout.contains("Chung các cột: 59,5 (tổng tử số chia tổng mẫu số)."), r.stdout)
    }

    func testAnIndicatorTheTwoFoldersDefineDifferentlyIsAnErrorNamingBoth() throws {
        let office = try officeFolder(membersNameEn: "Members")
        let r = try run(["compare", "lang-son/khoi-cac-co-quan", "moi/khoi", "--year", "2020", "--data", "Targets", "--data", office.path])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.stderr.contains(office.path + "/indicators.yaml:2:11: error: indicator 'dang-vien' is defined differently here and in Targets/indicators.yaml:41"), r.stderr)
        XCTAssertTrue(r.stderr.contains("nothing compared"), r.stderr)
    }

    func testADraftOutsideTheDataFolderIsPlannedWithData() throws {
        let draft = scratch.appendingPathComponent("du-thao-2020-2025.yaml")
        try FileManager.default.copyItem(at: Self.repo.appendingPathComponent("Targets/lang-son/khoi-cac-co-quan/2020-2025.yaml"), to: draft)
        let alone = try run(["plan", draft.path])
        XCTAssertEqual(alone.status, 1)
        XCTAssertTrue(alone.stderr.contains("no indicators.yaml in its folder or any folder above it"), alone.stderr)
        let r = try run(["plan", draft.path, "--data", "Targets"])
        XCTAssertEqual(r.status, 0, r.stderr)
        // The same verdict as the built-in draft: 868 admitted in 2016–2020 is 173,6 a year against 120.
        XCTAssertTrue(r.stdout.contains("ĐÃ ĐẠT theo số liệu: mức gần nhất 173,6 so với yêu cầu 120."), r.stdout)
    }

    /// The committees' folder (see `committeesFolder`) with one provincial article in its
    /// `sources.yaml`, cited by two committees' files that do not define it, and a border-guard
    /// term whose congress the text does not give.
    private func sharedSourceFolder() throws -> URL {
        let data = try committeesFolder()
        try Data("""
            sources:
              bao-tinh: { title: "Sáu đảng bộ trực thuộc kết nạp đảng viên năm 2023", publisher: "Báo tỉnh X", date: 2024-01-10 }

            """.utf8).write(to: data.appendingPathComponent("sources.yaml"))
        for (body, admitted) in [("x/cong-an", "26"), ("x/quan-su", "40")] {
            try Data("""
                body: \(body)
                facts:
                  - { indicator: ket-nap-dang-vien, period: 2023, value: "\(admitted)", source: bao-tinh, line: 4, quote: "kết nạp \(admitted) đảng viên" }

                """.utf8).write(to: data.appendingPathComponent(body + "/facts.yaml"))
        }
        try Data("""
            body: x/bien-phong
            term: { congress: "?", years: 2020-2025 }
            targets:
              - { id: kn, text: "mỗi năm kết nạp ít nhất 10 đảng viên", source: bao-tinh, indicator: ket-nap-dang-vien, rule: ">= 10", period: each-year }
            outcomes:
              - { target: kn, period: 2023, value: "12", source: bao-tinh, quote: "kết nạp 12 đảng viên" }

            """.utf8).write(to: data.appendingPathComponent("x/bien-phong/2020-2025.yaml"))
        return data
    }

    func testASharedSourceIsListedByEveryReportThatCitesIt() throws {
        let data = try sharedSourceFolder()
        let out = scratch.appendingPathComponent("out").path
        let r = try run(["report", data.path, "--as-of", "2026", "--output-dir", out])
        XCTAssertEqual(r.status, 0, r.stderr)
        for name in ["x-cong-an-so-lieu.txt", "x-quan-su-so-lieu.txt", "x-bien-phong-2020-2025.txt"] {
            let text = try String(contentsOfFile: out + "/" + name, encoding: .utf8)
            XCTAssertTrue(text.contains("Sáu đảng bộ trực thuộc kết nạp đảng viên năm 2023"), name + "\n" + text)
        }
        let term = try String(contentsOfFile: out + "/x-bien-phong-2020-2025.txt", encoding: .utf8)
        XCTAssertTrue(term.contains("Đại hội (chưa rõ lần thứ), nhiệm kỳ 2020–2025"), term)
        let en = try run(["report", data.appendingPathComponent("x/bien-phong/2020-2025.yaml").path, "--as-of", "2026", "--lang", "en", "-o", "-"])
        XCTAssertTrue(en.stdout.contains("Congress (ordinal not given), term 2020–2025"), en.stdout)
    }

    func testTheFeedKeepsTheKindTheSharedSourceAndAnEmptyCongress() throws {
        let shell = ["/usr/bin/sqlite3", "/bin/sqlite3"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let shell else {
            if ProcessInfo.processInfo.environment["CHITIEU_REQUIRE_TOOLS"] == "1" { XCTFail("sqlite3 is not installed; `make test` installs it") }
            throw XCTSkip("the sqlite3 shell is not installed")
        }
        let data = try sharedSourceFolder()
        let db = scratch.appendingPathComponent("feed.sqlite").path
        let r = try run(["export", data.path, "--format", "sqlite", "--as-of", "2026", "-o", db])
        XCTAssertEqual(r.status, 0, r.stderr)
        func query(_ sql: String) throws -> String {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: shell)
            p.arguments = [db, sql]
            let pipe = Pipe()
            p.standardOutput = pipe
            try p.run()
            let o = pipe.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            return String(decoding: o, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        XCTAssertEqual(try query("SELECT kind FROM bodies WHERE id = 'x/bien-phong';"), "border-guard", "the raw id, not a word")
        XCTAssertEqual(try query("SELECT '[' || congress || ']', start_year, end_year FROM terms;"), "[]|2020|2025", "no ordinal: an empty string")
        // The shared source, once per record that cites it: the two committees' facts and the term.
        XCTAssertEqual(try query("SELECT count(*) FROM sources WHERE key = 'bao-tinh' AND publisher = 'Báo tỉnh X';"), "3")
        XCTAssertEqual(try query("PRAGMA foreign_key_check;"), "")
    }
}
