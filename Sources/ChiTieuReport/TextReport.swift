import ChiTieuCore
import Foundation

/// A dated fact about the body shown beside a term's report, with the source it comes from.
public struct FactLine: Sendable {
    /// The fact and its indicator.
    public var outcome: OtherOutcome
    /// Its source.
    public var source: Source?

    /// Creates a fact line.
    public init(outcome: OtherOutcome, source: Source?) {
        self.outcome = outcome
        self.source = source
    }
}

/// The output format of a text report.
public enum TextFormat: String, Sendable, CaseIterable {
    /// Plain text with aligned tables, for printing and terminals.
    case text
    /// Markdown with pipe tables.
    case markdown
}

/// What every document renderer shares: its language and format, and the words they give.
protocol Rendering: Sendable {
    var language: ReportLanguage { get }
    var format: TextFormat { get }
}

extension Rendering {
    var words: Vocabulary { Vocabulary(language: language) }
    var vi: Bool { language == .vi }
    var markdown: Bool { format == .markdown }
}

/// Renders one assessment as the document a congress office prints: a heading, a table of every
/// target, sentences of the kind congress reports use, other outcomes, facts, notes and sources.
///
/// A pure function of its input: it formats figures (rounding once, through `NumberFormat`) and
/// never computes attainment itself.
public struct TextReport: Rendering {
    /// The language.
    public var language: ReportLanguage
    /// The format.
    public var format: TextFormat

    /// How a running target's status is shown: pro-rata (the default) or trend.
    public var method: ProgressMethod
    /// Where the year of assessment came from, said in the heading (set by the command line).
    public var asOfOrigin: AsOfOrigin = .given

    /// Creates a renderer.
    public init(language: ReportLanguage = .vi, format: TextFormat = .text, method: ProgressMethod = .proRata) {
        self.language = language
        self.format = format
        self.method = method
    }


    /// Renders the report.
    /// - Parameters:
    ///   - assessment: The judged record.
    ///   - facts: Dated facts about the body to show beside it.
    /// - Returns: The whole document, ending with a newline.
    public func render(_ assessment: Assessment, facts: [FactLine] = [], lineageSources: [String: Source] = [:]) -> String {
        var out: [String] = []
        var number = 0
        func section(_ vi: String, _ en: String) -> [String] {
            number += 1
            let title = "\(Term.roman(number)). \(self.vi ? vi : en)"
            return markdown ? ["", "## \(title)", ""] : ["", title, ""]
        }
        out += heading(assessment)
        let numbered = Self.numbering(assessment.targets)
        let isFacts = assessment.record.term == nil
        if !assessment.targets.isEmpty {
            out += section("BẢNG TỔNG HỢP CÁC CHỈ TIÊU", "SUMMARY OF TARGETS")
            let headline = words.headline(assessment, method: method)
            out += markdown ? [headline] : DisplayWidth.wrap(headline, width: 100)
            out.append("")
            out.append(markdown ? markdownTable(assessment, numbered) : textTable(assessment, numbered))
            out += section("ĐÁNH GIÁ", "ASSESSMENT")
            out += sentences(assessment, numbered)
            if !assessment.record.bands.isEmpty {
                out += section("XẾP MỨC THEO THANG CỦA ĐƠN VỊ", "GRADES ON THE OFFICE'S OWN BANDS")
                out += bandLines(assessment, numbered)
            }
        }
        // Stated figures nothing can check, found once: shown beside their figure where it is
        // listed, else among the notes.
        let unchecked = StatedChecks.unchecked(assessment)
        let uncheckedPlaces = Set(unchecked.map(\.location))
        let others = assessment.otherOutcomes
        if !others.isEmpty {
            out += isFacts ? section("SỐ LIỆU", "FIGURES") : section("KẾT QUẢ KHÁC", "OTHER OUTCOMES")
            out += factList(others.map { FactLine(outcome: $0, source: assessment.record.sources[$0.observation.citation.source]) },
                            unchecked: uncheckedPlaces)
        }
        if !assessment.unusedFigures.isEmpty {
            out += section("SỐ LIỆU KHÔNG DÙNG ĐỂ ĐÁNH GIÁ", "FIGURES USED BY NO VERDICT")
            out += unusedList(assessment, numbered, unchecked: uncheckedPlaces)
        }
        if !facts.isEmpty {
            out += section("SỐ LIỆU VỀ TỔ CHỨC TRONG NHIỆM KỲ", "FACTS ABOUT THE BODY DURING THE TERM")
            out += factList(facts)
        }
        if isFacts, !assessment.body.lineage.isEmpty {
            out += section("QUÁ TRÌNH HÌNH THÀNH, ĐỔI TÊN, HỢP NHẤT", "LINEAGE: FORMATION, RENAMES, MERGERS, TRANSFERS")
            out += lineage(assessment.body)
        }
        if !assessment.targets.isEmpty {
            out += section("CÁCH TÍNH", "HOW EACH FIGURE WAS COMPUTED")
            out += methodLines(assessment, numbered)
        }
        let notes = noteLines(assessment, numbered, unchecked: unchecked)
        if !notes.isEmpty {
            out += section("GHI CHÚ", "NOTES")
            out += notes
        }
        out += section("NGUỒN", "SOURCES")
        out += sourceLines(assessment, facts: facts, lineageSources: isFacts ? lineageSources : [:])
        return out.joined(separator: "\n") + "\n"
    }

