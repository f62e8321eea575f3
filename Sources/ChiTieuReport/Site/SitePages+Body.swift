import ChiTieuCore
import Foundation

extension SitePages {
    /// A body's page for one term (or its facts): the heading, the headline and status bar, links
    /// to the other reports, the table of every target, the evaluation, then each target with its
    /// source, "Cách tính" on demand and a chart of its series, and the sources.
    func bodyPage(_ entry: SiteEntry) -> String {
        let a = entry.assessment
        let name = vi ? a.body.name : a.body.nameEn
        guard let term = a.record.term else { return factsPage(entry) }
        return page(stem: entry.stem, title: "\(name), \(term.years)") { h in
            h.element("p", ["class": "muted"], vi ? "Báo cáo kết quả thực hiện các chỉ tiêu nghị quyết đại hội" : "Attainment of the congress resolution's targets")
            var heading = name
            if vi {
                let then = a.body.name(at: CalendarDate(year: term.startYear, month: 12, day: 31))
                if then != a.body.name { heading = "\(then) (nay là \(a.body.name))" }
            }
            h.element("h1", [:], heading)
            h.element("p", [:], words.termLine(term))
            for line in words.howJudged(a, origin: asOfOrigin, forCommandLine: false) { h.element("p", ["class": "muted"], line) }
            if !a.targets.isEmpty {
                h.element("p", ["class": "headline"], words.headline(a, method: method))
                statusBar(&h, a)
            }
            downloads(&h, entry)
            guard !a.targets.isEmpty else { return }
            let labels = TextReport.numbering(a.targets)
            h.element("h2", ["id": "bang"], vi ? "Bảng tổng hợp các chỉ tiêu" : "Summary of targets")
            summaryTable(&h, a, labels)
            h.element("h2", ["id": "danh-gia"], vi ? "Đánh giá" : "Assessment")
            for paragraph in report.evaluations(a.targets, labels) { h.element("p", [:], paragraph) }
            h.element("h2", ["id": "tung-chi-tieu"], vi ? "Từng chỉ tiêu: cách tính và biểu đồ" : "Each target: how it was computed, and its chart")
            let legend = MethodSection(words: words, method: method).legend(a.targets)
            if !legend.isEmpty {
                h.element("details") { h in
                    h.element("summary", [:], vi ? "Cách đọc các bước tính" : "How to read the steps")
                    h.element("ul") { h in for line in legend { h.element("li", [:], line) } }
                }
            }
            for (i, t) in a.targets.enumerated() { targetBlock(&h, a, t, labels[i], index: i) }
            // Every other figure of the record stays in sight, in the text report's words: the
            // outcomes no target judges, the figures no verdict uses (each with its reason), the
            // body's facts in the term, and the notes.
            let unchecked = StatedChecks.unchecked(a)
            let places = Set(unchecked.map(\.location))
            let others = a.otherOutcomes.map { FactLine(outcome: $0, source: a.record.sources[$0.observation.citation.source]) }
            list(&h, vi ? "Kết quả khác" : "Other outcomes", report.factList(others, unchecked: places))
            list(&h, vi ? "Số liệu không dùng để đánh giá" : "Figures used by no verdict", report.unusedList(a, labels, unchecked: places))
            list(&h, vi ? "Số liệu về tổ chức trong nhiệm kỳ" : "Facts about the body during the term", report.factList(entry.facts))
            list(&h, vi ? "Ghi chú" : "Notes", report.noteLines(a, labels, unchecked: unchecked).filter { !$0.isEmpty })
            sources(&h, a)
        }
    }

    /// A titled list of the text report's Markdown lines ("- …"), left out when empty.
    private func list(_ h: inout HTML, _ title: String, _ lines: [String]) {
        guard !lines.isEmpty else { return }
        h.element("h2", [:], title)
        h.element("ul") { h in
            for line in lines { h.element("li", [:], line.hasPrefix("- ") ? String(line.dropFirst(2)) : line) }
        }
    }

