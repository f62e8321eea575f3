import ChiTieuCore
import Foundation

/// The language of a report. Vietnamese is the default; English on request.
public enum ReportLanguage: String, Sendable, CaseIterable {
    /// Vietnamese: words, and numbers written 4.294 and 115,7 %.
    case vi
    /// English: words, and numbers written 4,294 and 115.7%.
    case en
}

/// Every word and phrase a report prints, in both languages, in one place.
struct Vocabulary {
    let language: ReportLanguage
    var vi: Bool { language == .vi }
    var numbers: NumberFormat { NumberFormat(vi ? .vietnamese : .english) }

    func verdict(_ v: Verdict) -> String {
        switch v {
        case .exceeded: return vi ? "vượt" : "exceeded"
        case .met: return vi ? "đạt" : "met"
        case .notMet: return vi ? "không đạt" : "not met"
        case .noData: return vi ? "chưa có số liệu" : "no data yet"
        case .undetermined: return vi ? "không đánh giá được" : "cannot be assessed"
        }
    }

    /// The verdict formula's word for an outcome cell that holds no figure it can judge (text
    /// typed into a number cell, a rating not on the scale).
    var checkFigure: String { vi ? "kiểm tra lại" : "check the figure" }

    func progress(_ p: TermProgress) -> String {
        switch p {
        case .onTrack: return vi ? "đúng tiến độ" : "on track"
        case .atRisk: return vi ? "có nguy cơ không đạt" : "at risk"
        case .notDue: return vi ? "chưa đến kỳ" : "not yet due"
        case .yearMissed: return vi ? "đã có năm không đạt" : "a year already missed"
        case .yearMissing: return vi ? "thiếu số liệu năm đã qua" : "a past year lacks its figure"
        }
    }

    func band(_ b: ProRataBand) -> String {
        switch b {
        case .onTrack: return vi ? "đúng tiến độ" : "on track"
        case .slightlyBehind: return vi ? "chậm hơn tiến độ" : "slightly behind"
        case .atRisk: return vi ? "có nguy cơ không đạt" : "at risk"
        case .concerned: return vi ? "đáng lo ngại" : "of concern"
        }
    }

    func trend(_ s: TrendStatus) -> String {
        switch s {
        case .achieved: return vi ? "đã đạt" : "achieved"
        case .onTrack: return vi ? "đúng hướng, đủ nhanh" : "on track"
        case .moderate: return vi ? "tiến bộ vừa phải" : "moderate progress"
        case .limited: return vi ? "tiến bộ hạn chế" : "limited progress"
        case .movingAway: return vi ? "đi xa chỉ tiêu" : "moving away"
        case .expired: return vi ? "hết thời hạn, chưa đạt" : "deadline passed, not reached"
        case .insufficientData: return vi ? "chưa đủ số liệu để đánh giá" : "not enough data to assess"
        }
    }

    /// Open SDG's statuses for a series without a target.
    func noTarget(_ s: NoTargetStatus) -> String {
        switch s {
        case .substantial: return vi ? "tiến bộ đáng kể" : "substantial progress"
        case .moderate: return vi ? "tiến bộ vừa phải" : "moderate progress"
        case .limited: return vi ? "tiến bộ hạn chế" : "limited progress"
        case .deterioration: return vi ? "đi xuống" : "deterioration"
        case .notAvailable: return vi ? "không tính được" : "not available"
        }
    }

    /// "xu hướng (Open SDG, không có chỉ tiêu): +1,92 %/năm → tiến bộ đáng kể".
    func noTargetLine(_ p: NoTargetProgress, labelled: Bool = true) -> String {
        var growth = ""
        if let g = p.growth { growth = numbers.percent(g * 100, places: 2, signed: true) + (vi ? "/năm" : " a year") }
        // A limit shrinks the thresholds: said with the figures, so that a reader can redo them.
        if let limit = p.limit, p.coefficient != 1, p.growth != nil {
            let c = Rounding.halfUp(p.coefficient, places: 4)
            let high = numbers.percent(Rounding.halfUp(OpenSdgMethod.substantialGrowth * p.coefficient * 100, places: 3), places: 3)
            let med = numbers.percent(Rounding.halfUp(OpenSdgMethod.moderateGrowth * p.coefficient * 100, places: 3), places: 3)
            growth += (vi ? " (giới hạn \(numbers.decimal(limit, places: max(0, -limit.exponent))), hệ số \(numbers.decimal(c, places: 4)): ngưỡng \(high) / \(med) / 0)"
                          : " (limit \(numbers.decimal(limit, places: max(0, -limit.exponent))), coefficient \(numbers.decimal(c, places: 4)): thresholds \(high) / \(med) / 0)")
        }
        if !growth.isEmpty { growth += " → " }
        guard labelled else { return growth + noTarget(p.status) }
        return (vi ? "xu hướng khi không có chỉ tiêu (Open SDG): " : "trend without a target (Open SDG): ") + growth + noTarget(p.status)
    }

