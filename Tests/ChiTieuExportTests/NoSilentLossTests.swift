import ChiTieuCore
import ChiTieuExport
import ChiTieuLoad
import ChiTieuReport
import Foundation
import XCTest

/// Property: for random valid ledgers of several bodies (every comparator, target period kind ×
/// outcome period kind — a year, the congress year, a date, part of a year, the term, the term
/// to a date — given for a target or by indicator, figures written as offices write them):
/// every figure is judged, another outcome, or listed apart with its reason and a `check`
/// warning; it is exactly one row of the feed; it appears in the report; load → export → import
/// gives the same assessment. A malformed figure or a year outside the term slipped in appears
/// in a diagnostic at its line instead. Never nowhere.
///
/// Seeded, so a failure names the seed that reproduces it (`CHITIEU_SEED=n` runs only that one;
/// `CHITIEU_CASES=n` runs more). swift-property-based needs Swift Testing, which the README's
/// test command leaves out, so the generator is written here.
final class NoSilentLossTests: XCTestCase {
    static let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    var dir: String!

    override func setUpWithError() throws {
        dir = NSTemporaryDirectory() + "chitieu-property-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    }

    /// `CHITIEU_KEEP=1` keeps the generated data folders to look at (their path is printed).
    override func tearDown() {
        if ProcessInfo.processInfo.environment["CHITIEU_KEEP"] == "1" {
            print("chitieu: kept the generated data in \(dir ?? "")")
            return
        }
        try? FileManager.default.removeItem(atPath: dir)
    }

    /// SplitMix64: small, fast, and the same sequence on every machine for a seed.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
        mutating func chance(_ percent: Int) -> Bool { int(1...100) <= percent }
        mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
    }

    /// A figure as an office writes it: thousands grouped with dots, a decimal comma.
    static func vietnamese(_ whole: Int, decimals: Int = 0, places: Int = 0) -> String {
        var digits = String(whole)
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(digits, at: 0)
        let head = groups.joined(separator: ".")
        guard places > 0 else { return head }
        let fraction = String(decimals)
        return head + "," + String(repeating: "0", count: places - fraction.count) + fraction
    }

    static let counts = ["ket-nap-dang-vien", "van-ban-ban-hanh", "kiem-tra-to-chuc", "co-so-yeu-kem", "giam-sat-chuyen-de"]
    static let shares = ["dang-vien-htt", "co-so-tsvm", "dang-vien-loai-4", "quan-triet-dang-vien", "chi-bo-4-tot"]

    /// One generated data file and what must be found again.
    struct Case {
        var yaml: String
        /// Every figure written, as written, with the line of its outcome.
        var figures: [(text: String, line: Int)]
        /// The line of a malformed figure, when one was slipped in.
        var malformedLine: Int?
    }

    static let bodies = ["lang-son/khoi-cac-co-quan", "quang-ninh/khoi-cac-co-quan"]

