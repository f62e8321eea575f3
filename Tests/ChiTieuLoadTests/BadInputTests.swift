import ChiTieuCore
import ChiTieuLoad
import Foundation
import XCTest

/// Each bad input gets one clear error at its position, and nothing crashes.
final class BadInputTests: XCTestCase {
    var fixture: Fixture!

    override func setUpWithError() throws { fixture = try Fixture() }
    override func tearDown() { fixture.remove() }

    private let target = """
        targets:
          - id: ket-nap
            text: "kết nạp được trên 750 đảng viên"
            source: s
            indicator: ket-nap-dang-vien
            rule: "> 750"
            period: term

        """

    /// Asserts exactly one error, at `line`:`column`, whose message contains `words`.
    private func assertOneError(_ text: String, line: Int, column: Int, _ words: String, file: StaticString = #filePath, lineNo: UInt = #line) throws {
        let result = try fixture.load(text)
        XCTAssertEqual(result.errors.count, 1, "\(result.errors)", file: file, line: lineNo)
        guard let e = result.errors.first else { return }
        XCTAssertEqual(e.location?.line, line, e.description, file: file, line: lineNo)
        XCTAssertEqual(e.location?.column, column, e.description, file: file, line: lineNo)
        XCTAssertTrue(e.message.contains(words), e.description, file: file, line: lineNo)
        XCTAssertTrue(e.location?.file.hasSuffix("data/f.yaml") == true, e.description, file: file, line: lineNo)
    }

    func testValidFileLoadsCleanly() throws {
        let result = try fixture.load(Fixture.head + target + """
            outcomes:
              - target: ket-nap
                value: "868"
                stated: "115,7%"
                source: s
                quote: "kết nạp được 868 đảng viên"
            """)
        XCTAssertEqual(result.diagnostics.items, [])
        let record = try XCTUnwrap(result.ledger?.records.first)
        XCTAssertEqual(record.targets.count, 1)
        XCTAssertEqual(record.observations.first?.value, .number(868))
        XCTAssertEqual(record.observations.first?.period, .term)
    }

    func testUnknownIndicator() throws {
        try assertOneError(Fixture.head + target.replacingOccurrences(of: "indicator: ket-nap-dang-vien", with: "indicator: ket-nap"), line: 9, column: 16, "unknown indicator 'ket-nap'; did you mean 'ket-nap-dang-vien'")
    }

    func testUnknownBody() throws {
        try assertOneError(Fixture.head.replacingOccurrences(of: "body: test/khoi", with: "body: test/khac") + target, line: 1, column: 7, "unknown body 'test/khac'")
    }

    func testOutcomeForAMissingTarget() throws {
        try assertOneError(Fixture.head + target + """
            outcomes:
              - target: ket-nap-moi
                value: "868"
                source: s
                quote: "…"
            """, line: 13, column: 13, "no target 'ket-nap-moi'")
    }

    func testDuplicateIDs() throws {
        let twice = target + target.replacingOccurrences(of: "targets:\n", with: "")
        try assertOneError(Fixture.head + twice, line: 12, column: 9, "target id 'ket-nap' is used twice (first at line 6)")
    }

    func testRuleThatDoesNotParse() throws {
        try assertOneError(Fixture.head + target.replacingOccurrences(of: "rule: \"> 750\"", with: "rule: \"750\""), line: 10, column: 12, "needs a comparator")
    }

    func testMalformedNumberInsideARulePointsAtTheGroup() throws {
        try assertOneError(Fixture.head + target.replacingOccurrences(of: "rule: \"> 750\"", with: "rule: \"> 7.5000\""), line: 10, column: 16, "thousands groups have three digits")
    }

    func testPeriodOutsideTheTerm() throws {
        try assertOneError(Fixture.head + target.replacingOccurrences(of: "period: term", with: "period: by 2030"), line: 11, column: 16, "outside the term 2015–2020")
        try assertOneError(Fixture.head + target + """
            outcomes:
              - target: ket-nap
                period: 2012
                value: "868"
                source: s
                quote: "…"
            """, line: 14, column: 13, "outside the term")
    }