    /// Eurostat's four words for a trend over a horizon.
    func horizon(_ s: HorizonStatus) -> String {
        switch s {
        case .significant: return vi ? "tiến bộ đáng kể" : "significant progress"
        case .moderate: return vi ? "tiến bộ vừa phải" : "moderate progress"
        case .insufficient: return vi ? "tiến bộ chưa đủ" : "insufficient progress"
        case .movingAway: return vi ? "đi xa chỉ tiêu" : "movement away from the target"
        }
    }

    /// Germany's weather symbols, with what each means.
    func weather(_ w: WeatherSymbol) -> String {
        switch w {
        case .sun: return vi ? "nắng (dự kiến đạt)" : "sun (on course)"
        case .slightlyCloudy: return vi ? "ít mây (dự kiến thiếu 5–20 %)" : "slightly cloudy (5–20% short)"
        case .cloudy: return vi ? "nhiều mây (dự kiến thiếu trên 20 %)" : "cloudy (over 20% short)"
        case .thunderstorm: return vi ? "giông (không đi đúng hướng)" : "thunderstorm (not moving the right way)"
        case .notCalculable: return vi ? "chưa đủ số liệu (cần 4 năm)" : "not enough data (4 years needed)"
        }
    }

    /// UN ESCAP's categories, in the words of its reports ("maintain progress to achieve the target").
    func escap(_ c: EscapCategory) -> String {
        switch c {
        case .maintain: return vi ? "duy trì tiến độ để đạt chỉ tiêu" : "maintain progress to achieve the target"
        case .accelerate: return vi ? "cần đẩy nhanh tiến độ" : "accelerate progress"
        case .reverse: return vi ? "cần đảo ngược xu hướng" : "reverse the trend"
        case .insufficientData: return vi ? "chưa đủ số liệu" : "insufficient data"
        }
    }

    /// "có 8/10 chỉ tiêu đạt và vượt (trong đó 5 chỉ tiêu vượt); 1 chỉ tiêu không đạt; …".
    /// - Parameter method: how the targets of a running term are counted (by the status it gives).
    func headline(_ a: Assessment, method: ProgressMethod) -> String {
        let h = HeadlineCounts(a)
        var parts: [String] = []
        // Counts grouped like every figure: "40.000 chỉ tiêu".
        func n(_ count: Int) -> String { numbers.natural(Decimal(count)) }
        // "có 0/21 đạt" says nothing when no target has a figure; the count of those is the news.
        let judged = h.met + h.notMet
        if h.met + h.notMet + h.noData + h.undetermined > 0 {
            if judged > 0 {
                var met = vi ? "có \(n(h.met))/\(n(h.total)) chỉ tiêu đạt và vượt" : "\(n(h.met)) of \(n(h.total)) targets met or exceeded"
                if h.exceeded > 0 { met += vi ? " (trong đó \(n(h.exceeded)) chỉ tiêu vượt)" : " (\(n(h.exceeded)) exceeded)" }
                parts.append(met)
            }
            if h.notMet > 0 { parts.append(vi ? "\(n(h.notMet)) chỉ tiêu không đạt" : "\(n(h.notMet)) not met") }
            if h.noData > 0 { parts.append(vi ? "\(n(h.noData)) chỉ tiêu chưa có số liệu" : "\(n(h.noData)) with no data yet") }
            if h.undetermined > 0 { parts.append(vi ? "\(n(h.undetermined)) chỉ tiêu không đánh giá được" : "\(n(h.undetermined)) that cannot be assessed") }
        }
        for (status, count) in runningCounts(a, method: method) where count > 0 {
            parts.append(vi ? "\(n(count)) chỉ tiêu \(status == progress(.notDue) ? "chưa đến kỳ đánh giá" : status)" : "\(n(count)) \(status)")
        }
        if parts.isEmpty { parts.append(vi ? "chưa có chỉ tiêu nào được đánh giá" : "no target assessed yet") }
        var text = parts.joined(separator: "; ")
        if h.manualDiffering > 0 {
            text += vi
                ? " (\(n(h.manualDiffering)) chỉ tiêu có đánh giá thủ công khác kết quả tính, xem mục Đánh giá)"
                : " (\(n(h.manualDiffering)) with a manual verdict that differs from the computed one; see Assessment)"
        }
        // "1/17" already names the whole; without judged targets the whole is said first.
        if judged > 0 { return text.prefix(1).uppercased() + text.dropFirst() + "." }
        return (vi ? "Trong tổng số \(n(h.total)) chỉ tiêu: " : "Of \(n(h.total)) \(h.total == 1 ? "target" : "targets"): ") + text + "."
    }

