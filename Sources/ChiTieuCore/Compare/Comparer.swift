import Foundation

/// Puts the same indicators of several bodies side by side: picks each body's figure for the
/// asked alignment, normalises by members or organisations, ranks, totals the right way, and
/// explains changes inside one body by its lineage (a transfer is not growth).
///
/// Indicators are matched by catalogue id, so bodies whose sources word a figure differently
/// still meet in one row; rows of different indicators are never merged.
public struct Comparer: Sendable {
    let ledger: Ledger
    /// Every figure of each body, by indicator, oldest first.
    let figures: [String: [String: [ChosenFigure]]]

    /// Indexes every observation of every record by body and indicator.
    public init(ledger: Ledger) {
        self.ledger = ledger
        var index: [String: [String: [ChosenFigure]]] = [:]
        for record in ledger.records {
            let term = record.term.map { $0.startYear...$0.endYear }
            for o in record.observations {
                index[record.bodyID, default: [:]][o.indicatorID, default: []].append(ChosenFigure(observation: o, term: term))
            }
        }
        for (body, byIndicator) in index {
            for (indicator, list) in byIndicator where !zip(list, list.dropFirst()).allSatisfy({ $0.end <= $1.end }) {
                // A stable sort keeps the file order among figures of one date; files mostly
                // list figures oldest first, and those need none.
                index[body]?[indicator] = list.enumerated().sorted { ($0.element.end, $0.offset) < ($1.element.end, $1.offset) }.map(\.element)
            }
        }
        figures = index
    }

    /// The indicators a body has any figure of.
    public func indicators(of body: String) -> Set<String> { Set(figures[body]?.keys.map { $0 } ?? []) }

    /// Every figure of a body's indicator, oldest first.
    public func series(_ body: String, _ indicator: String) -> [ChosenFigure] { figures[body]?[indicator] ?? [] }

    /// The figure a cell takes: the newest one that the alignment admits.
    public func choose(_ body: String, _ indicator: String, _ alignment: Alignment) -> ChosenFigure? {
        let list = series(body, indicator)
        switch alignment {
        case .latest:
            return list.last
        case let .year(y):
            return list.last { $0.observation.period != .term && $0.observation.period.year == y }
        case let .term(years):
            if let own = list.last(where: { $0.observation.period == .term && $0.term == years }) { return own }
            return list.last { $0.observation.period != .term && ($0.observation.period.year.map(years.contains) ?? false) }
        }
    }

    /// Compares the columns on the indicators, each followed by its catalogue normalisations.
    /// - Parameter aliases: For an indicator, another one of the same definition to read where a
    ///   body has no figure of the first (checked by the caller: same unit, base and scale).
    public func compare(_ columns: [ComparisonColumn], indicators: [Indicator], aliases: [String: String] = [:]) -> CrossComparison {
        var rows: [ComparedRow] = []
        var empty: [Indicator] = []
        for indicator in indicators {
            let plain = row(indicator, nil, columns, aliases[indicator.id])
            if plain.cells.allSatisfy({ $0.figure == nil }) {
                empty.append(indicator)
            }
            rows.append(plain)
            for n in indicator.normalisations where n.baseIndicator != indicator.id {
                rows.append(row(indicator, n, columns, aliases[indicator.id]))
            }
        }
        let ranked = columns.filter { !$0.isContext }
        let aligned = Set(ranked.map(\.alignment)).count == 1 && ranked.first.map { $0.alignment != .latest } == true
        return CrossComparison(columns: columns, rows: rows, changes: changes(columns, rows), empty: empty, isAligned: aligned)
    }

    // MARK: - Rows

    private func row(_ indicator: Indicator, _ n: Normalisation?, _ columns: [ComparisonColumn], _ alias: String?) -> ComparedRow {
        var cells = columns.map { column -> ComparedCell in
            let figure = choose(column.body.id, indicator.id, column.alignment) ?? alias.flatMap { choose(column.body.id, $0, column.alignment) }
            var cell = ComparedCell(figure: figure, base: nil, value: figure.flatMap { value($0, indicator) }, qualifier: figure?.observation.qualifier ?? .exact, rank: nil, problem: nil)
            guard let n else { return cell }
            cell.base = choose(column.body.id, n.baseIndicator, column.alignment)
            guard let numerator = cell.value else { return cell }
            guard let base = cell.base, let divisor = base.observation.value.comparable, divisor != 0 else {
                cell.value = nil
                cell.problem = .missingBase(indicator: n.baseIndicator)
                return cell
            }
            cell.value = numerator / divisor * n.scale
            cell.qualifier = Self.quotient(cell.qualifier, base.observation.qualifier)
            return cell
        }
        let kind = leaveOut(&cells, columns)
        rank(&cells, columns, indicator.direction)
        var row = ComparedRow(indicator: indicator, normalisation: n, cells: cells, spread: spread(cells, columns), total: nil, totalQualifier: .exact, totalProblem: nil, comparedKind: kind)
        total(&row, columns)
        return row
    }