    private func downloads(_ h: inout HTML, _ entry: SiteEntry) {
        let en = vi ? "" : ".en"
        let stem = entry.stem
        h.element("nav", ["aria-label": vi ? "Tải về" : "Downloads", "class": "noprint"]) { h in
            h.element("p") { h in
                h.add(vi ? "Tải về: " : "Download: ")
                var links: [(String, String)] = []
                if entry.assessment.record.term != nil {
                    links.append((vi ? "sổ tổng hợp Excel" : "Excel workbook", stem + en + ".xlsx"))
                    links.append((vi ? "báo cáo Word" : "Word report", stem + en + ".docx"))
                    links.append((vi ? "báo cáo văn bản" : "text report", stem + en + ".txt"))
                } else {
                    let factsStem = vi ? stem : String(stem.dropLast("so-lieu".count)) + "facts"
                    links.append((vi ? "báo cáo văn bản" : "text report", factsStem + en + ".txt"))
                }
                links = links.map { ($0.0, reportsLink + $0.1) }
                if feedRows {
                    links += [(vi ? "dòng dữ liệu của trang này (CSV" : "this page's feed rows (CSV", "feed/\(stem).csv"), ("JSON)", "feed/\(stem).json")]
                }
                links += [(vi ? "toàn bộ dữ liệu (CSV" : "the whole feed (CSV", reportsLink + "chitieu.csv"), ("JSON", reportsLink + "chitieu.json"), ("SQLite)", reportsLink + "chitieu.sqlite")]
                for (i, link) in links.enumerated() {
                    if i > 0 { h.add(" · ") }
                    h.element("a", ["href": link.1], link.0)
                }
            }
        }
    }

    /// The target as written, and where: "“Kết nạp trên 750 đảng viên”" then "[trên 750 đảng
    /// viên, cả nhiệm kỳ] · Nghị quyết Đại hội …, dòng 12".
    private func targetText(_ h: inout HTML, _ a: Assessment, _ t: TargetAssessment) {
        h.element("span", ["class": "quote", "lang": quoteLanguage], "“\(t.target.text)”")
        h.void("br")
        let source = a.record.sources[t.target.citation.source]
        let cite = (source.map { $0.title } ?? t.target.citation.source) + t.target.citation.place(vietnamese: vi)
        h.element("span", ["class": "cite"], "[\(report.ruleLine(t))] · " + cite)
    }

    private func summaryTable(_ h: inout HTML, _ a: Assessment, _ labels: [String]) {
        h.element("div", ["class": "table-wrap"]) { h in
            h.element("table", ["class": "targets"]) { h in
                h.element("thead") { h in
                    h.element("tr") { h in
                        for (i, title) in words.summaryTitles.enumerated() { h.element("th", ["scope": "col", "class": i == 3 || i == 4 ? "num" : nil], title) }
                    }
                }
                h.element("tbody") { h in
                    for (i, t) in a.targets.enumerated() {
                        h.element("tr", ["id": "t-\(labels[i])"]) { h in
                            h.element("td", [:], labels[i])
                            h.element("td") { targetText(&$0, a, t) }
                            h.element("td", [:], report.summaryResult(t))
                            h.element("td", ["class": "num"], words.attainment(t.summary))
                            h.element("td", ["class": "num"], words.gap(t.summary, indicator: t.indicator))
                            h.element("td") { badge(&$0, report.summaryStatus(t), statusClass(t)) }
                        }
                        for row in report.detailRows(t) {
                            detailRow(&h, report.yearLabel(row, t), row, t)
                        }
                        for u in t.perUnit { detailRow(&h, "– " + u.unit, u.assessment.summary, t) }
                    }
                }
            }
        }
    }

    private func detailRow(_ h: inout HTML, _ label: String, _ row: Judgement, _ t: TargetAssessment) {
        h.element("tr", ["class": "detail"]) { h in
            h.element("td", [:], "")
            h.element("td", [:], label)
            h.element("td", [:], words.value(row, indicator: t.indicator))
            h.element("td", ["class": "num"], words.attainment(row))
            h.element("td", ["class": "num"], words.gap(row, indicator: t.indicator))
            h.element("td", [:], words.status(row))
        }
    }

