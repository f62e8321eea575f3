import ChiTieuCore
import ChiTieuExport
import ChiTieuLoad
import Foundation
import XCTest

/// The planners' feed: schema of each format, the round trip export → import → the same
/// assessment, and the database opened by the sqlite3 shell.
final class FeedTests: XCTestCase {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    var dir: String!

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "chitieu-feed-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: dir) }

    private func builtIn() throws -> (Ledger, [Assessment]) {
        let result = LedgerLoader.load(paths: [Self.repo.appendingPathComponent("Targets").path])
        XCTAssertFalse(result.diagnostics.hasErrors, "\(result.diagnostics.items)")
        let ledger = try XCTUnwrap(result.ledger)
        return (ledger, Evaluator(ledger: ledger, asOf: 2026).assessAll())
    }

    private func xiii(_ assessments: [Assessment]) throws -> Assessment {
        try XCTUnwrap(assessments.first { $0.record.bodyID == "lang-son/khoi-cac-co-quan" && $0.record.term?.startYear == 2015 })
    }

    /// Fields of a CSV line, quotes respected.
    static func fields(_ line: String) -> [String] {
        var out = [""], quoted = false, previous: Character = " "
        for ch in line {
            if ch == "\"" {
                if quoted || previous != "\"" { quoted.toggle() }
                if !quoted, previous == "\"" { out[out.count - 1].append("\"") }
            } else if ch == ",", !quoted {
                out.append("")
            } else {
                out[out.count - 1].append(ch)
            }
            previous = ch
        }
        return out
    }

    func testCSVSchema() throws {
        let (_, assessments) = try builtIn()
        let path = dir + "/feed.csv"
        try FeedWriter.csv(assessments, to: path)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        XCTAssertEqual(lines.first, FeedSchema.columns.joined(separator: ","))
        let rows = lines.dropFirst().map(Self.fields)
        XCTAssertTrue(rows.allSatisfy { $0.count == FeedSchema.columns.count }, "every row has every column")
        let column = Dictionary(uniqueKeysWithValues: FeedSchema.columns.enumerated().map { ($1, $0) })
        func row(_ id: String) throws -> [String] { try XCTUnwrap(rows.first { $0[column["id"] ?? 0] == id }, id) }
        // Seed 001: 868 admissions against "trên 750": 868 / 750 × 100 = 115,7333… %, stated 115,7 %.
        let ketNap = try row("lang-son/khoi-cac-co-quan/2015-2020/ket-nap/term")
        XCTAssertEqual(ketNap[column["value"] ?? 0], "868")
        XCTAssertEqual(ketNap[column["attainment"] ?? 0], "115.733333", "a plain '.' and six places, rounded once")
        XCTAssertEqual(ketNap[column["stated"] ?? 0], "115.7")
        XCTAssertEqual(ketNap[column["verdict"] ?? 0], "exceeded")
        XCTAssertEqual(ketNap[column["feed_version"] ?? 0], "2")
        // Facts keep ISO dates and the correction of seed 004's "7.5000".
        let members = try row("quang-ninh/khoi-cac-co-quan/facts/dang-vien/2022-09-04")
        XCTAssertEqual(members[column["value"] ?? 0], "7500")
        XCTAssertEqual(members[column["qualifier"] ?? 0], "more-than")
        XCTAssertEqual(members[column["correction_of"] ?? 0], "7.5000")
        XCTAssertEqual(Set(rows.map { $0[column["id"] ?? 0] }).count, rows.count, "ids are unique")
    }

    func testJSONHasTheSameRowsAndStableIDs() throws {
        let (_, assessments) = try builtIn()
        try FeedWriter.csv(assessments, to: dir + "/feed.csv")
        try FeedWriter.json(assessments, to: dir + "/feed.json")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/feed.json"))) as? [String: Any]
        XCTAssertEqual(object?["schema"] as? String, "chitieu-feed/2")
        let rows = try XCTUnwrap(object?["rows"] as? [[String: String]])
        let csvRows = try String(contentsOfFile: dir + "/feed.csv", encoding: .utf8).components(separatedBy: "\r\n").filter { !$0.isEmpty }.count - 1
        XCTAssertEqual(rows.count, csvRows)
        XCTAssertEqual(Set(rows.first?.keys.map { $0 } ?? []), Set(FeedSchema.columns.dropFirst()), "the same columns, feed_version at the top")
        XCTAssertEqual(rows.first { $0["id"] == "lang-son/khoi-cac-co-quan/2015-2020/ket-nap/term" }?["attainment"], "115.733333")
    }

