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
        // Each '?' a person must decide is an error at its place: the body (line 5), the years (line 6).
        XCTAssertTrue(check.stderr.contains("draft.yaml:5:8: error: unknown body '?'"), check.stderr)
        XCTAssertTrue(check.stderr.contains("draft.yaml:6:32: error: '?' is not a span of years"), check.stderr)
        // The text gives no congress ordinal: "?" says so, and is not an error.
        XCTAssertTrue(made.stdout.isEmpty)
        let text = try String(contentsOf: draft.appendingPathComponent("draft.yaml"), encoding: .utf8)
        XCTAssertTrue(text.contains("term: { congress: \"?\", years: \"?\" }"), text)
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
        XCTAssertTrue(r.stdout.contains("body: Đảng bộ Công an tỉnh; covers: 6 tháng đầu năm 2024"), r.stdout)
        XCTAssertTrue(r.stdout.contains("#   line 5: Đảng bộ tỉnh hiện có 18.420 đảng viên"), r.stdout)
        XCTAssertFalse(r.stdout.contains("line: 1\n"), "the dateline is not an entry")
    }
}