    func testShareOver100Percent() throws {
        try assertOneError(Fixture.head + """
            outcomes:
              - indicator: dang-vien-htt
                period: 2020
                value: "104,5%"
                source: s
                quote: "…"
            """, line: 8, column: 13, "cannot be over 100%")
    }

    func testNumeratorLargerThanDenominator() throws {
        try assertOneError(Fixture.head + """
            outcomes:
              - indicator: dang-vien-htt
                period: 2020
                numerator: "70"
                denominator: "69"
                source: s
                quote: "…"
            """, line: 8, column: 17, "larger than the denominator")
    }

    func testMalformedFigureWithoutCorrectionIsAnError() throws {
        try assertOneError(Fixture.head + """
            outcomes:
              - indicator: ket-nap-dang-vien
                period: term
                value: "7.5000"
                source: s
                quote: "trên 7.5000 đảng viên"
            """, line: 8, column: 15, "write 7.500 or 75.000")
    }

    func testMalformedFigureWithCorrectionIsAWarningAndUsesTheCorrection() throws {
        let result = try fixture.load(Fixture.head + """
            outcomes:
              - indicator: ket-nap-dang-vien
                period: term
                value: "7.5000"
                correction: { value: "7.500", reason: "bốn chữ số trong một nhóm" }
                source: s
                quote: "trên 7.5000 đảng viên"
            """)
        XCTAssertEqual(result.errors, [])
        XCTAssertEqual(result.warnings.count, 1)
        XCTAssertEqual(result.warnings.first?.location?.line, 8)
        XCTAssertEqual(result.warnings.first?.location?.column, 15)
        XCTAssertEqual(result.ledger?.records.first?.observations.first?.value, .number(7500))
        XCTAssertEqual(result.ledger?.records.first?.observations.first?.correction?.original, "7.5000")
    }

    func testYAMLNeverTurnsAFigureIntoAFloat() throws {
        // Unquoted 4.294 is a float to YAML; read as text it is 4294 members.
        let result = try fixture.load(Fixture.head + """
            outcomes:
              - indicator: ket-nap-dang-vien
                period: term
                value: 4.294
                source: s
                quote: "…"
            """)
        XCTAssertEqual(result.errors, [])
        XCTAssertEqual(result.ledger?.records.first?.observations.first?.value, .number(4294))
    }

    func testNFDTextIsNormalisedNotAnError() throws {
        let nfd = (Fixture.head + target).decomposedStringWithCanonicalMapping
        XCTAssertNotEqual(Array(nfd.unicodeScalars).count, Array((Fixture.head + target).unicodeScalars).count)
        let result = try fixture.load(nfd)
        XCTAssertEqual(result.diagnostics.items, [])
        XCTAssertEqual(result.ledger?.records.first?.targets.first?.text, "kết nạp được trên 750 đảng viên")
        XCTAssertEqual(result.ledger?.records.first?.targets.first?.text.unicodeScalars.count, 31)
    }

    func testByteOrderMarkAndCRLFAreAccepted() throws {
        let text = "\u{FEFF}" + (Fixture.head + target).replacingOccurrences(of: "\n", with: "\r\n")
        let result = try fixture.load(text)
        XCTAssertEqual(result.diagnostics.items, [])
        XCTAssertEqual(result.ledger?.records.first?.targets.first?.rule.comparison, .moreThan(750))
        // Positions stay right after CRLF: the rule on line 10 is still reported on line 10.
        let bad = "\u{FEFF}" + (Fixture.head + target.replacingOccurrences(of: "rule: \"> 750\"", with: "rule: \"750\"")).replacingOccurrences(of: "\n", with: "\r\n")
        let e = try XCTUnwrap(try fixture.load(bad).errors.first)
        XCTAssertEqual(e.location?.line, 10)
    }

    func testEmptyFile() throws {
        try assertOneError("", line: 1, column: 1, "the file is empty")
        try assertOneError("# only a comment\n", line: 1, column: 1, "no data")
    }

    func testFileThatIsNotYAML() throws {
        try assertOneError("body: [unclosed\n  term: {\n", line: 2, column: 7, "not valid YAML")
        try assertOneError("- just\n- a list\n", line: 1, column: 1, "must be a mapping")
    }

