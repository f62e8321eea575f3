import ChiTieuCore
import Foundation

/// Writes the site's pages in one language: the frame every page shares (landmarks, navigation,
/// the language switch, the style sheet and script), the index, and the body pages. The words of
/// verdicts, statuses, rules and headlines are the text report's (`Vocabulary`), so the site and
/// the reports never say a thing two ways.
struct SitePages {
    let language: ReportLanguage
    let method: ProgressMethod
    let asOfOrigin: AsOfOrigin
    let reportsLink: String
    let feedRows: Bool
    let ledger: Ledger
    let entries: [SiteEntry]
    let comparisons: [SiteComparison]

    var words: Vocabulary { Vocabulary(language: language) }
    var vi: Bool { language == .vi }
    var numbers: NumberFormat { words.numbers }
    var report: TextReport {
        var r = TextReport(language: language, format: .markdown, method: method)
        r.asOfOrigin = asOfOrigin
        return r
    }

    /// A page's file name in this language: `x.html`, `x.en.html`.
    func file(_ stem: String) -> String { stem + (vi ? ".html" : ".en.html") }
    /// The same page in the other language.
    func otherFile(_ stem: String) -> String { stem + (vi ? ".en.html" : ".html") }

    /// The language of a quote from a source: sources are Vietnamese, so an English page marks
    /// them for screen readers and hyphenation; a Vietnamese page needs no mark.
    var quoteLanguage: String? { vi ? nil : "vi" }

    /// "Chưa có số liệu" with a capital, for a cell or line standing alone.
    func capitalised(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }

    // MARK: - Frame

