import Foundation

/// Judges every target of a record against its outcomes, exactly.
///
/// The engine knows nothing of files or formats: a validated `Ledger` in, `Assessment` values out.
/// All arithmetic is on `Decimal`; nothing is rounded here.
public struct Evaluator: Sendable {
    /// The ledger judged.
    public let ledger: Ledger
    /// The year of assessment: a term that ends after it is still running.
    public let asOf: Int

    /// Creates an evaluator.
    /// - Parameters:
    ///   - ledger: The validated data.
    ///   - asOf: The year of assessment; terms ending after it are judged as running.
    public init(ledger: Ledger, asOf: Int) {
        self.ledger = ledger
        self.asOf = asOf
    }

    /// Assesses every record of the ledger, in its order.
    public func assessAll() -> [Assessment] {
        ledger.records.compactMap(assess)
    }

    /// Assesses one record; nil if its body or an indicator is unknown (the loader reports those).
    public func assess(_ record: Record) -> Assessment? {
        guard let body = ledger.bodies[record.bodyID] else { return nil }
        // An outcome given for a target belongs to that target (and to the other parts of its
        // sentence); a figure given only by indicator serves every target of that indicator.
        var byTarget: [String: [Observation]] = [:]
        var byIndicator: [String: [Observation]] = [:]
        for o in record.observations {
            if let t = o.targetID { byTarget[t, default: []].append(o) } else { byIndicator[o.indicatorID, default: []].append(o) }
        }
        let targets = record.targets.compactMap { target -> TargetAssessment? in
            guard let indicator = ledger.indicators[target.indicatorID], let term = record.term else { return nil }
            let observations = byTarget[target.sentenceID, default: []] + byIndicator[target.indicatorID, default: []]
            return assess(target, indicator: indicator, term: term, observations: observations)
        }
        let targeted = Set(record.targets.map(\.indicatorID))
        let others = record.observations.compactMap { o -> OtherOutcome? in
            guard !targeted.contains(o.indicatorID), let indicator = ledger.indicators[o.indicatorID] else { return nil }
            let check = o.stated.flatMap { stated in o.value.shareIfRatio.map { StatedCheck(stated: stated, computed: $0) } }
            return OtherOutcome(observation: o, indicator: indicator, statedCheck: check)
        }
        let running = record.term.map { $0.endYear > asOf } ?? false
        return Assessment(record: record, body: body, asOf: asOf, isRunning: running, targets: targets, otherOutcomes: others)
    }

    /// Judges one target of a term.
    public func assess(_ target: Target, indicator: Indicator, term: Term, observations: [Observation]) -> TargetAssessment {
        let series = Series(observations)
        var result = judge(target, indicator: indicator, term: term, series: series)
        let due: Int
        if case let .byYear(y) = target.period { due = y } else { due = term.endYear }
        // A term total of counts grows by its yearly flows: its trend is that of the running total.
        let cumulative = indicator.unit == .count && target.period != .eachYear && target.period != .endOfTerm
        // A level may have its baseline in the start year (2015 for 2015–2020); a total counts only reporting years.
        let from = cumulative ? (term.reportingYears.first ?? term.startYear) : term.startYear
        result.series = series.yearly(from: from, through: min(asOf, due), cumulative: cumulative)
        result.seriesIsCumulative = cumulative
        result.dueYear = due
        return result
    }

    private func judge(_ target: Target, indicator: Indicator, term: Term, series: Series) -> TargetAssessment {
        switch target.period {
        case .eachYear:
            return eachYear(target, indicator, term, series)
        case .term:
            let row = single(.term, target, indicator, term, series, dueYear: term.endYear) {
                series.termFigure(indicator: indicator, term: term, through: term.endYear)
            }
            return TargetAssessment(target: target, indicator: indicator, years: [], summary: row, cumulative: nil)
        case .endOfTerm:
            let row = single(.endOfTerm(term.endYear), target, indicator, term, series, dueYear: term.endYear) {
                series.at(year: term.endYear) ?? series.term.map { Figure([$0]) }
            }
            return TargetAssessment(target: target, indicator: indicator, years: [], summary: row, cumulative: nil)
        case let .byYear(year):
            let row = single(.byYear(year), target, indicator, term, series, dueYear: year) {
                indicator.unit == .count
                    ? series.termFigure(indicator: indicator, term: term, through: year)
                    : series.at(year: year)
            }
            return TargetAssessment(target: target, indicator: indicator, years: [], summary: row, cumulative: nil)
        }
    }

    // MARK: - Periods

