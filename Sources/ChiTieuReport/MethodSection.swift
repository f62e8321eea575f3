import ChiTieuCore
import Foundation

/// "Cách tính": for every assessed target, the inputs, the formula and the result of each method
/// that applies, written so that an auditor can redo any figure by hand. Shared by the text report
/// (a section) and the review workbook (a sheet).
struct MethodSection {
    let words: Vocabulary
    /// The method the report judges running terms by: ESCAP's steps are shown only when chosen,
    /// so that the default report stays as it was.
    var method: ProgressMethod = .proRata
    var vi: Bool { words.vi }
    var numbers: NumberFormat { words.numbers }

    /// One computation: what it is, how it was done with the figures put in, and what came out.
    struct Step {
        var method: String
        var formula: String
        var result: String
    }

    /// How to read the steps of `targets`, said once above them rather than in every one: the
    /// rounding rule, and the bands of each progress method that some step uses.
    func legend(_ targets: [TargetAssessment]) -> [String] {
        let lines = allLegend
        let proRata = targets.contains { $0.summary.proRata != nil }
        let trend = targets.contains(where: Self.showsTrend)
        let escap = method == .escap && targets.contains(where: Self.showsTrend)
        // The running-term words of yearly and level targets, said where a target uses them.
        let running = targets.contains { $0.summary.isInProgress && $0.summary.proRata == nil }
        let weather = method == .weather && targets.contains(where: Self.showsTrend)
        return [lines[0]] + (proRata ? [lines[1]] : []) + (trend ? [lines[2]] : []) + (escap ? [escapLegend] : [])
            + (weather ? [weatherLegend] : []) + (running ? [runningLegend] : [])
    }

    private var trendName: String { vi ? "Xu hướng" : "Trend" }

    /// A trend needs a series: it is shown once there is one, or while the term runs (to say it
    /// is missing); ratings have none.
    static func showsTrend(_ t: TargetAssessment) -> Bool {
        if case .ratingAtLeast = t.target.rule.comparison { return false }
        return t.series.count >= 2 || t.summary.isInProgress
    }

    private var allLegend: [String] {
        let high = numbers.decimal(Trend.onTrackRatio, places: 2), low = numbers.decimal(Trend.moderateRatio, places: 2)
        let risk = numbers.natural(ProRata.atRiskPoints), concern = numbers.natural(ProRata.concernedPoints)
        return vi ? [
            "Số liệu tính chính xác, làm tròn một lần khi in (nửa lên; riêng kết quả chưa đạt không bao giờ được làm tròn thành mức đạt: 99,96 % của chỉ tiêu 100 % in là 99,9 %).",
            "Theo tỷ lệ thời gian: tỷ lệ chỉ tiêu đã đạt so với tỷ lệ thời gian đã qua; bằng hoặc cao hơn: \(words.band(.onTrack)); thấp hơn dưới \(risk) điểm: \(words.band(.slightlyBehind)); \(risk)–\(concern) điểm: \(words.band(.atRisk)); từ \(concern) điểm: \(words.band(.concerned)).",
            "Xu hướng (theo phương pháp đo tiến độ của Open SDG, sdg-build ProgressMeasure.py; riêng tăng trưởng cần có tính từ số liệu gần nhất, Open SDG tính từ năm gốc): tỷ số tăng trưởng thực tế ÷ tăng trưởng cần có; từ \(high): \(words.trend(.onTrack)); \(low)–\(high): \(words.trend(.moderate)); 0–\(low): \(words.trend(.limited)); dưới 0: \(words.trend(.movingAway)).",
        ] : [
            "Figures are computed exactly and rounded once, when printed (half up, except that a result short of its target is never rounded onto it: 99.96% of a 100% target prints as 99.9%).",
            "Pro-rata: the share of the target reached against the share of the term elapsed; at or above it: \(words.band(.onTrack)); under \(risk) points below: \(words.band(.slightlyBehind)); \(risk)–\(concern) points: \(words.band(.atRisk)); \(concern) points or more: \(words.band(.concerned)).",
            "Trend (after Open SDG's progress measure, sdg-build ProgressMeasure.py; the required growth runs from the latest figure, where Open SDG runs it from the base year): observed ÷ required growth; \(high) or more: \(words.trend(.onTrack)); \(low)–\(high): \(words.trend(.moderate)); 0–\(low): \(words.trend(.limited)); below 0: \(words.trend(.movingAway)).",
        ]
    }