    /// One term file of one body: targets of every period kind, outcomes of every period kind
    /// (a year, the congress year outside the reporting years, a date, part of a year, the term,
    /// the term to a date), given for a target or by indicator only.
    static func generate(seed: UInt64, body: String = bodies[0]) -> Case {
        var r = Random(state: seed)
        var lines = [
            "body: \(body)",
            "term: { congress: XIII, years: 2015-2020 }",
            "sources: { s: { title: \"Nguồn giả định \(seed)\", publisher: \"chitieu\" } }",
            "targets:",
        ]
        var outcomes: [String] = []
        var figures: [(String, Int)] = []
        // Outcome lines are numbered once the targets are written; keep their offsets for now.
        var pending: [(String, Int)] = []
        // One figure per target (or indicator), period and span: the loader refuses a second.
        var taken = Set<String>()
        for t in 0..<r.int(1...8) {
            let share = r.chance(50)
            let indicator = r.pick(share ? shares : counts)
            let period = r.pick(["term", "each-year", "end-of-term", "by 2018", "year 2017"])
            let rule: String
            if share {
                let p = r.int(1...99)
                rule = r.pick([">= \(p)%", "> \(p)%", "<= \(p)%", "< \(p)%", "\(p)-\(min(100, p + r.int(1...10)))%"])
            } else {
                let n = r.int(1...5000)
                rule = r.pick([">= \(vietnamese(n))", "> \(vietnamese(n))", "<= \(vietnamese(n))", "< \(vietnamese(n))", "= 0",
                               "\(vietnamese(n))-\(vietnamese(n + r.int(1...500)))"])
            }
            lines.append("  - { id: t\(t), text: \"chỉ tiêu \(t)\", source: s, indicator: \(indicator), rule: \"\(rule)\", period: \(period) }")
            // Periods the target's own kind expects, and, one time in three, any other kind.
            var periods: [String]
            switch period {
            case "each-year": periods = (2016...2020).filter { _ in r.chance(70) }.map(String.init)
            case "end-of-term": periods = r.chance(80) ? ["2020"] : []
            case "by 2018": periods = r.chance(80) ? ["2018"] : []
            case "year 2017": periods = r.chance(80) ? ["2017"] : []
            default: periods = r.chance(80) ? ["term"] : []
            }
            let others = ["2015", "2016", "2019", "term", "2017-06-30", "2018-12-31", "2019-09-30",
                          "2018, covers: Q2", "2016, covers: 6 tháng đầu năm", "2019-06-30, covers: giữa nhiệm kỳ"]
            while r.chance(35) { periods.append(r.pick(others)) }
            let byIndicator = r.chance(25)
            for p in periods {
                let owner = byIndicator ? "indicator: \(indicator)" : "target: t\(t)"
                // "2018-12-31" is the whole of 2018, as "2018" is: one slot.
                let slot = p == "2018-12-31" ? "2018" : p
                guard taken.insert(owner + "|" + slot).inserted else { continue }
                let text: String
                if share, r.chance(30) {
                    let denominator = r.int(1...400)
                    let numerator = r.int(0...denominator)
                    let extra = "numerator: \"\(vietnamese(numerator))\", denominator: \"\(vietnamese(denominator))\""
                    pending.append((vietnamese(numerator), outcomes.count))
                    pending.append((vietnamese(denominator), outcomes.count))
                    outcomes.append("  - { \(owner), period: \(p), \(extra), source: s, quote: \"tử số và mẫu số\" }")
                    continue
                } else if r.chance(8) {
                    // A range the source gave instead of one figure: both ends must be shown.
                    let low = r.int(0...(share ? 90 : 20_000)), high = low + r.int(1...(share ? 10 : 500))
                    pending.append((vietnamese(low), outcomes.count))
                    pending.append((vietnamese(high) + (share ? "%" : ""), outcomes.count))
                    let unit = share ? "%" : ""
                    outcomes.append("  - { \(owner), period: \(p), value: \"\(vietnamese(low))\(unit) - \(vietnamese(high))\(unit)\", source: s, quote: \"khoảng\" }")
                    continue
                } else if share {
                    let places = r.int(0...2)
                    let whole = r.int(0...100)
                    let decimals = whole == 100 || places == 0 ? 0 : r.int(0...(places == 1 ? 9 : 99))
                    text = vietnamese(whole, decimals: decimals, places: whole == 100 ? 0 : places) + "%"
                } else {
                    text = vietnamese(r.int(0...20_000))
                }
                pending.append((text, outcomes.count))
                outcomes.append("  - { \(owner), period: \(p), value: \"\(text)\", source: s, quote: \"theo báo cáo năm\" }")
            }
        }
        // A figure of an indicator with no target: it has no verdict, but it must still be shown.
        if r.chance(50) {
            let text = vietnamese(r.int(1...9000))
            pending.append((text, outcomes.count))
            outcomes.append("  - { indicator: van-ban-chi-dao, period: term, value: \"\(text)\", source: s, quote: \"văn bản ban hành\" }")
        }
        var malformedLine: Int?
        if r.chance(15) {
            malformedLine = outcomes.count
            // A malformed figure, or a year outside the term: refused at its line, never dropped.
            let bad = r.pick(["value: \"7.5000\"", "value: \"4.29\"", "value: \"1,2,3\"", "value: \"12a\"", "period: 2021, value: \"5\""])
            let period = bad.hasPrefix("period") ? "" : "period: term, "
            outcomes.append("  - { indicator: quyet-dinh-dang-vien, \(period)\(bad), source: s, quote: \"q\" }")
        }
        if !outcomes.isEmpty { lines.append("outcomes:") }
        let first = lines.count + 1
        figures = pending.map { ($0.0, first + $0.1) }
        return Case(yaml: (lines + outcomes).joined(separator: "\n") + "\n", figures: figures, malformedLine: malformedLine.map { first + $0 })
    }

    private func prepare(_ folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for file in ["indicators.yaml", "bodies.yaml"] {
            try FileManager.default.copyItem(atPath: Self.repo.path + "/Targets/" + file, toPath: folder + "/" + file)
        }
    }