    private func single(
        _ period: RowPeriod, _ target: Target, _ indicator: Indicator, _ term: Term, _ series: Series,
        dueYear: Int, figure: () -> Figure?
    ) -> Judgement {
        var row = Judgement(period: period, rule: target.rule)
        if asOf >= dueYear {
            fill(&row, figure(), indicator)
            return row
        }
        // Running: judge the figure so far against the pro-rata share of the term elapsed.
        let elapsed = term.reportingYears.filter { $0 <= asOf }.count
        guard elapsed > 0 else {
            row.progress = .notDue
            return row
        }
        let soFar: Figure?
        if indicator.unit == .count {
            soFar = series.termFigure(indicator: indicator, term: term, through: asOf, partial: true)
        } else {
            soFar = series.latest(through: asOf)
        }
        fill(&row, soFar, indicator)
        row.verdict = nil
        guard let value = row.value else {
            row.verdict = .noData
            return row
        }
        if indicator.unit == .count, target.rule.isFloor, let threshold = target.rule.threshold,
           // A "by" year's total is due at that year: its share of time counts the years up to it.
           let proRata = ProRata(soFar: value, target: threshold, elapsed: elapsed, total: term.reportingYears.filter { $0 <= dueYear }.count) {
            row.proRata = proRata
            row.progress = proRata.band == .onTrack ? .onTrack : .atRisk
        } else {
            let verdict = Judge.verdict(value: row.value, rating: row.rating, rule: target.rule, indicator: indicator)
            row.progress = verdict?.isMet == true ? .onTrack : .atRisk
        }
        return row
    }

    private func eachYear(_ target: Target, _ indicator: Indicator, _ term: Term, _ series: Series) -> TargetAssessment {
        var years: [Judgement] = []
        for year in term.reportingYears {
            var row = Judgement(period: .year(year), rule: target.rule)
            if year > asOf {
                row.progress = .notDue
            } else {
                fill(&row, series.at(year: year), indicator)
            }
            years.append(row)
        }
        let judged = years.filter { $0.verdict != nil }
        let tally = YearTally(
            met: judged.filter { $0.verdict?.isMet == true }.count,
            notMet: judged.filter { $0.verdict == .notMet }.count,
            noData: judged.filter { $0.verdict == .noData }.count,
            total: years.count)
        var summary = Judgement(period: .term, rule: target.rule)
        summary.tally = tally
        summary.missingYears = judged.filter { $0.verdict == .noData }.compactMap {
            if case let .year(y) = $0.period { return y } else { return nil }
        }
        let running = term.endYear > asOf
        if running {
            if judged.isEmpty {
                summary.progress = .notDue
            } else if tally.notMet > 0 {
                summary.progress = .atRisk
            } else if tally.met > 0 {
                summary.progress = .onTrack
            } else {
                summary.verdict = .noData
            }
        } else if tally.notMet > 0 {
            summary.verdict = .notMet
        } else if tally.noData > 0 {
            summary.verdict = .noData
        } else {
            summary.verdict = judged.allSatisfy { $0.verdict == .exceeded } ? .exceeded : .met
        }
        var cumulative: Judgement?
        if indicator.unit == .count, target.rule.isFloor, !judged.isEmpty, tally.noData == 0,
           let scaledRule = target.rule.scaled(by: judged.count) {
            var row = Judgement(period: .cumulative(years: judged.count), rule: scaledRule)
            let observations = judged.flatMap(\.observations)
            fill(&row, Figure(observations), indicator)
            if running { row.verdict = nil }
            cumulative = row
        } else if indicator.unit == .percent, judged.count > 1, tally.noData == 0 {
            cumulative = pooled(judged, target, indicator, running: running)
        }
        return TargetAssessment(target: target, indicator: indicator, years: years, summary: summary, cumulative: cumulative)
    }

    /// The shares of several years as one: numerators and denominators added, never percentages
    /// averaged (62/69 and 10/20 are 72/89, 80,9 %, not the mean 69,9 %). Nil unless every year
    /// was given as counts.
    private func pooled(_ judged: [Judgement], _ target: Target, _ indicator: Indicator, running: Bool) -> Judgement? {
        var numerator: Decimal = 0, denominator: Decimal = 0
        for row in judged {
            guard row.observations.count == 1, case let .share(n, d) = row.observations[0].value else { return nil }
            numerator += n
            denominator += d
        }
        guard denominator > 0 else { return nil }
        var row = Judgement(period: .cumulative(years: judged.count), rule: target.rule)
        row.observations = judged.flatMap(\.observations)
        row.value = numerator / denominator * 100
        row.verdict = running ? nil : Judge.verdict(value: row.value, rating: nil, rule: target.rule, indicator: indicator)
        if let value = row.value { row.gap = Judge.gap(value: value, rule: target.rule, indicator: indicator) }
        return row
    }