    /// The written rule for the running-term words (README, "Running-term words").
    private var runningLegend: String {
        vi
            ? "Nhiệm kỳ đang diễn ra: chỉ tiêu hằng năm có năm không đạt → \(words.progress(.yearMissed)); có năm đã qua thiếu số liệu → \(words.progress(.yearMissing)); mọi năm đã qua đều đạt → \(words.progress(.onTrack)). Chỉ tiêu về mức: số liệu gần nhất đạt mức → \(words.progress(.onTrack)), chưa đạt → \(words.progress(.atRisk))."
            : "Running term: a yearly target with a year missed → \(words.progress(.yearMissed)); a past year without its figure → \(words.progress(.yearMissing)); every past year met → \(words.progress(.onTrack)). A level target: the latest figure meets it → \(words.progress(.onTrack)), else → \(words.progress(.atRisk))."
    }

    // The legends stay short: the workbook prints them in one cell above the table; each step
    // below works its own figures, and the README cites the sources in full.
    private var weatherLegend: String {
        vi
            ? "Thời tiết (Đức, dns-indikatoren.de): thay đổi bình quân năm của 6 số liệu gần nhất (ít nhất 4) ngoại suy đến năm của chỉ tiêu; phần thiếu so với khoảng cách còn lại: dưới 5 % nắng, 5–20 % ít mây, trên 20 % nhiều mây; đi ngược chiều: giông."
            : "Weather (Germany, dns-indikatoren.de): the average yearly change of the latest 6 figures (at least 4) carried to the target's year; shortfall against the distance left: under 5% sun, 5–20% slightly cloudy, over 20% cloudy; the wrong way: thunderstorm."
    }

    private var escapLegend: String {
        vi
            ? "UN ESCAP: giá trị dự kiến năm của chỉ tiêu theo hồi quy tuyến tính có trọng số thời gian (trọng số 1, 2, …, n: giả định của chitieu, vì văn bản của ESCAP chỉ nói số liệu gần đây có trọng số lớn hơn, không nêu trọng số); khoảng cách = (chỉ tiêu − dự kiến) ÷ (chỉ tiêu − mức gốc) × 100; dự kiến đạt: \(words.escap(.maintain)); dưới \(numbers.natural(EscapMethod.reverseGap)) %: \(words.escap(.accelerate)); từ \(numbers.natural(EscapMethod.reverseGap)) %: \(words.escap(.reverse)) (ngưỡng: giả định của chitieu, suy từ tên các nhóm, vì ESCAP không nêu ngưỡng bằng số)."
            : "UN ESCAP: the value anticipated in the target's year by a time-weighted linear regression (weights 1, 2, …, n: chitieu's assumption, as ESCAP's text says only that recent data weigh more, not the weights); gap = (target − anticipated) ÷ (target − base) × 100; anticipated to meet it: \(words.escap(.maintain)); under \(numbers.natural(EscapMethod.reverseGap))%: \(words.escap(.accelerate)); \(numbers.natural(EscapMethod.reverseGap))% or more: \(words.escap(.reverse)) (cut-offs: chitieu's assumption, read off the categories' names, as ESCAP states none in figures)."
    }

    /// Whether the target has anything to compute: a figure, a series or a manual verdict.
    static func hasInputs(_ t: TargetAssessment) -> Bool {
        !t.summary.observations.isEmpty || t.years.contains { !$0.observations.isEmpty } || !t.series.isEmpty || t.target.manualVerdict != nil
    }

