import ChiTieuCore
import Foundation

/// A comparison of bodies as a document (text or Markdown, Vietnamese or English) and as a tidy
/// CSV: one table per indicator and per normalisation, each figure with its date, ranks with
/// ties, the spread, a total only where adding up is meaningful, and, for a body shown at several
/// dates, what changed in between and how much of it was transferred in.
public struct ComparisonReport: Rendering {
    /// The language.
    public var language: ReportLanguage
    /// Text or Markdown.
    public var format: TextFormat

    /// Creates a renderer.
    public init(language: ReportLanguage = .vi, format: TextFormat = .text) {
        self.language = language
        self.format = format
    }

    // MARK: - Words shared with the CSV and the sheet

    /// A column's heading: the body's name at the date of its figures (with today's name when
    /// it has changed since), and the alignment.
    public func columnName(_ c: CrossComparison, _ i: Int) -> String {
        let column = c.columns[i]
        let date = c.rows.compactMap { $0.normalisation == nil ? $0.cells[i].figure?.end : nil }.max()
        var name = date.map { vi ? column.body.name(at: $0) : column.body.nameEn } ?? (vi ? column.body.name : column.body.nameEn)
        if vi, name != column.body.name { name += " (nay: \(column.body.name))" }
        return name + " — " + alignment(column.alignment) + (column.isContext ? (vi ? " (bối cảnh, không xếp hạng)" : " (context, not ranked)") : "")
    }

    func alignment(_ a: Alignment) -> String {
        switch a {
        case .latest: return vi ? "số liệu mới nhất" : "latest figures"
        case let .year(y): return vi ? "năm \(y)" : String(y)
        case let .term(t): return vi ? "nhiệm kỳ \(t.lowerBound)–\(t.upperBound)" : "term \(t.lowerBound)–\(t.upperBound)"
        }
    }

    /// A row's name: "Số đảng viên", "Số đảng viên bình quân một tổ chức cơ sở đảng",
    /// "Kết nạp đảng viên mới trên 100 đảng viên".
    public func rowName(_ r: ComparedRow) -> String {
        let name = words.indicatorName(r.indicator)
        switch r.normalisation {
        case nil: return name + unitNote(r.indicator)
        case .per100Members?: return name + (vi ? " trên 100 đảng viên" : " per 100 members")
        case .perOrganisation?: return name + (vi ? " bình quân một tổ chức cơ sở đảng" : " per grassroots organisation")
        }
    }

    private func unitNote(_ i: Indicator) -> String {
        if let m = words.measure(i) { return " (\(m))" }
        guard i.unit == .percent, let base = i.shareOf else { return "" }
        // The name often says the whole already ("… trong tổng số cán bộ"); then only the unit.
        if (vi ? i.name : i.nameEn).contains(vi ? base.name : base.nameEn) { return " (%)" }
        return vi ? " (% trong tổng số \(base.name))" : " (% of \(base.nameEn))"
    }

    /// A compared value as shown: counts whole, percents and quotients to one decimal, rounded
    /// half up once. A bound ("trên 7.500" ÷ 82 = trên 91,46…) is rounded towards what it
    /// guarantees: "trên 91,4", not "trên 91,5".
    public func shown(_ value: Decimal?, _ q: Qualifier, _ r: ComparedRow) -> String {
        guard let value else { return words.verdict(.noData) }
        if r.normalisation == nil, r.indicator.unit == .count { return words.qualifier(q) + words.numbers.natural(value) }
        // An amount as precise as its figures (a median of two may add a decimal), with its measure.
        if r.normalisation == nil, r.indicator.unit == .amount { return words.qualifier(q) + words.amount(value, r.indicator) }
        if r.normalisation == nil, r.indicator.unit == .rating {
            let levels = r.indicator.scale?.levels ?? []
            let place = levels.count - NSDecimalNumber(decimal: value).intValue
            return levels.indices.contains(place) ? (vi ? levels[place].name : levels[place].nameEn) : words.verdict(.noData)
        }
        let rounded: Decimal
        switch q {
        case .moreThan: rounded = Rounding.truncated(value, places: 1)
        case .lessThan: rounded = Rounding.truncated(value, places: 1) == value ? value : Rounding.truncated(value, places: 1) + Decimal(sign: .plus, exponent: -1, significand: 1)
        default: rounded = Rounding.halfUp(value, places: 1)
        }
        return words.qualifier(q) + (r.normalisation == nil ? words.numbers.percent(rounded, places: 1) : words.numbers.decimal(rounded, places: 1))
    }