    /// Export the XIII term, take its outcomes out of the YAML, import the exported table in their
    /// place: the assessment must be the same, target by target and row by row.
    func testRoundTripGivesTheSameAssessment() throws {
        let (_, assessments) = try builtIn()
        let original = try xiii(assessments)
        let data = dir + "/data"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        for file in ["indicators.yaml", "bodies.yaml"] {
            try FileManager.default.copyItem(atPath: Self.repo.path + "/Targets/" + file, toPath: data + "/" + file)
        }
        try FeedWriter.csv([original], to: data + "/ket-qua.csv")
        let yaml = try String(contentsOfFile: Self.repo.path + "/Targets/lang-son/khoi-cac-co-quan/2015-2020.yaml", encoding: .utf8)
        let head = try XCTUnwrap(yaml.components(separatedBy: "\noutcomes:").first)
        try Data((head + "\noutcomes-csv: ket-qua.csv\n").utf8).write(to: URL(fileURLWithPath: data + "/2015-2020.yaml"))

        let result = LedgerLoader.load(paths: [data])
        XCTAssertFalse(result.diagnostics.hasErrors, "\(result.diagnostics.items)")
        let ledger = try XCTUnwrap(result.ledger)
        let again = try XCTUnwrap(Evaluator(ledger: ledger, asOf: 2026).assessAll().first)
        XCTAssertEqual(again.targets.count, original.targets.count)
        // Seed 001's five figures of the term: 868 admissions, an 80 % share, 4.037, 1.289 and 2.748 documents.
        XCTAssertEqual(original.record.observations.count, 5)
        XCTAssertEqual(again.record.observations.count, original.record.observations.count, "every figure came back, none twice")
        for (a, b) in zip(original.targets, again.targets) {
            XCTAssertEqual(a.target.id, b.target.id)
            for (x, y) in zip(a.years + [a.summary], b.years + [b.summary]) {
                XCTAssertEqual(x.value, y.value, a.target.id)
                XCTAssertEqual(x.attainment, y.attainment, a.target.id)
                XCTAssertEqual(x.gap, y.gap, a.target.id)
                XCTAssertEqual(x.verdict, y.verdict, a.target.id)
                XCTAssertEqual(x.statedCheck?.match, y.statedCheck?.match, a.target.id)
            }
        }
        XCTAssertEqual(again.otherOutcomes.map(\.observation.value), original.otherOutcomes.map(\.observation.value))
    }

    /// The sum row of a yearly count in a running term: four years judged (2021–2024), so the rule
    /// is 120 × 4 = 480; 130 + 125 + 110 + 135 = 500 ≥ 480, on track. Before: rule ">= 120"
    /// beside threshold 480, and verdict noData though every year was there.
    func testTheSumRowOfAYearlyCountSaysItsScaledRuleAndItsProgress() throws {
        let data = dir + "/data"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        for file in ["indicators.yaml", "bodies.yaml"] {
            try FileManager.default.copyItem(atPath: Self.repo.path + "/Targets/" + file, toPath: data + "/" + file)
        }
        try Data("""
            body: lang-son/khoi-cac-co-quan
            term: { congress: XIV, years: 2020-2025 }
            sources:
              gia-dinh: { title: "Số liệu giả định cho kiểm thử", publisher: "chitieu" }
            targets:
              - { id: ket-nap, text: "hằng năm kết nạp ít nhất 120 đảng viên mới", source: gia-dinh, indicator: ket-nap-dang-vien, rule: ">= 120", period: each-year }
            outcomes:
              - { target: ket-nap, period: 2021, value: "130", source: gia-dinh, quote: "130" }
              - { target: ket-nap, period: 2022, value: "125", source: gia-dinh, quote: "125" }
              - { target: ket-nap, period: 2023, value: "110", source: gia-dinh, quote: "110" }
              - { target: ket-nap, period: 2024, value: "135", source: gia-dinh, quote: "135" }
            """.utf8).write(to: URL(fileURLWithPath: data + "/2020-2025.yaml"))
        let result = LedgerLoader.load(paths: [data])
        XCTAssertFalse(result.diagnostics.hasErrors, "\(result.diagnostics.items)")
        let ledger = try XCTUnwrap(result.ledger)
        let assessment = try XCTUnwrap(Evaluator(ledger: ledger, asOf: 2024).assessAll().first)
        let sum = try XCTUnwrap(Feed.rows(assessment).first { $0.row == "cumulative" })
        XCTAssertEqual(sum.value, "500")
        XCTAssertEqual(sum.threshold, "480")
        XCTAssertEqual(sum.rule, ">= 480 (120 × 4 years)", "the rule judged against, not the yearly one")
        XCTAssertEqual(sum.verdict, "", "a running term: no verdict yet, and never noData with its years there")
        XCTAssertEqual(sum.progress, "onTrack")
        let year = try XCTUnwrap(Feed.rows(assessment).first { $0.row == "year" && $0.period == "2023" })
        XCTAssertEqual(year.rule, ">= 120", "a year's row keeps the rule as written")
    }