    func testNotUTF8() throws {
        try fixture.write("data/f.yaml", Data([0x62, 0x6F, 0x64, 0x79, 0x3A, 0x20, 0xC3, 0x28]))
        let result = LedgerLoader.load(paths: [fixture.path("data/f.yaml")])
        XCTAssertEqual(result.errors.count, 1)
        XCTAssertTrue(result.errors.first?.message.contains("not UTF-8") == true)
    }

    func testDirectoryWithNoData() throws {
        try FileManager.default.createDirectory(atPath: fixture.path("empty"), withIntermediateDirectories: true)
        let result = LedgerLoader.load(paths: [fixture.path("empty")])
        XCTAssertEqual(result.errors.count, 1)
        XCTAssertTrue(result.errors.first?.message.contains("no data files") == true)
        let nowhere = LedgerLoader.load(paths: [fixture.path("missing")])
        XCTAssertTrue(nowhere.errors.first?.message.contains("no such file") == true)
    }

    func testEveryProblemOfEveryFileInOneRun() throws {
        try fixture.write("data/a.yaml", Fixture.head + target.replacingOccurrences(of: "> 750", with: "750"))
        try fixture.write("data/b.yaml", Fixture.head.replacingOccurrences(of: "XIII", with: "XIV").replacingOccurrences(of: "2015-2020", with: "2020-2025") + target.replacingOccurrences(of: "indicator: ket-nap-dang-vien", with: "indicator: khong-co"))
        let result = LedgerLoader.load(paths: [fixture.path("data")])
        XCTAssertEqual(result.errors.count, 2)
        XCTAssertEqual(Set(result.errors.compactMap { $0.location?.file.components(separatedBy: "/").last }), ["a.yaml", "b.yaml"])
        XCTAssertTrue(result.diagnostics.hasErrors)
    }

    func testUnknownKeyIsNamedWithASuggestion() throws {
        try assertOneError(Fixture.head + target.replacingOccurrences(of: "    period: term", with: "    period: term\n    rulee: x"), line: 12, column: 5, "did you mean 'rule'")
    }

    func testUnitMismatchBetweenRuleAndIndicator() throws {
        try assertOneError(Fixture.head + target.replacingOccurrences(of: "> 750", with: "> 75%"), line: 10, column: 12, "is a count")
    }

    func testRatingLevelMustBeOnTheScale() throws {
        try assertOneError(Fixture.head + """
            targets:
              - id: xl
                text: "được xếp loại hoàn thành tốt nhiệm vụ trở lên"
                source: s
                indicator: xep-loai
                rule: "xếp loại >= xuat-sac"
                period: each-year
            """, line: 10, column: 12, "not a level of the rating scale")
    }

    func testARatingStrictlyAboveALevelNamesTheLevelAbove() throws {
        // The fixture's scale, best first: tot, hoan-thanh. "Trên hoàn thành nhiệm vụ" is "tot" or better.
        func rating(_ rule: String) -> String {
            Fixture.head + """
                targets:
                  - id: xl
                    text: "được xếp loại trên hoàn thành nhiệm vụ"
                    source: s
                    indicator: xep-loai
                    rule: "\(rule)"
                    period: each-year
                """
        }
        try assertOneError(rating("xếp loại trên hoàn thành nhiệm vụ"), line: 10, column: 21,
                           "write 'xếp loại >= hoan-thanh' if the words mean this level or better (trở lên), or 'xếp loại >= tot' for a level above it")
        try assertOneError(rating("xếp loại > hoan-thanh"), line: 10, column: 21, "or 'xếp loại >= tot' for a level above it")
        try assertOneError(rating("xếp loại > tot"), line: 10, column: 21, "'tot' is the best level of its scale; write 'xếp loại >= tot'")
    }

    func testYearlyFloorWithEndLevelBecomesTwoTargets() throws {
        let result = try fixture.load(Fixture.head + """
            targets:
              - id: htt
                text: "hằng năm đạt 65% trở lên để đến cuối nhiệm kỳ đạt 70%"
                source: s
                indicator: dang-vien-htt
                rule: ">= 65%"
                period: each-year
                end-of-term: ">= 70%"
            outcomes:
              - target: htt
                period: 2020
                value: "68%"
                source: s
                quote: "…"
            """)
        XCTAssertEqual(result.diagnostics.items, [])
        let targets = try XCTUnwrap(result.ledger?.records.first?.targets)
        XCTAssertEqual(targets.map(\.period), [.eachYear, .endOfTerm])
        XCTAssertEqual(targets.map(\.rule.comparison), [.atLeast(65), .atLeast(70)])
        XCTAssertEqual(Set(targets.map(\.sentenceID)), ["htt"])
    }