    /// The steps of one target, in the order a reader checks them.
    /// - Parameter yearRows: where the workbook's "Theo năm" sheet holds the target's years (1-based
    ///   rows): there each year's attainment, gap and verdict are live formulas over its cells, so
    ///   the years are referred to in one step rather than written out again.
    func steps(_ t: TargetAssessment, yearRows: (sheet: String, rows: ClosedRange<Int>)? = nil) -> [Step] {
        var steps: [Step] = []
        if !t.perUnit.isEmpty {
            // Each unit on its own figures, then the units together.
            for u in t.perUnit {
                for var step in self.steps(u.assessment) {
                    step.method = "\(u.unit) — \(step.method)"
                    steps.append(step)
                }
            }
            if let tally = t.summary.units {
                steps.append(Step(method: periodName(t.summary), formula: vi ? "số \(tally.noun) đạt ÷ số \(tally.noun) có số liệu" : "units met ÷ units with a figure",
                                  result: "\(words.unitTally(tally)) → \(words.status(t.summary))"))
            }
            return steps
        }
        if let yearRows, !t.years.isEmpty {
            let judged = t.years.filter { $0.progress != .notDue }.count
            let formula = vi
                ? "\(judged) năm: xem '\(yearRows.sheet)' dòng \(yearRows.rows.lowerBound)–\(yearRows.rows.upperBound), nơi tỷ lệ đạt, chênh lệch và đánh giá từng năm là công thức trên các ô kết quả và mức chỉ tiêu"
                : "\(judged) years: see '\(yearRows.sheet)' rows \(yearRows.rows.lowerBound)–\(yearRows.rows.upperBound), where each year's attainment, gap and verdict are formulas over its outcome and target cells"
            steps.append(Step(method: vi ? "Từng năm" : "Each year", formula: formula, result: t.summary.tally.map { words.tally($0) } ?? ""))
        } else {
            for row in t.years where !row.observations.isEmpty || row.verdict == .noData {
                steps.append(judged(row, t))
                if let p = row.proRata { steps.append(proRata(p)) }
            }
        }
        if let c = t.cumulative { steps.append(total(c, t)) }
        if t.target.period != .eachYear || t.years.isEmpty { steps.append(judged(t.summary, t)) }
        if let tally = t.summary.tally, !t.years.isEmpty, yearRows == nil {
            steps.append(Step(method: vi ? "Cả nhiệm kỳ" : "Term", formula: vi ? "số năm đạt ÷ số năm" : "years met ÷ years", result: words.tally(tally)))
        }
        if let p = t.summary.proRata { steps.append(proRata(p)) }
        if Self.showsTrend(t), let trend = t.trend { steps.append(self.trend(trend, t)) }
        if method == .escap, Self.showsTrend(t), let e = t.escap { steps.append(escap(e, t)) }
        if method == .weather, Self.showsTrend(t), let w = t.weather { steps.append(weather(w, t)) }
        if let b = t.baselineProgress { steps.append(baseline(b, t)) }
        if let m = t.target.manualVerdict {
            steps.append(Step(method: vi ? "Đánh giá thủ công" : "Manual verdict", formula: "\(words.decidedBy(m)): \(m.reason)", result: words.manualResult(m, computed: t.summary.verdict)))
        }
        return steps
    }

    // MARK: - Verdicts

    private func plain(_ v: Decimal) -> String { numbers.natural(v) }

    private func figure(_ v: Decimal, _ t: TargetAssessment) -> String {
        t.indicator.unit == .percent ? numbers.percent(v, places: max(0, min(2, -v.exponent))) : plain(v)
    }

    private func periodName(_ row: Judgement) -> String {
        switch row.period {
        case .term: return vi ? "Cả nhiệm kỳ" : "Term"
        case let .year(y): return vi ? "Năm \(y)" : "\(y)"
        case let .endOfTerm(y): return vi ? "Cuối nhiệm kỳ (\(y))" : "End of term (\(y))"
        case let .byYear(y): return vi ? "Đến năm \(y)" : "By \(y)"
        case let .cumulative(n): return vi ? "Cộng \(n) năm" : "\(n) years"
        }
    }