    func testRandomLedgersLoseNoFigure() throws {
        let environment = ProcessInfo.processInfo.environment
        let seeds: [UInt64] = environment["CHITIEU_SEED"].flatMap(UInt64.init).map { [$0] }
            ?? (1...UInt64(environment["CHITIEU_CASES"].flatMap(Int.init) ?? 150)).map { $0 }
        var malformedSeen = 0, figuresSeen = 0, unusedSeen = 0, partialSeen = 0
        for seed in seeds {
            // Several bodies in one data folder, one term file each.
            let cases = Self.bodies.enumerated().map { i, body in Self.generate(seed: seed &* 7 &+ UInt64(i), body: body) }
            let folder = dir + "/\(seed)"
            try prepare(folder)
            var files: [String] = []
            for (i, c) in cases.enumerated() {
                let file = folder + "/\(i)-2015-2020.yaml"
                try Data(c.yaml.utf8).write(to: URL(fileURLWithPath: file))
                files.append(file)
            }
            let loaded = LedgerLoader.load(paths: [folder])
            // XCTest keeps only the end of a long message: CHITIEU_SHORT=1 leaves the data out of it.
            let data = environment["CHITIEU_SHORT"] == "1" ? "" : cases.map(\.yaml).joined(separator: "\n---\n")
            let context = "seed \(seed) (CHITIEU_SEED=\(seed) reproduces it):\n" + data

            let bad = zip(cases, files).filter { $0.0.malformedLine != nil }
            if !bad.isEmpty {
                malformedSeen += 1
                for (c, file) in bad {
                    XCTAssertTrue(loaded.diagnostics.items.contains { $0.severity == .error && $0.location?.line == c.malformedLine && $0.location?.file == file },
                                  "the refused figure is reported at its line; \(context)\n\(loaded.diagnostics.items)")
                }
                continue
            }
            XCTAssertFalse(loaded.diagnostics.hasErrors, "\(loaded.diagnostics.items) \(context)")
            let ledger = try XCTUnwrap(loaded.ledger, context)
            let assessments = Evaluator(ledger: ledger, asOf: 2026).assessAll()
            XCTAssertEqual(assessments.count, cases.count, context)

            for original in assessments {
                let i = try XCTUnwrap(files.firstIndex(of: original.record.file), context)
                let c = cases[i]
                // Every figure judged, another outcome, or listed apart — never none, never two.
                let rows = original.targets.flatMap(judgedRows)
                let used = Set(rows.flatMap(\.observations).map(\.location))
                let unused = Set(original.unusedFigures.map(\.observation.location))
                let others = Set(original.otherOutcomes.map(\.observation.location))
                unusedSeen += unused.count
                partialSeen += rows.filter { $0.partialThrough != nil }.count
                for o in original.record.observations {
                    let places = [used.contains(o.location), unused.contains(o.location), others.contains(o.location)].filter { $0 }.count
                    XCTAssertEqual(places, 1, "figure at line \(o.location.line) is judged, another outcome or listed apart, once; \(context)")
                }
                XCTAssertEqual(UnusedFigureChecks.diagnostics(for: original).items.map(\.location), original.unusedFigures.map(\.observation.location), context)
                // A figure is never said to be replaced by itself.
                for u in original.unusedFigures {
                    for r in u.reasons {
                        switch r.kind {
                        case let .superseded(l), let .samePeriod(l): XCTAssertNotEqual(l, u.observation.location, "\(r); \(context)")
                        default: break
                        }
                    }
                }
                // Exactly one row of the feed per figure.
                let feed = Feed.rows(original).filter { !$0.quote.isEmpty }
                XCTAssertEqual(feed.count, original.record.observations.count, "one feed row per figure; \(context)")
                let ids = Feed.rows(original).map(\.id)
                XCTAssertEqual(Set(ids).count, ids.count, "every row has its own id; \(context)")

                // Every figure in the report, as it was written (the report may add a space before '%').
                let report = TextReport().render(original)
                for figure in c.figures {
                    figuresSeen += 1
                    var number = figure.text.hasSuffix("%") ? String(figure.text.dropLast()) : figure.text
                    // "19,70" is shown as the value it is, 19,7; "86,0" as 86.
                    if number.contains(",") {
                        while number.hasSuffix("0") { number.removeLast() }
                        if number.hasSuffix(",") { number.removeLast() }
                    }
                    XCTAssertTrue(report.contains(number), "figure \(figure.text) of line \(figure.line) is not in the report; \(context)\n\(data.isEmpty ? "" : report)")
                }

                // Export, import the table in place of the outcomes, judge again: the same, row by row.
                let again = folder + "/again-\(i)"
                try prepare(again)
                try FeedWriter.csv([original], to: again + "/ket-qua.csv")
                let head = try XCTUnwrap(c.yaml.components(separatedBy: "outcomes:\n").first)
                try Data((head + "outcomes-csv: ket-qua.csv\n").utf8).write(to: URL(fileURLWithPath: again + "/2015-2020.yaml"))
                let reloaded = LedgerLoader.load(paths: [again])
                XCTAssertFalse(reloaded.diagnostics.hasErrors, "\(reloaded.diagnostics.items) \(context)")
                let round = try XCTUnwrap(Evaluator(ledger: try XCTUnwrap(reloaded.ledger, context), asOf: 2026).assessAll().first, context)
                assertSameJudgements(original, round, context)
            }
        }
        if seeds.count > 1 {
            // The generator must really produce every kind of case, or the property proves little.
            XCTAssertGreaterThan(malformedSeen, 5)
            XCTAssertGreaterThan(figuresSeen, 300)
            XCTAssertGreaterThan(unusedSeen, 30, "figures no verdict uses")
            XCTAssertGreaterThan(partialSeen, 10, "figures of part of a period")
        }
    }

    func testTheGeneratorWritesFiguresTheVietnameseWay() {
        // Hand-checked spellings, so the generator itself is not trusted blindly.
        XCTAssertEqual(Self.vietnamese(4294), "4.294")
        XCTAssertEqual(Self.vietnamese(1_234_567), "1.234.567")
        XCTAssertEqual(Self.vietnamese(868), "868")
        XCTAssertEqual(Self.vietnamese(87, decimals: 5, places: 2), "87,05")
        XCTAssertEqual(Self.vietnamese(0, decimals: 7, places: 1), "0,7")
    }
}