    /// Marks the ranked cells whose figure is of another period kind than most of them share
    /// (a 2015–2020 term total beside yearly figures), and returns the kind the row compares.
    /// On a tie the kind of the first column wins, so the order the bodies were named decides.
    private func leaveOut(_ cells: inout [ComparedCell], _ columns: [ComparisonColumn]) -> FigureSpan? {
        let kinds = cells.indices.compactMap { i -> (Int, FigureSpan)? in
            guard !columns[i].isContext, cells[i].value != nil, let f = cells[i].figure else { return nil }
            return (i, FigureSpan(f))
        }
        var counts: [FigureSpan: Int] = [:]
        for (_, k) in kinds { counts[k, default: 0] += 1 }
        guard let most = counts.values.max(), let chosen = kinds.first(where: { counts[$0.1] == most })?.1 else { return nil }
        for (i, k) in kinds where k != chosen { cells[i].leftOut = k }
        return chosen
    }

    /// The value compared: a count or a percent; a rating by its place on the scale (best highest).
    private func value(_ f: ChosenFigure, _ indicator: Indicator) -> Decimal? {
        if case let .rating(level) = f.observation.value {
            guard let scale = indicator.scale, let place = scale.rank(of: level) else { return nil }
            return Decimal(scale.levels.count - place)
        }
        return f.observation.value.comparable
    }

    /// The qualifier of a quotient: "trên 7.500" ÷ 82 is "trên 91,46"; 200 ÷ "trên 7.500" is
    /// "dưới 2,67"; uncertain both ways is "khoảng".
    public static func quotient(_ numerator: Qualifier, _ denominator: Qualifier) -> Qualifier {
        let flipped: Qualifier = denominator == .moreThan ? .lessThan : denominator == .lessThan ? .moreThan : denominator
        if numerator == .exact { return flipped }
        if flipped == .exact || flipped == numerator { return numerator }
        return .about
    }

    /// Qualifier of a sum: one "trên" makes the sum "trên"; mixed directions make it "khoảng".
    static func sum(_ qualifiers: [Qualifier]) -> Qualifier {
        let set = Set(qualifiers).subtracting([.exact])
        if set.isEmpty { return .exact }
        return set.count == 1 ? set.first ?? .about : .about
    }

    /// Competition ranking: equal values share a rank and the next rank skips ("1, 1, 3").
    /// One sort, so that hundreds of bodies rank in n log n.
    private func rank(_ cells: inout [ComparedCell], _ columns: [ComparisonColumn], _ direction: Direction) {
        let ranked = cells.indices.compactMap { i in columns[i].isContext || cells[i].leftOut != nil ? nil : cells[i].value.map { (i, $0) } }
            .sorted { direction == .up ? $0.1 > $1.1 : $0.1 < $1.1 }
        for (place, entry) in ranked.enumerated() {
            // The first of a run of equal values gives the run its rank.
            cells[entry.0].rank = place > 0 && ranked[place - 1].1 == entry.1 ? cells[ranked[place - 1].0].rank : place + 1
        }
    }

    private func spread(_ cells: [ComparedCell], _ columns: [ComparisonColumn]) -> Spread? {
        let figures = cells.indices.filter { !columns[$0].isContext && cells[$0].leftOut == nil }
            .compactMap { i in cells[i].value.map { (value: $0, qualifier: cells[i].qualifier) } }
            .sorted { $0.value < $1.value }
        guard let min = figures.first?.value, let max = figures.last?.value else { return nil }
        let mid = figures.count / 2
        let middle = figures.count % 2 == 1 ? [figures[mid]] : [figures[mid - 1], figures[mid]]
        let median = middle.count == 1 ? middle[0].value : (middle[0].value + middle[1].value) / 2
        return Spread(min: min, median: median, max: max, medianQualifier: Self.sum(middle.map(\.qualifier)))
    }