    /// The columns of the summary table (the Markdown report's and the web site's).
    var summaryTitles: [String] {
        vi ? ["STT", "Chỉ tiêu", "Kết quả", "Tỷ lệ đạt", "Chênh lệch", "Đánh giá"] : ["No.", "Target", "Outcome", "Attained", "Gap", "Verdict"]
    }

    /// How the attainment and gap columns are computed, said under every table of them.
    var attainmentRule: String {
        vi ? "Tỷ lệ đạt = kết quả ÷ chỉ tiêu × 100, làm tròn nửa lên một lần ở bước cuối; chênh lệch dương là tốt hơn chỉ tiêu."
            : "Attainment = outcome ÷ target × 100, rounded half up once at the end; a positive gap is better than the target."
    }

    /// Who decided a manual verdict and when: "Ban Thường vụ Đảng ủy Khối, 15/1/2023".
    func decidedBy(_ m: ManualVerdict) -> String {
        m.by + (m.date.map { ", " + (vi ? $0.vietnamese : $0.description) } ?? "")
    }

    /// "đạt (thủ công; kết quả tính: không đạt)".
    func manualResult(_ m: ManualVerdict, computed: Verdict?) -> String {
        let computedWord = computed.map(verdict) ?? "—"
        if m.verdict == computed { return vi ? "\(verdict(m.verdict)) (thủ công, trùng kết quả tính)" : "\(verdict(m.verdict)) (manual, as computed)" }
        return vi ? "\(verdict(m.verdict)) (thủ công; kết quả tính: \(computedWord))" : "\(verdict(m.verdict)) (manual; computed: \(computedWord))"
    }

    /// The status of a target's term row: the verdict; inside a running term its progress by
    /// the chosen method (pro-rata bands, or the trend status).
    func runningStatus(_ t: TargetAssessment, method: ProgressMethod) -> String {
        guard t.summary.isInProgress else { return status(t.summary) }
        if method == .trend, let trend = t.trend { return self.trend(trend.status) }
        if method == .escap, let e = t.escap { return escap(e.category) }
        if method == .weather, let w = t.weather { return weather(w.symbol) }
        if let p = t.summary.proRata { return band(p.band) }
        return status(t.summary)
    }

    /// Running targets counted by the status shown, best first.
    func runningCounts(_ a: Assessment, method: ProgressMethod) -> [(String, Int)] {
        var counts: [(String, Int)] = []
        for t in a.targets where t.summary.progress != nil {
            let status = runningStatus(t, method: method)
            if let i = counts.firstIndex(where: { $0.0 == status }) { counts[i].1 += 1 } else { counts.append((status, 1)) }
        }
        let order = ProRataBand.allCases.map(band) + TrendStatus.allCases.map(trend) + EscapCategory.allCases.map(escap) + WeatherSymbol.allCases.map(weather) + TermProgress.allCases.map(progress)
        return counts.sorted { (order.firstIndex(of: $0.0) ?? order.count) < (order.firstIndex(of: $1.0) ?? order.count) }
    }