    private func lineage(_ body: Body) -> [String] {
        body.lineage.flatMap { e -> [String] in
            var text = "\(markdown ? "- " : "– ")\(vi ? e.date.vietnamese : e.date.description): \(words.event(e.kind))"
            if let name = e.name { text += ": \(name)" }
            text += " — “\(e.quote)” (\(e.source))"
            return listItem(text)
        }
    }

    // MARK: - Heading

    private func heading(_ a: Assessment) -> [String] {
        var lines: [String] = []
        let title = a.record.term == nil
            ? (vi ? "SỐ LIỆU VỀ TỔ CHỨC" : "FACTS ABOUT THE BODY")
            : (vi ? "BÁO CÁO KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU NGHỊ QUYẾT ĐẠI HỘI" : "ATTAINMENT OF THE CONGRESS RESOLUTION'S TARGETS")
        lines.append(markdown ? "# \(title)" : title)
        lines.append("")
        var bodyLine = vi ? a.body.name : a.body.nameEn
        if let term = a.record.term, vi {
            let then = a.body.name(at: CalendarDate(year: term.startYear, month: 12, day: 31))
            if then != a.body.name { bodyLine = "\(then) (nay là \(a.body.name))" }
        }
        lines.append(markdown ? "**\(bodyLine)**" : bodyLine)
        if let term = a.record.term {
            lines.append(words.termLine(term))
            // How the term was judged (ended or running, as of which year and why), and how old the figures are.
            lines += words.howJudged(a, origin: asOfOrigin)
        } else {
            lines.append(vi ? "Tỉnh \(a.body.province)" : "\(a.body.province) province")
        }
        return lines
    }

    /// "1", "2", "3a", "3b": derived targets of one sentence share a number.
    static func numbering(_ targets: [TargetAssessment]) -> [String] {
        var labels: [String] = []
        var number = 0
        var index = 0
        while index < targets.count {
            let sentence = targets[index].target.sentenceID
            var end = index
            while end + 1 < targets.count, targets[end + 1].target.sentenceID == sentence { end += 1 }
            number += 1
            if end == index {
                labels.append("\(number)")
            } else {
                for (k, _) in targets[index...end].enumerated() { labels.append("\(number)\(String(UnicodeScalar(UInt8(97 + k % 26))))") }
            }
            index = end + 1
        }
        return labels
    }

    // MARK: - Table

    /// A target's term result as the table shows it: the figure, a year count, or "chưa có số liệu".
    func summaryResult(_ t: TargetAssessment) -> String {
        if let tally = t.summary.tally, hasYearlyData(t) { return words.tally(tally, ofYearsWithFigures: true) }
        if t.summary.tally != nil { return t.summary.progress == .notDue ? "" : words.verdict(.noData) }
        return words.value(t.summary, indicator: t.indicator)
    }

    private func hasYearlyData(_ t: TargetAssessment) -> Bool {
        t.years.contains { !$0.observations.isEmpty }
    }

    /// Year rows are shown once any year has a figure; before that they would only repeat "chưa có số liệu".
    func detailRows(_ t: TargetAssessment) -> [Judgement] {
        (hasYearlyData(t) ? t.years : []) + (t.cumulative.map { [$0] } ?? [])
    }

    func ruleLine(_ t: TargetAssessment) -> String {
        "\(words.rule(t.target.rule, indicator: t.indicator)), \(words.period(t.target.period))"
    }

    func yearLabel(_ row: Judgement, _ t: TargetAssessment) -> String {
        switch row.period {
        case let .year(y): return vi ? "– Năm \(y)" : "– \(y)"
        case let .cumulative(n) where t.indicator.unit == .percent:
            return vi ? "– Chung \(n) năm (cộng tử số, mẫu số)" : "– \(n) years pooled (counts added)"
        case let .cumulative(n):
            return vi
                ? "– Cộng \(n) năm (\(words.rule(row.rule, indicator: t.indicator)))"
                : "– \(n) years together (\(words.rule(row.rule, indicator: t.indicator)))"
        default: return ""
        }
    }