    /// "868 ÷ 750 × 100 = 115,7 %; 868 > 750 → vượt", or the gap for shares and ceilings.
    private func judged(_ row: Judgement, _ t: TargetAssessment) -> Step {
        let name = periodName(row)
        let rule = words.rule(row.rule, indicator: t.indicator)
        if let r = row.valueRange {
            // Both ends of a range, each against the rule.
            let ends = [r.lowerBound, r.upperBound].map { v in
                "\(figure(v, t)) → \(Judge.verdict(value: v, rating: nil, rule: row.rule, indicator: t.indicator).map(words.verdict) ?? "")"
            }
            var formula = "\(words.value(row, indicator: t.indicator)) \(vi ? "so với" : "against") \(rule): \(ends.joined(separator: "; "))"
            if row.observations.count > 1 {
                // A total with a range among its addends: every addend, each with its year.
                let addends = row.observations.map { "\(words.value($0, indicator: t.indicator)) (\(words.observed($0.period)))" }
                formula = "\(addends.joined(separator: " + ")) = " + formula
            }
            let reason = row.undetermined.map { " (\(words.undetermined($0)))" } ?? ""
            return Step(method: name, formula: formula, result: (row.verdict.map(words.verdict) ?? words.status(row)) + reason)
        }
        guard let v = row.value else {
            if let level = row.rating {
                return Step(method: name, formula: "\(words.levelName(level, of: t.indicator)) \(vi ? "so với" : "against") \(rule)", result: row.verdict.map(words.verdict) ?? words.status(row))
            }
            // An incomplete sum: the figures there are, so that none is out of sight, and the years missing.
            let found = row.observations.map { "\(words.observed($0.period)): \(words.value($0, indicator: t.indicator))" }.joined(separator: ", ")
            let years = row.missingYears.map(String.init).joined(separator: ", ")
            let missing = row.missingYears.isEmpty ? "" : (vi
                ? " (\(found.isEmpty ? "" : "có \(found); ")thiếu năm \(years))"
                : " (\(found.isEmpty ? "" : "given \(found); ")missing \(years))")
            return Step(method: name, formula: rule + missing, result: row.progress == .notDue ? words.progress(.notDue) : words.verdict(.noData))
        }
        var parts: [String] = []
        if row.observations.count > 1, t.indicator.unit != .percent {
            // A total of yearly figures: its addends, each with its year, so every figure is in sight.
            let addends = row.observations.map { "\(plain($0.value.comparable ?? 0)) (\(words.observed($0.period)))" }
            parts.append("\(addends.joined(separator: " + ")) = \(words.amount(v, t.indicator))")
        }
        let share = t.indicator.unit == .percent
        if row.gap != nil, row.attainment == nil || share, let level = ProgressMethods.level(of: row.rule, near: v) {
            let difference = row.rule.isCeiling || t.indicator.direction == .down
                ? "\(figure(level, t)) − \(figure(v, t))"
                : "\(figure(v, t)) − \(figure(level, t))"
            parts.append("\(vi ? "chênh lệch" : "gap") = \(difference) = \(words.gap(row, indicator: t.indicator, measure: true))")
        }
        if row.attainment != nil, let target = row.rule.threshold {
            let (a, b) = share ? (figure(v, t), figure(target, t)) : (plain(v), plain(target))
            parts.append("\(vi ? "tỷ lệ đạt" : "attainment") = \(a) ÷ \(b) × 100 = \(words.attainment(row))")
        }
        parts.append("\(words.value(row, indicator: t.indicator)) \(vi ? "so với" : "against") \(rule)")
        let result = row.verdict.map(words.verdict) ?? row.proRata.map { words.band($0.band) } ?? words.status(row)
        return Step(method: name, formula: parts.joined(separator: "; "), result: result)
    }

    /// "180 + 175 + … = 868; 868 ÷ (150 × 5) × 100 = 115,7 %" or pooled counts of a share.
    private func total(_ c: Judgement, _ t: TargetAssessment) -> Step {
        let name = periodName(c)
        guard let v = c.value else { return Step(method: name, formula: "", result: words.verdict(.noData)) }
        if t.indicator.unit == .percent {
            var ns: [String] = [], ds: [String] = []
            var n: Decimal = 0, d: Decimal = 0
            for o in c.observations {
                if case let .share(a, b) = o.value { ns.append(plain(a)); ds.append(plain(b)); n += a; d += b }
            }
            let formula = "(\(ns.joined(separator: " + "))) ÷ (\(ds.joined(separator: " + "))) × 100 = \(plain(n)) ÷ \(plain(d)) × 100 = \(words.value(c, indicator: t.indicator))"
            let note = vi ? "cộng tử số và mẫu số, không lấy trung bình các tỷ lệ" : "numerators and denominators added, never percentages averaged"
            return Step(method: vi ? "Chung các năm" : "Years pooled", formula: formula + " (\(note))", result: c.verdict.map(words.verdict) ?? words.status(c))
        }
        let values = c.observations.compactMap { $0.value.comparable }.map(plain).joined(separator: " + ")
        var formula = "\(values) = \(words.amount(v, t.indicator))"
        if c.attainment != nil, let whole = c.rule.threshold {
            formula += "; \(plain(v)) ÷ \(plain(whole)) × 100 = \(words.attainment(c))"
        }
        return Step(method: name, formula: formula, result: c.verdict.map(words.verdict) ?? words.status(c))
    }