    /// "Đánh giá thủ công: đạt (Ban Thường vụ Đảng ủy Khối, 21/7/2020): lý do. Khác kết quả tính (không đạt)."
    func manual(_ m: ManualVerdict, computed: Verdict?) -> String {
        let differs = m.verdict != computed
        let tail = differs ? (vi ? " Khác kết quả tính (\(computed.map(verdict) ?? "—"))." : " Differs from the computed verdict (\(computed.map(verdict) ?? "—")).") : ""
        return (vi ? "Đánh giá thủ công: \(verdict(m.verdict)) (\(decidedBy(m))): \(m.reason)." : "Manual verdict: \(verdict(m.verdict)) (\(decidedBy(m))): \(m.reason).") + tail
    }

    /// What a row's status column says: the verdict, or inside a running term the progress.
    func status(_ row: Judgement) -> String {
        if let p = row.progress { return progress(p) }
        if let v = row.verdict { return verdict(v) }
        return ""
    }

    func period(_ p: PeriodKind) -> String {
        switch p {
        case .term: return vi ? "cả nhiệm kỳ" : "over the term"
        case .eachYear: return vi ? "mỗi năm" : "each year"
        case .endOfTerm: return vi ? "cuối nhiệm kỳ" : "at the end of the term"
        case let .byYear(y): return vi ? "đến năm \(y)" : "by \(y)"
        case let .year(y): return vi ? "riêng năm \(y)" : "in \(y) alone"
        }
    }

    func observed(_ p: ObservedPeriod) -> String {
        switch p {
        case .term: return vi ? "cả nhiệm kỳ" : "term"
        case let .year(y): return vi ? "năm \(y)" : String(y)
        case let .date(d): return vi ? d.vietnamese : d.description
        }
    }

    /// The unit column of an annex (ĐVT, đơn vị tính): the noun counted, "%" for a share, an
    /// amount's measure, "xếp loại" for a rating.
    func unitWord(_ i: Indicator) -> String {
        switch i.unit {
        case .count: return (vi ? i.noun : i.nounEn) ?? (vi ? "số lượng" : "number")
        case .percent: return "%"
        case .amount: return measure(i) ?? ""
        case .rating: return vi ? "xếp loại" : "rating"
        }
    }

    /// An amount's measure in the report's language ("tỷ đồng", "billion VND"); nil for other units.
    func measure(_ i: Indicator) -> String? { i.measure(english: !vi) }

    /// A figure's text followed by the indicator's measure, if it has one: "315,6 tỷ đồng",
    /// "7,2 %/năm"; in English a measure that begins with '%' follows without a space ("7.2%/year").
    func withMeasure(_ text: String, _ i: Indicator) -> String {
        guard let m = measure(i) else { return text }
        return text + (!vi && m.hasPrefix("%") ? "" : " ") + m
    }

    /// A count or amount as precise as it was given, with the amount's measure: "868", "4.418,5 tỷ đồng".
    func amount(_ v: Decimal, _ i: Indicator) -> String { withMeasure(numbers.natural(v), i) }

    /// A figure of the rule's kind: "750", "90 %", "0,5 %".
    private func figure(_ v: Decimal, percent: Bool) -> String {
        let places = max(0, -v.exponent)
        return percent ? numbers.percent(v, places: places) : numbers.decimal(v, places: places)
    }

    /// The rule in words, with the counted noun where the language puts it: "trên 750 đảng viên",
    /// "từ 120 đảng viên trở lên", "at least 90%".
    /// An amount's rule carries its measure ("từ 4.200 tỷ đồng trở lên") whether or not a noun is given.
    func rule(_ r: Rule, indicator: Indicator, noun: String? = nil) -> String {
        let p = r.isPercent
        func f(_ v: Decimal) -> String {
            let text = figure(v, percent: p)
            return noun.map { text + " " + $0 } ?? withMeasure(text, indicator)
        }
        switch r.comparison {
        case let .atLeast(v): return vi ? "từ \(f(v)) trở lên" : "at least \(f(v))"
        case let .moreThan(v): return vi ? "trên \(f(v))" : "more than \(f(v))"
        case let .atMost(v): return vi ? "không quá \(f(v))" : "at most \(f(v))"
        case let .lessThan(v): return vi ? "dưới \(f(v))" : "under \(f(v))"
        case let .range(a, b): return vi ? "từ \(figure(a, percent: p)) đến \(f(b))" : "\(figure(a, percent: p)) to \(f(b))"
        case .zero: return vi ? "không có" : "none"
        case let .fraction(n, w): return "\(n)/\(w)"
        case let .approximately(c, t):
            let tol = numbers.decimal(t, places: max(0, -t.exponent))
            let tolerance = p ? tol + (vi ? " điểm %" : " pp") : withMeasure(tol, indicator)
            return vi ? "khoảng \(f(c)) (± \(tolerance))" : "about \(f(c)) (± \(tolerance))"
        case let .ratingAtLeast(level):
            let name = levelName(level, of: indicator)
            return vi ? "xếp loại “\(name)” trở lên" : "rated “\(name)” or better"
        }
    }