    private func targetBlock(_ h: inout HTML, _ a: Assessment, _ t: TargetAssessment, _ label: String, index: Int) {
        h.element("section", ["class": "target-block", "aria-labelledby": "h-\(index)"]) { h in
            h.element("h3", ["id": "h-\(index)"], "\(label). \(words.indicatorName(t.indicator))")
            h.element("p") { h in
                targetText(&h, a, t)
                h.void("br")
                let result = report.summaryResult(t), attained = words.attainment(t.summary)
                // A target with no figure says so once, in its badge.
                if !result.isEmpty, result != words.verdict(.noData) { h.add((vi ? "Kết quả: " : "Outcome: ") + result + " · ") }
                if !attained.isEmpty { h.add((vi ? "Tỷ lệ đạt: " : "Attained: ") + attained + " · ") }
                badge(&h, report.summaryStatus(t), statusClass(t))
            }
            // The figures judged, each with the source's words and line.
            var seen = Set<SourceLocation>()
            let quoted = (t.years + [t.summary] + (t.cumulative.map { [$0] } ?? [])).flatMap(\.observations).filter { seen.insert($0.location).inserted }
            if !quoted.isEmpty {
                h.element("ul", ["class": "cite"]) { h in
                    for o in quoted {
                        h.element("li") { h in
                            h.add(words.observed(o.period) + ": ")
                            h.element("span", ["class": "quote", "lang": quoteLanguage], "“\(o.quote)”")
                            h.add(" (\(o.citation.source)\(o.citation.place(vietnamese: vi)))")
                        }
                    }
                }
            }
            let steps = MethodSection(words: words, method: method).steps(t)
            if MethodSection.hasInputs(t), !steps.isEmpty {
                h.element("details") { h in
                    h.element("summary", [:], vi ? "Cách tính" : "How it was computed")
                    h.element("ul") { h in
                        for step in steps {
                            h.element("li") { h in
                                h.element("strong", [:], step.method + ": ")
                                h.add([step.formula, step.result].filter { !$0.isEmpty }.joined(separator: " → "))
                            }
                        }
                    }
                }
            }
            chart(&h, a, t, id: "c\(index + 1)")
        }
    }

    // MARK: - Charts

    /// A figure as the chart's table and points show it: a share with one decimal, a count or an
    /// amount as given (formatted from the exact value, rounded once).
    func figure(_ v: Decimal, _ i: Indicator) -> String {
        switch i.unit {
        case .percent: return numbers.percent(v, places: 1)
        case .amount: return words.amount(v, i)
        default: return numbers.natural(v)
        }
    }

    private func tick(_ i: Indicator) -> (Decimal, Int) -> String {
        let n = numbers
        return { v, places in
            i.unit == .percent ? n.percent(v, places: places) : n.decimal(v, places: places)
        }
    }

    /// The projection a method gives, for a running term: the chosen method's (ESCAP's anticipated
    /// value, the weather symbols' carried-forward change), else ESCAP's, the one with a value in
    /// the due year for any series of two or more years.
    private func projection(_ a: Assessment, _ t: TargetAssessment) -> (year: Int, value: Decimal, name: String)? {
        guard a.isRunning else { return nil }
        if method == .weather, let w = t.weather, let p = w.projected { return (w.dueYear, p, vi ? "thời tiết (Đức)" : "weather symbols (Germany)") }
        if let e = t.escap, let p = e.anticipated { return (e.dueYear, p, "UN ESCAP") }
        return nil
    }

    /// A target judged on one figure (a term total, a level) with no yearly series: the figure
    /// and the target as two bars from zero.
    private func outcomeBars(_ h: inout HTML, _ t: TargetAssessment, id: String) {
        guard t.indicator.unit != .rating, let value = t.summary.value, let level = t.target.rule.threshold, value >= 0, level >= 0 else {
            if t.summary.value == nil {
                h.element("p", ["class": "muted"], vi ? "Biểu đồ: \(words.verdict(.noData))." : "Chart: \(words.verdict(.noData)).")
            }
            return
        }
        let name = words.indicatorName(t.indicator)
        let ruleText = words.rule(t.target.rule, indicator: t.indicator)
        let outcome = report.summaryResult(t)
        let bars = [
            BarChart.Bar(label: (vi ? "Chỉ tiêu: " : "Target: ") + ruleText, value: level, shown: figure(level, t.indicator), context: true),
            BarChart.Bar(label: (vi ? "Kết quả: " : "Outcome: ") + outcome, value: value, shown: figure(value, t.indicator), context: false),
        ]
        let title = "\(name): " + (vi ? "kết quả so với chỉ tiêu" : "outcome against the target")
        let desc = bars.map { $0.label }.joined(separator: "; ") + ". " + report.summaryStatus(t) + "."
        h.element("figure", ["style": "margin:0"]) { h in
            h.raw(BarChart(id: id, title: title, description: desc, bars: bars, tick: tick(t.indicator)).svg())
            h.element("figcaption", ["class": "cite"], title + (vi ? " (trục từ 0)." : " (axis from 0)."))
        }
    }

