import ChiTieuCore
import Foundation
import XCTest

/// Comparison across bodies: every expected figure is worked out by hand in the test.
final class ComparerTests: XCTestCase {
    let members = Indicator(id: "dang-vien", name: "Số đảng viên", nameEn: "Members", unit: .count, normalisations: [.perOrganisation], position: 1)
    let organisations = Indicator(id: "to-chuc-co-so-dang", name: "Tổ chức cơ sở đảng", nameEn: "Organisations", unit: .count, position: 0)
    let admitted = Indicator(id: "ket-nap-dang-vien", name: "Kết nạp", nameEn: "Admitted", unit: .count, normalisations: [.per100Members, .perOrganisation], position: 2)
    let well = Indicator(id: "dang-vien-htt", name: "Hoàn thành tốt", nameEn: "Well", unit: .percent,
                         shareOf: ShareBase(id: "members", name: "đảng viên", nameEn: "members"), aggregation: .weightedMean, position: 3)
    let staff = Indicator(id: "dang-vien-tren-can-bo", name: "Đảng viên trên cán bộ", nameEn: "Members among staff", unit: .percent,
                          shareOf: ShareBase(id: "staff", name: "cán bộ", nameEn: "staff"), aggregation: .weightedMean, position: 4)
    let movedMembers = Indicator(id: "dang-vien-chuyen-den", name: "Đảng viên chuyển về", nameEn: "Members moved in", unit: .count, transferOf: "dang-vien", position: 5)

    func body(_ id: String, kind: BodyKind = .bloc, lineage: [LineageEvent] = []) -> Body {
        Body(id: id, name: "Khối \(id)", nameEn: "Bloc \(id)", province: id, kind: kind, lineage: lineage)
    }

    func figure(_ indicator: Indicator, _ period: ObservedPeriod, _ value: ObservedValue, _ q: Qualifier = .exact) -> Observation {
        Observation(indicatorID: indicator.id, period: period, value: value, qualifier: q, quote: "q", citation: Citation(source: "s", line: nil),
                    location: SourceLocation(file: "f.yaml", line: 1, column: 1))
    }

    func ledger(_ bodies: [Body], _ records: [(String, [Observation])], terms: [String: Term] = [:]) -> Ledger {
        let catalogue = [members, organisations, admitted, well, staff, movedMembers]
        return Ledger(indicators: Dictionary(uniqueKeysWithValues: catalogue.map { ($0.id, $0) }),
                      bodies: Dictionary(uniqueKeysWithValues: bodies.map { ($0.id, $0) }),
                      records: records.map { Record(file: "\($0.0).yaml", bodyID: $0.0, term: terms[$0.0], sources: [:], targets: [], observations: $0.1) })
    }

    func date(_ y: Int, _ m: Int, _ d: Int) -> ObservedPeriod { .date(CalendarDate(year: y, month: m, day: d)) }

    // MARK: - Normalisation and totals

    func testMembersPerOrganisationAndTheTotalIsTotalOverTotal() {
        let a = body("a"), b = body("b")
        let l = ledger([a, b], [
            ("a", [figure(members, date(2020, 7, 21), .number(4294)), figure(organisations, date(2020, 7, 21), .number(69))]),
            ("b", [figure(members, date(2020, 9, 4), .number(7500)), figure(organisations, date(2020, 9, 4), .number(82))]),
        ])
        let c = Comparer(ledger: l).compare([ComparisonColumn(body: a, alignment: .year(2020)), ComparisonColumn(body: b, alignment: .year(2020))], indicators: [members])
        let perOrganisation = c.rows[1]
        XCTAssertEqual(perOrganisation.normalisation, .perOrganisation)
        // 4.294 / 69 = 62,231…; 7.500 / 82 = 91,463…
        XCTAssertEqual(perOrganisation.cells[0].value, Decimal(4294) / 69)
        XCTAssertEqual(perOrganisation.cells[1].value, Decimal(7500) / 82)
        XCTAssertEqual(perOrganisation.cells.map(\.rank), [2, 1])
        // (4.294 + 7.500) / (69 + 82) = 11.794 / 151 = 78,105…, not the mean of 62,2 and 91,5 (76,8).
        XCTAssertEqual(perOrganisation.total, Decimal(11794) / 151)
        XCTAssertTrue(c.isAligned)
        // Counts are summed: 4.294 + 7.500.
        XCTAssertEqual(c.rows[0].total, 11794)
    }