    /// Puts a figure into a row and judges it.
    private func fill(_ row: inout Judgement, _ figure: Figure?, _ indicator: Indicator) {
        guard let figure, !figure.observations.isEmpty else {
            row.verdict = .noData
            return
        }
        row.observations = figure.observations
        row.missingYears = figure.missingYears
        if indicator.unit == .rating {
            if case let .rating(level)? = figure.observations.last?.value { row.rating = level }
        } else {
            row.value = figure.value
        }
        if !figure.missingYears.isEmpty {
            // An incomplete sum is not a figure for the period: it would understate it.
            row.value = nil
            row.verdict = .noData
            return
        }
        row.verdict = Judge.verdict(value: row.value, rating: row.rating, rule: row.rule, indicator: indicator)
        if let value = row.value {
            row.gap = Judge.gap(value: value, rule: row.rule, indicator: indicator)
            row.attainment = Judge.attainment(value: value, rule: row.rule, indicator: indicator)
        }
        if figure.observations.count == 1, let stated = figure.observations[0].stated {
            let computed = row.attainment ?? figure.observations[0].value.shareIfRatio
            row.statedCheck = computed.map { StatedCheck(stated: stated, computed: $0) }
        }
    }
}

extension ObservedValue {
    /// The exact percent of a share given as numerator and denominator; nil for other values.
    var shareIfRatio: Decimal? {
        if case .share = self { return comparable }
        return nil
    }
}

/// A figure for a period: one observation, or yearly ones summed.
struct Figure {
    var observations: [Observation]
    var missingYears: [Int] = []

    init(_ observations: [Observation], missingYears: [Int] = []) {
        self.observations = observations
        self.missingYears = missingYears
    }

    /// One observation's comparable figure, or the exact sum of several yearly counts.
    var value: Decimal? {
        if observations.count == 1 { return observations[0].value.comparable }
        var sum = Decimal(0)
        for o in observations {
            guard let v = o.value.comparable else { return nil }
            sum += v
        }
        return sum
    }
}

/// One indicator's observations of a record, by period.
struct Series {
    let term: Observation?
    let dated: [Observation]

    init(_ observations: [Observation]) {
        term = observations.first { $0.period == .term }
        dated = observations.filter { $0.period != .term }.sorted { $0.period < $1.period }
    }

    /// One point per year with a figure, from `first` through `last`: the year's latest figure,
    /// or with `cumulative` the running total of yearly figures (a term total's progress).
    func yearly(from first: Int, through last: Int, cumulative: Bool) -> [SeriesPoint] {
        guard first <= last else { return [] }
        var points: [SeriesPoint] = []
        var total: Decimal = 0
        for year in first...last {
            guard let value = dated.last(where: { $0.period.year == year })?.value.comparable else {
                // A running total with a year missing would understate every later year.
                if cumulative, !points.isEmpty { break }
                continue
            }
            total += value
            points.append(SeriesPoint(year: year, value: cumulative ? total : value))
        }
        return points
    }

    /// The latest observation in a year (a yearly figure, or the last dated one).
    func at(year: Int) -> Figure? {
        dated.last { $0.period.year == year }.map { Figure([$0]) }
    }

    /// The latest observation up to a year.
    func latest(through year: Int) -> Figure? {
        dated.last { ($0.period.year ?? .max) <= year }.map { Figure([$0]) } ?? term.map { Figure([$0]) }
    }

    /// A figure for the term up to a year: the term's own figure if reported (only when the
    /// whole term is asked for), else, for counts, the sum of yearly figures.
    func termFigure(indicator: Indicator, term t: Term, through year: Int, partial: Bool = false) -> Figure? {
        if let term, partial || year >= t.endYear { return Figure([term]) }
        guard indicator.unit == .count else { return nil }
        let years = t.reportingYears.filter { $0 <= year }
        var found: [Observation] = []
        var missing: [Int] = []
        for y in years {
            if let o = dated.last(where: { if case .year(y) = $0.period { return true } else { return false } }) {
                found.append(o)
            } else {
                missing.append(y)
            }
        }
        guard !found.isEmpty else { return nil }
        return Figure(found, missingYears: partial ? [] : missing)
    }
}
