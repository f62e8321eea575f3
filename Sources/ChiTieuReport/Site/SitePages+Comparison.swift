import ChiTieuCore
import Foundation

extension SitePages {
    var comparisonReport: ComparisonReport { ComparisonReport(language: language, format: .markdown) }

    /// A comparison's page: the columns and how they are aligned, then per indicator a bar chart
    /// (axis from zero, a bar per body labelled with its name) and a sortable table with each
    /// body's lineage beside its name, the spread and total under it, and what changed within a
    /// body shown at several dates.
    func comparisonPage(_ sc: SiteComparison) -> String {
        let c = sc.comparison
        let r = comparisonReport
        return page(stem: sc.slug, title: comparisonTitle(sc)) { h in
            // The heading the text comparison has; the columns below name the bodies.
            h.element("h1", [:], sc.every.map { _ in comparisonTitle(sc) } ?? (vi ? "So sánh chỉ số giữa các đảng bộ" : "Indicators compared across party bodies"))
            h.element("ol") { h in
                for i in c.columns.indices { h.element("li", [:], r.columnName(c, i)) }
            }
            h.element("p", [:], r.alignmentNote(c))
            h.element("p", ["class": "muted noprint"], vi
                ? "Bấm (hoặc nhấn Enter) vào tên cột của bảng để sắp xếp lại."
                : "Press a table's column heading (or Enter on it) to sort by it.")
            for (n, row) in c.rows.enumerated() where !(row.cells.allSatisfy { $0.figure == nil } && row.normalisation != nil) {
                h.element("section", ["aria-labelledby": "r\(n)"]) { h in
                    h.element("h2", ["id": "r\(n)"], r.rowName(row))
                    bars(&h, c, row, id: "b\(n + 1)")
                    comparedTable(&h, c, row)
                    for line in r.footer(row, ledger.indicators) where !line.isEmpty { h.element("p", [:], line) }
                }
            }
            if !c.changes.isEmpty {
                h.element("h2", [:], vi ? "Diễn biến trong từng đảng bộ" : "Changes within a body")
                for change in c.changes {
                    h.element("ul") { h in
                        for line in r.changeLines(change) where !line.isEmpty {
                            h.element("li", [:], line.hasPrefix("- ") ? String(line.dropFirst(2)) : line)
                        }
                    }
                }
            }
        }
    }

    private func bars(_ h: inout HTML, _ c: CrossComparison, _ row: ComparedRow, id: String) {
        guard row.indicator.unit != .rating else { return }
        let r = comparisonReport
        let bars = row.cells.enumerated().compactMap { i, cell -> BarChart.Bar? in
            guard let v = cell.value, v >= 0 else { return nil }
            return BarChart.Bar(label: "(\(i + 1)) " + r.bodyName(c, i, cell), value: v, shown: r.shown(v, cell.qualifier, row), context: c.columns[i].isContext)
        }
        guard !bars.isEmpty else { return }
        let title = r.rowName(row)
        let desc = bars.map { "\($0.label): \($0.shown)" }.joined(separator: "; ") + "."
        let percent = row.normalisation == nil && row.indicator.unit == .percent
        let n = numbers
        let svg = BarChart(id: id, title: title, description: desc, bars: bars) { v, places in
            percent ? n.percent(v, places: places) : n.decimal(v, places: places)
        }.svg()
        h.element("figure", ["style": "margin:0"]) { h in
            h.raw(svg)
            h.element("figcaption", ["class": "cite"], vi ? "Trục bắt đầu từ 0; cột xám là đảng bộ bối cảnh, không xếp hạng." : "The axis starts at 0; grey bars are context, not ranked.")
        }
    }

    private func comparedTable(_ h: inout HTML, _ c: CrossComparison, _ row: ComparedRow) {
        let r = comparisonReport
        let normalised = row.normalisation != nil
        let titles = r.tableTitles(normalised: normalised)
        let numeric: Set<Int> = normalised ? [0, 3, 5, 6] : [0, 3, 4]
        h.element("div", ["class": "table-wrap"]) { h in
            h.element("table", ["class": "sortable"]) { h in
                h.element("thead") { h in
                    h.element("tr") { h in
                        for (i, title) in titles.enumerated() {
                            h.element("th", ["scope": "col", "class": numeric.contains(i) ? "num" : nil]) { $0.element("button", ["type": "button"], title) }
                        }
                    }
                }
                h.element("tbody") { h in
                    for (i, cell) in row.cells.enumerated() {
                        let column = c.columns[i]
                        // The text table's cells; the site adds sort keys and the folded lineage.
                        let texts = r.cellTexts(c, row, i, ledger.indicators, shareDetail: false)
                        h.element("tr") { h in
                            h.element("td", ["class": "num", "data-sort": String(i + 1)], texts[0])
                            h.element("td") { h in
                                h.add(texts[1])
                                let events = column.body.lineage.filter { e in cell.figure.map { e.date <= $0.end } ?? true }
                                // The body's lineage up to the figure's date, folded: a body's
                                // history is long, and opened for printing.
                                if !events.isEmpty {
                                    h.element("details", ["class": "lineage"]) { h in
                                        h.element("summary", [:], (vi ? "Quá trình hình thành: " : "Lineage: ") + numbers.natural(Decimal(events.count)) + (vi ? " mốc" : events.count == 1 ? " event" : " events"))
                                        h.element("ul", ["class": "cite"]) { h in
                                            for e in events {
                                                h.element("li", [:], "\(vi ? e.date.vietnamese : e.date.description): \(words.event(e.kind))" + (e.name.map { ": \($0)" } ?? ""))
                                            }
                                        }
                                    }
                                }
                            }
                            h.element("td", ["data-sort": cell.figure.map(ComparisonReport.isoPeriod) ?? ""], texts[2])
                            let sortValue = cell.value.map { "\(Rounding.halfUp($0, places: 6))" } ?? ""
                            let figureSort = normalised ? (cell.figure?.observation.value.comparable.map { "\(Rounding.halfUp($0, places: 6))" } ?? "") : sortValue
                            h.element("td", ["class": "num", "data-sort": figureSort], texts[3])
                            if normalised {
                                h.element("td", [:], texts[4])
                                h.element("td", ["class": "num", "data-sort": sortValue], texts[5])
                            }
                            h.element("td", ["class": "num", "data-sort": cell.rank.map(String.init) ?? ""], texts[texts.count - 1])
                        }
                    }
                }
            }
        }
    }
}