    func testSharesAreWeightedByTheirDenominatorsNeverAveraged() {
        let a = body("a"), b = body("b")
        let l = ledger([a, b], [
            ("a", [figure(well, .year(2020), .share(numerator: 90, denominator: 100))]),
            ("b", [figure(well, .year(2020), .share(numerator: 10, denominator: 1000))]),
        ])
        let c = Comparer(ledger: l).compare([ComparisonColumn(body: a, alignment: .year(2020)), ComparisonColumn(body: b, alignment: .year(2020))], indicators: [well])
        // (90 + 10) / (100 + 1.000) = 9,0909 %, where the mean of 90 % and 1 % would say 45,5 %.
        XCTAssertEqual(c.rows[0].total, Decimal(100) / 1100 * 100)
    }

    func testPercentOfMembersIsWeightedByEachBodysMembers() {
        let a = body("a"), b = body("b")
        let l = ledger([a, b], [
            ("a", [figure(well, .year(2021), .number(80)), figure(members, .year(2021), .number(1000))]),
            ("b", [figure(well, .year(2021), .number(50)), figure(members, .year(2021), .number(3000))]),
        ])
        let c = Comparer(ledger: l).compare([ComparisonColumn(body: a, alignment: .year(2021)), ComparisonColumn(body: b, alignment: .year(2021))], indicators: [well])
        // (80 % × 1.000 + 50 % × 3.000) / 4.000 = (800 + 1.500) / 4.000 = 57,5 %.
        XCTAssertEqual(c.rows[0].total, Decimal(string: "57.5"))
    }

    func testAShareOfAnUnknownWholeIsNotAddedUp() {
        let a = body("a"), b = body("b")
        let l = ledger([a, b], [("a", [figure(staff, .year(1985), .number(33))]), ("b", [figure(staff, .year(1985), .number(40))])])
        let c = Comparer(ledger: l).compare([ComparisonColumn(body: a, alignment: .year(1985)), ComparisonColumn(body: b, alignment: .year(1985))], indicators: [staff])
        XCTAssertNil(c.rows[0].total)
        XCTAssertEqual(c.rows[0].totalProblem, .missingDenominator)
        XCTAssertEqual(c.rows[0].cells.map(\.rank), [2, 1])
    }

    func testMissingBaseIsSaidAndTheOtherColumnsStillCompared() {
        let a = body("a"), b = body("b")
        let l = ledger([a, b], [
            ("a", [figure(admitted, .year(2020), .number(120)), figure(members, .year(2020), .number(4000))]),
            ("b", [figure(admitted, .year(2020), .number(30))]),
        ])
        let c = Comparer(ledger: l).compare([ComparisonColumn(body: a, alignment: .year(2020)), ComparisonColumn(body: b, alignment: .year(2020))], indicators: [admitted])
        let per100 = c.rows[1]
        XCTAssertEqual(per100.normalisation, .per100Members)
        // 120 / 4.000 × 100 = 3 per 100 members.
        XCTAssertEqual(per100.cells[0].value, 3)
        XCTAssertNil(per100.cells[1].value)
        XCTAssertEqual(per100.cells[1].problem, .missingBase(indicator: "dang-vien"))
        XCTAssertEqual(per100.cells.map(\.rank), [1, nil])
        // The raw counts are still ranked: 120 > 30.
        XCTAssertEqual(c.rows[0].cells.map(\.rank), [1, 2])
    }

    // MARK: - Ranks and spread

    func testEqualValuesShareARankAndTheNextRankSkips() {
        let bodies = ["a", "b", "c", "d"].map { body($0) }
        let values: [Decimal] = [10, 20, 20, 5]
        let l = ledger(bodies, zip(bodies, values).map { ($0.id, [figure(organisations, .year(2020), .number($1))]) })
        let c = Comparer(ledger: l).compare(bodies.map { ComparisonColumn(body: $0, alignment: .year(2020)) }, indicators: [organisations])
        XCTAssertEqual(c.rows[0].cells.map(\.rank), [3, 1, 1, 4])
        // Sorted 5, 10, 20, 20: the median is (10 + 20) / 2 = 15.
        XCTAssertEqual(c.rows[0].spread, Spread(min: 5, median: 15, max: 20))
    }