    /// The columns of a compared row's table (the document's and the web site's).
    func tableTitles(normalised: Bool) -> [String] {
        var titles = vi ? ["Cột", "Đảng bộ", "Thời điểm", "Số liệu"] : ["Col.", "Body", "Date", "Figure"]
        if normalised { titles += vi ? ["Chia cho", "Tỷ số"] : ["Divided by", "Ratio"] }
        return titles + [vi ? "Hạng" : "Rank"]
    }

    func period(_ f: ChosenFigure?) -> String {
        guard let f else { return "" }
        if f.observation.period == .term, let t = f.term { return vi ? "nhiệm kỳ \(t.lowerBound)–\(t.upperBound)" : "term \(t.lowerBound)–\(t.upperBound)" }
        return words.observed(f.observation.period)
    }

    func problem(_ p: ComparisonProblem, _ ledger: [String: Indicator] = [:]) -> String {
        switch p {
        case let .missingBase(id):
            let name = ledger[id].map(words.indicatorName) ?? id
            return vi ? "chưa có số liệu \(name.lowercased()) để chia" : "no figure of \(name.lowercased()) to divide by"
        case .periodsDiffer: return vi ? "không cộng: số liệu khác thời điểm" : "not added up: figures of different dates"
        case .missingDenominator: return vi ? "không cộng: thiếu mẫu số để gia quyền" : "not added up: no denominator to weight by"
        case .incomplete: return vi ? "không cộng: có cột chưa có số liệu" : "not added up: a column has no figure"
        case .repeatedBody: return vi ? "không cộng: một đảng bộ ở nhiều thời điểm" : "not added up: one body at several dates"
        case let .mixedKinds(kinds, related):
            let named = kinds.map(words.bodyKind).joined(separator: ", ")
            if related {
                return vi ? "không cộng: đảng bộ khác loại (\(named)) trong cùng tỉnh, đảng bộ này có thể đã gồm đảng bộ kia"
                    : "not added up: bodies of different kinds (\(named)) in one province, one of which may hold another"
            }
            return vi ? "không cộng: đảng bộ khác loại (\(named)), cộng các cấp khác nhau không có nghĩa"
                : "not added up: bodies of different kinds (\(named)); a sum across levels means nothing"
        case .periodKindsDiffer:
            return vi ? "không cộng: có số liệu khác loại kỳ (xem ghi chú từng cột)" : "not added up: some figures are of another kind of period (see each column's note)"
        }
    }

    /// A period kind in words: "số liệu một năm", "số liệu cả nhiệm kỳ 5 năm".
    public func figureSpan(_ k: FigureSpan) -> String {
        switch k {
        case .year: return vi ? "số liệu một năm" : "a yearly figure"
        case .date: return vi ? "số liệu tại một thời điểm" : "a figure at a date"
        case let .term(n): return vi ? "số liệu cả nhiệm kỳ \(n) năm" : "a figure for a whole term of \(n) years"
        case .part: return vi ? "số liệu một phần kỳ" : "a figure for part of a period"
        }
    }

    /// Why a cell is left out of rank, spread and total: "không xếp hạng, không tính vào trung vị
    /// và tổng: số liệu cả nhiệm kỳ 5 năm (nhiệm kỳ 2015–2020), các cột được so sánh là số liệu một năm".
    public func leftOutReason(_ cell: ComparedCell, _ row: ComparedRow) -> String? {
        guard let own = cell.leftOut, let compared = row.comparedKind else { return nil }
        let when = period(cell.figure)
        return vi
            ? "không xếp hạng, không tính vào trung vị và tổng: \(figureSpan(own)) (\(when)), các cột được so sánh là \(figureSpan(compared))"
            : "not ranked, nor in the median or total: \(figureSpan(own)) (\(when)), while the columns compared have \(figureSpan(compared))"
    }