    // MARK: - Progress methods

    private func proRata(_ p: ProRata) -> Step {
        let expected = Rounding.isWhole(p.expected) ? plain(p.expected) : numbers.decimal(p.expected, places: 1)
        let achieved = numbers.percent(p.achievedPercent)
        let share = numbers.percent(p.expectedPercent)
        let points = numbers.decimal(abs(p.pointsBehind), places: 1)
        let position = p.pointsBehind > 0
            ? (vi ? "chậm \(points) điểm" : "\(points) points behind")
            : (vi ? "nhanh hơn \(points) điểm" : "\(points) points ahead")
        if let part = p.partial {
            let through = vi ? part.through.vietnamese : part.through.description
            let formula = vi
                ? "số liệu tính đến \(through), đã qua \(share) thời gian: mức cần có = \(plain(p.target)) × \(share) = \(expected); đã đạt \(plain(p.soFar)) ÷ \(plain(p.target)) × 100 = \(achieved) chỉ tiêu: \(position)"
                : "figures to \(through), \(share) of the time elapsed: expected = \(plain(p.target)) × \(share) = \(expected); reached \(plain(p.soFar)) ÷ \(plain(p.target)) × 100 = \(achieved) of the target: \(position)"
            return Step(method: vi ? "Theo tỷ lệ thời gian" : "Pro-rata", formula: formula, result: words.band(p.band))
        }
        let formula = vi
            ? "đã qua \(p.elapsed)/\(p.total) năm: mức cần có = \(plain(p.target)) × \(p.elapsed) ÷ \(p.total) = \(expected); đã đạt \(plain(p.soFar)) ÷ \(plain(p.target)) × 100 = \(achieved) chỉ tiêu so với \(share) thời gian: \(position)"
            : "\(p.elapsed) of \(p.total) years elapsed: expected = \(plain(p.target)) × \(p.elapsed) ÷ \(p.total) = \(expected); reached \(plain(p.soFar)) ÷ \(plain(p.target)) × 100 = \(achieved) of the target against \(share) of the time: \(position)"
        return Step(method: vi ? "Theo tỷ lệ thời gian" : "Pro-rata", formula: formula, result: words.band(p.band))
    }

    private func growth(_ g: Decimal, compound: Bool, _ t: TargetAssessment) -> String {
        if compound { return numbers.percent(g * 100, places: 2) + (vi ? "/năm" : "/year") }
        if t.indicator.unit == .amount { return words.withMeasure(numbers.decimal(g, places: 2, signed: true), t.indicator) + (vi ? " mỗi năm" : " a year") }
        let unit = t.indicator.unit == .percent ? (vi ? " điểm %/năm" : " pp/year") : (vi ? "/năm" : "/year")
        return numbers.decimal(g, places: 2, signed: true) + unit
    }