    func testContextColumnIsNeitherRankedNorAddedUp() {
        let a = body("a"), b = body("b"), province = body("p", kind: .province)
        let l = ledger([a, b, province], [
            ("a", [figure(organisations, .year(2014), .number(69))]), ("b", [figure(organisations, .year(2014), .number(82))]),
            ("p", [figure(organisations, .year(2014), .number(766))]),
        ])
        let c = Comparer(ledger: l).compare([
            ComparisonColumn(body: a, alignment: .year(2014)), ComparisonColumn(body: b, alignment: .year(2014)),
            ComparisonColumn(body: province, alignment: .year(2014), isContext: true),
        ], indicators: [organisations])
        XCTAssertEqual(c.rows[0].cells.map(\.rank), [2, 1, nil])
        XCTAssertEqual(c.rows[0].total, 151, "69 + 82, without the province's 766")
        XCTAssertEqual(c.rows[0].spread?.max, 82)
    }

    /// A median from a bound is a bound: the mean of 4.294 and "trên 7.500" is above
    /// (4.294 + 7.500) / 2 = 5.897; a "trên" and a "dưới" in the middle give "khoảng".
    func testAMedianOfABoundIsABound() {
        func spread(_ figures: [(Decimal, Qualifier)]) -> Spread? {
            let bodies = figures.indices.map { body("b\($0)") }
            let l = ledger(bodies, zip(bodies, figures).map { ($0.id, [figure(members, .year(2022), .number($1.0), $1.1)]) })
            return Comparer(ledger: l).compare(bodies.map { ComparisonColumn(body: $0, alignment: .year(2022)) }, indicators: [members]).rows[0].spread
        }
        let two = spread([(4294, .exact), (7500, .moreThan)])
        XCTAssertEqual(two?.median, 5897)
        XCTAssertEqual(two?.medianQualifier, .moreThan)
        // Sorted 10, trên 20, dưới 30, 40: the middle two pull both ways.
        XCTAssertEqual(spread([(40, .exact), (20, .moreThan), (10, .exact), (30, .lessThan)])?.medianQualifier, .about)
        // Odd: the middle figure itself, "trên 7".
        let three = spread([(9, .exact), (7, .moreThan), (5, .exact)])
        XCTAssertEqual(three?.median, 7)
        XCTAssertEqual(three?.medianQualifier, .moreThan)
        XCTAssertEqual(spread([(5, .exact), (9, .exact)])?.medianQualifier, .exact)
    }

    func testABoundStaysABoundThroughDivision() {
        let a = body("a")
        let l = ledger([a], [("a", [figure(members, date(2022, 9, 4), .number(7500), .moreThan), figure(organisations, date(2022, 9, 4), .number(82))])])
        let c = Comparer(ledger: l).compare([ComparisonColumn(body: a, alignment: .latest)], indicators: [members])
        XCTAssertEqual(c.rows[1].cells[0].qualifier, .moreThan, "more than 7.500 members over 82 organisations is more than 91,46")
        XCTAssertEqual(Comparer.quotient(.exact, .moreThan), .lessThan, "a count over more than N is less than the quotient")
        XCTAssertEqual(Comparer.quotient(.moreThan, .moreThan), .about)
    }

    // MARK: - Periods

    func testAlignmentPicksTheFigureOfTheAskedTime() {
        let a = body("a")
        let term = Term(congress: "XIII", ordinal: 13, startYear: 2015, endYear: 2020)
        let l = ledger([a], [("a", [
            figure(members, date(2014, 12, 1), .number(4000)), figure(members, date(2020, 3, 1), .number(4200)),
            figure(members, date(2020, 7, 21), .number(4294)), figure(members, date(2022, 1, 1), .number(4400)),
            figure(admitted, .term, .number(868)), figure(admitted, .year(2016), .number(150)),
        ])], terms: ["a": term])
        let comparer = Comparer(ledger: l)
        XCTAssertEqual(comparer.choose("a", "dang-vien", .year(2020))?.observation.value, .number(4294), "the newest figure inside the year")
        XCTAssertEqual(comparer.choose("a", "dang-vien", .latest)?.observation.value, .number(4400))
        XCTAssertNil(comparer.choose("a", "dang-vien", .year(2019)), "no figure of 2019: none, never zero or a neighbour")
        XCTAssertEqual(comparer.choose("a", "ket-nap-dang-vien", .term(2015...2020))?.observation.value, .number(868), "the term's own figure")
        XCTAssertEqual(comparer.choose("a", "ket-nap-dang-vien", .year(2016))?.observation.value, .number(150), "a yearly figure, not the term total")
        XCTAssertEqual(comparer.choose("a", "dang-vien", .term(2015...2020))?.observation.value, .number(4294), "no term figure: the newest inside the term")
        XCTAssertNil(comparer.choose("a", "ket-nap-dang-vien", .year(2017)))
    }