    /// Years met: "4/5 năm đạt", or inside a running term "2/3 năm đạt (còn 2 năm)"; a year known
    /// only in part is said apart ("3/3 năm đạt, 1 năm mới có số liệu một phần (còn 1 năm)").
    /// - Parameter ofYearsWithFigures: for sentences and the report's table: a year with no
    ///   figure is neither met nor missed, so with such years the count is of the years that have
    ///   figures ("0/1 năm có số liệu đạt", not "0/6 năm đạt" when five have none). The workbook
    ///   keeps "met/all years", which its live formula recomputes.
    func tally(_ t: YearTally, ofYearsWithFigures: Bool = false) -> String {
        let judged = t.met + t.notMet + t.noData
        let rest = t.total - judged - t.inProgress
        var text: String
        if ofYearsWithFigures, t.noData > 0 {
            let withData = t.met + t.notMet
            text = vi ? "\(t.met)/\(withData) năm có số liệu đạt" : "\(t.met) of \(withData) \(withData == 1 ? "year" : "years") with figures met"
        } else {
            text = judged < t.total
                ? (vi ? "\(t.met)/\(judged) năm đạt" : "\(t.met)/\(judged) years met")
                : (vi ? "\(t.met)/\(t.total) năm đạt" : "\(t.met)/\(t.total) years met")
        }
        if t.inProgress > 0 {
            text += vi ? ", \(t.inProgress) năm mới có số liệu một phần" : ", \(t.inProgress) known in part only"
        }
        if rest > 0 { text += vi ? " (còn \(rest) năm)" : " (\(rest) to come)" }
        return text
    }

    /// A figure given as a range: "6–7 %", "14.000–16.000", "6,5–7 %/năm".
    func range(_ low: Decimal, _ high: Decimal, indicator: Indicator) -> String {
        let l = numbers.decimal(low, places: max(0, -low.exponent))
        let h = indicator.unit == .percent ? numbers.percent(high, places: max(0, -high.exponent)) : numbers.decimal(high, places: max(0, -high.exponent))
        return withMeasure("\(l)–\(h)", indicator)
    }

    /// Why figures cannot settle a rule.
    func undetermined(_ r: UndeterminedReason) -> String {
        switch r {
        case .rangeAcrossTarget:
            return vi ? "khoảng số liệu chứa mức chỉ tiêu: một đầu đạt, một đầu không" : "the range holds the target's figure: one end meets it, the other does not"
        case let .needsFiguresPerUnit(noun):
            return vi ? "chỉ tiêu tính cho từng \(noun), chưa có số liệu của từng \(noun)" : "the target applies to each \(noun), and no figure per \(noun) was given"
        }
    }

    /// "12/14 xã đạt".
    func unitTally(_ u: UnitTally) -> String {
        vi ? "\(u.met)/\(u.total) \(u.noun) đạt" : "\(u.met) of \(u.total) (\(u.noun)) met"
    }

    /// " (tính đến 30/6/2022)" after a figure that covers part of its period; empty otherwise.
    func partial(_ row: Judgement) -> String {
        guard let d = row.partialThrough else { return "" }
        return vi ? " (tính đến \(d.vietnamese))" : " (to \(d.description))"
    }

