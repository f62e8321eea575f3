import Foundation
import Synchronization

/// Judges every target of a record against its outcomes, exactly.
///
/// The engine knows nothing of files or formats: a validated `Ledger` in, `Assessment` values out.
/// All arithmetic is on `Decimal`; nothing is rounded here.
///
/// **Which figures a target uses.** A figure of an indicator serves every target of that
/// indicator that it can serve: offices write a yearly figure once, and it counts both for the
/// yearly floor and for the term total. Where two figures cover the same period and span, the
/// one given for the target wins, then one given by indicator only, then one given for another
/// target. **What a figure covers.** A yearly judgement (each year, one year) and a total of
/// yearly counts need each year's own figure for a final verdict; a figure of part of a year
/// (to a date, a half, nine months) or of part of the term (mid-term) shows progress against the
/// share of the period elapsed, never a final verdict. A share or a rating at a date is the
/// level on that date. Every figure no verdict uses is listed with the reason.
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

    /// Assesses one record; nil if its body is unknown (the loader reports it).
    public func assess(_ record: Record) -> Assessment? {
        assess(record, parallel: true)
    }

    /// Assesses one record, its targets on every core when there are many unless `parallel` is
    /// false (the tests hold the two ways to the same result).
    func assess(_ record: Record, parallel: Bool) -> Assessment? {
        guard let body = ledger.bodies[record.bodyID] else { return nil }
        var order: [String: Int] = [:]
        for (i, t) in record.targets.enumerated() where order[t.sentenceID] == nil { order[t.sentenceID] = i }
        var byIndicator: [String: Slots] = [:]
        for o in record.observations { byIndicator[o.indicatorID, default: Slots()].add(o, rank: o.targetID.flatMap { order[$0] }) }
        var targets: [TargetAssessment] = []
        var candidates: [[Observation]] = []
        if let term = record.term {
            if parallel, let judged = judgedInParallel(record.targets, term: term, byIndicator: byIndicator) {
                targets.reserveCapacity(record.targets.count)
                candidates.reserveCapacity(record.targets.count)
                for case let (assessment, figures)? in judged {
                    targets.append(assessment)
                    candidates.append(figures)
                }
            } else {
                for target in record.targets {
                    guard let (judged, figures) = judge(target, term: term, byIndicator: byIndicator) else { continue }
                    targets.append(judged)
                    candidates.append(figures)
                }
            }
        }
        let targeted = Set(record.targets.map(\.indicatorID))
        let others = record.observations.compactMap { o -> OtherOutcome? in
            guard !targeted.contains(o.indicatorID), let indicator = ledger.indicators[o.indicatorID] else { return nil }
            return OtherOutcome(observation: o, indicator: indicator, statedCheck: Self.ownCheck(o))
        }
        let running = record.term.map { $0.endYear > asOf } ?? false
        var assessment = Assessment(record: record, body: body, asOf: asOf, isRunning: running, targets: targets, otherOutcomes: others)
        if let term = record.term {
            assessment.unusedFigures = unused(record, term: term, targets: targets, candidates: candidates)
        }
        return assessment
    }

    /// From how many targets a record's judging is shared between the cores: below it the
    /// threads would cost more than they save (a target takes some 20 µs to judge).
    static let parallelTargets = 256
    /// How many targets one thread judges at a time: enough to pay for handing the work over,
    /// few enough that the cores finish together.
    static let targetsPerChunk = 128

    /// Judges one target of a term with the figures it may use; nil where its indicator is
    /// unknown (the loader reports it).
    func judge(_ target: Target, term: Term, byIndicator: [String: Slots]) -> (TargetAssessment, [Observation])? {
        guard let indicator = ledger.indicators[target.indicatorID] else { return nil }
        let figures = byIndicator[target.indicatorID]?.candidates(for: target) ?? []
        return (assess(target, indicator: indicator, term: term, observations: figures), figures)
    }

    /// Judges the targets of a term in chunks on every core, the results in the order of the
    /// targets; nil when there are too few targets, or one core, for it to pay. Each target is
    /// judged on its own from values that are only read. The results go into one array made on
    /// the calling thread, each chunk's under a lock as it is done, so that a worker holds no
    /// more than a chunk. The caller then copies them into the assessment, and for that moment
    /// the judgements (some 2 KB a target) are held twice: 10.000 targets raise `check`'s peak
    /// from 135 to 151 MB; the report's peak, later in the writer, stays where it was.
    func judgedInParallel(_ all: [Target], term: Term, byIndicator: [String: Slots]) -> [(TargetAssessment, [Observation])?]? {
        guard all.count >= Self.parallelTargets, ProcessInfo.processInfo.activeProcessorCount > 1 else { return nil }
        guard #available(macOS 15, iOS 18, *) else { return nil }
        let size = Self.targetsPerChunk
        let chunks = (all.count + size - 1) / size
        let results = Mutex([(TargetAssessment, [Observation])?](repeating: nil, count: all.count))
        DispatchQueue.concurrentPerform(iterations: chunks) { @Sendable [self] chunk in
            let range = chunk * size ..< min(all.count, (chunk + 1) * size)
            let part = all[range].map { judge($0, term: term, byIndicator: byIndicator) }
            results.withLock { $0.replaceSubrange(range, with: part) }
        }
        return results.withLock { $0 }
    }

    /// One indicator's figures of a record, by slot, so that each target finds the figures it may
    /// use without a pass over all of them (a file may hold thousands of targets of one indicator).
    struct Slots {
        /// Figures given for a target, by its sentence id, in file order.
        var byTarget: [String: [Observation]] = [:]
        /// For each slot: the first figure given by indicator only, and the figures given for a
        /// target, best first (the earliest target), at most one per target and two in all —
        /// the second stands in when the first is the asking target's own.
        var bySlot: [FigureSlot: (free: Observation?, given: [(rank: Int, observation: Observation)])] = [:]
        /// Slots in the order first seen, so candidates keep file order.
        var order: [FigureSlot] = []

        mutating func add(_ o: Observation, rank: Int?) {
            let slot = FigureSlot(o)
            if bySlot[slot] == nil { order.append(slot) }
            var entry = bySlot[slot] ?? (nil, [])
            if let target = o.targetID {
                byTarget[target, default: []].append(o)
                let r = rank ?? .max
                if !entry.given.contains(where: { $0.observation.targetID == target }) {
                    entry.given.append((r, o))
                    entry.given.sort { $0.rank < $1.rank }
                    if entry.given.count > 2 { entry.given.removeLast() }
                }
            } else if entry.free == nil {
                entry.free = o
            }
            bySlot[slot] = entry
        }

        /// The figures a target may use, one per slot: given for it, else given by indicator
        /// only, else given for another target of the same indicator (the earliest target, so
        /// that the choice does not hang on the order the figures were written in).
        func candidates(for target: Target) -> [Observation] {
            let own = byTarget[target.sentenceID] ?? []
            var taken = Set(own.map(FigureSlot.init))
            var result = own
            for slot in order where !taken.contains(slot) {
                guard let entry = bySlot[slot] else { continue }
                if let free = entry.free {
                    result.append(free)
                } else if let other = entry.given.first(where: { $0.observation.targetID != target.sentenceID }) {
                    result.append(other.observation)
                }
                taken.insert(slot)
            }
            return result
        }
    }

    /// The check of a percentage stated beside a share given as counts, the only figure that
    /// carries its own percent when no target applies.
    static func ownCheck(_ o: Observation) -> StatedCheck? {
        o.stated.flatMap { stated in o.value.shareIfRatio.map { StatedCheck(stated: stated, computed: $0) } }
    }

    /// Judges one target of a term.
    public func assess(_ target: Target, indicator: Indicator, term: Term, observations: [Observation]) -> TargetAssessment {
        if let noun = target.perUnit { return perUnit(target, noun: noun, indicator, term, observations) }
        let series = Series(observations)
        var result = judge(target, indicator: indicator, term: term, series: series)
        let due: Int
        switch target.period {
        case let .byYear(y), let .year(y): due = y
        default: due = term.endYear
        }
        // A term total of counts grows by its yearly flows: its trend is that of the running total.
        let cumulative: Bool
        switch target.period {
        case .term, .byYear: cumulative = indicator.addsUpOverYears
        default: cumulative = false
        }
        // A level may have its baseline in the start year (2015 for 2015–2020); a total counts only reporting years.
        let from = cumulative ? (term.reportingYears.first ?? term.startYear) : term.startYear
        // A yearly target's series holds the years' own figures, never a figure of part of a year.
        result.series = series.yearly(from: from, through: min(asOf, due), cumulative: cumulative, wholeYears: cumulative || target.period.isYearly)
        result.seriesIsCumulative = cumulative
        result.dueYear = due
        return result
    }

    private func judge(_ target: Target, indicator: Indicator, term: Term, series: Series) -> TargetAssessment {
        switch target.period {
        case .eachYear:
            return eachYear(target, indicator, term, series)
        case let .year(y):
            let row = yearRow(y, target.rule, indicator, series)
            return TargetAssessment(target: target, indicator: indicator, years: [], summary: row, cumulative: nil)
        case .term where indicator.addsUpOverYears:
            let row = total(.term, target, indicator, term, series, dueYear: term.endYear)
            return TargetAssessment(target: target, indicator: indicator, years: [], summary: row, cumulative: nil)
        case .term:
            // A share or rating over the term: the term's own figure, else its latest level.
            let row = single(.term, target, indicator, term, series, dueYear: term.endYear) {
                // Not the congress year's level: that is where the term starts from, not what it reached.
                series.term.map { Figure([$0]) }
                    ?? series.latestLevel(through: term.endYear, from: term.reportingYears.first ?? term.startYear).map { Figure([$0]) }
            }
            return TargetAssessment(target: target, indicator: indicator, years: [], summary: row, cumulative: nil)
        case .endOfTerm:
            let row = single(.endOfTerm(term.endYear), target, indicator, term, series, dueYear: term.endYear) {
                series.level(year: term.endYear).map { Figure([$0]) } ?? series.term.map { Figure([$0]) }
            }
            return TargetAssessment(target: target, indicator: indicator, years: [], summary: row, cumulative: nil)
        case let .byYear(year) where indicator.addsUpOverYears:
            let row = total(.byYear(year), target, indicator, term, series, dueYear: year)
            return TargetAssessment(target: target, indicator: indicator, years: [], summary: row, cumulative: nil)
        case let .byYear(year):
            let row = single(.byYear(year), target, indicator, term, series, dueYear: year) {
                series.level(year: year).map { Figure([$0]) }
            }
            return TargetAssessment(target: target, indicator: indicator, years: [], summary: row, cumulative: nil)
        }
    }

    // MARK: - Periods

    /// A level (a share, a rating, a stock) judged once: final when its year has come, else the
    /// latest level so far as progress.
    private func single(
        _ period: RowPeriod, _ target: Target, _ indicator: Indicator, _ term: Term, _ series: Series,
        dueYear: Int, figure: () -> Figure?
    ) -> Judgement {
        var row = Judgement(period: period, rule: target.rule)
        if asOf >= dueYear {
            fill(&row, figure(), indicator)
            return row
        }
        guard term.reportingYears.contains(where: { $0 <= asOf }) else {
            row.progress = .notDue
            return row
        }
        fill(&row, series.latestLevel(through: asOf).map { Figure([$0]) }, indicator)
        if row.valueRange != nil { return rangeProgress(row) }
        row.verdict = nil
        guard row.value != nil || row.rating != nil else {
            row.verdict = .noData
            return row
        }
        row.progress = levelProgress(row, target.rule, indicator)
        return row
    }

    /// A total of yearly counts over the term or up to a "by" year. Final once due, from the
    /// term's own figure or every year's own; else progress: the figure so far against the
    /// share of the period elapsed (of the calendar, or of what a figure of part of a year or of
    /// part of the term covers).
    private func total(_ period: RowPeriod, _ target: Target, _ indicator: Indicator, _ term: Term, _ series: Series, dueYear: Int) -> Judgement {
        var row = Judgement(period: period, rule: target.rule)
        let years = term.reportingYears.filter { $0 <= dueYear }
        let ownTotal = dueYear >= term.endYear ? series.term : nil
        if asOf >= dueYear {
            if let t = ownTotal {
                fill(&row, Figure([t]), indicator)
                return row
            }
            let whole = years.compactMap { series.whole(year: $0) }
            if whole.count == years.count, !whole.isEmpty {
                fill(&row, Figure(whole), indicator)
                return row
            }
            if partialProgress(&row, target, indicator, term, series, years: years, through: dueYear) { return row }
            // An incomplete sum is not a figure for the period: it would understate it.
            let missing = years.filter { series.whole(year: $0) == nil }
            fill(&row, whole.isEmpty ? nil : Figure(whole, missingYears: missing), indicator)
            return row
        }
        let elapsed = years.filter { $0 <= asOf }.count
        guard elapsed > 0 else {
            row.progress = .notDue
            return row
        }
        if partialProgress(&row, target, indicator, term, series, years: years, through: asOf) { return row }
        let soFar = ownTotal.map { Figure([$0]) } ?? {
            let found = years.filter { $0 <= asOf }.compactMap { series.whole(year: $0) }
            return found.isEmpty ? nil : Figure(found)
        }()
        fill(&row, soFar, indicator)
        if row.valueRange != nil { return rangeProgress(row) }
        row.verdict = nil
        guard let value = row.value else {
            row.verdict = .noData
            return row
        }
        if target.rule.isFloor, let threshold = target.rule.threshold,
           // A "by" year's total is due at that year: its share of time counts the years up to it.
           let proRata = ProRata(soFar: value, target: threshold, elapsed: elapsed, total: years.count) {
            row.proRata = proRata
            row.progress = proRata.band == .onTrack ? .onTrack : .atRisk
        } else {
            row.progress = levelProgress(row, target.rule, indicator)
        }
        return row
    }

    /// Progress from figures of part of a period, when the data has one later than every whole
    /// year: the years' own figures from the first, then the next year's figure to a date; or a
    /// figure of the term to a date (mid-term). False when no such figure applies.
    private func partialProgress(
        _ row: inout Judgement, _ target: Target, _ indicator: Indicator, _ term: Term, _ series: Series, years: [Int], through last: Int
    ) -> Bool {
        var used: [Observation] = []
        var covered: Decimal = 0
        for y in years where y <= last {
            if let w = series.whole(year: y) {
                used.append(w)
                covered += 1
                continue
            }
            if let p = series.partial(year: y), let share = p.yearShare {
                used.append(p)
                covered += share
            }
            break
        }
        let sumThrough = used.last?.coveredThrough
        var figure: [Observation]
        var share: Decimal
        var through: CalendarDate
        if let t = series.termToDate(through: last), let tEnd = t.coveredThrough, sumThrough.map({ tEnd > $0 }) ?? true {
            figure = [t]
            through = tEnd
            // The reporting years wholly before the date, and the part of the date's own year.
            let before = years.filter { $0 < tEnd.year }.count
            let part = years.contains(tEnd.year) ? tEnd.shareOfYear : 0
            share = (Decimal(before) + part) / Decimal(years.count)
        } else if let lastUsed = used.last, !lastUsed.isWholeYear, let end = sumThrough {
            figure = used
            through = end
            share = covered / Decimal(years.count)
        } else {
            return false
        }
        progress(&row, Figure(figure), target.rule, indicator, share: share, through: through, years: years.count)
        return true
    }

    /// Progress of a figure judged against the rule's level, not pro-rated: on track if the
    /// figure so far already meets the rule.
    private func levelProgress(_ row: Judgement, _ rule: Rule, _ indicator: Indicator) -> TermProgress {
        Judge.verdict(value: row.value, rating: row.rating, rule: rule, indicator: indicator)?.isMet == true ? .onTrack : .atRisk
    }

    /// A range so far, inside a running period: on track or at risk where both ends say so,
    /// else undetermined.
    private func rangeProgress(_ judged: Judgement) -> Judgement {
        var row = judged
        switch row.verdict {
        case .exceeded?, .met?:
            row.verdict = nil
            row.progress = .onTrack
        case .notMet?:
            row.verdict = nil
            row.progress = .atRisk
        default:
            break
        }
        return row
    }

    /// Puts a figure of part of a period into a row as progress: pro-rata for a floor, against
    /// the level otherwise; never a verdict.
    private func progress(_ row: inout Judgement, _ figure: Figure, _ rule: Rule, _ indicator: Indicator, share: Decimal, through: CalendarDate, years: Int) {
        fill(&row, figure, indicator)
        if row.valueRange != nil {
            row = rangeProgress(row)
            row.partialThrough = through
            return
        }
        row.verdict = nil
        row.partialThrough = through
        // A flow so far against its floor (a range's lower bound is one) × the share elapsed.
        var floor = rule.isFloor
        if case .range = rule.comparison { floor = true }
        if indicator.addsUpOverYears, floor, let threshold = rule.threshold, let value = row.value,
           let p = ProRata(soFar: value, target: threshold, share: share, through: through, years: years) {
            row.proRata = p
            row.progress = p.band == .onTrack ? .onTrack : .atRisk
        } else {
            row.progress = levelProgress(row, rule, indicator)
        }
    }

    /// One year of a yearly target: its own figure, final; else a figure of part of it, as progress.
    private func yearRow(_ year: Int, _ rule: Rule, _ indicator: Indicator, _ series: Series) -> Judgement {
        var row = Judgement(period: .year(year), rule: rule)
        if year > asOf {
            row.progress = .notDue
        } else if let whole = series.whole(year: year) {
            fill(&row, Figure([whole]), indicator)
        } else if let part = series.partial(year: year), let share = part.yearShare, let through = part.coveredThrough {
            progress(&row, Figure([part]), rule, indicator, share: share, through: through, years: 1)
        } else {
            fill(&row, nil, indicator)
        }
        return row
    }

    private func eachYear(_ target: Target, _ indicator: Indicator, _ term: Term, _ series: Series) -> TargetAssessment {
        let years = term.reportingYears.map { yearRow($0, target.rule, indicator, series) }
        let judged = years.filter { $0.verdict != nil }
        let partial = years.filter(\.isInProgress)
        var tally = YearTally(
            met: judged.filter { $0.verdict?.isMet == true }.count,
            notMet: judged.filter { $0.verdict == .notMet }.count,
            noData: judged.filter { $0.verdict == .noData }.count,
            total: years.count)
        tally.inProgress = partial.count
        var summary = Judgement(period: .term, rule: target.rule)
        summary.tally = tally
        summary.missingYears = judged.filter { $0.verdict == .noData }.compactMap {
            if case let .year(y) = $0.period { return y } else { return nil }
        }
        let running = term.endYear > asOf
        let partialStatus: TermProgress? = partial.isEmpty ? nil : partial.contains { $0.progress == .atRisk } ? .atRisk : .onTrack
        // The written rule for a yearly target inside its term (README, "Running-term words"):
        // a missed year first (final for that year), then a due year without its figure, then
        // on track only when every due year met the target.
        if tally.notMet > 0 {
            if running || partialStatus != nil { summary.progress = .yearMissed } else { summary.verdict = .notMet }
        } else if let partialStatus {
            // A year known only in part is progress: the term is not final until it has its figure.
            summary.progress = partialStatus
        } else if running {
            if judged.isEmpty {
                summary.progress = .notDue
            } else if tally.met == 0 {
                summary.verdict = .noData
            } else if tally.noData > 0 {
                summary.progress = .yearMissing
            } else {
                summary.progress = .onTrack
            }
        } else if tally.noData > 0 {
            summary.verdict = .noData
        } else {
            summary.verdict = judged.allSatisfy { $0.verdict == .exceeded } ? .exceeded : .met
        }
        var cumulative: Judgement?
        if indicator.addsUpOverYears, target.rule.isFloor, !judged.isEmpty, tally.noData == 0, partial.isEmpty,
           let scaledRule = target.rule.scaled(by: judged.count) {
            var row = Judgement(period: .cumulative(years: judged.count), rule: scaledRule)
            fill(&row, Figure(judged.flatMap(\.observations)), indicator)
            if running { row.verdict = nil }
            cumulative = row
        } else if indicator.addsUpOverYears, target.rule.isFloor, !running,
                  let own = series.term, let scaledRule = target.rule.scaled(by: years.count) {
            // The years do not add up to the term, but its own total is known: it is set against
            // the yearly figure × the years.
            var row = Judgement(period: .cumulative(years: years.count), rule: scaledRule)
            fill(&row, Figure([own]), indicator)
            cumulative = row
        } else if indicator.unit == .percent, judged.count > 1, tally.noData == 0, partial.isEmpty {
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
        if let value = row.value {
            row.gap = Judge.gap(value: value, rule: target.rule, indicator: indicator)
            row.attainment = Judge.attainment(value: value, rule: target.rule, indicator: indicator)
        }
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
        if indicator.unit != .rating, figure.observations.contains(where: { if case .range = $0.value { return true } else { return false } }),
           let (low, high) = figure.bounds {
            // "6 % – 7 %": a verdict only where both ends give it.
            row.valueRange = low...high
            let verdicts = (Judge.verdict(value: low, rating: nil, rule: row.rule, indicator: indicator),
                            Judge.verdict(value: high, rating: nil, rule: row.rule, indicator: indicator))
            if verdicts.0 == verdicts.1 {
                row.verdict = verdicts.0
            } else {
                row.verdict = .undetermined
                row.undetermined = .rangeAcrossTarget
            }
            return
        }
        row.verdict = Judge.verdict(value: row.value, rating: row.rating, rule: row.rule, indicator: indicator)
        if let value = row.value {
            row.gap = Judge.gap(value: value, rule: row.rule, indicator: indicator)
            row.attainment = Judge.attainment(value: value, rule: row.rule, indicator: indicator)
        }
        if figure.observations.count == 1, let stated = figure.observations[0].stated {
            // A share's stated percent is the share itself ("62/69 (89,9 %)") or its ratio to the
            // target ("đạt 102,5 % chỉ tiêu"): the one that follows from the figures is kept.
            let own = indicator.unit == .percent ? row.value : nil
            let checks = [own, row.attainment].compactMap { $0 }.map { StatedCheck(stated: stated, computed: $0) }
            row.statedCheck = checks.first { $0.match == .matches } ?? checks.first { $0.match == .matchesIfTruncated } ?? checks.first
        }
        if figure.observations.count == 1, let excess = figure.observations[0].statedExcess, let value = row.value,
           row.rule.isFloor, let target = row.rule.threshold {
            row.excessCheck = ExcessCheck(outcome: value, excess: excess, target: target)
        }
    }

    // MARK: - Each unit

    /// A target that applies to each unit ("mỗi xã ít nhất 05 quần chúng"): judged on each unit's
    /// own figures, every row met only when every unit with a figure meets it. A figure that is
    /// not of one unit cannot settle it: with no figure per unit the rows are undetermined.
    private func perUnit(_ target: Target, noun: String, _ indicator: Indicator, _ term: Term, _ observations: [Observation]) -> TargetAssessment {
        var plain = target
        plain.perUnit = nil
        var names: [String] = []
        var byUnit: [String: [Observation]] = [:]
        for o in observations {
            guard let u = o.unitName else { continue }
            if byUnit[u] == nil { names.append(u) }
            byUnit[u, default: []].append(o)
        }
        let units = names.map { UnitAssessment(unit: $0, assessment: assess(plain, indicator: indicator, term: term, observations: byUnit[$0] ?? [])) }
        var result = assess(plain, indicator: indicator, term: term, observations: [])
        result.target = target
        result.cumulative = nil
        result.perUnit = units
        if units.isEmpty {
            guard observations.contains(where: { $0.unitName == nil }) else { return result }
            for i in result.years.indices where result.years[i].verdict == .noData {
                result.years[i].verdict = .undetermined
                result.years[i].undetermined = .needsFiguresPerUnit(noun: noun)
            }
            if result.summary.verdict == .noData || result.summary.progress != nil {
                result.summary.progress = nil
                result.summary.verdict = .undetermined
                result.summary.undetermined = .needsFiguresPerUnit(noun: noun)
            }
            return result
        }
        result.years = result.years.indices.map { i in combine(units.map { $0.assessment.years[i] }, result.years[i], noun, names) }
        result.summary = combine(units.map(\.assessment.summary), result.summary, noun, names)
        return result
    }

    /// One row of a per-unit target from the units' rows: not met if any unit misses it.
    private func combine(_ rows: [Judgement], _ template: Judgement, _ noun: String, _ names: [String]) -> Judgement {
        guard template.progress != .notDue else { return template }
        var row = Judgement(period: template.period, rule: template.rule)
        row.observations = rows.flatMap(\.observations)
        let named = zip(names, rows)
        let notMet = named.filter { $0.1.verdict == .notMet }.map(\.0)
        let noData = named.filter { $0.1.verdict == .noData && $0.1.progress == nil }.map(\.0)
        row.units = UnitTally(noun: noun, met: rows.filter { $0.verdict?.isMet == true }.count, total: rows.count, notMet: notMet, noData: noData)
        if rows.contains(where: \.isInProgress) {
            // The worst unit's word, in the order of the written rule: a missed year, at risk, a missing year.
            if rows.contains(where: { $0.progress == .yearMissed }) {
                row.progress = .yearMissed
            } else if rows.contains(where: { $0.progress == .atRisk }) || !notMet.isEmpty {
                row.progress = .atRisk
            } else if rows.contains(where: { $0.progress == .yearMissing }) {
                row.progress = .yearMissing
            } else {
                row.progress = .onTrack
            }
        } else if !notMet.isEmpty {
            row.verdict = .notMet
        } else if rows.contains(where: { $0.verdict == .undetermined }) {
            row.verdict = .undetermined
            row.undetermined = rows.compactMap(\.undetermined).first
        } else if !noData.isEmpty {
            row.verdict = .noData
        } else {
            row.verdict = rows.allSatisfy { $0.verdict == .exceeded } ? .exceeded : .met
        }
        return row
    }

    // MARK: - Figures no verdict uses

    /// Every figure of a targeted indicator that no row of any target uses, with each target's reason.
    private func unused(_ record: Record, term: Term, targets: [TargetAssessment], candidates: [[Observation]]) -> [UnusedFigure] {
        var used = Set<Place>(minimumCapacity: record.observations.count)
        for t in targets {
            t.forEachRow { row in for o in row.observations { used.insert(Place(o.location)) } }
        }
        // The targets of each indicator, in order, so that a figure is weighed against its
        // indicator's targets only (a file may hold 10.000 targets of ten indicators); made
        // when a first figure is left out.
        var byIndicator: [String: [Int]]?
        var out: [UnusedFigure] = []
        for o in record.observations where !used.contains(Place(o.location)) {
            if byIndicator == nil {
                var index: [String: [Int]] = [:]
                for (i, t) in targets.enumerated() { index[t.target.indicatorID, default: []].append(i) }
                byIndicator = index
            }
            var reasons: [UnusedReason] = []
            // One reason per kind and sentence (the part of the id before its first '.'): a set,
            // not a search of the reasons so far, for a figure that thousands of targets leave out.
            var seen = Set<ReasonKey>()
            for i in byIndicator?[o.indicatorID] ?? [] {
                let t = targets[i]
                let reason = UnusedReason(targetID: t.target.id, kind: why(o, t, candidates[i], term))
                if seen.insert(ReasonKey(kind: reason.kind, sentence: t.target.id.split(separator: ".").first.map(String.init))).inserted {
                    reasons.append(reason)
                }
            }
            guard !reasons.isEmpty, let indicator = ledger.indicators[o.indicatorID] else { continue }
            out.append(UnusedFigure(observation: o, indicator: indicator, reasons: reasons, statedCheck: Self.ownCheck(o)))
        }
        return out
    }

    /// A figure's place as a key of the set of figures used: equal when the whole location is,
    /// hashed by line and column only, since a record's figures come from one or two files and
    /// hashing each path again for 50.000 figures cost more than the judging of whether they
    /// were used.
    private struct Place: Hashable {
        let location: SourceLocation
        init(_ location: SourceLocation) { self.location = location }
        func hash(into hasher: inout Hasher) {
            hasher.combine(location.line)
            hasher.combine(location.column)
        }
    }

    /// What makes two reasons for leaving a figure out the same: the kind, for the same sentence.
    private struct ReasonKey: Hashable {
        var kind: UnusedReason.Kind
        var sentence: String?
    }

    /// Why a target's rows leave a figure out, in the order the judging decides.
    private func why(_ o: Observation, _ t: TargetAssessment, _ figures: [Observation], _ term: Term) -> UnusedReason.Kind {
        if let noun = t.target.perUnit {
            guard let unit = o.unitName, let own = t.perUnit.first(where: { $0.unit == unit }) else { return .notPerUnit(noun: noun) }
            return why(o, own.assessment, figures.filter { $0.unitName == unit }, term)
        }
        if !figures.contains(where: { $0.location == o.location }), let taken = figures.first(where: { FigureSlot($0) == FigureSlot(o) }) {
            return .samePeriod(taken.location)
        }
        let rows = t.rows
        let usedHere = rows.flatMap(\.observations).first
        guard let year = o.period.year else {
            // A term figure.
            if t.target.period.isYearly { return .termFigureOfYearlyTarget }
            guard let other = usedHere, other.location != o.location else { return .notThisPeriod }
            return .superseded(other.location)
        }
        if year > asOf { return .afterAssessment(asOf: asOf) }
        if case let .months(first, last) = o.coverage, first != 1 { return .partialSpan(first: first, last: last) }
        switch t.target.period {
        case .eachYear:
            if !term.reportingYears.contains(year) { return .notReportingYear(year, years: term.reportingYears) }
        case let .year(y):
            if year != y { return .otherYear(judged: y) }
        case .endOfTerm:
            if year != term.endYear, asOf >= term.endYear { return .otherYear(judged: term.endYear) }
        case let .byYear(y):
            if year > y { return .afterDue(y) }
            if !t.indicator.addsUpOverYears, year != y, asOf >= y { return .otherYear(judged: y) }
            if t.indicator.addsUpOverYears, !term.reportingYears.contains(year) { return .notReportingYear(year, years: term.reportingYears) }
        case .term:
            if !term.reportingYears.contains(year) { return .notReportingYear(year, years: term.reportingYears) }
        }
        if o.coverage == .termToDate {
            // Not "a more complete figure is used" when none is: a yearly target takes no figure of
            // the term so far, whether its years have figures or not.
            if t.target.period.isYearly { return .termToDateOfYearlyTarget }
            return .termToDateSuperseded(usedHere?.location)
        }
        // The row of the figure's year (or the single row) used a later or more complete one.
        let sameYear = rows.flatMap(\.observations).first { $0.period.year == year }
        guard let other = sameYear ?? usedHere, other.location != o.location else { return .notThisPeriod }
        return .superseded(other.location)
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

    /// The lowest and highest the figure can be, summing ranges end by end; nil for ratings.
    var bounds: (Decimal, Decimal)? {
        var low = Decimal(0), high = Decimal(0)
        for o in observations {
            guard let b = o.value.bounds else { return nil }
            low += b.low
            high += b.high
        }
        return (low, high)
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

/// One indicator's observations of a record, ordered by the last day each covers.
struct Series {
    /// The term's own figure (the whole term).
    let term: Observation?
    /// Every figure with a year, oldest end first (file order among equals).
    let dated: [Observation]

    init(_ observations: [Observation]) {
        term = observations.first { $0.period == .term }
        dated = observations.enumerated()
            .filter { $0.element.period != .term }
            .sorted { a, b in
                let x = a.element.coveredThrough ?? CalendarDate(year: .max), y = b.element.coveredThrough ?? CalendarDate(year: .max)
                if x != y { return x < y }
                // Ending on one day, the more complete comes later (and wins), whatever the file order.
                let (p, q) = (FigureSlot(a.element).rank, FigureSlot(b.element).rank)
                return p == q ? a.offset < b.offset : p < q
            }
            .map(\.element)
    }

    /// One point per year with a figure, from `first` through `last`: the year's level, or with
    /// `cumulative` the running total of the years' own figures (a term total's progress).
    func yearly(from first: Int, through last: Int, cumulative: Bool, wholeYears: Bool) -> [SeriesPoint] {
        guard first <= last else { return [] }
        var points: [SeriesPoint] = []
        var total: Decimal = 0
        for year in first...last {
            let figure = wholeYears ? whole(year: year) : level(year: year)
            guard let value = figure?.value.comparable else {
                // A running total with a year missing would understate every later year.
                if cumulative, !points.isEmpty { break }
                continue
            }
            total += value
            points.append(SeriesPoint(year: year, value: cumulative ? total : value))
        }
        return points
    }

    /// The year's own figure: the latest that covers the whole year.
    func whole(year: Int) -> Observation? {
        dated.last { $0.period.year == year && $0.isWholeYear }
    }

    /// The latest figure of part of the year counted from January ("tính đến 30/6").
    func partial(year: Int) -> Observation? {
        dated.last { $0.period.year == year && !$0.isWholeYear && $0.yearShare != nil }
    }

    /// The latest figure of the term to a date, up to a year ("sơ kết giữa nhiệm kỳ").
    func termToDate(through year: Int) -> Observation? {
        dated.last { $0.coverage == .termToDate && ($0.period.year ?? .max) <= year }
    }

    /// The level in a year: its latest figure (a share or rating at a date is the level then).
    func level(year: Int) -> Observation? {
        dated.last { $0.period.year == year && $0.coverage != .termToDate }
    }

    /// The latest level up to a year (from a first year, if given), else the term's own figure.
    func latestLevel(through year: Int, from first: Int = .min) -> Observation? {
        dated.last { ($0.period.year ?? .max) <= year && ($0.period.year ?? .min) >= first && $0.coverage != .termToDate } ?? term
    }
}