    private func textTable(_ a: Assessment, _ labels: [String]) -> String {
        var table = TextTable([
            .init(title: vi ? "STT" : "No.", width: 4),
            .init(title: vi ? "Chỉ tiêu" : "Target", width: 42),
            .init(title: vi ? "Kết quả" : "Outcome", width: 20),
            .init(title: vi ? "Tỷ lệ đạt" : "Attained", width: 9, alignRight: true),
            .init(title: vi ? "Chênh lệch" : "Gap", width: 13, alignRight: true),
            .init(title: vi ? "Đánh giá" : "Verdict", width: 15),
        ])
        for (i, t) in a.targets.enumerated() {
            table.add([
                [labels[i]],
                ["“\(t.target.text)”", "[\(ruleLine(t))]"],
                [summaryResult(t)],
                [words.attainment(t.summary)],
                [words.gap(t.summary, indicator: t.indicator)],
                [summaryStatus(t)],
            ], separated: true)
            for row in detailRows(t) {
                table.add([[""], ["  " + yearLabel(row, t)], [words.value(row, indicator: t.indicator)], [words.attainment(row)], [words.gap(row, indicator: t.indicator)], [words.status(row)]])
            }
            for u in t.perUnit {
                let row = u.assessment.summary
                table.add([[""], ["  – " + u.unit], [words.value(row, indicator: t.indicator)], [words.attainment(row)], [words.gap(row, indicator: t.indicator)], [words.status(row)]])
            }
        }
        return table.render()
    }

    private func markdownTable(_ a: Assessment, _ labels: [String]) -> String {
        func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
        var lines: [String] = []
        let titles = words.summaryTitles
        lines.append("| " + titles.joined(separator: " | ") + " |")
        lines.append("|---|---|---|--:|--:|---|")
        for (i, t) in a.targets.enumerated() {
            let cells = [labels[i], "“\(t.target.text)” — \(ruleLine(t))", summaryResult(t), words.attainment(t.summary), words.gap(t.summary, indicator: t.indicator), summaryStatus(t)]
            lines.append("| " + cells.map(cell).joined(separator: " | ") + " |")
            for row in detailRows(t) {
                let cells = ["", yearLabel(row, t), words.value(row, indicator: t.indicator), words.attainment(row), words.gap(row, indicator: t.indicator), words.status(row)]
                lines.append("| " + cells.map(cell).joined(separator: " | ") + " |")
            }
            for u in t.perUnit {
                let row = u.assessment.summary
                let cells = ["", "– " + u.unit, words.value(row, indicator: t.indicator), words.attainment(row), words.gap(row, indicator: t.indicator), words.status(row)]
                lines.append("| " + cells.map(cell).joined(separator: " | ") + " |")
            }
        }
        return lines.joined(separator: "\n")
    }

    // MARK: - Sentences

    /// The status column of a target's term row: the verdict, or a running term's status by the method.
    func summaryStatus(_ t: TargetAssessment) -> String { words.runningStatus(t, method: method) }

    private func sentences(_ a: Assessment, _ labels: [String]) -> [String] {
        evaluations(a.targets, labels).flatMap(paragraph)
    }

    /// The evaluation of each target as one paragraph of text, "9. Kết nạp được 868 đảng viên, …",
    /// the targets with no figure gathered in one closing paragraph ("Các chỉ tiêu 1, 2: chưa có
    /// số liệu."). The Word report prints the same paragraphs.
    func evaluations(_ targets: [TargetAssessment], _ labels: [String]) -> [String] {
        var paragraphs: [String] = []
        var waiting: [String] = []
        let phrasing = Phrasing(words: words)
        for (i, t) in targets.enumerated() {
            let manual = t.target.manualVerdict.map { " " + words.manual($0, computed: t.summary.verdict) } ?? ""
            guard let sentence = phrasing.sentence(t, status: summaryStatus(t)) else {
                if manual.isEmpty {
                    waiting.append(labels[i])
                } else {
                    paragraphs.append("\(labels[i]). \(words.verdict(.noData).prefix(1).uppercased() + words.verdict(.noData).dropFirst()).\(manual)")
                }
                continue
            }
            paragraphs.append("\(labels[i]). \(sentence)\(manual)")
        }
        if !waiting.isEmpty {
            let list = waiting.joined(separator: ", ")
            let one = waiting.count == 1
            paragraphs.append(vi
                ? "\(one ? "Chỉ tiêu" : "Các chỉ tiêu") \(list): chưa có số liệu."
                : "\(one ? "Target" : "Targets") \(list): no data yet.")
        }
        return paragraphs
    }