    /// A running term's progress by every method, on its rows (issue 19): as of 2022, 2 of the 5
    /// reporting years (2021–2025) have passed.
    func testTheFeedCarriesTheCataloguesBandsWhereTheTermFileSetsNone() throws {
        let data = dir + "/data"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.repo.path + "/Targets/bodies.yaml", toPath: data + "/bodies.yaml")
        let catalogue = try String(contentsOfFile: Self.repo.path + "/Targets/indicators.yaml", encoding: .utf8)
        try Data((catalogue + """

            bands:
              - { from: 0, to: 95, label: "chưa đạt (thang tỉnh)" }
              - { from: 95, label: "đạt (thang tỉnh)" }
            """).utf8).write(to: URL(fileURLWithPath: data + "/indicators.yaml"))
        try Data("""
            body: lang-son/khoi-cac-co-quan
            term: { congress: XIV, years: 2020-2025 }
            sources:
              gia-dinh: { title: "Số liệu giả định cho kiểm thử", publisher: "chitieu" }
            targets:
              - { id: hang-nam, text: "hằng năm kết nạp ít nhất 120 đảng viên mới", source: gia-dinh, indicator: ket-nap-dang-vien, rule: ">= 120", period: each-year }
            outcomes:
              - { target: hang-nam, period: 2021, value: "115", source: gia-dinh, quote: "115" }
              - { target: hang-nam, period: 2022, value: "113", source: gia-dinh, quote: "113" }
            """.utf8).write(to: URL(fileURLWithPath: data + "/2020-2025.yaml"))
        let result = LedgerLoader.load(paths: [data])
        XCTAssertFalse(result.diagnostics.hasErrors, "\(result.diagnostics.items)")
        let rows = Feed.rows(try XCTUnwrap(Evaluator(ledger: try XCTUnwrap(result.ledger), asOf: 2022).assessAll().first))
        // 115 ÷ 120 = 95,83 % → from 95: "đạt (thang tỉnh)"; 113 ÷ 120 = 94,17 % → "chưa đạt (thang tỉnh)".
        XCTAssertEqual(rows.first { $0.target == "hang-nam" && $0.period == "2021" }?.officeBand, "đạt (thang tỉnh)")
        XCTAssertEqual(rows.first { $0.target == "hang-nam" && $0.period == "2022" }?.officeBand, "chưa đạt (thang tỉnh)")
    }

    func testTheFeedCarriesTheProgressOfEachMethod() throws {
        let data = dir + "/data"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        for file in ["indicators.yaml", "bodies.yaml"] {
            try FileManager.default.copyItem(atPath: Self.repo.path + "/Targets/" + file, toPath: data + "/" + file)
        }
        try Data("""
            body: lang-son/khoi-cac-co-quan
            term: { congress: XIV, years: 2020-2025 }
            sources:
              gia-dinh: { title: "Số liệu giả định cho kiểm thử", publisher: "chitieu" }
            bands:
              - { from: 0, to: 100, label: "chưa đạt" }
              - { from: 100, label: "đạt" }
            targets:
              - { id: hang-nam, text: "hằng năm kết nạp ít nhất 120 đảng viên mới", source: gia-dinh, indicator: ket-nap-dang-vien, rule: ">= 120", period: each-year }
              - { id: ca-nhiem-ky, text: "cả nhiệm kỳ kết nạp trên 750 đảng viên", source: gia-dinh, indicator: ket-nap-dang-vien, rule: "> 750", period: term }
            outcomes:
              - { target: hang-nam, period: 2021, value: "130", source: gia-dinh, quote: "130" }
              - { target: hang-nam, period: 2022, value: "100", source: gia-dinh, quote: "100" }
              - { target: ca-nhiem-ky, period: 2021, value: "140", source: gia-dinh, quote: "140" }
              - { target: ca-nhiem-ky, period: 2022, value: "150", source: gia-dinh, quote: "150" }
            """.utf8).write(to: URL(fileURLWithPath: data + "/2020-2025.yaml"))
        let result = LedgerLoader.load(paths: [data])
        XCTAssertFalse(result.diagnostics.hasErrors, "\(result.diagnostics.items)")
        let assessment = try XCTUnwrap(Evaluator(ledger: try XCTUnwrap(result.ledger), asOf: 2022).assessAll().first)
        let rows = Feed.rows(assessment)
        // 2022 missed: the written rule's word, while `progress` keeps its first meaning.
        let yearly = try XCTUnwrap(rows.first { $0.target == "hang-nam" && $0.row == "term" })
        XCTAssertEqual(yearly.progressStatus, "yearMissed")
        XCTAssertEqual(yearly.progress, "atRisk")
        // 140 + 150 = 290 of "trên 750": 290 ÷ 750 × 100 = 38,666667 % against 2 ÷ 5 = 40 %:
        // 1,33 points behind → slightlyBehind.
        let total = try XCTUnwrap(rows.first { $0.target == "ca-nhiem-ky" && $0.row == "term" })
        XCTAssertEqual(total.proRataBand, "slightlyBehind")
        XCTAssertEqual(total.expectedPercent, "40")
        XCTAssertEqual(total.achievedPercent, "38.666667")
        // ESCAP on the running total 140, 290 (weights 1, 2): Σw 3, Σwx 2, Σwx² 2, Σwy 720, Σwxy 580;
        // D = 2, N = 1740 − 1440 = 300; ŷ(2025, x = 4) = (1440 + 10·300) ÷ 6 = 740, short of "trên 750":
        // gap (750 − 740) ÷ (750 − 140) × 100 = 1,639344 % → accelerate.
        XCTAssertEqual(total.escapCategory, "accelerate")
        XCTAssertEqual(total.escapAnticipated, "740")
        XCTAssertEqual(total.escapGap, "1.639344")
        // Trend: 290 ÷ 140 − 1 = 107,14 % a year against (750 ÷ 290)^(1/3) − 1 = 37,27 %: ratio 2,87 → onTrack.
        XCTAssertEqual(total.trendStatus, "onTrack")
        XCTAssertEqual(total.trendRatio.prefix(4), "2.87")
        // The columns are in every row, in the schema's order, and the CSV has them at the end.
        XCTAssertEqual(Array(FeedSchema.columns.suffix(13)), ["progress_status", "pro_rata_band", "expected_percent", "achieved_percent",
                                                              "trend_status", "trend_ratio", "escap_category", "escap_anticipated", "escap_gap",
                                                              "weather_symbol", "weather_projected", "weather_miss", "office_band"])
        // The office's own bands on each attainment: 130 ÷ 120 = 108,3 % → "đạt"; 100 ÷ 120 = 83,3 % → "chưa đạt".
        XCTAssertEqual(rows.first { $0.target == "hang-nam" && $0.period == "2021" }?.officeBand, "đạt")
        XCTAssertEqual(rows.first { $0.target == "hang-nam" && $0.period == "2022" }?.officeBand, "chưa đạt")
        // Two figures of the running total: fewer than the four the weather symbols need.
        XCTAssertEqual(total.weatherSymbol, "notCalculable")
        XCTAssertTrue(rows.allSatisfy { Feed.cells($0).count == FeedSchema.columns.count })
    }

    /// A schema-2 file written before the progress columns were appended still imports.
    func testAFileWithoutTheProgressColumnsStillImports() throws {
        let (_, assessments) = try builtIn()
        let original = try xiii(assessments)
        let data = dir + "/data"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        for file in ["indicators.yaml", "bodies.yaml"] {
            try FileManager.default.copyItem(atPath: Self.repo.path + "/Targets/" + file, toPath: data + "/" + file)
        }
        try FeedWriter.csv([original], to: dir + "/new.csv")
        // Keep the first 32 columns (the schema as first released), every cell quoted again.
        let lines = try String(contentsOfFile: dir + "/new.csv", encoding: .utf8).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let old = lines.map { line in Self.fields(line).prefix(32).map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",") }
        XCTAssertFalse(old[0].contains("progress_status"))
        try Data((old.joined(separator: "\r\n") + "\r\n").utf8).write(to: URL(fileURLWithPath: data + "/ket-qua.csv"))
        let yaml = try String(contentsOfFile: Self.repo.path + "/Targets/lang-son/khoi-cac-co-quan/2015-2020.yaml", encoding: .utf8)
        let head = try XCTUnwrap(yaml.components(separatedBy: "\noutcomes:").first)
        try Data((head + "\noutcomes-csv: ket-qua.csv\n").utf8).write(to: URL(fileURLWithPath: data + "/2015-2020.yaml"))
        let result = LedgerLoader.load(paths: [data])
        XCTAssertFalse(result.diagnostics.hasErrors, "\(result.diagnostics.items)")
        let again = try XCTUnwrap(Evaluator(ledger: try XCTUnwrap(result.ledger), asOf: 2026).assessAll().first)
        XCTAssertEqual(again.record.observations.count, original.record.observations.count)
        XCTAssertEqual(again.targets.map(\.summary.verdict), original.targets.map(\.summary.verdict))
    }

    func testAnExportedRowForAnotherBodyIsRefused() throws {
        let (_, assessments) = try builtIn()
        let data = dir + "/data"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        for file in ["indicators.yaml", "bodies.yaml"] {
            try FileManager.default.copyItem(atPath: Self.repo.path + "/Targets/" + file, toPath: data + "/" + file)
        }
        let qn = try XCTUnwrap(assessments.first { $0.record.bodyID == "quang-ninh/khoi-cac-co-quan" })
        try FeedWriter.csv([qn], to: data + "/qn.csv")
        try Data("""
            body: lang-son/tinh
            sources: { lichsu: { title: "t", publisher: "p" } }
            outcomes-csv: qn.csv
            """.utf8).write(to: URL(fileURLWithPath: data + "/facts.yaml"))
        let result = LedgerLoader.load(paths: [data])
        XCTAssertTrue(result.diagnostics.items.contains { $0.severity == .error && $0.message.contains("this row is for 'quang-ninh/khoi-cac-co-quan'") }, "\(result.diagnostics.items)")
    }

    func testSQLiteOpenedByTheShell() throws {
        let shell = ["/usr/bin/sqlite3", "/bin/sqlite3"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let shell else {
            if ProcessInfo.processInfo.environment["CHITIEU_REQUIRE_TOOLS"] == "1" { XCTFail("sqlite3 is not installed; `make test` installs it") }
            throw XCTSkip("the sqlite3 shell is not installed")
        }
        let (ledger, assessments) = try builtIn()
        let path = dir + "/chitieu.sqlite"
        try FeedDatabase.write(ledger, assessments, to: path)
        func query(_ sql: String) throws -> String {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: shell)
            p.arguments = [path, sql]
            let pipe = Pipe()
            p.standardOutput = pipe
            p.standardError = pipe
            try p.run()
            let out = pipe.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            return String(decoding: out, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        XCTAssertEqual(try query("PRAGMA foreign_key_check;"), "", "every reference resolves")
        XCTAssertEqual(try query("SELECT value FROM meta WHERE key = 'feed_version';"), "2")
        XCTAssertEqual(try query("SELECT attainment FROM assessments WHERE id = 'lang-son/khoi-cac-co-quan/2015-2020/ket-nap/term';"), "115.733333")
        XCTAssertEqual(try query("SELECT count(*) FROM bodies;"), "3")
        XCTAssertEqual(try query("SELECT value, qualifier, correction_of FROM observations WHERE id = 'quang-ninh/khoi-cac-co-quan/facts/dang-vien/2022-09-04';"), "7500|more-than|7.5000")
        // The planner's view: every target not met, by province; it runs and names what it lists.
        let notMet = try query("SELECT count(*) FROM assessments WHERE verdict = 'notMet' AND row IN ('term', 'end-of-term', 'by-year');")
        XCTAssertEqual(try query("SELECT count(*) FROM targets_not_met;"), notMet)
        // The progress columns of the feed, by their CSV names (the built-in terms are closed in 2026: empty).
        XCTAssertEqual(try query("SELECT count(*) FROM pragma_table_info('assessments') WHERE name IN ('progress_status', 'pro_rata_band', 'trend_status', 'trend_ratio', 'escap_category', 'escap_anticipated', 'escap_gap');"), "7")
        XCTAssertEqual(try query("SELECT value FROM latest_figures WHERE body_id = 'lang-son/khoi-cac-co-quan' AND indicator_id = 'dang-vien';"), "4294")
        XCTAssertTrue(try query("SELECT name FROM sqlite_master WHERE type = 'index';").contains("observations_by_indicator"))
    }
}