    /// What part of its period a figure covers, when not the whole: "6 tháng đầu năm", "quý II",
    /// "lũy kế từ đầu nhiệm kỳ"; nil for a whole year or term and for a date's year to that date.
    func coverage(_ o: Observation) -> String? {
        switch o.coverage {
        case .whole, .yearToDate: return nil
        case let .months(first, last) where last - first == 2 && first % 3 == 1:
            return vi ? "quý \(Term.roman((first + 2) / 3))" : "Q\((first + 2) / 3)"
        case let .months(1, last): return vi ? "\(last) tháng đầu năm" : "first \(last) months"
        case let .months(first, last): return vi ? "tháng \(first)–\(last)" : "months \(first)–\(last)"
        case .termToDate: return vi ? "lũy kế từ đầu nhiệm kỳ" : "term to date"
        }
    }

    /// Why no verdict uses a figure, for one target.
    func unusedReason(_ k: UnusedReason.Kind, from here: SourceLocation) -> String {
        guard vi else { return k.english(from: here) }
        func at(_ l: SourceLocation) -> String { l.file == here.file ? "dòng \(l.line)" : "\(l.file), dòng \(l.line)" }
        switch k {
        case let .samePeriod(l): return "đã dùng số liệu cùng kỳ ở \(at(l))"
        case let .afterAssessment(y): return "sau năm đánh giá \(y)"
        case let .notReportingYear(y, years): return "năm \(y) không thuộc các năm đánh giá \(years.lowerBound)–\(years.upperBound) của nhiệm kỳ"
        case let .otherYear(y): return "chỉ tiêu chỉ xét năm \(y)"
        case let .partialSpan(a, b): return "chỉ gồm tháng \(a)–\(b), không tính từ đầu năm"
        case let .superseded(l): return "đã dùng số liệu mới hơn hoặc đầy đủ hơn (\(at(l)))"
        case .termFigureOfYearlyTarget: return "số liệu cả nhiệm kỳ, còn chỉ tiêu xét từng năm"
        case let .termToDateSuperseded(l): return "số liệu lũy kế giữa kỳ; " + (l.map { "đã dùng số liệu đầy đủ hơn (\(at($0)))" } ?? "không phải số liệu của kỳ chỉ tiêu xét")
        case .termToDateOfYearlyTarget: return "số liệu lũy kế từ đầu nhiệm kỳ, còn chỉ tiêu xét từng năm"
        case let .afterDue(y): return "sau năm \(y), hạn của chỉ tiêu"
        case .notThisPeriod: return "chỉ tiêu không xét kỳ của số liệu này"
        case let .notPerUnit(noun): return "chỉ tiêu tính cho từng \(noun), số liệu này không của riêng \(noun) nào"
        }
    }

    /// A rating level's name in the report's language, found by id or name; the text itself if unknown.
    func levelName(_ level: String, of indicator: Indicator) -> String {
        indicator.scale?.levels.first { $0.id == level || $0.name == level }.map { vi ? $0.name : $0.nameEn } ?? level
    }

    func indicatorName(_ i: Indicator) -> String { vi ? i.name : i.nameEn }

    /// The document type over a printed summary's subject.
    var documentType: String { vi ? "BÁO CÁO" : "REPORT" }

    /// "Đại hội lần thứ XIII, nhiệm kỳ 2015–2020"; without an ordinal in the source,
    /// "Đại hội (chưa rõ lần thứ), nhiệm kỳ 2020–2025" (none is invented).
    func termLine(_ term: Term) -> String {
        guard term.isCongressKnown else {
            return vi ? "Đại hội (chưa rõ lần thứ), nhiệm kỳ \(term.years)" : "Congress (ordinal not given), term \(term.years)"
        }
        return vi ? "Đại hội lần thứ \(term.congress), nhiệm kỳ \(term.years)" : "Congress \(term.congress), term \(term.years)"
    }

    /// What kind of body it is, as a provincial committee's list names it.
    func bodyKind(_ kind: BodyKind) -> String {
        switch kind {
        case .province: return vi ? "đảng bộ tỉnh" : "provincial committee"
        case .bloc: return vi ? "đảng bộ khối" : "bloc"
        case .district: return vi ? "đảng bộ huyện, thành phố" : "district or city committee"
        case .police: return vi ? "đảng bộ công an tỉnh" : "police committee"
        case .military: return vi ? "đảng bộ quân sự tỉnh" : "military committee"
        case .borderGuard: return vi ? "đảng bộ bộ đội biên phòng tỉnh" : "border-guard committee"
        case .company: return vi ? "đảng bộ công ty" : "company committee"
        case .grassroots: return vi ? "tổ chức cơ sở đảng" : "grassroots organisation"
        case .other: return vi ? "đảng bộ khác" : "other body"
        }
    }