    func testAProvinceAndItsBlocIsNotAddedUp() {
        let bloc = body("a"), province = Body(id: "p", name: "Tỉnh", nameEn: "Province", province: "a", kind: .province)
        let l = ledger([bloc, province], [("a", [figure(members, .year(2014), .number(4294))]), ("p", [figure(members, .year(2014), .number(54986))])])
        let c = Comparer(ledger: l).compare([ComparisonColumn(body: bloc, alignment: .year(2014)), ComparisonColumn(body: province, alignment: .year(2014))], indicators: [members])
        XCTAssertNil(c.rows[0].total, "the province's 54.986 already counts the bloc's members")
        XCTAssertEqual(c.rows[0].totalProblem, .mixedKinds([.province, .bloc], related: true), "one province: the province may hold the bloc")
        XCTAssertEqual(c.rows[0].cells.map(\.rank), [2, 1], "ranking across levels is still shown")
    }

    func testPoliceCommitteesAddUpButNotWithTheMilitaryOrABloc() {
        let police = [body("ca-ls", kind: .police), body("ca-qn", kind: .police)]
        let military = body("qs-ls", kind: .military), company = body("cty", kind: .company)
        let l = ledger(police + [military, company], [
            ("ca-ls", [figure(admitted, .year(2023), .number(26))]), ("ca-qn", [figure(admitted, .year(2023), .number(31))]),
            ("qs-ls", [figure(admitted, .year(2023), .number(40))]), ("cty", [figure(admitted, .year(2023), .number(5))]),
        ])
        let comparer = Comparer(ledger: l)
        let same = comparer.compare(police.map { ComparisonColumn(body: $0, alignment: .year(2023)) }, indicators: [admitted])
        XCTAssertEqual(same.rows[0].total, 57, "two police committees of one kind: 26 + 31")
        let mixed = comparer.compare([police[0], military, company].map { ComparisonColumn(body: $0, alignment: .year(2023)) }, indicators: [admitted])
        XCTAssertNil(mixed.rows[0].total)
        XCTAssertEqual(mixed.rows[0].totalProblem, .mixedKinds([.police, .military, .company], related: false), "listed in the order of BodyKind.allCases")
        XCTAssertEqual(mixed.rows[0].cells.map(\.rank), [2, 1, 3], "40 > 26 > 5: ranked all the same")
    }

    func testATermTotalIsNeitherRankedNorInTheMedianBesideYearlyFigures() {
        let a = body("a"), b = body("b"), c = body("c")
        let l = ledger([a, b, c], [
            ("a", [figure(admitted, .year(2024), .number(118))]),
            ("b", [figure(admitted, .term, .number(868))]),
            ("c", [figure(admitted, .year(2023), .number(95))]),
        ], terms: ["b": Term(congress: "XI", ordinal: 11, startYear: 2015, endYear: 2020)])
        let columns = [a, b, c].map { ComparisonColumn(body: $0, alignment: .latest) }
        let row = Comparer(ledger: l).compare(columns, indicators: [admitted]).rows[0]
        XCTAssertEqual(row.comparedKind, .year, "two of three figures are yearly")
        XCTAssertEqual(row.cells.map(\.leftOut), [nil, .term(years: 5), nil])
        XCTAssertEqual(row.cells.map(\.rank), [1, nil, 2], "118 > 95; the 868 of five years is not ranked (before: 2, 1, 3)")
        // Spread of 95 and 118 only: median (95 + 118) / 2 = 106,5, not 118 with 868 in.
        XCTAssertEqual(row.spread, Spread(min: 95, median: Decimal(string: "106.5") ?? 0, max: 118))
        XCTAssertNil(row.total)
    }

    func testTwoBodiesOfDifferentFigureSpansAreNotGivenAMedianOfBoth() {
        let a = body("a"), b = body("b")
        let l = ledger([a, b], [("a", [figure(admitted, .year(2024), .number(118))]), ("b", [figure(admitted, .term, .number(868))])],
                       terms: ["b": Term(congress: "XI", ordinal: 11, startYear: 2015, endYear: 2020)])
        let row = Comparer(ledger: l).compare([a, b].map { ComparisonColumn(body: $0, alignment: .latest) }, indicators: [admitted]).rows[0]
        // Before: ranks 2, 1 and a median (118 + 868) / 2 = 493. On a tie the first column's kind is compared.
        XCTAssertEqual(row.cells.map(\.rank), [1, nil])
        XCTAssertEqual(row.spread?.median, 118)
        XCTAssertEqual(row.cells[1].leftOut, .term(years: 5))
    }

