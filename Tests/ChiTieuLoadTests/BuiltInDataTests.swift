import ChiTieuCore
import ChiTieuLoad
import Foundation
import XCTest

/// The data shipped in Targets/: it loads cleanly, holds every congress target of seed 000, and
/// quotes its sources verbatim, on the line it cites.
final class BuiltInDataTests: XCTestCase {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let seeds = repo.deletingLastPathComponent().appendingPathComponent("shared/seeds")

    private func load() -> LedgerLoader.Result {
        LedgerLoader.load(paths: [Self.repo.appendingPathComponent("Targets").path])
    }

    func testLoadsWithOnlyTheQuangNinhWarning() throws {
        let result = load()
        XCTAssertEqual(result.errors, [])
        XCTAssertEqual(result.warnings.count, 1)
        let w = try XCTUnwrap(result.warnings.first)
        XCTAssertTrue(w.location?.file.hasSuffix("Targets/quang-ninh/khoi-cac-co-quan/facts.yaml") == true)
        XCTAssertEqual(w.location?.line, 88)
        // `    value: "7.5000"`: the quote opens at column 12, the four-digit group starts at column 15.
        XCTAssertEqual(w.location?.column, 15)
        XCTAssertTrue(w.message.contains("using the recorded correction 7.500"))
    }