    /// A whole page: the head, the header with the site's name, navigation and language switch,
    /// the main content written by `content`, the footer and the script.
    func page(stem: String, title: String, _ content: (inout HTML) -> Void) -> String {
        var h = HTML()
        h.raw("<!DOCTYPE html>\n")
        h.open("html", ["lang": language.rawValue])
        h.raw("\n")
        h.element("head") { h in
            h.void("meta", ["charset": "utf-8"])
            h.void("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
            h.raw("\n")
            h.element("title", [:], title + " — " + siteName)
            h.element("style") { $0.raw("\n" + SiteStyle.css + "\n") }
        }
        h.element("body") { h in
            h.element("a", ["class": "skip", "href": "#main"], vi ? "Chuyển đến nội dung" : "Skip to content")
            h.element("header") { h in
                h.element("p", ["class": "site"]) { $0.element("a", ["href": file("index")], siteName) }
                h.element("nav", ["aria-label": vi ? "Điều hướng chính" : "Main navigation"]) { h in
                    h.element("ul") { h in
                        h.element("li") { $0.element("a", ["href": file("index")], vi ? "Các đảng bộ" : "Bodies") }
                        for (i, c) in comparisons.enumerated() {
                            h.element("li") { $0.element("a", ["href": file(c.slug)], navName(c, i)) }
                        }
                        h.element("li", ["class": "lang"]) { h in
                            h.element("a", ["href": otherFile(stem), "hreflang": vi ? "en" : "vi", "lang": vi ? "en" : "vi"],
                                      vi ? "English" : "Tiếng Việt")
                        }
                    }
                }
            }
            h.element("main", ["id": "main"]) { content(&$0) }
            h.element("footer") { h in
                h.element("p", [:], vi
                    ? "Trang tĩnh do chitieu tạo từ các tệp dữ liệu trong Targets/; mở được từ ổ đĩa, không tải gì từ bên ngoài. \(words.attainmentRule)"
                    : "A static site made by chitieu from the data files in Targets/; it opens from the disk and fetches nothing from outside. \(words.attainmentRule)")
            }
            h.element("script") { $0.raw("\n" + SiteStyle.script + "\n") }
        }
        h.close("html")
        return h.text
    }

    var siteName: String { vi ? "Chỉ tiêu nghị quyết đại hội" : "Congress resolution targets" }

    // MARK: - Status

    /// The class of a target's term status: its verdict, or "running" inside a running term.
    func statusClass(_ t: TargetAssessment) -> String {
        if t.summary.isInProgress { return "running" }
        if t.summary.progress == .notDue { return "noData" }
        return (t.summary.verdict ?? .noData).rawValue
    }

    /// A status word in its coloured badge.
    func badge(_ h: inout HTML, _ text: String, _ cls: String) {
        guard !text.isEmpty else { return }
        h.element("span", ["class": "v v-\(cls)"], text)
    }

    /// The small status bar: a coloured part per status, in proportion, hidden from screen readers
    /// because the legend beside it says the same counts in words.
    func statusBar(_ h: inout HTML, _ a: Assessment) {
        var parts: [(cls: String, word: String, count: Int)] = []
        func add(_ cls: String, _ word: String) {
            if let i = parts.firstIndex(where: { $0.word == word }) { parts[i].count += 1 } else { parts.append((cls, word, 1)) }
        }
        let order = ["exceeded", "met", "running", "notMet", "undetermined", "noData"]
        for t in a.targets {
            let cls = statusClass(t)
            add(cls, cls == "running" ? words.runningStatus(t, method: method) : (t.summary.progress == .notDue ? words.progress(.notDue) : words.verdict(t.summary.verdict ?? .noData)))
        }
        parts.sort { (order.firstIndex(of: $0.cls) ?? 9, $0.word) < (order.firstIndex(of: $1.cls) ?? 9, $1.word) }
        let total = max(a.targets.count, 1)
        h.element("div", ["class": "bar", "aria-hidden": "true"]) { h in
            for p in parts {
                h.element("span", ["class": "s-\(p.cls)", "style": "width:" + String(format: "%.2f", Double(p.count) * 100 / Double(total)) + "%"], "")
            }
        }
        h.element("ul", ["class": "legend"]) { h in
            for p in parts {
                h.element("li") { h in
                    h.element("i", ["class": "s-\(p.cls)"], "")
                    h.add("\(p.word): \(numbers.natural(Decimal(p.count)))")
                }
            }
        }
    }

    // MARK: - Index

    func index() -> String {
        page(stem: "index", title: vi ? "Các đảng bộ" : "Bodies") { h in
            h.element("h1", [:], siteName)
            h.element("p", [:], vi
                ? "Mỗi đảng bộ, mỗi nhiệm kỳ: chỉ tiêu nguyên văn theo nghị quyết, kết quả, tỷ lệ đạt, đánh giá và biểu đồ; các trang so sánh giữa các đảng bộ."
                : "Each body and term: the targets as the resolution words them, outcomes, attainment, verdicts and charts; and pages comparing bodies.")
            let bodies = ledger.bodies.values.filter { b in entries.contains { $0.assessment.record.bodyID == b.id } }
            let provinces = Set(bodies.map(\.province)).sorted()
            for province in provinces {
                h.element("h2", [:], vi ? "Tỉnh \(province)" : "\(province) province")
                let here = bodies.filter { $0.province == province }
                for kind in BodyKind.allCases where here.contains(where: { $0.kind == kind }) {
                    h.element("h3", [:], capitalised(words.bodyKind(kind)))
                    h.element("ul", ["class": "bodies"]) { h in
                        for body in here.filter({ $0.kind == kind }).sorted(by: { $0.id < $1.id }) { bodyItem(&h, body) }
                    }
                }
            }
            if !comparisons.isEmpty {
                h.element("h2", [:], vi ? "So sánh giữa các đảng bộ" : "Comparisons across bodies")
                h.element("ul") { h in
                    for c in comparisons { h.element("li") { $0.element("a", ["href": file(c.slug)], comparisonTitle(c)) } }
                }
            }
        }
    }

    private func bodyItem(_ h: inout HTML, _ body: Body) {
        let own = entries.filter { $0.assessment.record.bodyID == body.id }
        let terms = own.filter { $0.assessment.record.term != nil }
        h.element("li") { h in
            h.element("strong", [:], vi ? body.name : body.nameEn)
            if let latest = terms.max(by: { ($0.assessment.record.term?.startYear ?? 0) < ($1.assessment.record.term?.startYear ?? 0) }),
               let term = latest.assessment.record.term {
                h.element("p") { h in
                    h.add((vi ? "Nhiệm kỳ gần nhất " : "Latest term ") + term.years + ": ")
                    h.element("a", ["href": file(latest.stem), "class": "headline-link"], words.headline(latest.assessment, method: method))
                }
                statusBar(&h, latest.assessment)
            }
            h.element("ul", ["class": "terms"]) { h in
                for e in own {
                    h.element("li") { h in
                        if let term = e.assessment.record.term {
                            h.element("a", ["href": file(e.stem)], words.termLine(term))
                            h.add(": " + words.headline(e.assessment, method: method))
                        } else {
                            h.element("a", ["href": file(e.stem)], vi ? "Số liệu về tổ chức" : "Facts about the body")
                        }
                    }
                }
            }
        }
    }

    // MARK: - Comparisons' titles

    /// A comparison's short name in the navigation: "So sánh 1", "Mọi đảng bộ khối".
    func navName(_ c: SiteComparison, _ i: Int) -> String {
        if let kind = c.every { return vi ? "Mọi \(words.bodyKind(kind))" : "Every \(words.bodyKind(kind))" }
        let n = comparisons.prefix(i + 1).filter { $0.every == nil }.count
        return vi ? "So sánh \(n)" : "Comparison \(n)"
    }

    func comparisonTitle(_ c: SiteComparison) -> String {
        if let kind = c.every { return vi ? "So sánh mọi \(words.bodyKind(kind))" : "Every \(words.bodyKind(kind)) compared" }
        let names = c.comparison.columns.map { column -> String in
            let when: String
            switch column.alignment {
            case .latest: when = ""
            case let .year(y): when = " \(y)"
            case let .term(t): when = " \(t.lowerBound)–\(t.upperBound)"
            }
            return (vi ? column.body.name : column.body.nameEn) + when
        }
        return (vi ? "So sánh: " : "Compared: ") + names.joined(separator: "; ")
    }
}