    private func chart(_ h: inout HTML, _ a: Assessment, _ t: TargetAssessment, id: String) {
        guard !t.series.isEmpty, t.indicator.unit != .rating, let first = t.series.first, let last = t.series.last else {
            outcomeBars(&h, t, id: id)
            return
        }
        let name = words.indicatorName(t.indicator)
        let ruleText = words.rule(t.target.rule, indicator: t.indicator)
        let target = t.target.rule.threshold.map { (value: $0, label: (vi ? "Chỉ tiêu: " : "Target: ") + ruleText) }
        let projected = projection(a, t).flatMap { p -> (year: Int, value: Decimal, label: String, name: String)? in
            guard p.year > last.year else { return nil }
            return (p.year, p.value, (vi ? "Dự kiến năm \(p.year) (\(p.name)): " : "Anticipated for \(p.year) (\(p.name)): ") + figure(p.value, t.indicator), p.name)
        }
        let term = a.record.term
        let firstYear = min(term?.reportingYears.lowerBound ?? first.year, first.year)
        let lastYear = max(term?.reportingYears.upperBound ?? last.year, last.year, t.dueYear > 0 ? t.dueYear : last.year, projected?.year ?? last.year)
        let what = t.seriesIsCumulative ? (vi ? "cộng dồn từng năm" : "running total by year") : (vi ? "từng năm" : "by year")
        let title = "\(name) (\(what)), \(first.year)–\(last.year)"
        var desc = vi
            ? "\(numbers.natural(Decimal(t.series.count))) số liệu từ \(first.year) đến \(last.year): \(t.series.map { "\($0.year): \(figure($0.value, t.indicator))" }.joined(separator: "; "))."
            : "\(numbers.natural(Decimal(t.series.count))) figures from \(first.year) to \(last.year): \(t.series.map { "\($0.year): \(figure($0.value, t.indicator))" }.joined(separator: "; "))."
        if let target { desc += " " + target.label + "." }
        if let projected { desc += " " + projected.label + "." }
        let svg = LineChart(
            id: id, title: title, description: desc,
            points: t.series.map { .init(year: $0.year, value: $0.value, label: figure($0.value, t.indicator)) },
            target: target, projection: projected.map { ($0.year, $0.value, $0.label) },
            firstYear: firstYear, lastYear: lastYear, tick: tick(t.indicator)
        ).svg()
        h.element("div", ["class": "chart-row"]) { h in
            h.element("figure", ["style": "margin:0"]) { h in
                h.raw(svg)
                h.element("figcaption", ["class": "cite"], title)
            }
            h.element("table", ["class": "chart-data"]) { h in
                h.element("caption", [:], vi ? "Số liệu của biểu đồ" : "The chart's figures")
                h.element("thead") { h in
                    h.element("tr") { h in
                        h.element("th", ["scope": "col"], vi ? "Năm" : "Year")
                        h.element("th", ["scope": "col", "class": "num"], t.seriesIsCumulative ? (vi ? "Cộng dồn" : "Running total") : (vi ? "Số liệu" : "Figure"))
                    }
                }
                h.element("tbody") { h in
                    for p in t.series {
                        h.element("tr") { h in
                            h.element("th", ["scope": "row"], String(p.year))
                            h.element("td", ["class": "num"], figure(p.value, t.indicator))
                        }
                    }
                    if target != nil {
                        h.element("tr") { h in
                            h.element("th", ["scope": "row"], vi ? "Chỉ tiêu" : "Target")
                            h.element("td", ["class": "num"], ruleText)
                        }
                    }
                    if let projected {
                        h.element("tr") { h in
                            h.element("th", ["scope": "row"], (vi ? "Dự kiến năm \(projected.year)" : "Anticipated for \(projected.year)") + " (\(projected.name))")
                            h.element("td", ["class": "num"], figure(projected.value, t.indicator))
                        }
                    }
                }
            }
        }
    }

    // MARK: - Sources and facts

    private func sources(_ h: inout HTML, _ a: Assessment) {
        h.element("h2", ["id": "nguon"], vi ? "Nguồn" : "Sources")
        h.element("ul") { h in
            for s in a.record.sources.values.sorted(by: { $0.id < $1.id }) {
                var text = "[\(s.id)] \(s.title). \(s.publisher)"
                if let d = s.date { text += ", \(vi ? d.vietnamese : d.description)" }
                if let seed = s.seed { text += vi ? ". Bản lưu: \(seed)" : ". Stored as: \(seed)" }
                h.element("li", [:], text + ".")
            }
        }
        h.element("p", ["class": "cite"], (vi ? "Tệp dữ liệu: " : "Data file: ") + a.record.file)
    }