    func testEveryTermFromVIIIToXIVIsThere() throws {
        let ledger = try XCTUnwrap(load().ledger)
        let bloc = ledger.records.filter { $0.bodyID == "lang-son/khoi-cac-co-quan" && $0.term != nil }
        XCTAssertEqual(bloc.compactMap(\.term?.congress), ["II", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV"])
        // Targets per term, counted by hand from seed 000 (a sentence with two targets counts twice;
        // a yearly floor with an end level gives two).
        let counts = Dictionary(uniqueKeysWithValues: bloc.compactMap { r in r.term.map { ($0.congress, r.targets.count) } })
        XCTAssertEqual(counts, ["II": 1, "VIII": 2, "IX": 10, "X": 9, "XI": 3, "XII": 17, "XIII": 17, "XIV": 21])
    }

    func testTheWorkedExample() throws {
        let ledger = try XCTUnwrap(load().ledger)
        let xiii = try XCTUnwrap(ledger.records.first { $0.term?.congress == "XIII" })
        let target = try XCTUnwrap(xiii.targets.first { $0.id == "ket-nap" })
        XCTAssertEqual(target.rule.comparison, .moreThan(750))
        XCTAssertEqual(target.period, .term)
        let outcome = try XCTUnwrap(xiii.observations.first { $0.targetID == "ket-nap" })
        XCTAssertEqual(outcome.value, .number(868))
        XCTAssertEqual(outcome.stated?.text, "115,7%")
        let a = try XCTUnwrap(Evaluator(ledger: ledger, asOf: 2026).assess(xiii))
        let row = try XCTUnwrap(a.targets.first { $0.target.id == "ket-nap" }).summary
        XCTAssertEqual(row.verdict, .exceeded)
        XCTAssertEqual(NumberFormat(.vietnamese).percent(row.attainment ?? 0), "115,7 %")
        XCTAssertEqual(row.statedCheck?.match, .matches)
    }

    func testEveryPhrasingOfTheDomainIsModelled() throws {
        let ledger = try XCTUnwrap(load().ledger)
        let targets = ledger.records.flatMap(\.targets)
        func find(_ words: String) -> Target? { targets.first { $0.text.contains(words) } }
        XCTAssertEqual(find("trên 750 đảng viên")?.rule.comparison, .moreThan(750))
        XCTAssertEqual(find("ít nhất 120 đảng viên mới")?.period, .eachYear)
        XCTAssertEqual(find("ít nhất 120 đảng viên mới")?.rule.comparison, .atLeast(120))
        XCTAssertEqual(find("Mỗi năm kết nạp 150 đảng viên mới trở lên")?.rule.comparison, .atLeast(150))
        XCTAssertEqual(find("kết nạp từ 150-200")?.rule.comparison, .range(150, 200))
        XCTAssertEqual(find("xuống dưới 0,5%")?.rule.comparison, .lessThan(Decimal(string: "0.5") ?? 0))
        XCTAssertEqual(find("xuống dưới 0,5%")?.period, .byYear(2000))
        XCTAssertEqual(find("đạt trên 70% cơ sở")?.rule.comparison, .moreThan(70))
        XCTAssertEqual(find("15-20% cơ sở đảng")?.rule.comparison, .range(15, 20))
        XCTAssertEqual(find("từ 02 đến 03 cơ sở đảng")?.rule.comparison, .range(2, 3))
        XCTAssertEqual(find("3/3 đoàn thể")?.rule.comparison, .fraction(numerator: 3, whole: 3))
        XCTAssertEqual(find("2/3 chi bộ")?.rule.comparison, .fraction(numerator: 2, whole: 3))
        XCTAssertEqual(find("khoảng 50%")?.rule.comparison, .approximately(50, tolerance: 5))
        XCTAssertEqual(find("không có cơ sở yếu kém")?.rule.comparison, .zero)
        XCTAssertEqual(find("xếp loại hoàn thành tốt nhiệm vụ trở lên.")?.rule.comparison, .ratingAtLeast("hoan-thanh-tot"))
        let floor = targets.filter { $0.sentenceID == "tsvm" && $0.text.contains("để đến cuối nhiệm kỳ đạt 70%") }
        XCTAssertEqual(floor.map(\.period), [.eachYear, .endOfTerm])
        XCTAssertEqual(floor.map(\.rule.comparison), [.atLeast(65), .atLeast(70)])
        let both = targets.filter { $0.text == "đến 100% đảng viên và trên 90% quần chúng" }
        XCTAssertEqual(Set(both.map(\.indicatorID)), ["quan-triet-dang-vien", "quan-triet-quan-chung"])
    }

    /// Runs of spaces, tabs and non-breaking spaces as one space: the seeds put "  " and
    /// " \u{00A0}" inside sentences, which a data file writes as one space.
    static func spaced(_ s: String) -> String {
        s.replacingOccurrences(of: "[ \\t\u{00A0}\u{202F}]+", with: " ", options: .regularExpression)
    }

    /// Every target text, quote and lineage quote stands verbatim (up to spacing) on the cited line of its seed.
    func testQuotesStandVerbatimOnTheCitedLine() throws {
        guard FileManager.default.fileExists(atPath: Self.seeds.path) else {
            throw XCTSkip("shared/seeds is not beside the repository")
        }
        let ledger = try XCTUnwrap(load().ledger)
        var checked = 0
        func check(_ words: String, _ source: Source?, _ line: Int?, _ what: String) throws {
            let seed = try XCTUnwrap(source?.seed, what)
            let text = try String(contentsOf: Self.seeds.appendingPathComponent(seed), encoding: .utf8)
            let lines = text.components(separatedBy: "\n")
            let n = try XCTUnwrap(line, "\(what) cites no line")
            XCTAssertTrue(lines.indices.contains(n - 1), what)
            XCTAssertTrue(Self.spaced(lines[n - 1]).contains(Self.spaced(words)), "\(what): “\(words)” is not on line \(n) of \(seed)")
            checked += 1
        }
        for r in ledger.records {
            for t in r.targets { try check(t.text, r.sources[t.citation.source], t.citation.line, "\(r.file) \(t.id)") }
            for o in r.observations { try check(o.quote, r.sources[o.citation.source], o.citation.line, "\(r.file) \(o.indicatorID)") }
        }
        for body in ledger.bodies.values {
            for e in body.lineage {
                let source = ledger.bodySources[e.source]
                let seed = try XCTUnwrap(source?.seed)
                let text = try String(contentsOf: Self.seeds.appendingPathComponent(seed), encoding: .utf8)
                XCTAssertTrue(Self.spaced(text).contains(Self.spaced(e.quote)), "\(body.id) \(e.date): quote not found in \(seed)")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 100)
    }
}