    // MARK: - Document

    /// The comparison as a document.
    public func render(_ c: CrossComparison, catalogue: [String: Indicator] = [:]) -> String {
        var out: [String] = []
        let title = vi ? "So sánh chỉ số giữa các đảng bộ" : "Indicators compared across party bodies"
        out.append(markdown ? "# " + title : title.uppercased())
        out.append("")
        for i in c.columns.indices { out.append(item("(\(i + 1)) " + columnName(c, i))) }
        out.append("")
        out.append(paragraph(alignmentNote(c)))
        for row in c.rows where !(row.cells.allSatisfy { $0.figure == nil } && row.normalisation != nil) {
            out.append("")
            out.append(markdown ? "## " + rowName(row) : rowName(row))
            out.append("")
            out.append(table(c, row, catalogue))
            out.append(contentsOf: footer(row, catalogue))
        }
        if !c.changes.isEmpty {
            out.append("")
            out.append(markdown ? "## " + (vi ? "Diễn biến trong từng đảng bộ" : "Changes within a body") : (vi ? "Diễn biến trong từng đảng bộ" : "Changes within a body"))
            for change in c.changes { out.append(contentsOf: changeLines(change)) }
        }
        return out.joined(separator: "\n") + "\n"
    }

    func alignmentNote(_ c: CrossComparison) -> String {
        let ranked = c.columns.filter { !$0.isContext }
        let alignments = Set(ranked.map(\.alignment))
        if c.isAligned, let a = alignments.first {
            return vi ? "Căn kỳ: mọi cột lấy số liệu \(alignment(a)); số liệu trong năm lấy thời điểm mới nhất, ghi kèm từng ô."
                : "Alignment: every column takes figures of \(alignment(a)); within a year the newest figure, its date beside it."
        }
        return vi
            ? "Căn kỳ: mỗi cột một thời điểm như ghi ở trên; số liệu khác thời điểm được ghi ngày từng ô, xếp hạng để tham khảo và không cộng gộp."
            : "Alignment: each column at its own time as listed above; figures of different dates carry their dates, ranks are for reference, and nothing is added up."
    }

