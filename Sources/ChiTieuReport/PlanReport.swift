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
            ? "Phương pháp: mức gần nhất của mỗi chỉ số (số liệu cả nhiệm kỳ chia đều cho các năm của nhiệm kỳ); xu hướng theo tốc độ tăng bình quân năm giữa số liệu đầu và cuối, ngoại suy đến năm đánh giá (như “tiến độ dự kiến” của UN ESCAP), và theo đường thẳng bình phương nhỏ nhất; chỉ tiêu chưa đạt được so tốc độ tăng cần có với tốc độ đã quan sát (tỷ số thực tế/cần có của Eurostat: từ 0,95 là đúng hướng). Căn bậc n tính chính xác đến 12 chữ số; làm tròn một lần khi in."
            : "Method: each indicator's latest level (a term total spread evenly over the term's years); the trend as the compound annual growth between the first and last figures, extrapolated to the target's year (UN ESCAP's anticipated progress), and as a least-squares line; for a target not yet reached, the growth it requires against the growth observed (Eurostat's actual/required ratio: 0.95 or more is on track). Roots are computed to 12 digits; figures are rounded once, when printed."))
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
        return lines
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