    func testTwoTargetsOnOneIndicatorKeepTheirOwnOutcomes() throws {
        // Two organisations' yearly floors on the same indicator: each outcome belongs to its target.
        let result = try fixture.load(Fixture.head + """
            targets:
              - { id: a, text: "A", source: s, indicator: ket-nap-dang-vien, rule: ">= 10", period: each-year }
              - { id: b, text: "B", source: s, indicator: ket-nap-dang-vien, rule: ">= 20", period: each-year }
            outcomes:
              - { target: a, period: 2016, value: "12", source: s, quote: "…" }
              - { target: b, period: 2016, value: "15", source: s, quote: "…" }
              - { target: b, period: 2016, value: "16", source: s, quote: "…" }
            """)
        XCTAssertEqual(result.errors.count, 1, "the second figure for b in 2016 is a duplicate; a's is not")
        XCTAssertEqual(result.errors.first?.location?.line, 11)
        let ledger = try XCTUnwrap(result.ledger)
        let a = try XCTUnwrap(Evaluator(ledger: ledger, asOf: 2026).assess(ledger.records[0]))
        XCTAssertEqual(a.targets.map { $0.years[0].value }, [12, 15])
        XCTAssertEqual(a.targets.map { $0.years[0].verdict }, [.exceeded, .notMet])
    }

    /// A target refused for its own error (a misspelt indicator): the outcome naming it points at
    /// that line in a note, not a second error claiming the target does not exist.
    func testAnOutcomeOfARefusedTargetPointsAtItsErrorOnce() throws {
        let result = try fixture.load(Fixture.head + """
            targets:
              - id: ket-nap
                text: "kết nạp được trên 750 đảng viên"
                source: s
                indicator: ket-nap-dang-vienn
                rule: "> 750"
                period: term
            outcomes:
              - { target: ket-nap, period: term, value: "868", source: s, quote: "868" }
            """)
        XCTAssertEqual(result.errors.count, 1, "only the indicator's error: \(result.errors)")
        XCTAssertEqual(result.errors.first?.location?.line, 9, "the misspelt indicator's line")
        XCTAssertFalse(result.diagnostics.sorted.contains { $0.message.contains("no target 'ket-nap'") }, "\(result.diagnostics.sorted)")
        let note = try XCTUnwrap(result.diagnostics.sorted.first { $0.severity == .note })
        XCTAssertEqual(note.message, "target 'ket-nap' was not read: see line 6")
        XCTAssertEqual(note.location?.line, 13)
    }

    /// A misspelt kind in bodies.yaml is one error at its line; the body's data files are not
    /// each told "unknown body".
    func testABadBodyKindIsReportedOnceNotByEveryDataFile() throws {
        try fixture.write("bodies.yaml", Fixture.bodies.replacingOccurrences(of: "kind: bloc", with: "kind: blok"))
        try fixture.write("data/g.yaml", "body: test/khoi\nsources:\n  s: { title: \"Nguồn\", publisher: \"Báo\", date: 2020-07-21 }\nfacts:\n  - { indicator: ket-nap-dang-vien, period: 2016, value: \"100\", source: s, quote: \"100\" }\n")
        let result = try fixture.load(Fixture.head + target)
        let all = LedgerLoader.load(paths: [fixture.path("data")])
        XCTAssertEqual(all.errors.count, 1, "\(all.errors)")
        XCTAssertTrue(all.errors.first?.message.contains("'blok' is not a valid kind") == true, "\(all.errors)")
        XCTAssertTrue(all.errors.first?.location?.file.hasSuffix("bodies.yaml") == true)
        XCTAssertEqual(all.errors.first?.location?.line, 2)
        XCTAssertFalse(result.errors.contains { $0.message.contains("unknown body") }, "\(result.errors)")
    }
}