    /// What happened to a body on a date of its lineage.
    func event(_ kind: LineageEvent.Kind) -> String {
        switch kind {
        case .formed: return vi ? "thành lập" : "formed"
        case .renamed: return vi ? "đổi tên" : "renamed"
        case .merged: return vi ? "hợp nhất" : "merged"
        case .transfer: return vi ? "chuyển giao tổ chức, đảng viên về" : "organisations and members transferred in"
        case .dissolved: return vi ? "giải thể" : "dissolved"
        }
    }

    /// "trên ", "dưới ", "khoảng " before a figure the source gave as a bound or an estimate.
    func qualifier(_ q: Qualifier) -> String {
        switch q {
        case .exact: return ""
        case .moreThan: return vi ? "trên " : "over "
        case .lessThan: return vi ? "dưới " : "under "
        case .about: return vi ? "khoảng " : "about "
        }
    }

    /// An observed figure as a report shows it: "868", "4.294", "92,0 %", "62/69 (89,9 %)", "trên 2.000".
    /// A share computed from counts is rounded so that, when it does not meet `bound`, it is
    /// never shown as meeting it (see `Rounding.shown`).
    func value(_ o: Observation, indicator: Indicator, bound: Decimal? = nil, met: Bool? = nil) -> String {
        var text: String
        switch o.value {
        case let .number(v):
            text = indicator.unit == .percent ? numbers.percent(v, places: max(0, -v.exponent)) : amount(v, indicator)
        case let .share(n, d):
            text = "\(numbers.natural(n))/\(numbers.natural(d)) (\(share(n / d * 100, bound: bound, met: met)))"
        case let .rating(level):
            text = levelName(level, of: indicator)
        case let .range(low, high):
            text = range(low, high, indicator: indicator)
        }
        return qualifier(o.qualifier) + text
    }

    /// Whether a row's figure meets its rule: the verdict, or inside a running term the bound itself
    /// (nil for ranges and ratings, whose display needs no guard).
    func meets(_ row: Judgement) -> Bool? {
        row.verdict.map(\.isMet) ?? row.value.flatMap { row.rule.bound($0) }
    }

    private func share(_ percent: Decimal, bound: Decimal?, met: Bool?) -> String {
        numbers.percent(Rounding.shown(percent, places: Rounding.percentPlaces, bound: bound, met: met))
    }

    /// A judged figure: the observation as written, a sum of years, or shares pooled as counts
    /// ("122/139 (87,8 %)").
    func value(_ row: Judgement, indicator: Indicator) -> String {
        let bound = ProgressMethods.level(of: row.rule, near: row.value)
        let met = meets(row)
        if let u = row.units { return unitTally(u) }
        if row.observations.count == 1, let o = row.observations.first { return value(o, indicator: indicator, bound: bound, met: met) + partial(row) }
        if let r = row.valueRange { return range(r.lowerBound, r.upperBound, indicator: indicator) }
        guard let v = row.value else { return row.verdict == .noData ? verdict(.noData) : "" }
        guard indicator.unit == .percent else { return amount(v, indicator) + partial(row) }
        var numerator: Decimal = 0, denominator: Decimal = 0
        for o in row.observations {
            guard case let .share(n, d) = o.value else { return share(v, bound: bound, met: met) }
            numerator += n
            denominator += d
        }
        return "\(numbers.natural(numerator))/\(numbers.natural(denominator)) (\(share(v, bound: bound, met: met)))"
    }

    func attainment(_ row: Judgement) -> String {
        row.attainment.map { numbers.percent(Rounding.shown($0, places: Rounding.percentPlaces, bound: 100, met: meets(row))) } ?? ""
    }