    /// Each target's attainment on the bands the office set (`bands:` of the term file, else of the catalogue), the
    /// bands said first so that a reader can check every grade.
    private func bandLines(_ a: Assessment, _ labels: [String]) -> [String] {
        let n = words.numbers
        let scale = a.record.bands.map { b in
            let range = b.end.map { n.decimal($0, places: Rounding.isWhole($0) ? 0 : 1) }.map { "\(n.decimal(b.start, places: Rounding.isWhole(b.start) ? 0 : 1))–\($0) %" }
                ?? (vi ? "từ \(n.decimal(b.start, places: Rounding.isWhole(b.start) ? 0 : 1)) %" : "\(n.decimal(b.start, places: Rounding.isWhole(b.start) ? 0 : 1))% or more")
            return "\(range): \(b.label)"
        }.joined(separator: "; ")
        var lines: [String] = []
        let intro = (vi ? "Thang của đơn vị (tỷ lệ đạt; mỗi mức gồm cận dưới, không gồm cận trên): " : "The office's bands (attainment; each includes its lower bound, not its upper): ") + scale + "."
        lines += markdown ? [intro, ""] : DisplayWidth.wrap(intro, width: 100) + [""]
        for (i, t) in a.targets.enumerated() {
            let name = words.indicatorName(t.indicator)
            let text: String
            if let att = t.summary.attainment {
                let grade = OfficeBands.band(a.record.bands, for: att)?.label ?? (vi ? "ngoài thang" : "outside the bands")
                text = "\(labels[i]). \(name): " + (vi ? "tỷ lệ đạt " : "attainment ") + words.attainment(t.summary) + " → " + grade
            } else {
                text = "\(labels[i]). \(name): " + (vi ? "không có tỷ lệ đạt để xếp mức" : "no attainment to grade")
            }
            lines += markdown ? ["- " + text] : listItem("– " + text)
        }
        return lines
    }

    /// "Cách tính": every step of every target, so that each figure can be redone by hand.
    private func methodLines(_ a: Assessment, _ labels: [String]) -> [String] {
        let method = MethodSection(words: words, method: method)
        var lines: [String] = []
        for text in method.legend(a.targets) { lines += markdown ? ["- " + text] : listItem("– " + text) }
        lines.append("")
        var nothing: [String] = []
        for (i, t) in a.targets.enumerated() {
            guard MethodSection.hasInputs(t) else {
                nothing.append(labels[i])
                continue
            }
            lines += listItem("\(labels[i]). \(words.indicatorName(t.indicator)) — \(ruleLine(t))")
            for step in method.steps(t) {
                let text = step.method + ": " + [step.formula, step.result].filter { !$0.isEmpty }.joined(separator: " → ")
                lines += markdown ? ["   - " + text] : DisplayWidth.wrap(text, width: 94).enumerated().map { ($0.offset == 0 ? "   · " : "     ") + $0.element }
            }
        }
        if !nothing.isEmpty {
            lines += listItem(vi
                ? "\(nothing.count == 1 ? "Chỉ tiêu" : "Các chỉ tiêu") \(nothing.joined(separator: ", ")): chưa có số liệu, không có gì để tính."
                : "\(nothing.count == 1 ? "Target" : "Targets") \(nothing.joined(separator: ", ")): no data yet, nothing to compute.")
        }
        return lines
    }

    /// A list item: one Markdown line, or wrapped text whose following lines are indented.
    private func listItem(_ text: String) -> [String] {
        markdown ? [text] : DisplayWidth.wrap(text, width: 100).enumerated().map { $0.offset == 0 ? $0.element : "  " + $0.element }
    }

    private func paragraph(_ text: String) -> [String] {
        markdown ? [text, ""] : DisplayWidth.wrap(text, width: 100)
    }

    // MARK: - Facts, notes, sources

    func factList(_ facts: [FactLine], unchecked: Set<SourceLocation> = []) -> [String] {
        var lines: [String] = []
        for f in facts.sorted(by: { $0.outcome.observation.period < $1.outcome.observation.period }) {
            let o = f.outcome.observation
            var text = "\(markdown ? "- " : "– ")\(words.observed(o.period)): \(words.indicatorName(f.outcome.indicator)): \(words.value(o, indicator: f.outcome.indicator))"
            if let c = f.outcome.statedCheck { text += ". " + words.stated(c) }
            if unchecked.contains(o.location) { text += ". " + words.unchecked(o) }
            if let note = o.note { text += " (\(note))" }
            if let c = o.correction {
                text += vi ? " [nguồn viết “\(c.original)”; đã hiệu chỉnh: \(c.reason)]" : " [the source writes “\(c.original)”; corrected: \(c.reason)]"
            }
            text += " — “\(o.quote)” (\(o.citation.source)\(o.citation.place(vietnamese: vi)))"
            lines += listItem(text)
        }
        return lines
    }