    private func table(_ c: CrossComparison, _ row: ComparedRow, _ catalogue: [String: Indicator]) -> String {
        let normalised = row.normalisation != nil
        let titles = tableTitles(normalised: normalised)
        let rows = row.cells.indices.map { cellTexts(c, row, $0, catalogue) }
        if markdown {
            func escape(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
            var lines = ["| " + titles.joined(separator: " | ") + " |", "|" + titles.indices.map { $0 >= 3 ? "--:|" : "---|" }.joined()]
            lines += rows.map { "| " + $0.map(escape).joined(separator: " | ") + " |" }
            return lines.joined(separator: "\n")
        }
        let widths = normalised ? [5, 38, 12, 14, 22, 10, 5] : [5, 44, 12, 16, 5]
        var t = TextTable(titles.enumerated().map { TextTable.Column(title: $0.element, width: widths[$0.offset], alignRight: $0.offset >= 3 && $0.offset != (normalised ? 4 : -1)) })
        for r in rows { t.add(r.map { [$0] }) }
        return t.render()
    }

    /// The name of a compared column's body as its figure's date knew it, marked when it is context.
    func bodyName(_ c: CrossComparison, _ i: Int, _ cell: ComparedCell) -> String {
        let column = c.columns[i]
        let name = cell.figure.map { vi ? column.body.name(at: $0.end) : column.body.nameEn } ?? (vi ? column.body.name : column.body.nameEn)
        return name + (column.isContext ? (vi ? " (bối cảnh)" : " (context)") : "")
    }

    /// One body's cells in a compared indicator's table, in the order of `tableTitles`: the
    /// column, the body, the date, the figure, then (normalised) the base and the quotient, then
    /// the rank. `shareDetail`: a share's own numerator and denominator after its percent.
    func cellTexts(_ c: CrossComparison, _ row: ComparedRow, _ i: Int, _ catalogue: [String: Indicator], shareDetail: Bool = true) -> [String] {
        let cell = row.cells[i]
        var cells = ["(\(i + 1))", bodyName(c, i, cell), period(cell.figure)]
        cells.append(cell.figure.map { words.value($0.observation, indicator: row.indicator) } ?? words.verdict(.noData))
        if row.normalisation != nil {
            let base = cell.base.map { words.value($0.observation, indicator: row.indicator) + " (" + period($0) + ")" }
            cells.append(base ?? (cell.problem.map { problem($0, catalogue) } ?? ""))
            // No quotient without both figures; the columns beside it already say which is missing.
            cells.append(cell.value == nil ? "" : shown(cell.value, cell.qualifier, row))
        } else if row.indicator.unit == .percent, cell.value != nil {
            cells[3] = shown(cell.value, cell.qualifier, row) + (shareDetail ? cell.figure.map { figureDetail($0) } ?? "" : "")
        }
        cells.append(cell.rank.map(String.init) ?? (cell.leftOut != nil ? "—" : ""))
        return cells
    }

    /// A share's numerator and denominator, when the source gave them.
    private func figureDetail(_ f: ChosenFigure) -> String {
        if case let .share(n, d) = f.observation.value { return " (\(words.numbers.natural(n))/\(words.numbers.natural(d)))" }
        return ""
    }

    func footer(_ row: ComparedRow, _ catalogue: [String: Indicator]) -> [String] {
        var lines: [String] = []
        if let s = row.spread, row.cells.filter({ $0.rank != nil }).count > 1 {
            // An end of the spread keeps the qualifier of the figure it is ("cao nhất trên 91,4").
            func end(_ v: Decimal) -> String { shown(v, row.cells.first { $0.value == v && $0.rank != nil }?.qualifier ?? .exact, row) }
            let text = vi
                ? "Thấp nhất \(end(s.min)), trung vị \(shown(s.median, s.medianQualifier, row)), cao nhất \(end(s.max))."
                : "Lowest \(end(s.min)), median \(shown(s.median, s.medianQualifier, row)), highest \(end(s.max))."
            lines.append(text)
        }
        if let total = row.total {
            let how: String
            switch (row.normalisation, row.indicator.unit) {
            case (nil, .count), (nil, .amount): how = vi ? "cộng các cột" : "the columns added up"
            case (nil, _): how = vi ? "gia quyền theo mẫu số, không lấy trung bình các tỷ lệ" : "weighted by denominators, not an average of percentages"
            default: how = vi ? "tổng tử số chia tổng mẫu số" : "total over total"
            }
            lines.append((vi ? "Chung các cột: " : "All columns together: ") + shown(total, row.totalQualifier, row) + " (\(how)).")
        } else if let p = row.totalProblem, p != .incomplete || row.cells.contains(where: { $0.value != nil }) {
            lines.append(problem(p, catalogue).prefix(1).uppercased() + problem(p, catalogue).dropFirst() + ".")
        }
        for (i, cell) in row.cells.enumerated() {
            if let why = leftOutReason(cell, row) { lines.append("(\(i + 1)) " + why.prefix(1).uppercased() + why.dropFirst() + ".") }
        }
        if lines.isEmpty { return [] }
        return [""] + lines.map(paragraph)
    }

    func changeLines(_ change: BodyChange) -> [String] {
        var lines = [""]
        let from = vi ? change.from.vietnamese : change.from.description, to = vi ? change.to.vietnamese : change.to.description
        lines.append(paragraph(vi ? "\(change.body.name): từ \(from) đến \(to)" : "\(change.body.nameEn): from \(from) to \(to)"))
        for e in change.events {
            var text = "\(vi ? e.date.vietnamese : e.date.description): \(words.event(e.kind))"
            if let name = e.name { text += ": \(name)" }
            lines.append(item(text))
        }
        for s in change.changes {
            let sign = s.change < 0 ? "−" : "+"
            let magnitude = s.change < 0 ? -s.change : s.change
            var text = "\(words.indicatorName(s.indicator)): \(words.value(s.before.observation, indicator: s.indicator)) → \(words.value(s.after.observation, indicator: s.indicator)), "
                + (vi ? "thay đổi " : "change ") + words.qualifier(s.qualifier) + sign + words.numbers.natural(magnitude)
            if !s.transfers.isEmpty {
                let parts = s.transfers.map { o in words.qualifier(o.qualifier) + words.numbers.natural(o.value.comparable ?? 0) + " (" + words.observed(o.period) + ")" }
                text += vi
                    ? "; trong đó chuyển về cùng tổ chức: \(parts.joined(separator: ", ")) — là chuyển giao, không phải kết nạp hay thành lập mới"
                    : "; of which transferred in: \(parts.joined(separator: ", ")) — a transfer, not admissions or new organisations"
                let exact = s.qualifier == .exact && s.transfers.allSatisfy { $0.qualifier == .exact }
                if exact {
                    let rest = s.change - s.transferred
                    text += vi ? "; không kể phần chuyển về: " : "; leaving the transfer aside: "
                    text += (rest < 0 ? "−" : "+") + words.numbers.natural(rest < 0 ? -rest : rest)
                } else {
                    text += vi ? "; phần không do chuyển giao không tính được vì nguồn chỉ ghi số “trên”, “khoảng”"
                        : "; the part not due to the transfer cannot be told, as the sources give only bounds"
                }
            }
            // A stock with no target still gets a trend word; a transfer inflates it, and says so.
            if let p = s.noTarget, p.status != .notAvailable {
                text += "; " + words.noTargetLine(p)
                if !s.transfers.isEmpty { text += vi ? " (tính cả phần chuyển về)" : " (transfers included)" }
            }
            lines.append(item(text))
        }
        return lines
    }

    private func item(_ text: String) -> String {
        markdown ? "- " + text : "  – " + DisplayWidth.wrap(text, width: 96).joined(separator: "\n    ")
    }
    private func paragraph(_ text: String) -> String { markdown ? text : DisplayWidth.wrap(text, width: 100).joined(separator: "\n") }

    // MARK: - CSV

    /// The columns of the comparison CSV, in order (version 1).
    public static let csvColumns = [
        "indicator", "measure", "column", "body", "body_name", "alignment", "context", "period", "value", "qualifier",
        "base_indicator", "base_period", "base_value", "rank", "note",
    ]

    /// The comparison as tidy CSV (RFC 4180, UTF-8, ISO dates, a plain '.' decimal mark): one
    /// row per indicator, measure and column, then one "total" row per measure.
    public func csv(_ c: CrossComparison, catalogue: [String: Indicator] = [:]) -> String {
        var lines = [Self.csvColumns.joined(separator: ",")]
        func field(_ raw: String) -> String {
            let s = FormulaGuard.guarded(raw)
            return s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        func number(_ d: Decimal?) -> String { d.map { "\(Rounding.halfUp($0, places: 6))" } ?? "" }
        for row in c.rows {
            let measure = row.normalisation?.rawValue ?? "value"
            for (i, cell) in row.cells.enumerated() {
                let column = c.columns[i]
                let values = [
                    row.indicator.id, measure, String(i + 1), column.body.id,
                    cell.figure.map { column.body.name(at: $0.end) } ?? column.body.name,
                    column.alignment.description, column.isContext ? "yes" : "no",
                    cell.figure.map(Self.isoPeriod) ?? "", number(cell.value), cell.value == nil ? "" : cell.qualifier.rawValue,
                    row.normalisation?.baseIndicator ?? "", cell.base.map(Self.isoPeriod) ?? "", number(cell.base?.observation.value.comparable),
                    cell.rank.map(String.init) ?? "", cell.value == nil ? (cell.problem.map { problem($0, catalogue) } ?? words.verdict(.noData)) : (leftOutReason(cell, row) ?? ""),
                ]
                lines.append(values.map(field).joined(separator: ","))
            }
            if row.total != nil || row.totalProblem != nil {
                let values = [row.indicator.id, measure, "total", "", "", "", "no", "", number(row.total), row.total == nil ? "" : row.totalQualifier.rawValue,
                              "", "", "", "", row.totalProblem.map { problem($0, catalogue) } ?? ""]
                lines.append(values.map(field).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static func isoPeriod(_ f: ChosenFigure) -> String {
        if f.observation.period == .term, let t = f.term { return "\(t.lowerBound)/\(t.upperBound)" }
        return f.observation.period.description
    }
}