    /// A row's gap: in points for a share, in units for a count or an amount; with `measure`, an
    /// amount's measure after it ("−0,3 %/năm"), which a table leaves to its outcome column.
    func gap(_ row: Judgement, indicator: Indicator, measure: Bool = false) -> String {
        guard let g = row.gap else { return "" }
        let met = meets(row)
        // A gap that rounds to nothing keeps its sign: +0,03 is "+0,0", not "±0,0" (which is exactly none).
        func signed(_ text: String) -> String {
            guard text.hasPrefix("±"), g != 0 else { return text }
            return (g > 0 ? "+" : "−") + text.dropFirst()
        }
        if indicator.unit == .percent { return signed(numbers.points(Rounding.shown(g, places: Rounding.percentPlaces, bound: 0, met: met))) }
        let places = max(0, -g.exponent)
        let text = signed(numbers.decimal(Rounding.shown(g, places: places, bound: 0, met: met), places: places, signed: true))
        return measure ? withMeasure(text, indicator) : text
    }

    /// A percentage a source stated, in the report's language: the source's own words in
    /// Vietnamese ("102,91%"), its figure in English ("102.91%", "over 108%", "an excess of 14%");
    /// the verbatim quote stays in the sources section.
    func statedWords(_ s: StatedPercent) -> String {
        if vi { return s.text }
        let figure = numbers.percent(s.value, places: s.places)
        let bound: String
        switch s.qualifier {
        case .exact: bound = ""
        case .moreThan: bound = "over "
        case .lessThan: bound = "nearly "
        case .about: bound = "about "
        }
        return (s.isExcess ? "an excess of " : "") + bound + figure + (s.basis.map { " (of the “\($0)”)" } ?? "")
    }

    /// "Nguồn ghi vượt chỉ tiêu 12, tức chỉ tiêu là 140: khớp."
    func excess(_ c: ExcessCheck) -> String {
        let (x, implied, target) = (numbers.natural(c.excess), numbers.natural(c.implied), numbers.natural(c.target))
        if c.matches {
            return vi ? "Nguồn ghi vượt chỉ tiêu \(x), tức chỉ tiêu là \(implied): khớp." : "The source states an excess of \(x), making the target \(implied): matches."
        }
        return vi
            ? "Nguồn ghi vượt chỉ tiêu \(x), tức chỉ tiêu là \(implied), nhưng chỉ tiêu là \(target): KHÔNG KHỚP, cần kiểm tra lại."
            : "The source states an excess of \(x), making the target \(implied), but the target is \(target): MISMATCH, check the figures."
    }

    /// A stated attainment or excess that nothing can check: "không tính được", with the target it implies.
    func unchecked(_ o: Observation) -> String {
        let implied = o.impliedTarget.map { v -> String in
            let shown = Rounding.isWhole(v) ? numbers.natural(v) : numbers.decimal(Rounding.halfUp(v, places: 1), places: 1)
            return vi ? "; ứng với chỉ tiêu \(shown)" : "; it implies a target of \(shown)"
        } ?? ""
        let what = o.stated.map { vi ? "đạt \($0.text) chỉ tiêu" : "\(statedWords($0)) of the target" }
            ?? o.statedExcess.map { vi ? "vượt chỉ tiêu \(numbers.natural($0))" : "an excess of \(numbers.natural($0)) over the target" } ?? ""
        return vi
            ? "Nguồn ghi \(what): không tính được (dữ liệu chưa có số chỉ tiêu\(implied))."
            : "The source states \(what): cannot be computed (the data gives no target figure\(implied))."
    }

    func stated(_ c: StatedCheck) -> String {
        let computed = numbers.percent(c.computed, places: c.stated.places + 2)
        switch c.match {
        case .matches:
            return vi ? "Nguồn ghi \(c.stated.text); tính lại được \(computed): khớp." : "The source states \(statedWords(c.stated)); recomputed \(computed): matches."
        case .matchesIfTruncated:
            return vi
                ? "Nguồn ghi \(c.stated.text); tính lại được \(computed): chỉ khớp nếu cắt bớt chữ số (nguồn không làm tròn; làm tròn là \(numbers.percent(c.computed, places: c.stated.places)))."
                : "The source states \(statedWords(c.stated)); recomputed \(computed): matches only if truncated (rounded it is \(numbers.percent(c.computed, places: c.stated.places)))."
        case .mismatch:
            return vi
                ? "Nguồn ghi \(c.stated.text) nhưng tính lại được \(computed): KHÔNG KHỚP, cần kiểm tra lại số liệu."
                : "The source states \(statedWords(c.stated)) but the figures give \(computed): MISMATCH, check the figures."
        }
    }
}