    /// A body's dated facts (a record with no term): each figure with its quote and source, and
    /// the body's lineage.
    func factsPage(_ entry: SiteEntry) -> String {
        let a = entry.assessment
        let name = vi ? a.body.name : a.body.nameEn
        return page(stem: entry.stem, title: name + (vi ? ": số liệu" : ": facts")) { h in
            h.element("p", ["class": "muted"], vi ? "Số liệu về tổ chức" : "Facts about the body")
            h.element("h1", [:], name)
            h.element("p", [:], capitalised(words.bodyKind(a.body.kind)) + " · " + (vi ? "Tỉnh \(a.body.province)" : "\(a.body.province) province"))
            downloads(&h, entry)
            let facts = a.otherOutcomes.sorted { $0.observation.period < $1.observation.period }
            if !facts.isEmpty {
                h.element("h2", [:], vi ? "Số liệu" : "Figures")
                h.element("div", ["class": "table-wrap"]) { h in
                    h.element("table") { h in
                        h.element("thead") { h in
                            h.element("tr") { h in
                                for title in vi ? ["Thời điểm", "Chỉ số", "Số liệu", "Nguồn"] : ["When", "Indicator", "Figure", "Source"] {
                                    h.element("th", ["scope": "col"], title)
                                }
                            }
                        }
                        h.element("tbody") { h in
                            for f in facts {
                                let o = f.observation
                                h.element("tr") { h in
                                    h.element("td", [:], words.observed(o.period))
                                    h.element("td", [:], words.indicatorName(f.indicator))
                                    h.element("td", ["class": "num"], words.value(o, indicator: f.indicator))
                                    h.element("td") { h in
                                        h.element("span", ["class": "quote", "lang": quoteLanguage], "“\(o.quote)”")
                                        h.add(" ")
                                        h.element("span", ["class": "cite"], "(\(o.citation.source)\(o.citation.place(vietnamese: vi)))")
                                    }
                                }
                            }
                        }
                    }
                }
            }
            factCharts(&h, facts)
            if !a.body.lineage.isEmpty {
                h.element("h2", [:], vi ? "Quá trình hình thành, đổi tên, hợp nhất" : "Lineage: formation, renames, mergers, transfers")
                h.element("ul") { h in
                    for e in a.body.lineage {
                        var text = "\(vi ? e.date.vietnamese : e.date.description): \(words.event(e.kind))"
                        if let n = e.name { text += ": \(n)" }
                        text += " — “\(e.quote)” (\(e.source))"
                        h.element("li", [:], text)
                    }
                }
            }
            sources(&h, a)
        }
    }

    /// A line chart per indicator with figures in two years or more: a year's newest figure, from
    /// the exact value; the figures themselves are in the table above.
    private func factCharts(_ h: inout HTML, _ facts: [OtherOutcome]) {
        var order: [String] = []
        // A year's figure and its words as the table says them ("trên 1.000": a bound stays a bound).
        var byIndicator: [String: (Indicator, [Int: (Decimal, String)])] = [:]
        for f in facts where f.indicator.unit != .rating {
            guard let year = f.observation.period.year, let v = f.observation.value.comparable else { continue }
            if byIndicator[f.indicator.id] == nil {
                order.append(f.indicator.id)
                byIndicator[f.indicator.id] = (f.indicator, [:])
            }
            byIndicator[f.indicator.id]?.1[year] = (v, words.value(f.observation, indicator: f.indicator))
        }
        let charted = order.compactMap { id -> (Indicator, [Int: (Decimal, String)])? in
            guard let entry = byIndicator[id], entry.1.count >= 2 else { return nil }
            return entry
        }
        guard !charted.isEmpty else { return }
        h.element("h2", [:], vi ? "Biểu đồ" : "Charts")
        for (n, (indicator, values)) in charted.enumerated() {
            let years = values.keys.sorted()
            guard let first = years.first, let last = years.last else { continue }
            let name = words.indicatorName(indicator)
            let points = years.compactMap { y in values[y].map { LineChart.Point(year: y, value: $0.0, label: $0.1) } }
            let title = "\(name), \(first)–\(last)"
            let desc = points.map { "\($0.year): \($0.label)" }.joined(separator: "; ") + "."
            h.element("section", ["aria-labelledby": "f\(n)"]) { h in
                h.element("h3", ["id": "f\(n)"], title)
                h.element("figure", ["style": "margin:0"]) { h in
                    h.raw(LineChart(id: "fc\(n + 1)", title: title, description: desc, points: points, target: nil, projection: nil,
                                    firstYear: first, lastYear: last, tick: tick(indicator)).svg())
                    h.element("figcaption", ["class": "cite"], vi ? "Số liệu mới nhất của mỗi năm; trục từ 0; các số liệu ở bảng trên." : "Each year's newest figure; axis from 0; the figures are in the table above.")
                }
            }
        }
    }
}