    /// Every figure no verdict uses, with each target's reason, so that none is lost from sight.
    func unusedList(_ a: Assessment, _ labels: [String], unchecked: Set<SourceLocation>) -> [String] {
        var label: [String: String] = [:]
        for (i, t) in a.targets.enumerated() { label[t.target.id] = labels[i] }
        var lines: [String] = []
        for u in a.unusedFigures {
            let o = u.observation
            var text = "\(markdown ? "- " : "– ")\(words.observed(o.period))"
            if let c = words.coverage(o) { text += " (\(c))" }
            text += ": \(words.indicatorName(u.indicator)): \(words.value(o, indicator: u.indicator))"
            // Each sentence after the figure; one that already ends with its full stop gets no second one.
            func then(_ sentence: String) { text += (text.hasSuffix(".") ? " " : ". ") + sentence }
            if let c = u.statedCheck { then(words.stated(c)) }
            if unchecked.contains(o.location) { then(words.unchecked(o)) }
            let reasons = u.reasons.map { r in
                (vi ? "chỉ tiêu " : "target ") + (label[r.targetID] ?? r.targetID) + ": " + words.unusedReason(r.kind, from: o.location)
            }
            then((vi ? "Không dùng vì " : "Not used: ") + reasons.joined(separator: "; "))
            text += " — “\(o.quote)” (\(o.citation.source)\(o.citation.place(vietnamese: vi)))"
            lines += listItem(text)
        }
        return lines
    }

    func noteLines(_ a: Assessment, _ labels: [String], unchecked: [Observation]) -> [String] {
        var lines: [String] = []
        var seen = Set<String>()
        for (i, t) in a.targets.enumerated() {
            guard let note = t.target.note, seen.insert(t.target.sentenceID).inserted else { continue }
            lines += paragraph((vi ? "Chỉ tiêu " : "Target ") + "\(labels[i].trimmingCharacters(in: .letters)): \(note)")
        }
        // A stated attainment of a figure judged inside a sum (or under a rule with no ratio):
        // shown here, as it is not shown beside the figure.
        let listed = Set(a.otherOutcomes.map(\.observation.location) + a.unusedFigures.map(\.observation.location))
        for o in unchecked where !listed.contains(o.location) {
            guard let indicator = a.targets.first(where: { $0.indicator.id == o.indicatorID })?.indicator else { continue }
            let at = o.citation.place(vietnamese: vi)
            lines += paragraph("\(words.indicatorName(indicator)), \(words.observed(o.period)): \(words.value(o, indicator: indicator)) (\(o.citation.source)\(at)). \(words.unchecked(o))")
        }
        return lines
    }

    private func sourceLines(_ a: Assessment, facts: [FactLine], lineageSources: [String: Source]) -> [String] {
        var sources = a.record.sources.values.sorted { $0.id < $1.id }
        for f in facts { if let s = f.source, !sources.contains(s) { sources.append(s) } }
        let cited = Set(a.body.lineage.map(\.source))
        for s in lineageSources.values.sorted(by: { $0.id < $1.id }) where cited.contains(s.id) && !sources.contains(s) { sources.append(s) }
        var lines: [String] = []
        for s in sources {
            var text = "[\(s.id)] \(s.title). \(s.publisher)"
            if let d = s.date { text += ", \(vi ? d.vietnamese : d.description)" }
            if let seed = s.seed { text += vi ? ". Bản lưu: \(seed)" : ". Stored as: \(seed)" }
            text += "."
            lines += paragraph(text)
        }
        let quoted = a.targets.flatMap { t in (t.years + [t.summary]).flatMap(\.observations) }
        var seen = Set<SourceLocation>()
        for o in quoted where seen.insert(o.location).inserted {
            let at = o.citation.place(vietnamese: vi)
            lines += paragraph("  “\(o.quote)” (\(o.citation.source)\(at))")
        }
        lines.append("")
        lines.append(vi ? "Tệp dữ liệu: \(a.record.file)" : "Data file: \(a.record.file)")
        if a.record.term == nil { return lines }
        lines += paragraph(words.attainmentRule)
        return lines
    }
}