    func testFiguresOfDifferentDatesAreLabelledNotAddedUp() {
        let a = body("a"), b = body("b")
        let l = ledger([a, b], [("a", [figure(organisations, .year(2020), .number(69))]), ("b", [figure(organisations, .year(2022), .number(82))])])
        let c = Comparer(ledger: l).compare([ComparisonColumn(body: a, alignment: .latest), ComparisonColumn(body: b, alignment: .latest)], indicators: [organisations])
        XCTAssertNil(c.rows[0].total)
        XCTAssertEqual(c.rows[0].totalProblem, .periodsDiffer)
        XCTAssertFalse(c.isAligned)
        XCTAssertEqual(c.rows[0].cells.map { $0.figure?.observation.period }, [.year(2020), .year(2022)])
    }

    func testNoDataIsNilNotZero() {
        let a = body("a"), b = body("b")
        let l = ledger([a, b], [("a", [figure(organisations, .year(2020), .number(69))]), ("b", [])])
        let c = Comparer(ledger: l).compare([ComparisonColumn(body: a, alignment: .year(2020)), ComparisonColumn(body: b, alignment: .year(2020))], indicators: [organisations, well])
        XCTAssertNil(c.rows[0].cells[1].value)
        XCTAssertNil(c.rows[0].cells[1].rank)
        XCTAssertEqual(c.rows[0].totalProblem, .incomplete)
        XCTAssertEqual(c.empty.map(\.id), ["dang-vien-htt"], "an indicator nobody has is reported, not dropped")
        XCTAssertEqual(c.rows.map(\.indicator.id), ["to-chuc-co-so-dang", "dang-vien-htt"])
    }

    // MARK: - Lineage

    func testATransferIsShownAsATransferAcrossAMergerAndARename() throws {
        let events = [
            LineageEvent(date: CalendarDate(year: 1985, month: 12, day: 22), kind: .merged, name: "Đảng bộ cơ quan Dân Chính Đảng tỉnh", quote: "q", source: "s"),
            LineageEvent(date: CalendarDate(year: 2013, month: 1, day: 29), kind: .renamed, name: "Đảng bộ Khối các cơ quan tỉnh", quote: "q", source: "s"),
            LineageEvent(date: CalendarDate(year: 2022, month: 4, day: 12), kind: .transfer, name: nil, quote: "q", source: "s"),
        ]
        let qn = body("qn", lineage: events)
        let l = ledger([qn], [("qn", [
            figure(members, date(1965, 5, 1), .number(1000)), figure(members, date(1985, 12, 22), .number(2229)),
            figure(movedMembers, date(2022, 4, 12), .number(2000)), figure(members, date(2022, 9, 4), .number(7500)),
        ])])
        let c = Comparer(ledger: l).compare([
            ComparisonColumn(body: qn, alignment: .year(1965)), ComparisonColumn(body: qn, alignment: .year(1985)), ComparisonColumn(body: qn, alignment: .year(2022)),
        ], indicators: [members])
        XCTAssertEqual(c.changes.count, 2)
        // 1965 → 1985: the merger of 22/12/1985 falls inside (on the later date), and 1.229 more
        // members is not called a transfer: none was recorded.
        XCTAssertEqual(c.changes[0].events.map(\.kind), [.merged])
        XCTAssertEqual(c.changes[0].changes.first?.change, 1229)
        XCTAssertEqual(c.changes[0].changes.first?.transferred, 0)
        // 1985 → 2022: a rename and the transfer; the 1985 merger is the start, not in between.
        let change = c.changes[1]
        XCTAssertEqual(change.events.map(\.kind), [.renamed, .transfer])
        let stock = try XCTUnwrap(change.changes.first)
        // 7.500 − 2.229 = 5.271, of which 2.000 came with the transferred organisations.
        XCTAssertEqual(stock.change, 5271)
        XCTAssertEqual(stock.transferred, 2000)
        XCTAssertEqual(qn.name(at: CalendarDate(year: 1970)), "Khối qn", "before the merger the series had no other name recorded")
        XCTAssertEqual(c.rows[0].totalProblem, .repeatedBody, "one body at two dates is never added up")
        XCTAssertEqual(qn.name(at: CalendarDate(year: 1990)), "Đảng bộ cơ quan Dân Chính Đảng tỉnh", "the series keeps the name it had then")
    }
}
