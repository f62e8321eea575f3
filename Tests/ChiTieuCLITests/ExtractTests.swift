import Foundation
import XCTest

/// `chitieu extract` on the seeds: the 868 / 115,7 % outcome of seed 001, target sentences of
/// seed 000 with the reading a person gave them in Targets/, and a draft that `check` points at
/// until a person decides what only a person can.
extension CLITests {
    private var seeds: URL { Self.repo.deletingLastPathComponent().appendingPathComponent("shared/seeds") }

    private func requireSeeds() throws {
        guard FileManager.default.fileExists(atPath: seeds.path) else { throw XCTSkip("shared/seeds is not beside the repository") }
    }

    func testExtractTheOutcomeOfSeed001() throws {
        try requireSeeds()
        let r = try run(["extract", seeds.appendingPathComponent("001_817ad7f92e42fc09.txt").path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("""
              - indicator: "ket-nap-dang-vien"
                period: term
                value: "868"
                stated: "115,7%"
                source: nguon
                line: 16
            """), r.stdout)
    }

    /// `--gold` scores outcomes and stated attainments too. Seed 001's reviewed outcomes are the
    /// five of Targets/lang-son/khoi-cac-co-quan/2015-2020.yaml (868 with its stated 115,7 % at
    /// line 16 among them); the dated facts of facts.yaml are not outcomes and are not counted.
    func testGoldScoresOutcomesAndStatedAttainmentsOfSeed001() throws {
        try requireSeeds()
        let r = try run(["extract", seeds.appendingPathComponent("001_817ad7f92e42fc09.txt").path, "--gold", "Targets", "-o", scratch.appendingPathComponent("d.yaml").path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let lines = r.stderr.components(separatedBy: "\n")
        let outcomes = try XCTUnwrap(lines.first { $0.hasPrefix("extract: outcomes: ") }, r.stderr)
        XCTAssertTrue(outcomes.contains(", 5 reviewed, "), outcomes)
        let stated = try XCTUnwrap(lines.first { $0.hasPrefix("extract: stated attainments: ") }, r.stderr)
        XCTAssertTrue(stated.contains("1 reviewed, 1 match"), stated)
        // The 868 of line 16 is matched: it is not among the missed.
        XCTAssertFalse(r.stderr.contains("missed   line 16: outcome “Nhiệm kỳ 2015"), r.stderr)
    }

    func testExtractTargetsOfSeed000AgainstTheReviewedData() throws {
        try requireSeeds()
        let r = try run(["extract", seeds.appendingPathComponent("000_69c18a074de68bc9.txt").path, "--gold", "Targets"])
        XCTAssertEqual(r.status, 0, r.stderr)
        // Phrasings of DOMAIN.md, each on its line of the seed, read as the reviewed data reads them.
        for (line, rule, period, words) in [
            (46, "> 750", "term", "toàn Đảng bộ kết nạp được trên 750 đảng viên"),
            (50, ">= 120", "each-year", "hằng năm kết nạp được được ít nhất 120 đảng viên mới"),
            (42, ">= 150", "each-year", "Mỗi năm kết nạp 150 đảng viên mới trở lên"),
            (28, "150-200", "term", "kết nạp từ 150-200 đảng viên mới"),
            (30, "< 0,5%", "by 2000", "giảm tỷ lệ đảng viên loại 4 xuống dưới 0,5% vào năm 2000"),
            (30, "> 70%", "by 2000", "đến năm 2000 đạt trên 70% cơ sở trong sạch, vững mạnh"),
            (42, "02-03", "each-year", "từ 02 đến 03 cơ sở đảng"),
        ] {
            let entry = "line: \(line)"
            let blocks = r.stdout.components(separatedBy: "  - id: ").filter { $0.contains(words) && $0.contains(entry) }
            XCTAssertTrue(blocks.contains { $0.contains("rule: \"\(rule)\"") && $0.contains("period: \(period)") }, "\(line) \(words)\n\(blocks)")
        }
        // "hằng năm đạt 65% trở lên để đến cuối nhiệm kỳ đạt 70%": two entries.
        XCTAssertTrue(r.stdout.contains("rule: \">= 65%\"\n    period: each-year"))
        XCTAssertTrue(r.stdout.contains("rule: \">= 70%\"\n    period: end-of-term"))
        // The measure of the whole: precision and recall against the reviewed targets.
        let summary = try XCTUnwrap(r.stderr.components(separatedBy: "\n").first { $0.hasPrefix("extract: ") })
        XCTAssertTrue(summary.contains("80 reviewed targets"), summary)
    }

    func testTheDraftIsCheckedUntilAPersonDecides() throws {
        try requireSeeds()
        let draft = try catalogueFolder("data")
        let made = try run(["extract", seeds.appendingPathComponent("001_817ad7f92e42fc09.txt").path, "-o", draft.appendingPathComponent("draft.yaml").path])
        XCTAssertEqual(made.status, 0, made.stderr)
        let check = try run(["check", draft.path])
        XCTAssertEqual(check.status, 1)
        // Each '?' a person must decide is an error at its place: the body (line 5).
        XCTAssertTrue(check.stderr.contains("draft.yaml:5:8: error: unknown body '?'"), check.stderr)
        // The text gives no congress ordinal: "?" says so, and is not an error. The term's years are
        // those of the outcome's own words ("Nhiệm kỳ 2015 – 2020, đảng bộ đã kết nạp được 868").
        XCTAssertTrue(made.stdout.isEmpty)
        let text = try String(contentsOf: draft.appendingPathComponent("draft.yaml"), encoding: .utf8)
        XCTAssertTrue(text.contains("term: { congress: \"?\", years: \"2015-2020\" }"), text)
        XCTAssertFalse(check.stderr.contains("is not a span of years"), check.stderr)
        XCTAssertFalse(check.stderr.contains("congress ordinal"), check.stderr)
    }

    /// Issue 18: an outcome's year is its period, its coverage and body are in the note, and every
    /// clause with a figure that was not read is listed with its line.
    func testTheDraftGivesAnOutcomesYearAndListsWhatWasNotRead() throws {
        let text = scratch.appendingPathComponent("bao-cao.txt")
        try """
            Thứ Năm, 12/10/2023, 16:05 (GMT+7)
            Năm 2023, Đảng bộ huyện Lục Yên kết nạp 212 đảng viên, đạt 106 % chỉ tiêu.

            6 tháng đầu năm 2024, Đảng bộ Công an tỉnh kết nạp 31 đảng viên, đạt 62 %.
            Đảng bộ tỉnh hiện có 18.420 đảng viên.
            """.write(to: text, atomically: true, encoding: .utf8)
        let r = try run(["extract", text.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("""
              - indicator: "ket-nap-dang-vien"
                period: 2023
                value: "212"
                stated: "106%"
                source: nguon
                line: 2
            """), r.stdout)
        XCTAssertTrue(r.stdout.contains("period: 2024\n    covers: first-half\n    value: \"31\""), r.stdout)
        XCTAssertTrue(r.stdout.contains("body: Đảng bộ Công an tỉnh; the text says: 6 tháng đầu năm 2024"), r.stdout)
        // What the body has, not what it did: a fact, no longer among the clauses not read. "hiện
        // có" is as of the day the text was published: its dateline's (line 1), which is also the
        // source's date.
        XCTAssertTrue(r.stdout.contains("""
            facts:
              - indicator: "dang-vien"
                period: 2023-10-12
                value: "18.420"
                source: nguon
                line: 5
                quote: "Đảng bộ tỉnh hiện có 18.420 đảng viên"
            """), r.stdout)
        XCTAssertTrue(r.stdout.contains("review: as of the text's dateline (line 1): check that the figure is of that day"), r.stdout)
        XCTAssertTrue(r.stdout.contains("nguon: { title: \"?\", publisher: \"?\", date: 2023-10-12, seed: \"bao-cao.txt\" }"), r.stdout)
        XCTAssertFalse(r.stdout.contains("#   line 5: Đảng bộ tỉnh hiện có 18.420 đảng viên"), r.stdout)
        XCTAssertFalse(r.stdout.contains("line: 1\n"), "the dateline is not an entry")
    }
}

/// Issue 18: the draft of every case of the invented corpus is read by `check`, and what it
/// refuses is only what a person must decide: a '?' at the place of the error, a term outcome
/// in a draft whose term's years are '?', or two figures of one period the draft says to keep one of.
extension CLITests {
    /// Issue 18, kind 9: a text reporting two bodies' outcomes for one year gives one draft per
    /// body, each holding that body's figure alone, so that once a person fills in the '?'s (the
    /// body ids and the term) `check` loads them all; one file with both was refused ("a second
    /// figure of this indicator for one period").
    func testSeveralBodiesInOneTextGiveOneDraftPerBodyThatLoads() throws {
        let data = try catalogueFolder("bodies-split")
        let text = scratch.appendingPathComponent("hai-dang-bo.txt")
        try "Năm 2024, Đảng bộ Công an tỉnh kết nạp 26 đảng viên, đạt 104 %; Đảng bộ Quân sự tỉnh kết nạp 7 đảng viên, đạt 70 %.\n"
            .write(to: text, atomically: true, encoding: .utf8)
        let made = try run(["extract", text.path, "-o", data.path])
        XCTAssertEqual(made.status, 0, made.stderr)
        let names = try FileManager.default.contentsOfDirectory(atPath: data.path).filter { $0.hasPrefix("hai-dang-bo") }.sorted()
        XCTAssertEqual(names, ["hai-dang-bo.dang-bo-cong-an-tinh.yaml", "hai-dang-bo.dang-bo-quan-su-tinh.yaml", "hai-dang-bo.yaml"])
        let police = try String(contentsOf: data.appendingPathComponent(names[0]), encoding: .utf8)
        let army = try String(contentsOf: data.appendingPathComponent(names[1]), encoding: .utf8)
        XCTAssertTrue(police.contains("the text names Đảng bộ Công an tỉnh") && police.contains("value: \"26\"") && police.contains("stated: \"104%\""), police)
        XCTAssertFalse(police.contains("value: \"7\""), police)
        XCTAssertTrue(army.contains("the text names Đảng bộ Quân sự tỉnh") && army.contains("value: \"7\"") && army.contains("period: 2024"), army)
        XCTAssertFalse(army.contains("value: \"26\""), army)
        // A person's part: a body id for each file (three bodies of the catalogue) and the term's years.
        for (name, body) in zip(names, ["lang-son/khoi-cac-co-quan", "lang-son/tinh", "quang-ninh/khoi-cac-co-quan"]) {
            let url = data.appendingPathComponent(name)
            let filled = try String(contentsOf: url, encoding: .utf8)
                .replacingOccurrences(of: "body: \"?\"", with: "body: \(body)")
                .replacingOccurrences(of: "years: \"?\"", with: "years: 2020-2025")
            try filled.write(to: url, atomically: true, encoding: .utf8)
        }
        let checked = try run(["check", data.path])
        XCTAssertEqual(checked.status, 0, checked.stderr)
        XCTAssertTrue(checked.stderr.contains("3 tệp dữ liệu; 0 lỗi"), checked.stderr)
        // Standard output shows every draft, one after the other.
        let shown = try run(["extract", text.path])
        XCTAssertEqual(shown.stdout.components(separatedBy: "# Draft made by").count - 1, 3, shown.stdout)
    }

    /// Facts go into a facts draft of their own beside the term's (`draft.facts.yaml`), dated by
    /// the text ("tính đến 30/6/2023") or its dateline ("hiện có" in an article of 21-07-2020),
    /// and load once a person names the body: a fact from 1985 never sits in a 2020-2025 term file.
    func testFactsGetADraftOfTheirOwnThatLoads() throws {
        let data = try catalogueFolder("facts-draft")
        let text = scratch.appendingPathComponent("bai-bao.txt")
        try """
            Đảng bộ Khối các cơ quan tỉnh: một nhiệm kỳ nhiều dấu ấn

            21-07-2020 08:46
            Nhiệm kỳ 2015 - 2020, Đảng bộ đã kết nạp được 868 đảng viên, đạt 115,7 % chỉ tiêu. Đảng bộ khối hiện có 69 tổ chức cơ sở đảng với 4.294 đảng viên.
            Sau khi được hợp nhất ngày 22/12/1985, Đảng bộ có 2.229 đảng viên.
            """.write(to: text, atomically: true, encoding: .utf8)
        let made = try run(["extract", text.path, "-o", data.appendingPathComponent("bai-bao.yaml").path])
        XCTAssertEqual(made.status, 0, made.stderr)
        let facts = try String(contentsOf: data.appendingPathComponent("bai-bao.facts.yaml"), encoding: .utf8)
        let term = try String(contentsOf: data.appendingPathComponent("bai-bao.yaml"), encoding: .utf8)
        XCTAssertFalse(term.contains("facts:"), term)
        XCTAssertTrue(term.contains("value: \"868\""), term)
        XCTAssertFalse(facts.contains("term:") || facts.contains("targets:"), facts)
        XCTAssertTrue(facts.contains("date: 2020-07-21, seed: \"bai-bao.txt\""), facts)
        for (indicator, period, value) in [("to-chuc-co-so-dang", "2020-07-21", "69"), ("dang-vien", "2020-07-21", "4.294"), ("dang-vien", "1985-12-22", "2.229")] {
            XCTAssertTrue(facts.contains("  - indicator: \"\(indicator)\"\n    period: \(period)\n    value: \"\(value)\""), facts)
        }
        // A person names the body in both and the term's congress; then both load.
        for (name, from, to) in [("bai-bao.yaml", "body: \"?\"", "body: lang-son/khoi-cac-co-quan"), ("bai-bao.facts.yaml", "body: \"?\"", "body: lang-son/khoi-cac-co-quan")] {
            let url = data.appendingPathComponent(name)
            try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: from, with: to).write(to: url, atomically: true, encoding: .utf8)
        }
        let checked = try run(["check", data.path])
        XCTAssertEqual(checked.status, 0, checked.stderr)
        XCTAssertTrue(checked.stderr.contains("2 tệp dữ liệu; 0 lỗi"), checked.stderr)
    }

    /// A multiple of a base ("tăng gấp 1,8 lần so với năm 2025", "gấp đôi") is an amount in the
    /// measure "lần": the draft reads it as `>= 1,8` (the figure as written; "đôi" is 2), guesses
    /// only an indicator in that measure, says the base, and `check` loads it once filled in.
    func testAMultipleIsReadAsAnAmountInLanThatCheckLoads() throws {
        let data = try catalogueFolder("multiple")
        let catalogue = data.appendingPathComponent("indicators.yaml")
        let extra = "  - { id: gia-tri-san-xuat-gap, name: \"Tổng giá trị sản xuất so với năm gốc\", name-en: \"Output value against the base year\", unit: amount, measure: \"lần\", measure-en: \"times\", aggregate: none }\n"
        try (String(contentsOf: catalogue, encoding: .utf8) + extra).write(to: catalogue, atomically: true, encoding: .utf8)
        let text = scratch.appendingPathComponent("gap.txt")
        try "Đại hội đề ra: đến năm 2030, tổng giá trị sản xuất tăng gấp 1,8 lần so với năm 2025; quy mô kinh tế tăng gấp đôi so với năm 2025.\n"
            .write(to: text, atomically: true, encoding: .utf8)
        let draft = data.appendingPathComponent("gap.yaml")
        let made = try run(["extract", text.path, "--data", data.path, "-o", draft.path])
        XCTAssertEqual(made.status, 0, made.stderr)
        let yaml = try String(contentsOf: draft, encoding: .utf8)
        XCTAssertTrue(yaml.contains("rule: \">= 1,8\"\n    period: by 2030"), yaml)
        XCTAssertTrue(yaml.contains("rule: \">= 2\"\n    period: by 2030"), yaml)
        XCTAssertTrue(yaml.contains("indicator: \"gia-tri-san-xuat-gap\""), yaml)
        XCTAssertTrue(yaml.contains("a multiple of a base (so với năm 2025)") && yaml.contains("'gấp đôi' read as 2 times"), yaml)
        // A person fills in the body, the term and the second indicator (the same one here).
        let filled = yaml.replacingOccurrences(of: "body: \"?\"", with: "body: lang-son/tinh")
            .replacingOccurrences(of: "years: \"?\"", with: "years: 2025-2030")
            .replacingOccurrences(of: "indicator: \"?\"", with: "indicator: \"gia-tri-san-xuat-gap\"")
        try filled.write(to: draft, atomically: true, encoding: .utf8)
        let checked = try run(["check", data.path])
        XCTAssertEqual(checked.status, 0, checked.stderr + "\n" + filled)
    }

    func testEveryDraftOfTheCorpusLoadsOrItsRefusalsAreListed() throws {
        let corpus = Self.repo.appendingPathComponent("Tests/ChiTieuCoreTests/Fixtures/ExtractCorpus")
        let data = try catalogueFolder("drafts")
        var drafts = 0
        for half in ["tune.txt", "heldout.txt", "heldout2.txt", "heldout3.txt"] {
            let text = try String(contentsOf: corpus.appendingPathComponent(half), encoding: .utf8)
            for block in text.components(separatedBy: "### ").dropFirst() {
                let lines = block.components(separatedBy: "\n")
                guard let split = lines.firstIndex(of: "---"), let id = lines[0].split(separator: " ").first else { continue }
                let source = scratch.appendingPathComponent("\(id).txt")
                try lines[1..<split].joined(separator: "\n").write(to: source, atomically: true, encoding: .utf8)
                let made = try run(["extract", source.path, "-o", data.appendingPathComponent("\(id).yaml").path])
                XCTAssertEqual(made.status, 0, "\(id): \(made.stderr)")
                drafts += 1
            }
        }
        XCTAssertGreaterThan(drafts, 140)
        // Its messages run past a pipe's buffer: written to a file, read when it is done.
        let log = scratch.appendingPathComponent("check.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = ["check", data.path]
        process.currentDirectoryURL = Self.repo
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: log)
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 1)
        let stderr = try String(contentsOf: log, encoding: .utf8)
        var errors = 0
        for line in stderr.components(separatedBy: "\n") where line.contains(": error: ") {
            errors += 1
            // "…/n04.yaml:12:5: error: …": the draft's line the error points at.
            let fields = line.components(separatedBy: ":")
            guard fields.count > 3, let at = Int(fields[1]) else { XCTFail("an error without its place: \(line)"); continue }
            let file = try String(contentsOfFile: fields[0], encoding: .utf8)
            let rows = file.components(separatedBy: "\n")
            guard at >= 1, at <= rows.count else { XCTFail("no line \(at): \(line)"); continue }
            let termUnknown = file.contains("years: \"?\"") && line.contains("'period: term' needs a term")
            let bodiesToSplit = (file.contains("split the outcomes into one file per body") || file.contains("# a second figure of this indicator"))
                && line.contains("a second figure")
            XCTAssertTrue(rows[at - 1].contains("?") || termUnknown || bodiesToSplit, "a refusal not at a '?': \(line)\n\(rows[at - 1])")
        }
        XCTAssertGreaterThan(errors, 0, "every draft asks for its body")
        XCTAssertFalse(stderr.contains("YAML"), stderr)
    }
}