    private func trend(_ tr: Trend, _ t: TargetAssessment) -> Step {
        let method = trendName
        let total = t.seriesIsCumulative ? (vi ? " (lũy kế)" : " (running total)") : ""
        guard let first = tr.first, let last = tr.last, tr.status != .insufficientData else {
            let points = t.series.map { "\($0.year): \(figure($0.value, t))" }.joined(separator: ", ")
            let formula = vi ? "cần số liệu ít nhất 2 năm\(total); có: \(points.isEmpty ? "không có" : points)" : "needs figures for at least 2 years\(total); has: \(points.isEmpty ? "none" : points)"
            return Step(method: method, formula: formula, result: words.trend(.insufficientData))
        }
        let span = last.year - first.year
        var parts = [(vi ? "chuỗi" : "series") + total + ": " + t.series.map { "\($0.year): \(figure($0.value, t))" }.joined(separator: ", ")]
        if tr.status == .achieved {
            parts.append(vi ? "\(figure(last.value, t)) đã đáp ứng \(words.rule(t.target.rule, indicator: t.indicator))" : "\(figure(last.value, t)) meets \(words.rule(t.target.rule, indicator: t.indicator))")
            return Step(method: method, formula: parts.joined(separator: "; "), result: words.trend(.achieved))
        }
        let remaining = tr.dueYear - last.year
        if let a = tr.actual {
            let how = tr.compound
                ? "(\(figure(last.value, t)) ÷ \(figure(first.value, t)))^(1/\(span)) − 1"
                : "(\(figure(last.value, t)) − \(figure(first.value, t))) ÷ \(span)"
            parts.append("\(vi ? "thực tế" : "observed") = \(how) = \(growth(a, compound: tr.compound, t))")
        }
        if let r = tr.required {
            let how = tr.compound
                ? "(\(figure(tr.level, t)) ÷ \(figure(last.value, t)))^(1/\(remaining)) − 1"
                : "(\(figure(tr.level, t)) − \(figure(last.value, t))) ÷ \(remaining)"
            parts.append("\(vi ? "cần" : "required") = \(how) = \(growth(r, compound: tr.compound, t))")
        }
        if let ratio = tr.ratio {
            parts.append("\(vi ? "tỷ số" : "ratio") = \(numbers.decimal(ratio, places: 2))")
        } else if tr.status == .expired {
            parts.append(vi ? "đến năm \(tr.dueYear) chưa đạt mức \(figure(tr.level, t))" : "level \(figure(tr.level, t)) not reached by \(tr.dueYear)")
        } else {
            parts.append(vi ? "cần mức cao hơn ngưỡng chặt (không còn khoảng cách số học)" : "only a strict bound is left: any move the right way reaches it")
        }
        if !tr.compound {
            // A rate or a change in points may fall below zero; a count only to zero.
            if t.series.contains(where: { $0.value < 0 }) || tr.level < 0 {
                parts.append(vi ? "tăng trưởng tuyến tính vì có số âm (không tính được tăng trưởng kép)" : "linear growth, as a negative figure rules out compound growth")
            } else {
                parts.append(vi ? "tăng trưởng tuyến tính vì có số 0 (không tính được tăng trưởng kép)" : "linear growth, as a zero rules out compound growth")
            }
        }
        return Step(method: method, formula: parts.joined(separator: "; "), result: words.trend(tr.status))
    }

    private func weather(_ w: WeatherCheck, _ t: TargetAssessment) -> Step {
        let method = vi ? "Ký hiệu thời tiết" : "Weather symbol"
        let total = t.seriesIsCumulative ? (vi ? " (lũy kế)" : " (running total)") : ""
        let points = w.used.map { "\($0.year): \(figure($0.value, t))" }.joined(separator: ", ")
        guard let first = w.used.first, let latest = w.used.last, let change = w.averageChange, let projected = w.projected else {
            let formula = vi ? "cần ít nhất \(WeatherMethod.minimumPoints) năm có số liệu\(total); có: \(points.isEmpty ? "không có" : points)" : "needs figures for at least \(WeatherMethod.minimumPoints) years\(total); has: \(points.isEmpty ? "none" : points)"
            return Step(method: method, formula: formula, result: words.weather(.notCalculable))
        }
        var parts = [(vi ? "số liệu" : "figures") + total + ": " + points]
        parts.append((vi ? "thay đổi bình quân năm" : "average yearly change") + " = (\(figure(latest.value, t)) − \(figure(first.value, t))) ÷ \(latest.year - first.year) = " + growth(change, compound: false, t))
        if w.dueYear > latest.year {
            parts.append((vi ? "dự kiến năm \(w.dueYear)" : "projected for \(w.dueYear)") + " = \(figure(latest.value, t)) + \(w.dueYear - latest.year) × " + (vi ? "thay đổi" : "change") + " = \(figure(projected, t))")
        }
        if let miss = w.missPercent {
            parts.append((vi ? "còn thiếu" : "shortfall") + " = (\(figure(w.level, t)) − \(figure(projected, t))) ÷ (\(figure(w.level, t)) − \(figure(latest.value, t))) × 100 = " + numbers.percent(miss, places: 1))
        }
        return Step(method: method, formula: parts.joined(separator: "; "), result: words.weather(w.symbol))
    }