    /// Counts (and amounts that add up) are summed; shares are weighted by their denominators (numerators over
    /// denominators, or percent × members for shares of members); quotients are total over
    /// total. Never an average of percentages.
    private func total(_ row: inout ComparedRow, _ columns: [ComparisonColumn]) {
        let ranked = columns.indices.filter { !columns[$0].isContext }
        guard ranked.count > 1, row.indicator.unit != .rating, row.indicator.aggregation != .none else { return }
        let cells = ranked.map { row.cells[$0] }
        if Set(ranked.map { columns[$0].body.id }).count < ranked.count { row.totalProblem = .repeatedBody; return }
        let kinds = Set(ranked.map { columns[$0].body.kind })
        if kinds.count > 1 {
            // Related when two bodies of different kinds are of one province: one may hold the other.
            let bodies = ranked.map { columns[$0].body }
            let related = bodies.contains { a in bodies.contains { $0.kind != a.kind && $0.province == a.province } }
            row.totalProblem = .mixedKinds(BodyKind.allCases.filter(kinds.contains), related: related)
            return
        }
        if cells.contains(where: { $0.leftOut != nil }) { row.totalProblem = .periodKindsDiffer; return }
        if cells.contains(where: { $0.value == nil }) { row.totalProblem = .incomplete; return }
        let periods = Set(cells.flatMap { [$0.figure, $0.base].compactMap { $0.map(Self.periodKey) } })
        if periods.count > 1 { row.totalProblem = .periodsDiffer; return }
        if let n = row.normalisation {
            let numerators = cells.compactMap { $0.figure?.observation.value.comparable }
            let bases = cells.compactMap { $0.base?.observation.value.comparable }
            let denominator = bases.reduce(0, +)
            guard bases.count == cells.count, denominator != 0 else { row.totalProblem = .missingBase(indicator: n.baseIndicator); return }
            row.total = numerators.reduce(0, +) / denominator * n.scale
            row.totalQualifier = Self.quotient(Self.sum(cells.compactMap { $0.figure?.observation.qualifier }), Self.sum(cells.compactMap { $0.base?.observation.qualifier }))
            return
        }
        row.totalQualifier = Self.sum(cells.compactMap { $0.figure?.observation.qualifier })
        switch row.indicator.unit {
        case .count, .amount:
            // An amount reaches here only with `aggregate: sum` (money, km); rates and per-person figures do not add up.
            row.total = cells.compactMap(\.value).reduce(0, +)
        case .percent:
            var numerator: Decimal = 0, denominator: Decimal = 0
            for (i, cell) in zip(ranked, cells) {
                guard let figure = cell.figure, let percent = cell.value else { continue }
                if case let .share(n, d) = figure.observation.value {
                    numerator += n
                    denominator += d
                } else if row.indicator.shareOf?.id == "members",
                          let members = choose(columns[i].body.id, Normalisation.per100Members.baseIndicator, columns[i].alignment)?.observation.value.comparable {
                    numerator += percent * members / 100
                    denominator += members
                } else {
                    row.totalProblem = .missingDenominator
                    return
                }
            }
            guard denominator != 0 else { row.totalProblem = .missingDenominator; return }
            row.total = numerator / denominator * 100
        case .rating:
            break
        }
    }

    /// The period a figure stands for, to tell whether figures may be added up.
    static func periodKey(_ f: ChosenFigure) -> String {
        switch f.observation.period {
        case .term: return "term \(f.term.map { "\($0.lowerBound)-\($0.upperBound)" } ?? "")"
        case let .year(y): return "year \(y)"
        case let .date(d): return "year \(d.year)"
        }
    }

    // MARK: - Lineage

    /// For a body shown at several dates: each stock's change between consecutive columns, the
    /// part transferred in, and the renames, mergers and transfers in between.
    private func changes(_ columns: [ComparisonColumn], _ rows: [ComparedRow]) -> [BodyChange] {
        var result: [BodyChange] = []
        var byBody: [String: [Int]] = [:]
        for (i, column) in columns.enumerated() { byBody[column.body.id, default: []].append(i) }
        var seen = Set<String>()
        for column in columns where seen.insert(column.body.id).inserted {
            guard let indices = byBody[column.body.id], indices.count > 1 else { continue }
            // Columns of one body in time order, by the newest figure each holds.
            let ordered = indices.compactMap { i -> (Int, CalendarDate)? in
                rows.compactMap { $0.normalisation == nil ? $0.cells[i].figure?.end : nil }.max().map { (i, $0) }
            }.sorted { $0.1 < $1.1 }
            for (a, b) in zip(ordered, ordered.dropFirst()) {
                var stocks: [StockChange] = []
                for row in rows where row.normalisation == nil && row.indicator.unit == .count {
                    guard let before = row.cells[a.0].figure, let after = row.cells[b.0].figure,
                          let x = before.observation.value.comparable, let y = after.observation.value.comparable, before.end < after.end else { continue }
                    let transfers = ledger.indicators.values.filter { $0.transferOf == row.indicator.id }.flatMap { series(column.body.id, $0.id) }
                        .filter { before.end < $0.end && $0.end <= after.end }.map(\.observation)
                    stocks.append(StockChange(
                        indicator: row.indicator, before: before, after: after, change: y - x,
                        qualifier: Self.difference(after.observation.qualifier, before.observation.qualifier),
                        transfers: transfers, transferred: transfers.compactMap(\.value.comparable).reduce(0, +)))
                }
                let events = column.body.lineage.filter { a.1 < $0.date && $0.date <= b.1 }
                if !stocks.isEmpty || !events.isEmpty {
                    result.append(BodyChange(body: column.body, from: a.1, to: b.1, events: events, changes: stocks))
                }
            }
        }
        return result
    }

    /// "trên 7.500" − 2.229 is "trên 5.271"; 7.500 − "trên 2.000" is "dưới 5.500".
    static func difference(_ minuend: Qualifier, _ subtrahend: Qualifier) -> Qualifier {
        quotient(minuend, subtrahend)
    }
}
