import ChiTieuCore
import Foundation

/// The planners' review of a next term's draft targets against a body's record: for each draft,
/// the record behind it, the trend, and whether it is already reached, within the trend or a
/// stretch, with the numbers; then every indicator's last level, trend and projections.
public struct PlanReport: Rendering {
    public var language: ReportLanguage
    public var format: TextFormat

    /// Creates a renderer.
    public init(language: ReportLanguage = .vi, format: TextFormat = .text) {
        self.language = language
        self.format = format
    }

    /// The document for a draft term of a body.
    public func render(body: Body, term: Term, checks: [DraftCheck], outlooks: [Outlook]) -> String {
        var out: [String] = []
        let title = vi
            ? "Rà soát chỉ tiêu dự thảo nhiệm kỳ \(term.years) theo kết quả các nhiệm kỳ trước"
            : "Draft targets for \(term.years) checked against the record"
        out.append(markdown ? "# " + title : title.uppercased())
        out.append(vi ? body.name : body.nameEn)
        out.append("")
        out.append(paragraph(vi
            ? "Phương pháp: mức gần nhất của mỗi chỉ số (số liệu cả nhiệm kỳ chia đều cho các năm của nhiệm kỳ); xu hướng theo tốc độ tăng bình quân năm (tăng trưởng kép) giữa số liệu đầu và cuối, ngoại suy từ mức cuối đến năm đánh giá (cách tính riêng của chitieu), và theo đường thẳng bình phương nhỏ nhất; chỉ tiêu chưa đạt được so tốc độ tăng cần có (từ mức gần nhất) với tốc độ đã quan sát, ngưỡng 0,95 theo phương pháp đo tiến độ của Open SDG (sdg-build, ProgressMeasure.py; Open SDG tính tốc độ cần có từ năm gốc). Tiến độ theo UN ESCAP (Báo cáo tiến độ SDG châu Á – Thái Bình Dương): giá trị dự kiến năm đánh giá theo hồi quy tuyến tính có trọng số thời gian, khoảng cách so với chỉ tiêu chia cho mức cần tiến từ năm gốc; trọng số 1, 2, …, n và ngưỡng phân loại là giả định của chitieu: phần ghi chú phương pháp của ESCAP (data.unescap.org, phụ lục 1 của báo cáo) và của UNECE chỉ nói hồi quy cho số liệu gần đây trọng số lớn hơn và nêu tên bốn nhóm, không nêu trọng số hay ngưỡng bằng số. Khung thời gian của Eurostat (báo cáo giám sát Phát triển bền vững ở Liên minh châu Âu): ngắn hạn 5 năm và dài hạn 15 năm gần nhất, khi số liệu có từ năm đầu của khung; mức gốc là số liệu năm đó hoặc năm sau gần nhất có số liệu; ngưỡng là của Open SDG vì ngưỡng bằng số của Eurostat chưa xác nhận được từ văn bản của Eurostat. Căn bậc n tính chính xác đến 12 chữ số; làm tròn một lần khi in."
            : "Method: each indicator's latest level (a term total spread evenly over the term's years); the trend as the compound annual growth between the first and last figures, carried forward from the last level to the target's year (chitieu's own compound growth projection), and as a least-squares line; for a target not yet reached, the growth it requires from the latest level against the growth observed, with the 0.95 cut-off of Open SDG's progress measure (sdg-build, ProgressMeasure.py; Open SDG measures the required growth from the base year). UN ESCAP's anticipated progress (Asia and the Pacific SDG Progress Report): the value expected in the target's year from a time-weighted linear regression, and its gap to the target relative to the progress required from the base year; the weights 1, 2, …, n and the category cut-offs are chitieu's assumptions: ESCAP's methodology notes (data.unescap.org, the report's annex 1) and UNECE's say only that the regression gives recent data more weight and name the four categories, without the weights or cut-offs in figures. Eurostat's horizons (the *Sustainable development in the European Union* monitoring report): the past 5 years (short term) and 15 years (long term), where the record reaches back to the horizon's first year; the base is that year's figure or the next year's with one; the cut-offs are Open SDG's, as Eurostat's own were not confirmed from Eurostat's text. Roots are computed to 12 digits; figures are rounded once, when printed."))
        out.append("")
        out.append(heading(vi ? "Chỉ tiêu dự thảo" : "Draft targets"))
        for (i, c) in checks.enumerated() {
            out.append("")
            out.append(contentsOf: draftLines(i + 1, c))
        }
        out.append("")
        out.append(heading(vi ? "Mức gần nhất và xu hướng các chỉ số" : "Latest levels and trends"))
        out.append("")
        out.append(trendTable(outlooks, to: term.endYear))
        let targeted = Set(checks.map { $0.target.indicatorID })
        let untargeted = outlooks.filter { !targeted.contains($0.indicator.id) && $0.points.count >= 2 }
        if !untargeted.isEmpty {
            out.append("")
            out.append(paragraph(vi
                ? "Chỉ số có số liệu nhưng không có chỉ tiêu dự thảo — xu hướng theo phương pháp không có chỉ tiêu của Open SDG (sdg-build, ProgressMeasure.py: tốc độ tăng bình quân năm giữa số liệu đầu và cuối, theo chiều tốt của chỉ số; từ 1,5 %/năm: tiến bộ đáng kể; 0,5–1,5 %: tiến bộ vừa phải; 0–0,5 %: tiến bộ hạn chế; dưới 0: đi xuống):"
                : "Indicators with figures but no draft target — Open SDG's no-target trend (sdg-build, ProgressMeasure.py: compound annual growth between the first and last figures, signed by the indicator's good direction; 1.5%/yr or more: substantial progress; 0.5–1.5%: moderate; 0–0.5%: limited; below 0: deterioration):"))
            for o in untargeted {
                let p = OpenSdgMethod.noTarget(o.points.map { SeriesPoint(year: $0.year, value: $0.level) }, higherIsBetter: o.indicator.direction != .down, limit: o.indicator.limit)
                let span = "\(o.points.first?.year ?? 0)–\(o.points.last?.year ?? 0)"
                var text = "\(words.indicatorName(o.indicator)) (\(span)): " + words.noTargetLine(p, labelled: false)
                // Eurostat's horizons where the record reaches back that far (the status words are Open SDG's).
                let series = o.points.map { SeriesPoint(year: $0.year, value: $0.level) }
                // A horizon whose base is the series' first figure repeats the status above: left out.
                if let latest = series.last, let earliest = series.first {
                    var shown: Set<Int> = [earliest.year]
                    for h in [EurostatHorizons.shortTerm, EurostatHorizons.longTerm] where earliest.year <= latest.year - h {
                        let q = OpenSdgMethod.noTarget(series, higherIsBetter: o.indicator.direction != .down, baseYear: latest.year - h, limit: o.indicator.limit)
                        guard let base = q.base, q.status != .notAvailable, !shown.contains(base.year) else { continue }
                        shown.insert(base.year)
                        let name = h == EurostatHorizons.shortTerm ? (vi ? "ngắn hạn" : "short term") : (vi ? "dài hạn" : "long term")
                        text += "; \(name) \(base.year)–\(latest.year): " + words.noTargetLine(q, labelled: false)
                    }
                }
                out.append(item(text))
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func heading(_ s: String) -> String { markdown ? "## " + s : s }
    private func paragraph(_ s: String) -> String { markdown ? s : DisplayWidth.wrap(s, width: 100).joined(separator: "\n") }
    private func item(_ s: String) -> String { markdown ? "- " + s : "   " + DisplayWidth.wrap(s, width: 96).joined(separator: "\n   ") }

    private func level(_ v: Decimal, _ i: Indicator, places: Int = 1) -> String {
        if i.unit == .percent { return words.numbers.percent(Rounding.halfUp(v, places: places), places: places) }
        // An amount keeps up to two of its own decimals (31,55 triệu đồng), and its measure.
        let shown = i.unit == .amount ? max(places, min(2, -v.exponent)) : places
        return words.withMeasure(Rounding.isWhole(v) ? words.numbers.natural(v) : words.numbers.decimal(Rounding.halfUp(v, places: shown), places: shown), i)
    }

    private func percent(_ fraction: Decimal) -> String {
        words.numbers.percent(Rounding.halfUp(fraction * 100, places: 1), places: 1, signed: true)
    }

    private func pointText(_ p: RecordPoint, _ i: Indicator) -> String {
        let figure = words.value(p.observation, indicator: i)
        guard let years = p.averagedOver else { return "\(figure) (\(words.observed(p.observation.period)))" }
        return vi
            ? "\(figure) trong \(years.lowerBound)–\(years.upperBound), bình quân \(level(p.level, i))/năm"
            : "\(figure) in \(years.lowerBound)–\(years.upperBound), \(level(p.level, i)) a year on average"
    }

    private func draftLines(_ n: Int, _ c: DraftCheck) -> [String] {
        let i = c.outlook.indicator
        var lines = [paragraph("\(n). “\(c.target.text)” — \(words.indicatorName(i)): \(words.rule(c.target.rule, indicator: i)) (\(words.period(c.target.period)))")]
        if let last = c.outlook.last {
            lines.append(item((vi ? "Số liệu gần nhất: " : "Latest figure: ") + pointText(last, i) + " [\(last.observation.citation.source)]"))
        }
        if let g = c.outlook.growth, let first = c.outlook.points.first, let last = c.outlook.last {
            var trend = vi ? "Xu hướng \(first.year)–\(last.year): \(percent(g))/năm" : "Trend \(first.year)–\(last.year): \(percent(g)) a year"
            if let slope = c.outlook.slope { trend += vi ? "; đường thẳng \(signed(slope, i))/năm" : "; line \(signed(slope, i)) a year" }
            if let compound = c.outlook.compound(at: c.year) {
                trend += vi ? "; dự kiến năm \(c.year): \(level(compound, i))" : "; projected for \(c.year): \(level(compound, i))"
            }
            lines.append(item(trend))
        }
        let required = c.required.map { level($0, i) } ?? ""
        let perYear = c.target.period == .term && i.addsUpOverYears ? (vi ? "/năm" : " a year") : ""
        let verdict: String
        switch c.ambition {
        case .reached:
            verdict = vi ? "ĐÃ ĐẠT theo số liệu: mức gần nhất \(c.outlook.last.map { level($0.level, i) } ?? "") so với yêu cầu \(required)\(perYear)."
                : "ALREADY REACHED by the record: latest level \(c.outlook.last.map { level($0.level, i) } ?? "") against \(required)\(perYear) required."
        case .withinTrend:
            verdict = vi ? "TRONG XU HƯỚNG: giữ tốc độ đã có thì đạt \(required)\(perYear) vào năm \(c.year)." : "WITHIN THE TREND: the observed growth reaches \(required)\(perYear) by \(c.year)."
        case .stretch:
            var text = vi ? "THÁCH THỨC: cần \(c.requiredGrowth.map(percent) ?? "")/năm để đạt \(required)\(perYear) vào năm \(c.year)" : "A STRETCH: it needs \(c.requiredGrowth.map(percent) ?? "") a year to reach \(required)\(perYear) by \(c.year)"
            if let g = c.outlook.growth { text += vi ? ", đã quan sát \(percent(g))/năm" : ", against \(percent(g)) a year observed" }
            if let r = c.ratio { text += vi ? " (tỷ số thực tế/cần có \(words.numbers.decimal(Rounding.halfUp(r, places: 2), places: 2)))" : " (actual/required \(words.numbers.decimal(Rounding.halfUp(r, places: 2), places: 2)))" }
            verdict = text + "."
        case .noRecord:
            verdict = vi ? "CHƯA CÓ SỐ LIỆU của chỉ số này trong các nhiệm kỳ trước: chưa đánh giá được." : "NO RECORD of this indicator before the term: it cannot be judged."
        case .notProjected:
            verdict = vi ? "Quy tắc không phải một ngưỡng (khoảng, khoảng chừng, xếp loại): không chiếu xu hướng." : "The rule is not a single bound (a range, an estimate, a rating): no projection."
        }
        lines.append(item(verdict))
        if let h = horizonLine(c.horizons) { lines.append(item(h)) }
        if let e = c.escap, c.ambition != .noRecord { lines.append(item(escapLine(e, i))) }
        return lines
    }

    /// The trend ratio over Eurostat's horizons; the long term only when it reaches further back
    /// than the short term.
    private func horizonLine(_ horizons: [HorizonTrend]) -> String? {
        guard let short = horizons.first else { return nil }
        let shown = horizons.filter { $0.years == short.years || $0.first.year < short.first.year }
        let parts = shown.map { h -> String in
            let name = h.years == EurostatHorizons.shortTerm ? (vi ? "ngắn hạn" : "short term") : (vi ? "dài hạn" : "long term")
            let ratio = words.numbers.decimal(Rounding.halfUp(h.ratio, places: 2), places: 2)
            return vi ? "\(name) \(h.first.year)–\(h.last.year): \(percent(h.growth))/năm, tỷ số \(ratio) → \(words.horizon(h.status))"
                : "\(name) \(h.first.year)–\(h.last.year): \(percent(h.growth)) a year, ratio \(ratio) → \(words.horizon(h.status))"
        }
        return (vi ? "Theo khung thời gian của Eurostat (5 và 15 năm gần nhất; ngưỡng 0,95 / 0,60 / 0 của Open SDG): " : "Over Eurostat's horizons (the past 5 and 15 years; Open SDG's cut-offs 0.95 / 0.60 / 0): ")
            + parts.joined(separator: "; ") + "."
    }

    /// UN ESCAP's anticipated value, gap and category for a draft target.
    private func escapLine(_ e: EscapAssessment, _ i: Indicator) -> String {
        guard let ant = e.anticipated, let base = e.base, let latest = e.latest, e.category != .insufficientData else {
            return vi ? "Theo UN ESCAP: \(words.escap(.insufficientData)) (cần số liệu ít nhất 2 năm)." : "By UN ESCAP: \(words.escap(.insufficientData)) (needs figures for at least 2 years)."
        }
        var text = e.dueYear > latest.year
            ? (vi ? "Theo UN ESCAP (hồi quy có trọng số thời gian \(base.year)–\(latest.year)): dự kiến năm \(e.dueYear) \(level(ant, i))" : "By UN ESCAP (time-weighted regression \(base.year)–\(latest.year)): anticipated for \(e.dueYear) \(level(ant, i))")
            : (vi ? "Theo UN ESCAP: năm \(e.dueYear) đã qua, mức gần nhất \(level(ant, i))" : "By UN ESCAP: \(e.dueYear) has passed, latest level \(level(ant, i))")
        if let gap = e.anticipatedGap {
            text += vi ? ", khoảng cách dự kiến \(words.numbers.percent(gap, places: 1)) so với mức cần tiến từ năm \(base.year)" : ", anticipated gap \(words.numbers.percent(gap, places: 1)) of the progress required from \(base.year)"
        }
        return text + " → " + words.escap(e.category) + "."
    }

    private func signed(_ v: Decimal, _ i: Indicator) -> String {
        let rounded = Rounding.halfUp(v, places: 1)
        let magnitude = rounded < 0 ? -rounded : rounded
        let text = i.unit == .percent ? words.numbers.decimal(magnitude, places: 1) + (vi ? " điểm %" : " pp") : words.withMeasure(words.numbers.decimal(magnitude, places: 1), i)
        return (rounded < 0 ? "−" : "+") + text
    }

    private func trendTable(_ outlooks: [Outlook], to year: Int) -> String {
        let titles = vi
            ? ["Chỉ số", "Số liệu", "Gần nhất", "Tăng/năm", "Đường thẳng/năm", "Dự kiến \(year)"]
            : ["Indicator", "Figures", "Latest", "Growth/yr", "Line/yr", "Projected \(year)"]
        let rows = outlooks.filter { !$0.points.isEmpty }.map { o -> [String] in
            let span = o.points.count > 1 ? "\(o.points.count) (\(o.points.first?.year ?? 0)–\(o.points.last?.year ?? 0))" : "1 (\(o.points.first?.year ?? 0))"
            return [
                words.indicatorName(o.indicator), span, o.last.map { level($0.level, o.indicator) + " (\($0.year))" } ?? "",
                o.growth.map(percent) ?? "", o.slope.map { signed($0, o.indicator) } ?? "", o.compound(at: year).map { level($0, o.indicator) } ?? "",
            ]
        }
        if markdown {
            return (["| " + titles.joined(separator: " | ") + " |", "|---|--:|--:|--:|--:|--:|"] + rows.map { "| " + $0.joined(separator: " | ") + " |" }).joined(separator: "\n")
        }
        var t = TextTable([40, 14, 16, 10, 16, 14].enumerated().map { TextTable.Column(title: titles[$0.offset], width: $0.element, alignRight: $0.offset > 0) })
        for r in rows { t.add(r.map { [$0] }) }
        return t.render()
    }
}