    private func escap(_ e: EscapAssessment, _ t: TargetAssessment) -> Step {
        let method = "UN ESCAP"
        let total = t.seriesIsCumulative ? (vi ? " (lũy kế)" : " (running total)") : ""
        guard let base = e.base, let latest = e.latest, e.category != .insufficientData else {
            let points = t.series.map { "\($0.year): \(figure($0.value, t))" }.joined(separator: ", ")
            let formula = vi ? "cần số liệu ít nhất 2 năm\(total); có: \(points.isEmpty ? "không có" : points)" : "needs figures for at least 2 years\(total); has: \(points.isEmpty ? "none" : points)"
            return Step(method: method, formula: formula, result: words.escap(.insufficientData))
        }
        let points = t.series.map { "\($0.year): \(figure($0.value, t))" }.joined(separator: ", ")
        let weights = e.weights.map { numbers.natural($0) }.joined(separator: ", ")
        var parts = [(vi ? "chuỗi" : "series") + total + ": " + points + (vi ? "; trọng số " : "; weights ") + weights]
        if let cs = e.currentStatus {
            parts.append((vi ? "hiện trạng" : "current status") + " = (\(figure(latest.value, t)) − \(figure(base.value, t))) ÷ (\(figure(e.level, t)) − \(figure(base.value, t))) × 100 = " + numbers.percent(cs, places: 1))
        }
        if let ant = e.anticipated {
            let slope = e.slope.map { (vi ? " (độ dốc " : " (slope ") + growth($0, compound: false, t) + ")" } ?? ""
            parts.append(e.dueYear > latest.year
                ? (vi ? "dự kiến năm \(e.dueYear) theo hồi quy có trọng số\(slope) = \(figure(ant, t))" : "anticipated for \(e.dueYear) by the weighted regression\(slope) = \(figure(ant, t))")
                : (vi ? "năm \(e.dueYear) đã qua: lấy số liệu gần nhất \(figure(ant, t))" : "\(e.dueYear) has passed: the latest figure \(figure(ant, t)) stands"))
            if let gap = e.anticipatedGap {
                parts.append((vi ? "khoảng cách dự kiến" : "anticipated gap") + " = (\(figure(e.level, t)) − \(figure(ant, t))) ÷ (\(figure(e.level, t)) − \(figure(base.value, t))) × 100 = " + numbers.percent(gap, places: 1))
            }
        }
        return Step(method: method, formula: parts.joined(separator: "; "), result: words.escap(e.category))
    }

    private func baseline(_ b: BaselineProgress, _ t: TargetAssessment) -> Step {
        let method = vi ? "So với mốc năm \(b.baseline.year)" : "From the \(b.baseline.year) baseline"
        guard let p = b.percent else {
            let formula = vi ? "mốc \(figure(b.baseline.value, t)) đã bằng mức chỉ tiêu: không có quãng đường để đo" : "the baseline \(figure(b.baseline.value, t)) equals the target: no distance to measure"
            return Step(method: method, formula: formula, result: "—")
        }
        let falling = b.level < b.baseline.value
        let how = falling
            ? "(\(figure(b.baseline.value, t)) − \(figure(b.actual.value, t))) ÷ (\(figure(b.baseline.value, t)) − \(figure(b.level, t))) × 100"
            : "(\(figure(b.actual.value, t)) − \(figure(b.baseline.value, t))) ÷ (\(figure(b.level, t)) − \(figure(b.baseline.value, t))) × 100"
        // Short of the whole way is never shown as the whole way (99,96 → 99,9 %).
        let shown = numbers.percent(Rounding.shown(p, places: Rounding.percentPlaces, bound: 100, met: p >= 100))
        var result = vi ? "\(shown) quãng đường" : "\(shown) of the way"
        if p < 0 { result += vi ? " (xa mốc hơn)" : " (further than the baseline)" } else if p > 100 { result += vi ? " (vượt mức chỉ tiêu)" : " (beyond the target)" }
        return Step(method: method, formula: "\(how) (\(b.actual.year))", result: result)
    }
}
