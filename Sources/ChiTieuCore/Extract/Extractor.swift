import Foundation

/// One entry found in a text: a target, an outcome or a fact (what a body has at a date), with
/// the words and place it came from.
public struct ExtractedEntry: Hashable, Sendable {
    public enum Kind: String, Sendable { case target, outcome, fact }

    public var kind: Kind
    /// 1-based line of the text.
    public var line: Int
    /// The verbatim words of the clause.
    public var words: String
    /// For a target: the rule and period read (see `PhraseReader`).
    public var rule: DraftRule?
    /// For an outcome: the figure as written ("868", "91,4%", "28/41" for a share, "?" when the
    /// text states an attainment without its figure) and the attainment stated beside it
    /// ("115,7%", with its word when it bounds or approximates: "vượt gần 5%").
    public var value: String?
    public var stated: String?
    /// For an outcome: the target figure written beside it ("180/150", "(chỉ tiêu … là 90%)",
    /// "(Nghị quyết đề ra 50)"), or worked out from an excess ("152, vượt chỉ tiêu 12" → 140).
    public var target: String?
    /// What a person should look at again.
    public var review: [String] = []
    /// Catalogue indicators that fit the words, best first; empty when none does.
    public var indicators: [String]
    /// 0…1: how sure the reading is (lower with every point a person must check).
    public var confidence: Decimal
    /// The congress and term of the paragraph, when the text says them.
    public var congress: String?
    public var years: String?
    /// For an outcome: what the figure covers, in the text's words ("2023", "6 tháng đầu năm",
    /// "từ đầu năm đến nay", "tính đến 30/6", "giữa nhiệm kỳ"); nil when the text does not say.
    public var coverage: String?
    /// For an outcome: the body the clause names when a sentence reports several ("Đảng bộ Công an tỉnh").
    public var body: String?
    /// For an outcome: the excess over its target stated as a figure ("vượt chỉ tiêu 12 đảng viên"
    /// → "12"), copied from the text; the target is the outcome less it, worked out by `check`.
    public var excess: String?
    /// For a fact: its period as a data file writes it ("2023-06-30", "1965-05", "2022"); nil when
    /// the text gives no full date, month or year (the entry's review says what it gives).
    public var period: String?
    /// For a fact: how exact its figure is, as a data file writes it ("more-than" for "trên 1.000").
    public var qualifier: String?

    /// For an outcome: the year its opening names ("Năm 2023, …", "6 tháng đầu năm 2024"), the
    /// outcome's period; nil when the text names none.
    public var year: Int? {
        // "nhiệm kỳ 2015 - 2020", "giai đoạn 2016 - 2020" are terms, not years.
        guard let c = coverage, let r = c.range(of: #"(năm |/)\d{4}$"#, options: .regularExpression) else { return nil }
        return Int(c[r].filter(\.isNumber))
    }

    /// For an outcome: the date its opening names in full ("tính đến 30/6/2022" → "2022-06-30"),
    /// the outcome's period as a data file writes it; nil when the text gives no full date.
    public var date: String? {
        guard let c = coverage, let r = c.range(of: #"\d{1,2}/\d{1,2}/\d{4}$"#, options: .regularExpression) else { return nil }
        let p = c[r].split(separator: "/").compactMap { Int($0) }
        guard p.count == 3, (1...31).contains(p[0]), (1...12).contains(p[1]) else { return nil }
        return String(format: "%04d-%02d-%02d", p[2], p[1], p[0])
    }

    /// For an outcome: its coverage as a data file's `covers:` writes it (`first-half`, `Q1`,
    /// `9-months`, `to-date`, `term-to-date`); nil for a whole year or the term.
    public var covers: String? {
        guard let c = coverage?.lowercased() else { return nil }
        // "lũy kế 6 tháng", "6 tháng năm 2025": six months counted from the year's start are its first
        // half, as the model's coverage words read them; "6 tháng cuối năm" is not.
        if c.hasPrefix("6 tháng đầu năm") || c == "6 tháng" || c.hasPrefix("6 tháng năm ") || c.hasPrefix("6 tháng/") { return "first-half" }
        if c.hasPrefix("9 tháng") { return "9-months" }
        if let r = c.range(of: #"^quý (iv|iii|ii|i|[1-4])\b"#, options: .regularExpression) {
            let q = String(c[r].dropFirst(4))
            return ["i": "Q1", "ii": "Q2", "iii": "Q3", "iv": "Q4", "1": "Q1", "2": "Q2", "3": "Q3", "4": "Q4"][q]
        }
        // "Đến ngày 30/9/2025, … đã kết nạp 139": a sentence opening on a full date reports up to it, as "tính đến" does.
        if c.hasPrefix("từ đầu năm") || c.hasPrefix("tính đến") || c.hasPrefix("đến ngày") || c.hasPrefix("đến hết ngày") || c == "đến nay" { return "to-date" }
        // "Sau 3 năm thực hiện Nghị quyết, …": the years of the term gone by, up to now.
        if c.contains("giữa nhiệm kỳ") || c.contains("nửa nhiệm kỳ") || c.contains("đầu nhiệm kỳ")
            || c.range(of: #"^sau \d+ năm (thực hiện|triển khai) nghị quyết"#, options: .regularExpression) != nil { return "term-to-date" }
        return nil
    }
}

/// A clause with a figure that no entry took, for a person to read: nothing is dropped silently.
public struct UnreadClause: Hashable, Sendable {
    /// 1-based line of the text.
    public var line: Int
    /// The verbatim words of the clause.
    public var words: String
}

/// What a text yields: the entries; the target-like clauses that could not be read (a malformed
/// figure, no rule in the words); and every other clause with a figure that no entry took.
public struct Extraction: Sendable {
    public var entries: [ExtractedEntry]
    public var unparsed: [UnreadClause]
    public var unread: [UnreadClause]
    /// The date the text was published, from its dateline ("21-07-2020 08:46"), as a data file
    /// writes it ("2020-07-21"); nil without one.
    public var published: String?
}

/// Finds target and outcome sentences in a resolution or report text. The text is cut into
/// paragraphs (a heading, a list item and a dateline stand alone), sentences, parts (at ";" and
/// ":") and clauses (at ", "). Whether a clause sets a target or reports a result is read from
/// the words around it, nearest first: the clause's own part ("phấn đấu …", "đã kết nạp …"), its
/// sentence, the sentence introducing it ("Các chỉ tiêu chủ yếu:"), and the heading above it
/// ("KẾT QUẢ THỰC HIỆN …"). Nothing is invented: every figure comes from the words; a clause
/// with a figure that is not read is listed with its line.
public struct Extractor: Sendable {
    let catalogue: [Indicator]

    public init(catalogue: [String: Indicator]) {
        self.catalogue = catalogue.values.sorted { $0.position < $1.position }
    }

    /// Whether the words around a clause set targets or report results.
    enum Mode { case plan, results }

    /// The entries of a text, and the lines of clauses that look like targets but could not be read.
    public func extract(_ text: String) -> (entries: [ExtractedEntry], unparsed: [(line: Int, words: String)]) {
        let r = read(text)
        return (r.entries, r.unparsed.map { ($0.line, $0.words) })
    }

    /// Everything a text yields, the clauses not read included.
    public func read(_ text: String) -> Extraction {
        var out = Extraction(entries: [], unparsed: [], unread: [])
        // The heading above: what the lines under it are, and the period it names ("Mục tiêu đến năm 2025:").
        var headingMode: Mode?
        var headingPeriod: String?
        // A table pasted as text lines ("Kết nạp đảng viên | 750 | 868 | 115,7 %"): the roles of its
        // columns, from its header row or the line that introduces it.
        var table = TableColumns()
        // What the items under a heading that names neither plan nor results are, taken from the
        // items themselves ("Về văn hóa - xã hội:" over "- … giảm bình quân 1 - 1,5 %/năm; - … đạt 72 %").
        var listMode: Mode?
        // What the figures under a heading cover ("Kết quả kết nạp đảng viên quý II/2025 …:").
        var headingCoverage: String?
        let all = Self.paragraphs(text)
        // A blank line before a paragraph ends the list a heading opened.
        let lines = text.components(separatedBy: "\n")
        let afterBlank: [Bool] = all.indices.map { p in
            guard p > 0 else { return true }
            return (all[p - 1].0 + 1..<all[p].0).contains { PhraseReader.normalised(lines[$0]).isEmpty }
        }
        // Where the list under the last heading ends (its position in `all`).
        var listEnd = 0
        // What the last topic's list ("Về xã hội: … giảm bình quân 0,8 - 1 %/năm; …") leaned to: the next
        // topic's list ("Về môi trường: … đạt 90 %; …"), a sibling with no word either way, is of its kind.
        var lastTopicMode: Mode?
        for (position, (index, raw)) in all.enumerated() {
            if position >= listEnd { listMode = nil; headingCoverage = nil }
            let line = index + 1
            let paragraph = Self.withoutListMarker(raw)
            if paragraph.contains("|") {
                readTableRow(paragraph, line: line, columns: &table, into: &out)
                continue
            }
            table = TableColumns(introduction: paragraph)
            table.counts = countedByVerb(paragraph)
            let (congress, years) = Self.congress(of: paragraph)
            if Self.isHeading(paragraph) {
                // The items: up to the next heading, table or blank line.
                listEnd = all.indices.dropFirst(position + 1).first { afterBlank[$0] || Self.isHeading(Self.withoutListMarker(all[$0].1)) || all[$0].1.contains("|") } ?? all.count
                if let m = Self.mode(of: paragraph) {
                    lastTopicMode = nil
                    headingMode = m
                    headingPeriod = Self.period(of: paragraph, plan: true)
                    listMode = nil
                } else {
                    if let p = Self.period(of: paragraph, plan: true), p.hasPrefix("by ") { headingPeriod = p }
                    listMode = Self.listMode(all[(position + 1)..<listEnd].flatMap { Self.fullSentences(Self.withoutListMarker($0.1)).flatMap { Self.parts($0).map(\.0) } })
                }
                headingCoverage = Self.coverage(of: paragraph)
                continue
            }
            // Old texts set targets in paragraphs that only name the resolution somewhere.
            let resolutionWords = ["nghị quyết", "chỉ tiêu", "phấn đấu", "mục tiêu"].contains { paragraph.lowercased().contains($0) }
            var paragraphMode = headingMode
            var introPeriod: String?
            // The coverage an earlier sentence or the heading named: "Năm 2024, A kết nạp 86 … Tuy nhiên, B mới kết nạp 31".
            var paragraphCoverage = headingCoverage
            // The last outcome of the paragraph, for a sentence that states its attainment after it
            // ("… cả nhiệm kỳ kết nạp 1.245 đảng viên. So với chỉ tiêu Nghị quyết, kết quả này đạt 103,8 %.").
            var paragraphLastOutcome: Int?
            // Whether an earlier sentence of the paragraph reported what was done ("… đã phối hợp mở các
            // lớp bồi dưỡng. … 68 % học viên có trình độ đại học trở lên."): a comparator alone then
            // describes, it does not set a target.
            var paragraphReported = false
            // The year of a part of a year said anywhere in the sentence before ("… hội nghị sơ kết … 6 tháng
            // đầu năm 2025. 6 tháng đầu năm, toàn Đảng bộ kết nạp 1.126"): the year of a part said without one.
            var paragraphYearHint: String?
            let sentences = Self.fullSentences(paragraph)
            for (sentenceIndex, sentence) in sentences.enumerated() {
                if let last = paragraphLastOutcome, out.entries[last].stated == nil, let stated = Self.backStated(sentence) {
                    out.entries[last].stated = stated
                    out.entries[last].words += ". " + sentence
                    continue
                }
                // The next sentence states the attainment of this one's last figure.
                let attainedAfter = sentenceIndex + 1 < sentences.count && Self.backStated(sentences[sentenceIndex + 1]) != nil
                defer { if let l = out.entries.indices.last, out.entries[l].kind == .outcome, out.entries[l].line == line { paragraphLastOutcome = l } }
                // A period at the opening of a sentence holds for all of it ("Hằng năm, …; không có …").
                let opening = Self.opening(of: sentence)
                let inheritedCoverage = paragraphCoverage
                if let c = Self.coverage(of: opening) { paragraphCoverage = c }
                let openingPeriod = Self.period(of: opening, plan: true)
                var carried = openingPeriod
                let sentenceCue = Self.cue(of: sentence)
                defer { if sentenceCue == .results { paragraphReported = true } }
                var lastOutcome: Int?
                // A sentence that read an outcome reported, whatever its cue: "(HGĐT) - Năm 2024, … kết nạp
                // 2.318 đảng viên, đạt 105,4 % chỉ tiêu. Đến ngày 31/12/2024, Đảng bộ tỉnh có 62.547 đảng
                // viên" then says what the body has, not what it aims at.
                defer { if lastOutcome != nil { paragraphReported = true } }
                // Only the sentence right before gives the year, and only when it reported nothing itself
                // (a meeting announced): a later date or a result of its own speaks for another period.
                // A sentence between that reports nothing and names no year of its own ("Đảng bộ huyện hiện có
                // 5.126 đảng viên, …") keeps the hint for the next.
                defer {
                    let lowered = sentence.lowercased()
                    if lastOutcome != nil {
                        paragraphYearHint = nil
                    } else if let r = lowered.range(of: #"(\d+ tháng( (đầu|cuối))?|quý [ivx1-4]+)( năm |/)\d{4}"#, options: .regularExpression) {
                        paragraphYearHint = String(lowered[r])
                    } else if lowered.range(of: #"(?<!\d)(19|20)\d{2}(?!\d)"#, options: .regularExpression) != nil {
                        paragraphYearHint = nil
                    }
                }
                // Parts after an introduction in the sentence are items of a list: each has its own period.
                var inList = false
                // The mode an introduction in this sentence gave ("Kế hoạch năm 2024: …; kết quả: …").
                var introMode: Mode?
                var afterResults = false
                // The lean of the items after an introduction that names no mode ("Về môi trường: …; …").
                var sentenceListMode: Mode?
                // Whether a clause before, in this sentence, was narrative (who was elected, what a place is).
                var describedBefore = false
                // What an introduction says its items count by the verb of an indicator's phrase and its
                // noun ("kết quả kết nạp đảng viên của một số đảng bộ: A 118/110 đảng viên; …"): the
                // items, naming a body and a figure only, count that.
                var introCounts: [String] = []
                let sentenceParts = Self.parts(sentence)
                for (partIndex, (part, isIntro)) in sentenceParts.enumerated() {
                    if isIntro {
                        introCounts = countedByVerb(part)
                        if Self.mode(of: part) == nil {
                            let items = sentenceParts[(partIndex + 1)...].map(\.0)
                            sentenceListMode = Self.listMode(items)
                            if Self.isTopic(part) {
                                if sentenceListMode == nil, Self.listLean(items).results == 0 { sentenceListMode = lastTopicMode }
                                lastTopicMode = sentenceListMode
                            }
                        }
                        // "Các chỉ tiêu chủ yếu:", "Kết quả sau 5 năm:", "Về kinh tế:" (keeps what was).
                        if let m = Self.mode(of: part) { paragraphMode = m; introMode = m }
                        // "Phấn đấu hằng năm: …; …": a yearly period of a plan's introduction holds for its items.
                        if let p = Self.period(of: part, plan: true), p.hasPrefix("by ") || p.hasPrefix("year ") || p == "each-year" && Self.mode(of: part) == .plan { introPeriod = p }
                        inList = true
                        for c in Self.clauses(part) where !Self.values(in: c).isEmpty { out.unread.append(UnreadClause(line: line, words: c)) }
                        continue
                    }
                    let partCue = Self.cue(of: part)
                    // "…: đến năm 2030, A; B": an end point opening the list, set off by a comma, holds for its items.
                    if inList, part.trimmingCharacters(in: .whitespaces).lowercased().range(of: #"^(đến|vào) năm \d{4},"#, options: .regularExpression) != nil,
                       let p = PhraseReader.period(of: part), p.hasPrefix("by ") { introPeriod = p }
                    // An end point or a year said inside an item of a list is that item's own
                    // ("…; thu ngân sách đến năm 2030 đạt …; thu nhập …"); "hằng năm" holds to the full stop.
                    if let c = carried, c.hasPrefix("by ") || c.hasPrefix("year "), c != openingPeriod { carried = openingPeriod }
                    if inList { carried = nil }
                    let clauses = Self.clauses(part)
                    // "Phấn đấu tỷ lệ … đô thị đạt 98 %, nông thôn đạt 85 % vào năm 2030": a period closing the
                    // last clause of one verb's list of figures holds for the clauses before it.
                    // A last clause with a plan word of its own ("…, phấn đấu kết nạp … trong nhiệm kỳ") is another
                    // target, its period its own.
                    let closingPeriod: String? = clauses.count > 1 && clauses.last.map({ Self.cue(of: $0) != .plan }) == true ? clauses.last.flatMap { last in
                        last.lowercased().range(of: #"((vào|đến) năm \d{4}|trong nhiệm kỳ|(vào|đến) cuối nhiệm kỳ)$"#, options: .regularExpression).flatMap { PhraseReader.period(of: String(last.lowercased()[$0])) }
                    } : nil
                        // The outcome whose target the next clause gives ("…, Nghị quyết đề ra 70 %").
                    var pairedIndex: Int?
                    // The target named alone in the clause before an outcome ("chỉ tiêu 500, thực hiện 538").
                    var plannedBefore: (target: String, words: String)?
                    // Whether the clause before was read as a result because this one states its attainment.
                    var attainedBefore = false
                    for (k, clause) in clauses.enumerated() {
                        let lower = clause.lowercased()
                        // "45 đảng viên, đạt 90 %": a figure whose attainment follows is a result, verb or not.
                        let attained = k + 1 < clauses.count && (Self.bareStated(clauses[k + 1]) != nil || Self.statedWithTarget(clauses[k + 1]) != nil)
                            || attainedAfter && partIndex == sentenceParts.count - 1 && k == clauses.count - 1
                        // A period said in a clause holds for the clauses after it until the full stop, as the reviewed seeds read it.
                        defer { if let own = PhraseReader.period(of: clause) { carried = own } }
                        if lower.contains("kết quả") || lower.hasPrefix("đã ") || lower.contains(" đã ") { afterResults = true }
                        // "28/41", "5.210/4.400": figures too, though not single values.
                        let hasFigure = !Self.values(in: clause).isEmpty || Self.slashPair(in: clause) != nil || PhraseReader.multiple(in: clause) != nil
                        let malformed = PhraseReader.malformed(in: clause).filter { !$0.contains("/") && !$0.contains(":") }
                        guard hasFigure || !malformed.isEmpty || lower.contains("không có") || lower.contains("không còn") || lower.contains("xếp loại") else { continue }
                        // "… đạt 8,3 %/năm, Nghị quyết đề ra 9 - 10 %/năm": a figure with the resolution's own
                        // figure in the next clause is the result measured against it, unless its own words plan.
                        let targetFollows = k + 1 < clauses.count && Self.bareTarget(clauses[k + 1]) != nil && Self.cue(of: clause) != .plan
                        // "Đảng bộ xã A kết nạp 12, đạt 120 %": a figure whose attainment the next clause
                        // states was reached, whatever the heading above, unless its own words plan.
                        let attainedNext = k + 1 < clauses.count && (Self.bareStated(clauses[k + 1]) != nil || Self.statedWithTarget(clauses[k + 1]) != nil)
                            && clauses[k + 1].trimmingCharacters(in: .whitespaces).lowercased().range(of: #"^\(?(đạt|bằng|vượt)\b"#, options: .regularExpression) != nil
                            && partCue != .plan && introMode != .plan && Self.cue(of: clause) != .plan
                        let pairedOutcome = lastOutcome != nil && lastOutcome == pairedIndex
                        // The nearest words decide; a plan word beats a result word in the same place.
                        let mode: Mode? = targetFollows || attainedNext ? .results : partCue ?? introMode ?? sentenceCue ?? paragraphMode ?? sentenceListMode ?? listMode ?? Self.weakCue(of: part) ?? Self.weakCue(of: sentence)
                        defer { attainedBefore = attainedNext }
                        // Narrative first: "… hiện có 82 tổ chức cơ sở đảng với trên 7.5000 đảng viên" says what
                        // a body has, not a target, whatever its figure's fault (listed with it for a person).
                        // "…: đến cuối nhiệm kỳ, số đảng viên toàn tỉnh đạt trên 58.000 đồng chí" under a plan's words
                        // aims at a membership: comrades counted there are members, not who was elected.
                        let aimsAtMembership = mode == .plan && lower.contains("số đảng viên") && !lower.contains("ban chấp hành") && !lower.contains("ban thường vụ")
                        if Self.isNarrative(clause) && !aimsAtMembership || mode != .plan && Self.isEvent(clause) {
                            if hasFigure || !malformed.isEmpty { out.unread.append(UnreadClause(line: line, words: clause)) }
                            describedBefore = true
                            continue
                        }
                        if !malformed.isEmpty, mode != .results {
                            out.unparsed.append(UnreadClause(line: line, words: clause))
                            continue
                        }
                        // An attainment with the target it is of: "…, đạt 76,5 % chỉ tiêu Nghị quyết đề ra cho cả
                        // nhiệm kỳ (800 đảng viên)", "…, vượt 4,6 % so với chỉ tiêu Nghị quyết (500 đảng viên)";
                        // or the plan's figure, then the attainment against it: "…, so với chỉ tiêu 120 đảng viên
                        // đạt 109,2 %".
                        if mode != .plan || attainedBefore, let last = lastOutcome, out.entries[last].stated == nil, out.entries[last].target == nil,
                           let (stated, target) = Self.statedWithTarget(clause) ?? Self.comparedTarget(clause) {
                            out.entries[last].stated = stated
                            out.entries[last].target = target
                            out.entries[last].words += ", " + clause
                            continue
                        }
                        // "Kết nạp đảng viên mới: chỉ tiêu 500, thực hiện 538, đạt 107,6 %": the plan's figure
                        // named alone before what was done is the target of the outcome after it.
                        if k + 1 < clauses.count, let target = Self.bareTarget(clause),
                           clauses[k + 1].lowercased().hasPrefix("thực hiện"), !Self.values(in: clauses[k + 1]).isEmpty {
                            plannedBefore = (target, clause)
                            continue
                        }
                        // "…, đạt 126 % chỉ tiêu, vượt 65 đảng viên": a count over the plan in a clause of its own after
                        // an outcome's attainment is its excess (copied, not subtracted: `check` works out the target).
                        if mode != .plan, let last = lastOutcome, out.entries[last].stated != nil, out.entries[last].excess == nil,
                           out.entries[last].value.map({ !$0.hasSuffix("%") }) == true,
                           let r = lower.range(of: #"^\s*vượt (\d[\d.]*)( [\p{L} ]{0,20})?$"#, options: .regularExpression),
                           let f = Self.values(in: String(lower[r])).first, !f.isPercent {
                            out.entries[last].excess = f.digits
                            out.entries[last].words += ", " + clause
                            out.entries[last].review.append("\(f.digits) after 'vượt' is the excess over the target (excess:), not the target")
                            continue
                        }
                        // A stated attainment alone ("đạt 104 %", "(đạt 81,3 %)", "vượt gần 5 %") belongs to the outcome before it.
                        if mode != .plan || attainedBefore, let last = lastOutcome, out.entries[last].stated == nil, let stated = Self.bareStated(clause) {
                            out.entries[last].stated = stated
                            // The entry's words run on to the attainment, so that the quote holds both.
                            out.entries[last].words += ", " + clause
                            continue
                        }
                        // "412/430 thôn, bản … có chi bộ độc lập (95,8 %)": the share's own percentage, in brackets at
                        // the end of the clause that goes on naming the whole, is the share said again, not an outcome.
                        if let last = lastOutcome, out.entries[last].value?.contains("/") == true, Self.values(in: clause).count == 1,
                           Self.values(in: clause)[0].isPercent, Self.stated(in: clause) == nil,
                           clause.range(of: #"\(\s*[\d.,]+ ?%\s*\)\s*$"#, options: .regularExpression) != nil {
                            out.entries[last].words += ", " + clause
                            continue
                        }
                        // The target written after the outcome: "đạt 6,8 %/năm, chỉ tiêu Nghị quyết 7 - 7,5 %";
                        // "…, Nghị quyết đề ra 9 - 10 %/năm" names the plan only to give the figure beside.
                        if mode != .plan || pairedOutcome, let last = lastOutcome, out.entries[last].target == nil, let target = Self.bareTarget(clause) {
                            out.entries[last].target = target
                            out.entries[last].words += ", " + clause
                            continue
                        }
                        // A share of a whole ("nữ chiếm 52,4 %") or a change on a base ("tăng 12 % so với cùng kỳ")
                        // is a fact about the results, not a result against a target: a person decides.
                        if mode != .plan, Self.isFactNotOutcome(clause) {
                            out.unread.append(UnreadClause(line: line, words: clause))
                            continue
                        }
                        // With no word either way, a clause after an outcome of its sentence goes on reporting
                        // results ("… ước đạt 6.350 tỷ đồng, tăng bình quân 9,2 %/năm").
                        // "Ban Chấp hành … gồm 39 đồng chí, …; 100 % có trình độ đại học trở lên": after a clause of
                        // its sentence that described who or what, a comparator with no plan word describes too.
                        let planned = mode == .plan || (mode == nil && lastOutcome == nil && !attained && !paragraphReported && !describedBefore && Self.neutralTarget(clause, resolutionWords: resolutionWords, afterResults: afterResults))
                        // What the figure covers: its own part's opening first ("…; đến nay mới kết nạp được 412").
                        let partOpening = Self.opening(of: part)
                        // "Đảng bộ quận A kết nạp 52 đảng viên, Đảng bộ quận B 31 đảng viên": the verb said once
                        // for a body holds for the bodies after it, each with its figure and nothing else.
                        let gapped = lastOutcome.flatMap { out.entries[$0].body != nil && mode != .plan ? Self.gappedBody(clause) : nil }
                            ?? (inList && (introMode == .results || !introCounts.isEmpty) && mode != .plan ? Self.gappedBody(clause) : nil)
                        // "…; huyện A có 57/58 ấp có tổ đảng viên; thị xã B có 100 % khu phố có chi bộ": with no
                        // word either way, a figure after an outcome of its sentence is one more result.
                        if !planned, var o = outcome(clause, line: line, results: mode == .results || mode == nil && lastOutcome != nil, attained: attained || gapped != nil,
                                                     opening: Self.coverage(of: partOpening) != nil ? partOpening : opening,
                                                     inherited: Self.coverage(of: opening) ?? inheritedCoverage, yearHint: paragraphYearHint) {
                            if let g = gapped, o.body == nil { o.body = g }
                            // An item that names no verb of its own counts what its introduction's verb does.
                            if gapped != nil, o.indicators.count != 1, let value = o.value, fitting(introCounts, figure: value).count == 1 { o.indicators = introCounts }
                            if let p = plannedBefore, o.target == nil { o.target = p.target; o.words = p.words + ", " + o.words }
                            plannedBefore = nil
                            // "Đạt 112,5 % chỉ tiêu Nghị quyết, nhiệm kỳ 2020 - 2025 Đảng bộ … kết nạp được 675 …": an
                            // attainment said first, alone in its clause, is the attainment of the figure right after it.
                            if k > 0, let last = lastOutcome, last == out.entries.count - 1, out.entries[last].value == "?", out.entries[last].line == line,
                               out.entries[last].words == clauses[k - 1], o.stated == nil, o.target == nil {
                                o.stated = out.entries[last].stated
                                o.words = clauses[k - 1] + ", " + o.words
                                out.entries[last] = o
                                continue
                            }
                            out.entries.append(o)
                            lastOutcome = out.entries.count - 1
                            if targetFollows { pairedIndex = lastOutcome }
                            continue
                        }
                        guard planned else {
                            if hasFigure { out.unread.append(UnreadClause(line: line, words: clause)) }
                            continue
                        }
                        let read = PhraseReader.read(clause)
                        if read.isEmpty {
                            if hasFigure { out.unparsed.append(UnreadClause(line: line, words: clause)) }
                            continue
                        }
                        for var r in read {
                            // The clause's own period first, then the sentence's opening, the introduction, the heading.
                            // Two targets of one clause ("… 8 %/năm và thu nhập … đạt 95 triệu đồng") each have their own words.
                            let own = read.count > 1 && r.words != clause ? r.words : clause
                            if r.period == "term", PhraseReader.period(of: own) == nil {
                                if let own = Self.period(of: own, plan: true) {
                                    r.period = own
                                } else if let p = (k + 1 < clauses.count ? closingPeriod : nil) ?? carried ?? introPeriod ?? headingPeriod {
                                    r.period = p
                                }
                            }
                            var guesses = fitting(indicators(for: clause), figure: r.rule)
                            // A multiple is measured in "lần": only an indicator in that measure holds it.
                            if PhraseReader.multiple(in: clause) != nil {
                                guesses = guesses.filter { id in catalogue.first(where: { $0.id == id })?.measure?.contains("lần") ?? false }
                            }
                            var confidence = Decimal(string: "0.9") ?? 1
                            confidence -= Decimal(r.review.count) / 10
                            if guesses.count != 1 { confidence -= Decimal(string: "0.2") ?? 0 }
                            out.entries.append(ExtractedEntry(kind: .target, line: line, words: clause, rule: r, value: nil, stated: nil, target: nil,
                                                              indicators: guesses, confidence: max(0, confidence), congress: congress, years: years))
                        }
                    }
                }
            }
        }
        // The dateline, read once: it bounds a headline, dates the source and "hiện có".
        let dateline = Self.dateline(lines)
        if let dateline { Self.headlinesToldAgain(&out, datelineLine: dateline.line) }
        Self.link(&out.entries)
        out.published = dateline?.date
        readFacts(&out, lines: lines, published: dateline)
        return out
    }

    /// An article's headline, above its dateline, says in short what its body tells ("Thành phố
    /// Thái Bình: 6 tháng đầu năm kết nạp 73 đảng viên" over "6 tháng đầu năm 2024, Đảng bộ thành
    /// phố … kết nạp 73 đảng viên, đạt 52,1 % …"): an entry of the headline whose figure the body
    /// says again is the body's, read there with its year and body, and the headline is listed
    /// among the clauses not read. A figure the headline alone gives stays its entry.
    static func headlinesToldAgain(_ out: inout Extraction, datelineLine: Int) {
        var kept: [ExtractedEntry] = []
        for e in out.entries {
            guard e.line < datelineLine, let value = e.value ?? e.rule.map({ _ in figureText(e.words) ?? "" }), !value.isEmpty else { kept.append(e); continue }
            let digits = value.replacingOccurrences(of: "%", with: "")
            let again = out.entries.contains { $0.line > datelineLine && values(in: $0.words).contains { $0.digits == digits } }
                || (out.unread + out.unparsed).contains { $0.line > datelineLine && values(in: $0.words).contains { $0.digits == digits } }
            if again { out.unread.append(UnreadClause(line: e.line, words: e.words)) } else { kept.append(e) }
        }
        out.entries = kept
    }

    /// An outcome with no target beside it takes the target set before it in the same paragraph
    /// for the same indicator ("Chỉ tiêu … là 650 đảng viên; đến nay … kết nạp được 412"), said in
    /// its review; the figure is the target's own, copied from its rule.
    static func link(_ entries: inout [ExtractedEntry]) {
        // Without an indicator either side, the same verb and noun about the figures ("kết nạp 45 đảng
        // viên" … "kết nạp 51 đảng viên") say it is the same indicator.
        func sameThing(_ a: ExtractedEntry, _ b: ExtractedEntry) -> Bool {
            if a.indicators.count == 1 { return a.indicators == b.indicators }
            guard a.indicators.isEmpty, b.indicators.isEmpty else { return false }
            // The noun counted: "kết nạp 45 đảng viên", "là 85 đảng viên" (a count of the same thing).
            let pattern = #"\d[\d.,]* (\p{L}+ \p{L}+)"#
            func key(_ s: String) -> String? {
                // The last such figure: a year at the opening ("năm 2022 kết nạp …") is not the count.
                let lower = s.lowercased()
                guard let regex = try? NSRegularExpression(pattern: pattern),
                      let m = regex.matches(in: lower, range: NSRange(lower.startIndex..., in: lower)).last,
                      let r = Range(m.range(at: 1), in: lower) else { return nil }
                return String(lower[r])
            }
            return key(a.words) != nil && key(a.words) == key(b.words)
        }
        for i in entries.indices where entries[i].kind == .outcome && entries[i].target == nil && entries[i].indicators.count <= 1 {
            guard let t = entries[..<i].last(where: { $0.kind == .target && $0.line == entries[i].line && sameThing(entries[i], $0) }),
                  let rule = t.rule, let figure = values(in: rule.rule).last, !rule.rule.contains("/") else { continue }
            entries[i].target = figure.digits + (figure.isPercent ? "%" : "")
            entries[i].review.append("target taken from the target set before it: \(rule.rule) (\(rule.period)), “\(t.words)”")
        }
    }

    // MARK: - Tables

    /// What the columns of a table pasted as text hold: the target (the resolution's or the plan's
    /// figure), the result, the stated attainment, by index among the row's cells.
    struct TableColumns {
        var target: Int?
        var result: Int?
        var stated: Int?
        /// Whether the introducing line names the result before the target ("thực hiện / kế hoạch").
        var resultFirst = false
        /// How the roles were found, for the review: nil when read from a header row.
        var guessed = true
        /// The year the result column's header names ("Thực hiện 2024"), or the introducing line
        /// ("Kết quả thực hiện một số chỉ tiêu năm 2024 …:"): the rows' outcomes' year.
        var year: String?
        /// Whether the header names stocks and no plan or result ("Đơn vị | Tổ chức cơ sở đảng |
        /// Đảng viên"): the rows are structure, facts at the title's date, not outcomes.
        var stocks = false
        /// What the introducing line says the rows count ("Kết quả kết nạp đảng viên … của một số đảng
        /// bộ:"): the indicator of rows labelled by a body, whose label names no indicator.
        var counts: [String] = []

        init() {}

        /// The order a line introducing the table gives ("Kết quả (Nghị quyết / thực hiện):").
        init(introduction: String) {
            let lower = introduction.lowercased()
            let result = ["thực hiện", "kết quả", "đạt được"].compactMap { lower.range(of: $0)?.lowerBound }.min()
            let target = ["nghị quyết", "kế hoạch", "chỉ tiêu nq", "mục tiêu", "nq", "kh"].compactMap { lower.range(of: $0)?.lowerBound }.min()
            if let r = result, let t = target, r < t, lower.contains("nghị quyết") || lower.contains("kế hoạch") || lower.contains("nq") || lower.contains("kh") {
                resultFirst = true
            }
            if result != nil, let y = lower.range(of: #"năm (19|20)\d{2}(?!\d)"#, options: .regularExpression) { year = String(lower[y]) }
            // "Kết quả kết nạp đảng viên 6 tháng đầu năm 2025 …:": a part of a year with its year is what
            // the rows cover, as it is for a sentence opening with it.
            if result != nil, let c = Extractor.coverage(of: lower), c.contains("tháng") || c.hasPrefix("quý"),
               c.range(of: #"\d{4}$"#, options: .regularExpression) != nil { year = c }
        }
    }

    /// One row of a table pasted as text. A row without figures is a header: its cells name the
    /// columns ("Chỉ tiêu | Nghị quyết | Thực hiện | Tỷ lệ"). A row with figures is an outcome of the
    /// row's label against the target beside it, with the stated attainment where a column gives
    /// one; without a header the figures are read in the order the introduction gives (the
    /// resolution's figure first, as reports print them), said in the review. A row that cannot be
    /// read so (one figure, more than three) is listed for a person.
    func readTableRow(_ row: String, line: Int, columns: inout TableColumns, into out: inout Extraction) {
        let cells = row.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        let figured = cells.indices.filter { !Self.values(in: cells[$0]).isEmpty && !cells[$0].isEmpty && $0 > 0 }
        if figured.isEmpty {
            // The header: what each column holds.
            var named = TableColumns()
            named.guessed = false
            for (k, cell) in cells.enumerated() where k > 0 {
                let lower = cell.lowercased()
                if ["thực hiện", "kết quả", "đạt được", "ước"].contains(where: lower.contains) {
                    named.result = k
                    if let y = lower.range(of: #"(?<!\d)(19|20)\d{2}(?!\d)"#, options: .regularExpression) { named.year = "năm " + lower[y] }
                }
                else if ["tỷ lệ", "so sánh", "đạt", "%"].contains(where: lower.contains) { named.stated = k }
                else if ["nội dung", "tên "].contains(where: lower.hasPrefix) { continue }
                else if ["nghị quyết", "kế hoạch", "chỉ tiêu", "mục tiêu", "nq", "kh"].contains(where: lower.contains) { named.target = k }
            }
            named.counts = columns.counts
            if named.result != nil {
                if named.year == nil { named.year = columns.year }
                columns = named
            } else if named.target == nil, cells.dropFirst().contains(where: { cell in
                // Read without a catalogue too: the nouns of structure head the columns.
                stockIndicators(counting: cell.lowercased(), sentence: "") != nil
                    || ["đảng viên", "tổ chức cơ sở đảng", "tổ chức đảng", "chi bộ", "đảng bộ", "tccsđ"].contains(where: cell.lowercased().hasPrefix)
            }) {
                // "Đơn vị | Tổ chức cơ sở đảng | Đảng viên": no plan, no result, what bodies have.
                columns = named
                columns.stocks = true
            }
            return
        }
        // A row of a table of structure: the facts reader reads it with its header and title.
        if columns.stocks {
            out.unread.append(UnreadClause(line: line, words: row))
            return
        }
        func unread() { out.unread.append(UnreadClause(line: line, words: row)) }
        // A row-number column ("TT", "1", "2") comes before the label.
        let label = cells.first { Self.values(in: $0).isEmpty && !$0.isEmpty } ?? cells[0]
        var target: Int?, result: Int?, stated: Int?
        var review: [String] = []
        if !columns.guessed, let r = columns.result, r < cells.count {
            result = r
            target = columns.target.flatMap { $0 < cells.count ? $0 : nil }
            stated = columns.stated.flatMap { $0 < cells.count ? $0 : nil }
        } else if (2...3).contains(figured.count) {
            (target, result) = columns.resultFirst ? (figured[1], figured[0]) : (figured[0], figured[1])
            if figured.count == 3 { stated = figured[2] }
            review.append("a table without a header: read as " + (columns.resultFirst ? "result, target" : "target, result") + (figured.count == 3 ? ", attainment" : "") + "; check the columns")
        }
        guard let r = result, var value = Self.figureText(cells[r]) else { return unread() }
        var targetFigure = target.flatMap { Self.figureText(cells[$0]) }
        // A label that names its unit a rate ("Tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên (%)
        // | 85 | 88,6") says the row's bare plan and result figures are percentages.
        if label.range(of: #"\(\s*%\s*\)"#, options: .regularExpression) != nil {
            if !value.hasSuffix("%"), Self.values(in: value).count == 1 { value += "%" }
            if let t = targetFigure, !t.hasSuffix("%"), Self.values(in: t).count == 1 { targetFigure = t + "%" }
        }
        var statedFigure: String?
        // A header that names the column a rate ("Đạt (%)", "Tỷ lệ") says its bare figures ("104,4") are percentages.
        if let st = stated, let f = Self.values(in: cells[st]).first, f.isPercent || !columns.guessed && columns.stated == st { statedFigure = f.digits + "%" }
        var guesses = fitting(indicators(for: label), figure: value)
        // A row labelled by a body ("Huyện Thọ Xuân | 180 | 97 | 53,9 %") counts what its introduction does.
        if guesses.isEmpty, fitting(columns.counts, figure: value).count == 1 { guesses = fitting(columns.counts, figure: value) }
        var confidence = Decimal(string: guesses.count == 1 ? "0.8" : "0.6") ?? 1
        confidence -= Decimal(review.count) / 10
        // A row labelled by its year ("2021 | 110 | 118 | 107,3 %"), or a result column headed by one
        // ("Thực hiện 2024"): the year of the row's outcome.
        let rowYear = cells.first.flatMap { $0.lowercased().range(of: #"^(năm )?(19|20)\d{2}$"#, options: .regularExpression) != nil ? "năm " + $0.filter(\.isNumber) : nil }
        var e = ExtractedEntry(kind: .outcome, line: line, words: row, rule: nil, value: value, stated: statedFigure, target: targetFigure,
                               indicators: guesses, confidence: max(0, confidence), congress: nil, years: nil, coverage: rowYear ?? columns.year, body: nil)
        e.review = review
        out.entries.append(e)
    }

    // MARK: - Plans and results

    /// Words that make a part of a text a plan or a report of results; nil when it says neither.
    /// A plan word wins: "Năm 2023, phấn đấu kết nạp 80" is a plan though it opens with a year.
    static func cue(of text: String) -> Mode? {
        // What brackets hold speaks of something else: "465 (Nghị quyết đề ra 400)" reports a result.
        var lower = text.replacingOccurrences(of: #"\([^)]*\)"#, with: " ", options: .regularExpression).lowercased()
        // "Với sự phấn đấu của toàn Đảng bộ, … đã kết nạp": effort praised, not a plan set.
        lower = lower.replacingOccurrences(of: #"(sự|nỗ lực|quyết tâm) phấn đấu"#, with: " ", options: .regularExpression)
        // "đều đạt và vượt chỉ tiêu đề ra", "hoàn thành vượt kế hoạch": a plan named as met reports results.
        // "GRDP bình quân đạt 8,1 %/năm, vượt mục tiêu Nghị quyết", "đã hoàn thành 15/17 chỉ tiêu Nghị quyết đề ra": the same.
        if namesPlanAsMet(lower) { return .results }
        // "đạt 76,5 % chỉ tiêu Nghị quyết Đại hội đề ra", "342 đảng viên/mục tiêu 300": the plan named as
        // what a result is measured against, not set here.
        lower = lower.replacingOccurrences(of: #"(đạt|bằng|vượt|hoàn thành)( gần| trên| hơn| khoảng)? [\d.,]+ ?% (so với )?(các )?(chỉ tiêu|kế hoạch|mục tiêu|nghị quyết)[^;,()\d]*"#, with: " ", options: .regularExpression)
        lower = lower.replacingOccurrences(of: #"/ ?(chỉ tiêu|mục tiêu|kế hoạch|nghị quyết)"#, with: "/", options: .regularExpression)
        // "so với chỉ tiêu đề ra đạt 103 %" compares a result with the plan: it names the plan, it
        // does not set one.
        if lower.range(of: #"so với (các )?(chỉ tiêu|kế hoạch|mục tiêu|nghị quyết)"#, options: .regularExpression) != nil, !lower.contains("phấn đấu") {
            if lower.range(of: #"(đạt|bằng|vượt)[^\d]{0,12}\d"#, options: .regularExpression) != nil { return .results }
            lower = lower.replacingOccurrences(of: #"so với (các )?(chỉ tiêu|kế hoạch|mục tiêu|nghị quyết)( [^\d;,]*)?"#, with: " ", options: .regularExpression)
        }
        // "Kế hoạch năm 2022 kết nạp 45": a plan named at the opening; "thực hiện kết nạp 51": its result.
        if lower.range(of: #"^(kế hoạch|chỉ tiêu) (năm \d{4}|giao)"#, options: .regularExpression) != nil { return .plan }
        if lower.hasPrefix("thực hiện ") || lower.hasPrefix("thực hiện:") || lower.hasPrefix("kết quả") { return .results }
        // "đăng ký chỉ tiêu kết nạp 150", "xác định chỉ tiêu kết nạp … là 45": a body pledging or
        // settling its own quota sets a plan as a resolution does.
        let plan = ["phấn đấu", "đề ra", "mục tiêu", "thống nhất các chỉ tiêu", "giao chỉ tiêu", "dự kiến", "định hướng", "đặt ra", "nghị quyết xác định",
                    "đăng ký chỉ tiêu", "xác định chỉ tiêu"]
        if plan.contains(where: lower.contains) { return .plan }
        // "Đảng ủy … xác định hằng năm bảo đảm …": a body settling what each year must reach.
        if lower.range(of: #"xác định,? (hằng năm|hàng năm|mỗi năm|phải|cần)"#, options: .regularExpression) != nil { return .plan }
        // "Chỉ tiêu kết nạp đảng viên năm 2024 … là 120": a target named and given.
        // "so với chỉ tiêu được giao là …" compares results with it.
        if lower.range(of: #"chỉ tiêu[^;:]* là "#, options: .regularExpression) != nil, !lower.contains("so với chỉ tiêu"),
           !lower.contains("đạt") || lower.hasPrefix("chỉ tiêu") { return .plan }
        let results = ["đã ", "kết quả", "đến giữa năm", "đến đầu năm", "đến nay", "tính đến", "từ đầu năm", "tháng đầu năm", "nhiệm kỳ qua", "sau hơn", "vừa qua"]
        // "Sơ kết …", "Tổng kết …" open a review; inside a clause ("qua các đợt … tổng kết năm") they name an activity.
        if lower.hasPrefix("sơ kết") || lower.hasPrefix("tổng kết") || lower.contains("hội nghị sơ kết") || lower.contains("báo cáo sơ kết") || lower.contains("báo cáo tổng kết") { return .results }
        if results.contains(where: lower.contains) { return .results }
        // A past period opening the sentence: "Năm 2023, …", "Quý I …", "9 tháng …", "Giai đoạn 2016 - 2020, …", "Sau 5 năm, …".
        if lower.range(of: #"^(trong )?(năm \d{4}|kết thúc năm \d{4}|đến (tháng|ngày) \d{1,2}[/-]\d{4}|quý [ivx1-4]+|\d+ tháng|giai đoạn \d{4} ?[-–] ?\d{4}|nhiệm kỳ \d{4} ?[-–] ?\d{4}|sau \d)"#, options: .regularExpression) != nil { return .results }
        // "Đến năm 2030, … đạt …": an end point is a plan.
        if lower.range(of: #"(^|, )đến năm \d{4}"#, options: .regularExpression) != nil { return .plan }
        // "tổng giá trị sản xuất đến năm 2030 tăng gấp 1,8 lần": a multiple to reach by a year is a plan.
        if PhraseReader.multiple(in: lower) != nil, lower.range(of: #"(đến|vào) năm \d{4}"#, options: .regularExpression) != nil, !lower.contains("được") { return .plan }
        return nil
    }

    /// A plan named as met or exceeded: "đều đạt và vượt chỉ tiêu đề ra", "hoàn thành vượt chỉ tiêu
    /// kết nạp", "kết nạp vượt chỉ tiêu năm 2024", "có 14/16 chỉ tiêu đạt và vượt", "đã hoàn thành 15/17
    /// chỉ tiêu", "Mục tiêu đề ra đã hoàn thành". Such words report results, in a clause, a sentence or
    /// an introduction to a list ("…: Đảng bộ A kết nạp 86, đạt 122,9 %; …"), though they name a plan.
    static func namesPlanAsMet(_ text: String) -> Bool {
        let lower = text.lowercased()
        guard !lower.contains("phấn đấu") else { return false }
        return lower.range(of: #"(đạt và vượt|hoàn thành và vượt|hoàn thành vượt( mức)?|vượt) (các )?(chỉ tiêu|kế hoạch|mục tiêu)"#, options: .regularExpression) != nil
            // "…, chưa đạt mục tiêu Nghị quyết đề ra": a plan named as missed reports a result as well.
            || lower.range(of: #"(chưa|không) (đạt|hoàn thành) (các )?(chỉ tiêu|kế hoạch|mục tiêu)"#, options: .regularExpression) != nil
            || lower.range(of: #"đã (hoàn thành|đạt|thực hiện)[^;:]{0,40}(chỉ tiêu|mục tiêu|kế hoạch)"#, options: .regularExpression) != nil
            || lower.range(of: #"(mục tiêu|chỉ tiêu|kế hoạch)[^;:\d]{0,30} đã (hoàn thành|đạt|thực hiện)"#, options: .regularExpression) != nil
            // "có 14/16 chỉ tiêu đạt và vượt", "các chỉ tiêu đều đạt": targets counted as met.
            || lower.range(of: #"(chỉ tiêu|mục tiêu) (đều |cơ bản )?(đạt và vượt|đạt|vượt|hoàn thành)( |$)"#, options: .regularExpression) != nil
            || lower.range(of: #"(chỉ tiêu|mục tiêu)[^;:\d]{0,40} (đều|cơ bản) (đạt|vượt|hoàn thành)"#, options: .regularExpression) != nil
            || lower.range(of: #"(chỉ tiêu|mục tiêu)[^;:\d]{0,40} (đạt và vượt|hoàn thành và vượt)"#, options: .regularExpression) != nil
            // "Năm 2024, Đảng bộ Công ty … lãnh đạo hoàn thành các chỉ tiêu sản xuất, kinh doanh: …": the
            // targets said done, unless the words aim at them ("nhằm hoàn thành", "quyết tâm hoàn thành").
            || lower.range(of: #"(lãnh đạo|đã) hoàn thành (tốt |toàn diện )?(các|toàn bộ|tất cả các) (chỉ tiêu|mục tiêu)"#, options: .regularExpression) != nil
                && !["nhằm", "để hoàn thành", "quyết tâm", "bảo đảm", "đảm bảo", "phải", "sẽ", "đề ra"].contains(where: lower.contains)
    }

    /// What a list's items lean to when its heading or introduction names neither plan nor results:
    /// a plan when some item says so (a plan word, an end point or a yearly period, a comparator:
    /// "từ 54 % trở lên", "đạt trên 98 %", "1 - 1,5 %/năm") and none reports a result (a result word,
    /// a stated attainment, an outcome over its target); nil otherwise. The items of one list are
    /// of one kind, so an item with no word of its own ("tỷ lệ … đạt 65 %") is read as its siblings.
    static func listMode(_ items: [String]) -> Mode? {
        let lean = listLean(items)
        return lean.plans > 0 && lean.results == 0 ? .plan : nil
    }

    /// How many items of a list say they plan and how many report a result (see `listMode`).
    static func listLean(_ items: [String]) -> (plans: Int, results: Int) {
        var plans = 0, results = 0
        for item in items {
            let lower = item.lowercased()
            if let c = cue(of: item) { if c == .plan { plans += 1 } else { results += 1 }; continue }
            if let p = period(of: item, plan: true), p == "each-year" || p.hasPrefix("by ") { plans += 1; continue }
            if stated(in: item) != nil || slashPair(in: item).map({ !$0.share }) == true || lower.range(of: #"được (gần |trên |hơn |khoảng )?\d"#, options: .regularExpression) != nil { results += 1; continue }
            if ["trở lên", "ít nhất", "tối thiểu", "không quá", "tối đa", "giảm còn", "không có", "không còn"].contains(where: lower.contains)
                || lower.range(of: #"(trên|từ|dưới) \d"#, options: .regularExpression) != nil { plans += 1 }
        }
        return (plans, results)
    }

    /// "Về môi trường:" and the like: an introduction naming only a topic of the text.
    static func isTopic(_ introduction: String) -> Bool {
        introduction.trimmingCharacters(in: .whitespaces).lowercased().range(of: #"^về [^\d,;:]{2,40}$"#, options: .regularExpression) != nil
    }

    /// The forms of a result, which decide only when no word around does: an attainment stated
    /// against the plan ("bằng 124 % so với Nghị quyết"), a target in brackets ("(kế hoạch 7.200)"),
    /// an outcome over its target ("12.480/10.200", "76,5 %/55 %"). Under a plan's heading,
    /// "hằng năm giao quân đạt 100 % chỉ tiêu" is a target.
    static func weakCue(of text: String) -> Mode? {
        if stated(in: text) != nil || text.range(of: #"\((chỉ tiêu|kế hoạch|nghị quyết|mục tiêu|kh|nq|dự toán)[^)]*\d[^)]*\)"#, options: [.regularExpression, .caseInsensitive]) != nil { return .results }
        if let pair = slashPair(in: text), !pair.share { return .results }
        return nil
    }

    /// What a heading or an introduction says the lines under it are, if it says.
    static func mode(of heading: String) -> Mode? {
        let lower = heading.lowercased()
        // "Mục tiêu đề ra đã hoàn thành:": a plan named as done introduces results.
        if lower.range(of: #"đã (hoàn thành|đạt|thực hiện)"#, options: .regularExpression) != nil, !lower.contains("phấn đấu") { return .results }
        // "năm 2024 nhiều đảng bộ hoàn thành vượt chỉ tiêu kết nạp đảng viên:", "có 14/16 chỉ tiêu đạt và vượt:".
        if namesPlanAsMet(lower) { return .results }
        // "Theo báo cáo …:", "Sau 5 năm thực hiện, …:": what follows is reported.
        if lower.range(of: #"(^|, )(theo báo cáo|sau \d+ năm|qua \d+ năm)"#, options: .regularExpression) != nil, !lower.contains("phấn đấu") { return .results }
        if ["kết quả", "đánh giá", "tình hình thực hiện", "tổng kết", "sơ kết", "đã đạt"].contains(where: lower.contains) { return .results }
        // "lãnh đạo hoàn thành nhiệm vụ:", "hoàn thành kế hoạch:": what follows was done, unless planned.
        if ["hoàn thành", "đạt được"].contains(where: lower.contains), !["phấn đấu", "đề ra", "mục tiêu", "chỉ tiêu"].contains(where: lower.contains) { return .results }
        if ["chỉ tiêu", "mục tiêu", "phương hướng", "nhiệm vụ", "phấn đấu", "đề ra", "kế hoạch"].contains(where: lower.contains) { return .plan }
        return nil
    }

    /// With no word of plan or result about it, a clause sets a target when a comparator or a
    /// period says so ("bình quân hằng năm trên 1.500", "giảm còn dưới 3 %") and no "được" or
    /// "đã" reports it done; or, as resolutions of the seeds write, when its paragraph names
    /// the resolution and nothing before it in the sentence reported results.
    static func neutralTarget(_ clause: String, resolutionWords: Bool, afterResults: Bool) -> Bool {
        let lower = clause.lowercased()
        if lower.contains("được") || lower.contains("đã ") {
            return resolutionWords && !afterResults && looksLikeTarget(clause)
        }
        // "… năm 2024 đạt 12,8 triệu đồng": a figure after "đạt" reports a result unless a word of
        // plan, a comparator or a yearly period says otherwise (issue 18, kind 3).
        let planLike = ["trở lên", "ít nhất", "tối thiểu", "không quá", "tối đa", "hằng năm", "hàng năm", "mỗi năm", "đến năm", "/năm", "trên", "dưới", "khoảng"]
        if lower.range(of: #"năm \d{4}[^;]* đạt "#, options: .regularExpression) != nil, !planLike.contains(where: lower.contains), !lower.contains("đến năm") {
            return false
        }
        // "đến cuối nhiệm kỳ đạt 80 %": a level to reach at the end of the term.
        let cues = ["trở lên", "ít nhất", "tối thiểu", "không quá", "tối đa", "hằng năm", "hàng năm", "mỗi năm", "bình quân", "/năm", "không có", "không còn", "xếp loại", "giảm còn",
                    "đến cuối nhiệm kỳ", "vào cuối nhiệm kỳ", "đến hết nhiệm kỳ"]
        // "dưới 5 %" is a ceiling; "tổ chức đảng dưới cơ sở", "trên địa bàn" name places.
        if cues.contains(where: lower.contains) || lower.range(of: #"(trên|từ|dưới) \d"#, options: .regularExpression) != nil { return true }
        return resolutionWords && !afterResults && looksLikeTarget(clause)
    }

    /// Who was elected, who attended, decisions and their numbers: figures that are neither a
    /// target nor an outcome ("Ban Chấp hành gồm 45 đồng chí", "155 đại biểu").
    static func isNarrative(_ clause: String) -> Bool {
        let lower = clause.lowercased()
        // "Ban Chấp hành gồm 45 đồng chí" is who was elected; "Ban Chấp hành đề ra …" sets targets.
        let setsPlan = ["đề ra", "phấn đấu", "phương hướng", "mục tiêu", "chỉ tiêu"].contains(where: lower.contains)
        if lower.contains("ban chấp hành"), !setsPlan { return true }
        // "kết nạp đảng viên 2.315/2.000 đồng chí" counts members admitted.
        if lower.contains("đồng chí"), !lower.contains("kết nạp") { return true }
        let narrative = ["quyết định số", "nghị quyết số", "ban thường vụ gồm", "được tổ chức", "sinh hoạt tại", "hiện có",
                         // What a place is (its size, people, units) and where it ranks: facts, not aims.
                         "diện tích tự nhiên", "xếp thứ", "đứng thứ", "xếp hạng", "đứng trong", "tốp ", "top ",
                         // A web page's visitor counter and address ("Đang online: 13", "Tầng 6"), a phone number.
                         "online", "lượt truy cập", "điện thoại", "tầng "]
        // "dân số trên 56.000 người" says how many live there; "tỷ lệ dân số tham gia bảo hiểm y tế" is a share aimed at.
        if lower.range(of: #"dân số (trên |khoảng |gần |hơn |là |có |)\d"#, options: .regularExpression) != nil { return true }
        // "nâng tổng số đảng viên lên 4.512 đồng chí" is the membership, a fact; "nâng tổng số kết nạp từ
        // đầu năm lên 29" totals what the verb reports since a start, an outcome to date.
        if lower.contains("nâng tổng số"), !Self.totalsAdmissions(lower) { return true }
        // "Đến năm 1954, toàn huyện đã có 11 chi bộ với 186 đảng viên", "tiếp nhận 4 tổ chức cơ sở đảng với 287
        // đảng viên": units with the members in them are a body's structure (a fact) or what moved with a
        // merger, not a result, unless the units were founded or the members admitted.
        if !setsPlan, !["thành lập", "kết nạp", "phát triển"].contains(where: lower.contains),
           lower.range(of: #"\d[\d.,]* (chi bộ|tổ chức cơ sở đảng|tccsđ|tổ chức đảng|đảng bộ)[^,;\d]*? với (gần |trên |hơn |khoảng )?\d[\d.,]* (đảng viên|đồng chí)"#, options: .regularExpression) != nil { return true }
        // "đã hoàn thành 15/17 chỉ tiêu": how many of its targets were met, a count of the resolution's parts.
        if lower.range(of: #"\d+ ?/ ?\d+ (chỉ tiêu|mục tiêu|nhiệm vụ)"#, options: .regularExpression) != nil { return true }
        // Staff allotted to an office ("biên chế được giao từ 6 - 8 cán bộ") is how it is set up, not an aim.
        if lower.range(of: #"biên chế (được )?(giao|bố trí|gồm|có|là)"#, options: .regularExpression) != nil { return true }
        // A rating received ("liên tục được đánh giá, xếp loại …", "nhiều năm liền được xếp loại"): a result, not a target.
        if lower.range(of: #"(liên tục|nhiều năm liền|nhiều năm|liền|đều) được (đánh giá|xếp loại|công nhận)"#, options: .regularExpression) != nil { return true }
        // "Hôm nay: 315", "Tất cả: 471789": a label and a bare count alone on a line, as counters print.
        if lower.range(of: #"^(hôm nay|hôm qua|tuần này|tháng này|tất cả|tổng cộng|đang truy cập)\s*:\s*[\d.,]+$"#, options: .regularExpression) != nil { return true }
        // Delegates counted ("có 250 đại biểu") are narrative; "Đại hội đại biểu" names the congress.
        // "100 % đại biểu nhất trí thông qua …": how a congress voted.
        if ["nhất trí thông qua", "biểu quyết thông qua", "tán thành"].contains(where: lower.contains) { return true }
        // Who the members or delegates are ("tuổi bình quân 46,3", "độ tuổi bình quân 45"): a composition, not an aim.
        if lower.range(of: #"tuổi (đời )?bình quân"#, options: .regularExpression) != nil, !setsPlan { return true }
        // The work done to carry a resolution out ("đã ban hành 06 văn bản chỉ đạo", "tổ chức 3 lớp bồi
        // dưỡng", "nhận được 46 tham luận"): documents issued, meetings and classes held, papers received
        // are what was done, not a result against a target, unless the clause plans them ("mỗi năm …").
        let yearlyOrBound = ["hằng năm", "hàng năm", "mỗi năm", "/năm", "trở lên", "ít nhất", "tối thiểu"]
        // Documents issued are a result a body reports over its term ("Trong nhiệm kỳ, đảng ủy đã ban hành
        // 4.037 văn bản", seed 001's reviewed outcome): narrative only as a meeting's decisions ("ban
        // hành 48 nghị quyết, 65 kết luận") or as the steps carrying out a named document ("Thực hiện
        // Chỉ thị số 28-CT/TU …, … đã ban hành 06 văn bản chỉ đạo"), or one year's or a staff office's
        // ("Năm 2025, … ban hành 312 văn bản chỉ đạo": only the term's tally is reported as a result).
        let carriesOut = lower.range(of: #"^thực hiện [^,;]*số \d"#, options: .regularExpression) != nil
        if !setsPlan, !yearlyOrBound.contains(where: lower.contains),
           lower.range(of: #"(nhận được|tổ chức|mở) (được )?(gần |hơn |trên )?\d[\d.,]* (tham luận|bài tham luận|lớp|hội nghị|cuộc|buổi|đợt)"#, options: .regularExpression) != nil
            // "ban hành 36 thông báo kết luận": a notice of conclusions is a meeting's decision too.
            || lower.range(of: #"ban hành (được )?\d[\d.,]* (nghị quyết|kết luận|chỉ thị|quyết định|thông báo)"#, options: .regularExpression) != nil
            || (carriesOut || !lower.contains("nhiệm kỳ")) && lower.range(of: #"ban hành (được )?\d[\d.,]* (văn bản|kế hoạch|hướng dẫn)"#, options: .regularExpression) != nil
            // "tham mưu ban hành 42 văn bản": papers an office drafted for its committee, work done.
            || lower.range(of: #"tham mưu (ban hành|xây dựng) (được )?\d"#, options: .regularExpression) != nil { return true }
        // "Hướng dẫn số 12-HD/TU gồm 5 phần, 23 điều": how a document is laid out, not a figure of its aims.
        if lower.range(of: #"(gồm|có) \d+ (phần|chương|điều|mục|trang)\b"#, options: .regularExpression) != nil, !setsPlan { return true }
        // "tổ chức Lễ kết nạp 02 đảng viên mới là các đồng chí …": a ceremony names who joined, it does not count a result;
        // "lễ trao Huy hiệu Đảng đợt 2/9 cho 215 đảng viên", "trao Huy hiệu 70 năm tuổi Đảng cho 2 đồng chí": who was honoured.
        // "Tháng 5/2025, … tổ chức lễ kết nạp 12 đảng viên là sinh viên": a month's admissions, counted by a
        // kind of member and not by name, are that month's result.
        let monthsAdmissions = lower.range(of: #"^tháng \d{1,2}[/-]\d{4}"#, options: .regularExpression) != nil && !lower.contains("đồng chí")
        if lower.range(of: #"lễ (kết nạp|trao|kỷ niệm|tuyên dương|khen thưởng)|trao (tặng )?huy hiệu"#, options: .regularExpression) != nil, !setsPlan, !monthsAdmissions { return true }
        // "năm thứ 3 liên tiếp", "lần thứ 2": an ordinal counts years or times, not a figure of a result.
        if lower.range(of: #"(năm|lần|nhiệm kỳ) thứ \d+"#, options: .regularExpression) != nil, values(in: lower.replacingOccurrences(of: #"(năm|lần|nhiệm kỳ) thứ \d+"#, with: " ", options: .regularExpression)).isEmpty { return true }
        // "được tổ chức" is a meeting held, but "thành lập được tổ chức đảng" founds a Party organisation.
        let unheld = lower.replacingOccurrences(of: #"được tổ chức (cơ sở )?đảng"#, with: "được tcđ", options: .regularExpression)
        return narrative.contains(where: unheld.contains) || lower.range(of: #"\d( ?%)? \p{L}* ?đại biểu"#, options: .regularExpression) != nil
    }

    /// An event told as news, outside a plan: who came to a meeting and how it voted, prizes won,
    /// money raised, administrative units merged. Under a plan's words the same nouns may be aimed at
    /// ("mỗi năm có ít nhất 20 học sinh đạt giải …"), so the caller asks only outside one.
    static func isEvent(_ clause: String) -> Bool {
        let lower = clause.lowercased()
        let setsPlan = ["đề ra", "phấn đấu", "phương hướng", "mục tiêu", "chỉ tiêu"].contains(where: lower.contains)
        let yearlyOrBound = ["hằng năm", "hàng năm", "mỗi năm", "/năm", "trở lên", "ít nhất", "tối thiểu"]
        guard !setsPlan, !yearlyOrBound.contains(where: lower.contains) else { return false }
        // Who came to a meeting and how it voted ("25/25 đảng viên tham dự", "97,6 % ý kiến đồng thuận",
        // "trúng cử với 100 % số phiếu"): an event's record, not a result against a target; a share of
        // members attending their cell's meetings ("tham dự sinh hoạt") is one.
        if lower.contains("tham dự"), !lower.contains("sinh hoạt") { return true }
        if lower.range(of: #"ý kiến (đồng thuận|đồng ý|nhất trí)|số phiếu|trúng cử|cử tri"#, options: .regularExpression) != nil { return true }
        // Prizes won ("34 học sinh đạt giải học sinh giỏi cấp tỉnh"), money raised for a fund ("vận động được
        // 486 triệu đồng ủng hộ Quỹ …"), administrative units merged ("giảm 48 đơn vị hành chính cấp xã"):
        // what happened, not a figure a resolution set.
        if lower.range(of: #"(đạt|đoạt|giành|giành được) (\d+ )?giải|huy chương"#, options: .regularExpression) != nil { return true }
        if lower.range(of: #"ủng hộ|quyên góp"#, options: .regularExpression) != nil { return true }
        return lower.range(of: #"(giảm|sắp xếp|hợp nhất|sáp nhập)[^;]*đơn vị hành chính"#, options: .regularExpression) != nil
    }

    /// "nâng tổng số (đảng viên được) kết nạp từ đầu năm lên 118": a running total of admissions.
    static func totalsAdmissions(_ clause: String) -> Bool {
        clause.lowercased().range(of: #"nâng tổng số [^\d;]*kết nạp[^\d;]* lên (gần |hơn |trên )?\d"#, options: .regularExpression) != nil
    }

    /// Not a target: who was elected ("gồm 11 đồng chí"), decisions and their numbers; and a bare
    /// figure with no word of a target about it ("phát triển được 39 đảng viên" tells what happened).
    static func looksLikeTarget(_ clause: String, inherited: Bool = false) -> Bool {
        if isNarrative(clause) { return false }
        let lower = clause.lowercased()
        let cues = ["trên", "vượt", "ít nhất", "tối thiểu", "trở lên", "không quá", "tối đa", "khoảng", "từ", "không có", "không còn",
                    "xếp loại", "phấn đấu", "chỉ tiêu", "mục tiêu", "đạt", "đảm bảo", "giảm", "nâng", "%", "/"]
        // "dưới 5 %" is a ceiling; "tổ chức đảng dưới cơ sở" names a level.
        return cues.contains(where: lower.contains) || lower.range(of: #"dưới \d"#, options: .regularExpression) != nil
            || PhraseReader.period(of: clause) != nil || inherited
    }

    // MARK: - Periods

    /// The period words of a target, with what `PhraseReader` reads added: a yearly rate
    /// ("%/năm", "lao động/năm") and one year named in a plan ("năm 2023") that is not an end
    /// point ("đến năm 2025" is `by 2025`).
    static func period(of text: String, plan: Bool) -> String? {
        if let p = PhraseReader.period(of: text) { return p }
        let lower = text.lowercased()
        // "/năm" after a rate, a count or its comparator ("8 % trở lên/năm", "500 bài/năm") is per year;
        // after money ("triệu đồng/năm", "USD/năm") it is the unit of an income.
        if let r = lower.range(of: #"(%|\p{L}+) ?/ ?năm"#, options: .regularExpression),
           !["đồng", "usd", "tấn", "kwh"].contains(where: { lower[r].hasPrefix($0) }),
           // "52 triệu đồng/người/năm": money per head per year is an income's unit too.
           lower[..<r.lowerBound].range(of: #"(đồng|usd) ?/ ?$"#, options: .regularExpression) == nil { return "each-year" }
        // "…; giai đoạn 2026 - 2030 có 12 xã": the whole span, not each of its years (a rate per year said above).
        if lower.range(of: #"(^|[^\p{L}])giai đoạn \d{4} ?[-–] ?\d{4}"#, options: .regularExpression) != nil, !lower.contains("bình quân") { return "term" }
        if plan, let r = lower.range(of: #"(^|[^\p{L}])năm (\d{4})"#, options: .regularExpression) {
            // "so với năm 2024" names a base, "từ năm" a start, "cuối năm" a date: not the period.
            let before = lower[..<r.lowerBound]
            if !["từ", "cuối", "so với", "đầu"].contains(where: before.hasSuffix), let year = lower[r].split(separator: " ").last { return "year \(year)" }
        }
        return nil
    }

    /// The words of a sentence before its first figure: where a period or a coverage that holds for
    /// the whole sentence is written ("Năm 2023, …", "Mỗi năm, …", "6 tháng đầu năm, …").
    static func opening(of sentence: String) -> String {
        guard let first = values(in: sentence).first else { return sentence }
        return String(Array(sentence)[..<first.start])
    }

    /// Whether a clause opens with a year of its own ("năm 2022 kết nạp 152"), before any figure.
    static func opensWithYear(_ clause: String) -> Bool {
        clause.lowercased().trimmingCharacters(in: .whitespaces).range(of: #"^(trong |riêng )?năm \d{4}(?!\d)"#, options: .regularExpression) != nil
    }

    /// What an outcome covers, from the opening of its sentence.
    // "Từ đầu năm đến ngày 15/10/2025": the year up to a date is the year to date, as "tính đến" is.
    static func coverage(of opening: String) -> String? {
        // "Sáu tháng đầu năm 2024", "Chín tháng": the months written in words are the same part of the year.
        let lower = opening.lowercased().replacingOccurrences(of: #"(?<!\p{L})sáu tháng"#, with: "6 tháng", options: .regularExpression)
            .replacingOccurrences(of: #"(?<!\p{L})chín tháng"#, with: "9 tháng", options: .regularExpression)
        for pattern in [#"\d+ tháng (đầu|cuối) năm( \d{4})?"#, #"quý [ivx1-4]+(( năm |/)\d{4})?"#, #"\d+ tháng(( năm |/)\d{4})?"#, #"từ đầu năm( \d{4})? đến nay"#, #"từ đầu năm( \d{4})? đến (hết )?(ngày )?\d{1,2}[/-]\d{1,2}([/-]\d{4})?"#,
                        #"tính đến (ngày )?\d{1,2}[/-]\d{1,2}([/-]\d{4})?"#, #"^đến (hết )?ngày \d{1,2}[/-]\d{1,2}[/-]\d{4}"#, #"giữa nhiệm kỳ|nửa nhiệm kỳ|từ đầu nhiệm kỳ"#, #"sau \d+ năm (thực hiện|triển khai) nghị quyết"#, #"nhiệm kỳ( \d{4} ?[-–] ?\d{4}| qua)"#,
                        #"giai đoạn \d{4} ?[-–] ?\d{4}"#, #"năm \d{4}"#, #"^tháng \d{1,2}/\d{4}"#, #"đến nay"#] {
            if let r = lower.range(of: pattern, options: .regularExpression) { return String(lower[r]) }
        }
        return nil
    }

    // MARK: - Outcomes

    /// A stated attainment in a clause: "đạt 115,7 % chỉ tiêu", "bằng 124 % so với Nghị quyết",
    /// "bằng 108,2 % dự toán", "(đạt 81,3 %)", "vượt gần 25 %": the words kept when they bound
    /// or approximate, and the range it covers in the clause.
    static func stated(in clause: String, bare: Bool = false) -> (text: String, range: Range<String.Index>)? {
        let pattern = #"\(?(đạt|bằng|vượt|hoàn thành)( tỷ lệ)?( gần| trên| hơn| khoảng| xấp xỉ)? (\d[\d.,]*) ?%( ?\)| (so với )?(chỉ tiêu|kế hoạch|kh\b|dự toán|nghị quyết|nq\b|mục tiêu))?"#
        guard let r = clause.range(of: pattern, options: [.regularExpression, .caseInsensitive]) else { return nil }
        let found = String(clause[r])
        let lower = found.lowercased()
        // "hoàn thành 100 % chỉ tiêu": only with the plan named after it.
        if lower.hasPrefix("hoàn thành") || lower.hasPrefix("(hoàn thành"), !["chỉ tiêu", "kế hoạch", "kh", "nghị quyết", "nq", "mục tiêu"].contains(where: lower.hasSuffix) { return nil }
        let qualified = lower.hasPrefix("(") && lower.hasSuffix(")") || lower.hasPrefix("bằng") || lower.hasPrefix("vượt")
            || ["chỉ tiêu", "kế hoạch", "kh", "dự toán", "nghị quyết", "nq", "mục tiêu"].contains { lower.hasSuffix($0) }
        guard qualified || bare else { return nil }
        // Kept as written, without its brackets and the word saying against what: "vượt gần 5%", "104%".
        guard let figure = values(in: found).first(where: \.isPercent) else { return nil }
        var words = String(Array(found)[..<figure.start]).trimmingCharacters(in: CharacterSet(charactersIn: "( "))
        for verb in ["đạt tỷ lệ", "đạt", "bằng", "hoàn thành"] where words.lowercased().hasPrefix(verb) { words = String(words.dropFirst(verb.count)).trimmingCharacters(in: .whitespaces); break }
        return ((words.isEmpty ? "" : words + " ") + figure.digits + "%", r)
    }

    /// A clause that only names the target of the outcome before it: "chỉ tiêu Nghị quyết 7 - 7,5 %",
    /// "kế hoạch 7.200", "Nghị quyết đề ra 400".
    static func bareTarget(_ clause: String) -> String? {
        var lower = clause.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: " ("))
        // "vượt mục tiêu Nghị quyết (7,5 %)": the plan named as exceeded, its figure in brackets.
        // "chưa đạt mục tiêu Nghị quyết đề ra (8 - 8,5 %/năm)": the plan named as missed, the same.
        if let r = lower.range(of: #"^(vượt|cao hơn|thấp hơn|so với|(chưa|không) (đạt|hoàn thành)) (?=(chỉ tiêu|kế hoạch|nghị quyết|mục tiêu)[^()\d]*\([^)\d]*\d)"#, options: .regularExpression) {
            lower = String(lower[r.upperBound...])
        }
        guard lower.range(of: #"^(chỉ tiêu|kế hoạch|nghị quyết|mục tiêu|kh|nq)\b"#, options: .regularExpression) != nil,
              !["kết nạp", "đạt", "bằng", "vượt"].contains(where: lower.contains) else { return nil }
        // "(8 - 8,5 %/năm)": read inside its brackets, so that "(8" is not taken for an item number.
        if let r = clause.range(of: #"\([^()]*\d[^()]*\)\s*$"#, options: .regularExpression),
           let inside = figureText(String(clause[r]).trimmingCharacters(in: CharacterSet(charactersIn: "() \t"))) { return inside }
        return figureText(clause)
    }

    /// "vượt 4 đảng viên so với chỉ tiêu", "vượt 12 so với kế hoạch": an excess as a count (not a
    /// percentage) before the plan it is over; the range of those words.
    static func excessOverPlan(_ text: String) -> Range<String.Index>? {
        text.range(of: #"vượt \d[\d.,]*( [^\d%,;]{0,20})? so với (chỉ tiêu|kế hoạch|nghị quyết|mục tiêu)"#, options: [.regularExpression, .caseInsensitive])
    }

    /// A clause that states an attainment and the target it is of, in brackets after the words
    /// naming the plan: "đạt 76,5 % chỉ tiêu Nghị quyết Đại hội đề ra cho cả nhiệm kỳ (800 đảng
    /// viên)", "vượt 4,6 % so với chỉ tiêu Nghị quyết Đại hội (500 đảng viên)"; no verb of its own.
    static func statedWithTarget(_ clause: String) -> (stated: String, target: String)? {
        guard let s = stated(in: clause) else { return nil }
        let rest = clause.replacingCharacters(in: s.range, with: " ")
        let lower = rest.lowercased()
        guard !["kết nạp", "phát triển", "thu ", "đạt", "bằng"].contains(where: lower.contains),
              let r = rest.range(of: #"\([^()]*\d[^()]*\)\s*$"#, options: .regularExpression),
              values(in: String(rest[..<r.lowerBound])).isEmpty,
              // Inside the brackets: "(800" alone would be read as an item number.
              let target = figureText(String(rest[r]).trimmingCharacters(in: CharacterSet(charactersIn: "() \t"))) else { return nil }
        return (s.text, target)
    }

    /// A clause that names the plan with its figure, then the attainment against it, after an
    /// outcome: "so với chỉ tiêu 120 đảng viên đạt 109,2 %", "so với kế hoạch 2.000 tỷ đồng bằng 104 %".
    static func comparedTarget(_ clause: String) -> (stated: String, target: String)? {
        let lower = clause.lowercased().trimmingCharacters(in: .whitespaces)
        guard lower.range(of: #"^so với (các )?(chỉ tiêu|kế hoạch|nghị quyết|mục tiêu|kh|nq)\b[^\d;()]{0,25}\d"#, options: .regularExpression) != nil,
              let s = stated(in: clause, bare: true),
              let target = figureText(String(clause[..<s.range.lowerBound])),
              values(in: String(clause[s.range.upperBound...])).isEmpty else { return nil }
        return (s.text, target)
    }

    /// A sentence that only states the attainment of the result before it: "So với chỉ tiêu Nghị
    /// quyết, kết quả này đạt 103,8 %", "Con số này bằng 96 % kế hoạch": one figure, a percentage,
    /// and words that point back.
    static func backStated(_ sentence: String) -> String? {
        let figures = values(in: sentence)
        let lower = sentence.lowercased()
        guard figures.count == 1, figures[0].isPercent, slashPair(in: sentence) == nil,
              ["kết quả này", "con số này", "kết quả trên", "số này"].contains(where: lower.contains)
                || lower.range(of: #"^so với (các )?(chỉ tiêu|kế hoạch|nghị quyết|mục tiêu)[^,]*, (đạt|bằng|vượt)"#, options: .regularExpression) != nil,
              let s = stated(in: sentence, bare: true) else { return nil }
        return s.text
    }

    /// A share of a whole or a change on a base, not a result against a target.
    static func isFactNotOutcome(_ clause: String) -> Bool {
        let lower = clause.lowercased()
        if stated(in: clause) != nil { return false }
        // "giảm từ 12,4 % năm 2020 xuống còn 4,1 % năm 2024": a change already made, from one level to another.
        if lower.range(of: #"(giảm|tăng) từ [\d.,]+ ?%?( năm \d{4})? (xuống|lên)"#, options: .regularExpression) != nil { return true }
        // "giảm 2 tổ chức do sắp xếp, sáp nhập": a change told with its cause, what happened to a
        // body's structure, not a result against a target.
        if lower.range(of: #"^\s*(giảm|tăng)( thêm)? \d[\d.,]*[^\d;]*\bdo\b"#, options: .regularExpression) != nil, !lower.contains("kết nạp") { return true }
        // "tăng 17 tổ chức so với trước": a change on what was before (a merger), not a result either.
        return lower.contains("chiếm") || lower.contains("so với cùng kỳ") || lower.range(of: #"so với (năm|cuối năm|đầu năm|đầu nhiệm kỳ|nhiệm kỳ trước|trước\b)"#, options: .regularExpression) != nil && !lower.contains("kết nạp")
    }

    /// A clause that is only a stated attainment ("đạt 104 %", "vượt gần 5 %"): no other figure.
    static func bareStated(_ clause: String) -> String? {
        let figures = values(in: clause)
        guard figures.count == 1, figures[0].isPercent, let s = stated(in: clause, bare: true) else { return nil }
        // "…, trong đó có bằng cấp, chứng chỉ đạt 35 %": a part of the figure before, not its attainment.
        guard !clause.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("trong đó") else { return nil }
        let rest = clause.replacingCharacters(in: s.range, with: "").lowercased()
        // "đạt 100 % chỉ tiêu được giao", "đạt 96,7 %": nothing else said of a figure.
        guard !rest.contains("tỷ lệ"), !rest.contains("trở lên") else { return nil }
        // "…, đến cuối nhiệm kỳ đạt 80 %": a figure with a period of its own is that period's level,
        // not how much of the plan the figure before it reached ("bằng 61,5 % chỉ tiêu cả nhiệm kỳ" is).
        guard PhraseReader.period(of: String(clause[..<s.range.lowerBound])) == nil else { return nil }
        return s.text
    }

    /// An outcome clause, in the forms reports use: "kết nạp được 868 đảng viên (đạt 115,7% chỉ
    /// tiêu)"; "180/150 đảng viên", "91,4 %/60 %" (outcome over target); "28/41 xã" (a share);
    /// "92% (chỉ tiêu Nghị quyết là 90%)", "465 (Nghị quyết đề ra 400)", "(kế hoạch 7.200)";
    /// "vượt chỉ tiêu 20 đảng viên" (20 is the excess: the target is the outcome less it). A
    /// word with two senses is not guessed: the entry says what to check.
    func outcome(_ clause: String, line: Int, results: Bool, attained: Bool = false, opening: String = "", inherited: String? = nil, yearHint: String? = nil) -> ExtractedEntry? {
        let named = indicators(for: clause)
        var coverage = Self.coverage(of: opening.isEmpty ? clause : opening)
        // "Quý III năm 2024, … kết nạp 34 đảng viên, lũy kế 9 tháng kết nạp 87": a part of a year the
        // clause names before its own figure is what that figure covers, nearer than the sentence's.
        // So is a year the clause opens with ("Giai đoạn 2021 - 2024, …: năm 2021 kết nạp 138, năm 2022
        // kết nạp 152"): each clause's own year is nearer than the sentence's span.
        if !opening.isEmpty, let own = Self.coverage(of: Self.opening(of: clause)), own.contains("tháng") || own.hasPrefix("quý") || Self.opensWithYear(clause), own != coverage {
            coverage = own
        }
        // "…, nâng tổng số kết nạp từ đầu năm lên 29": a running total covers the year to date, whatever
        // part of the year the sentence opened with.
        if Self.totalsAdmissions(clause), clause.lowercased().contains("từ đầu năm") { coverage = "từ đầu năm đến nay" }
        // A part of a year without its year ("lũy kế 9 tháng" after "Quý III/2024, …") is of the year said
        // before it; none at all: what the sentence, an earlier one or the heading said it covers.
        if let c = coverage, c.range(of: #"\d{4}$"#, options: .regularExpression) == nil, c.contains("tháng") || c.hasPrefix("quý") || c.hasPrefix("từ đầu năm"),
           let i = [inherited, yearHint].compactMap({ $0 }).first(where: { $0.range(of: #"\d{4}$"#, options: .regularExpression) != nil }),
           let r = i.range(of: #"\d{4}$"#, options: .regularExpression) {
            coverage = c + " năm " + i[r]
        } else if coverage == nil {
            coverage = inherited
        }
        // "… kết nạp được 74 đảng viên trong năm 2023": a year closing the clause is its outcome's year.
        if coverage == nil, let r = clause.lowercased().range(of: #"(trong|cả) năm \d{4}\s*$"#, options: .regularExpression),
           let y = clause.lowercased()[r].range(of: #"năm \d{4}"#, options: .regularExpression) {
            coverage = String(clause.lowercased()[r][y])
        }
        let body = Self.body(of: clause)
        func entry(_ value: String, stated: String? = nil, target: String? = nil, review: [String] = []) -> ExtractedEntry {
            let guesses = fitting(named, figure: value)
            var confidence = Decimal(string: guesses.count == 1 ? "0.9" : "0.7") ?? 1
            confidence -= Decimal(review.count) / 10
            var e = ExtractedEntry(kind: .outcome, line: line, words: clause, rule: nil, value: value, stated: stated, target: target,
                                   indicators: guesses, confidence: max(0, confidence), congress: nil, years: nil, coverage: coverage, body: body)
            e.review = review
            return e
        }
        var rest = clause
        var stated: String?
        if let s = Self.stated(in: clause) {
            stated = s.text
            rest = clause.replacingCharacters(in: s.range, with: " ")
        }
        var review: [String] = []
        if let s = stated, s.first?.isLetter == true { review.append("the stated figure '\(s)' is bounded or approximate, or an excess: check what it is of") }
        // "… 92% (chỉ tiêu Nghị quyết là 90%)", "465 (Nghị quyết đề ra 400)", "(kế hoạch 7.200)": the
        // target in brackets after the outcome; a range reached against a range set ("đạt 15-18%
        // (chỉ tiêu 15-20%)"); and an outcome of one year beside a target of another, which is
        // said and not compared.
        // "vượt mục tiêu Nghị quyết (7,5 %)": the bracket after the word that names the plan.
        let inBrackets = rest.range(of: #"\((chỉ tiêu|kế hoạch|nghị quyết|mục tiêu|kh|nq|dự toán)[^)]*\)"#, options: [.regularExpression, .caseInsensitive])
            .map { (bracket: $0, before: $0.lowerBound) }
            ?? rest.range(of: #"(chỉ tiêu|kế hoạch|nghị quyết|mục tiêu)[^()\d;]{0,25}\([^)\d]*\d[^)]*\)"#, options: [.regularExpression, .caseInsensitive])
            .flatMap { named in rest[named].firstIndex(of: "(").map { (bracket: $0..<named.upperBound, before: named.lowerBound) } }
        if let (r, cut) = inBrackets {
            var inside = String(rest[r])
            let outside = String(rest[..<cut])
            // "(kế hoạch quý 450)", "(chỉ tiêu năm 120)": the plan's period named between the word and its
            // figure would be read as a quarter or a year; the figure is the plan's ("(chỉ tiêu năm 2020 là
            // 150)" keeps its year).
            inside = inside.replacingOccurrences(of: #"(?i)^\((chỉ tiêu|kế hoạch|nghị quyết|mục tiêu|kh|nq|dự toán) (quý|năm|tháng|cả năm) (?=\d)(?!(19|20)\d{2}\b)"#, with: "($1 ", options: .regularExpression)
            // "(200 triệu đồng)": without its bracket, the figure is not taken for an item number "(200".
            if let target = Self.figureText(inside.trimmingCharacters(in: CharacterSet(charactersIn: "() \t"))), let value = Self.figureText(outside) {
                let years = { (t: String) in PhraseReader.numbers(in: t).filter(\.isYear).map(\.digits) }
                if let a = years(outside).last, let b = years(inside).last, a != b {
                    review.append("the outcome is of \(a) and the target of \(b): no attainment is computed from them")
                }
                return entry(value, stated: stated, target: target, review: review)
            }
        }
        // "kết nạp 95 đảng viên so với chỉ tiêu 90 đảng viên", "thu ngân sách 2.100 tỷ đồng so với kế
        // hoạch 2.000 tỷ đồng": the plan's figure after the words that name it.
        if let r = rest.range(of: #"so với (các )?(chỉ tiêu|kế hoạch|nghị quyết|mục tiêu|kh|nq)\b[^\d;,()]{0,25}\d"#, options: [.regularExpression, .caseInsensitive]),
           let value = Self.values(in: String(rest[..<r.lowerBound])).last(where: { $0.fraction == nil }),
           let target = Self.values(in: String(rest[r.lowerBound...])).first, target.fraction == nil {
            let after = String(rest[r.lowerBound...])
            return entry(value.digits + (value.isPercent ? "%" : ""), stated: stated, target: Self.figureText(String(Array(after)[..<target.end])) ?? target.digits, review: review)
        }
        // "vượt chỉ tiêu 20 đảng viên": the figure after it is the excess over the target, which is
        // the outcome less the excess (exact arithmetic), said in the review.
        if let r = rest.range(of: "vượt chỉ tiêu") {
            if let before = Self.values(in: String(rest[..<r.lowerBound])).last(where: { $0.fraction == nil }) {
                let value = before.digits + (before.isPercent ? "%" : "")
                var excessFigure: String?
                var afterExcess = String(rest[r.upperBound...])
                // "vượt chỉ tiêu quý 5 đảng viên": the plan's period named between the words and the excess.
                if let w = afterExcess.range(of: #"^ (quý|năm|tháng|cả năm)(?= \d{1,3}(?!\d))"#, options: .regularExpression) { afterExcess.removeSubrange(w) }
                if let excess = Self.values(in: afterExcess).first {
                    if excess.isPercent {
                        // "vượt chỉ tiêu 9,3 %" is a stated excess in percent, kept with its word.
                        if stated == nil { stated = "vượt " + excess.digits + "%" }
                    } else {
                        // Copied, not subtracted: `check` works out the target (the outcome less it).
                        excessFigure = excess.digits
                        review.append("\(excess.digits) after 'vượt chỉ tiêu' is the excess over the target (excess:), not the target")
                    }
                }
                var e = entry(value, stated: stated, review: review)
                e.excess = excessFigure
                return e
            }
        }
        // "kết nạp 14 đảng viên, vượt 4 đảng viên so với chỉ tiêu được giao": the excess before the plan's name.
        if let r = Self.excessOverPlan(rest), let figure = Self.values(in: String(rest[..<r.lowerBound])).last(where: { $0.fraction == nil && !$0.isPercent }),
           let excess = Self.values(in: String(rest[r])).first {
            var e = entry(figure.digits, stated: stated, review: review + ["\(excess.digits) after 'vượt' is the excess over the target (excess:), not the target"])
            e.excess = excess.digits
            return e
        }
        // "180/150", "91,4 %/60 %", "5.210/4.400": outcome over target; "28/41 xã": a share of a whole.
        if let pair = Self.slashPair(in: rest) {
            if pair.share {
                return entry(pair.a + "/" + pair.b, stated: stated, review: review + ["\(pair.a)/\(pair.b) read as a share (\(pair.a) of \(pair.b)), not outcome over target"])
            }
            return entry(pair.a, stated: stated, target: pair.b, review: review + ["\(pair.a)/\(pair.b) read as outcome \(pair.a) of target \(pair.b); a slash may also mean 'or'"])
        }
        // The figure itself: the first the clause gives, a range kept whole.
        let figures = Self.values(in: rest).filter { $0.fraction == nil }
        guard let first = figures.first else {
            // "đạt 41,27 % chỉ tiêu" with no figure before it: the attainment alone.
            return stated.map { entry("?", stated: $0, review: review + ["the text states the attainment without the figure"]) }
        }
        // A clause must report something: a verb of result, or the results around it.
        let lower = clause.lowercased()
        // "có 751.191 người", "9 cá nhân được trao tặng": facts and passives, not results; "được"
        // reports a result when the figure follows it ("kết nạp được 868", "ban hành được 9 đề án").
        let verbs = ["kết nạp", "đạt", "bằng", "thu ngân sách", "nộp ngân sách", "doanh thu", "lợi nhuận", "tăng", "giảm", "phát triển", "giải quyết", "đã có", "ban hành", "thực hiện"]
        // The verb stands before its figure: in "còn 6 quần chúng đang hoàn thiện hồ sơ đề nghị kết nạp"
        // the figure is of those waiting, not of those admitted.
        let lead = String(Array(clause)[..<min(clause.count, Self.values(in: clause).first?.end ?? clause.count)]).lowercased()
        // A share in a report of results is one ("97,1 % tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ").
        // "Đảng bộ huyện Tánh Linh: 15 đảng viên" under "Kết quả kết nạp …:": a body and its figure.
        // "14 xã đạt chuẩn nông thôn mới": a count that is the subject of "đạt" is what was reached.
        let subjectReached = lower.range(of: #"\d[\d.,]* ?%? (\p{L}+ ){1,3}(đạt|hoàn thành) "#, options: .regularExpression) != nil
            // "7 tổ chức cơ sở đảng không hoàn thành nhiệm vụ" among a rating's results: a count rated,
            // its noun longer, or rated as failing.
            || results && lower.range(of: #"^(có )?\d[\d.,]* (\p{L}+ ){1,8}(không )?(hoàn thành|được xếp loại|xếp loại) "#, options: .regularExpression) != nil
        guard stated != nil || attained || verbs.contains(where: lead.contains) || subjectReached || results && first.isPercent || results && body != nil && lower.range(of: #"^[^:\d]+: ?\d"#, options: .regularExpression) != nil
            || lower.range(of: #"được (gần |trên |hơn |khoảng )?\d"#, options: .regularExpression) != nil else { return nil }
        let before = String(Array(rest)[..<first.start]).lowercased().trimmingCharacters(in: .whitespaces)
        for word in ["gần", "trên", "hơn", "khoảng", "xấp xỉ"] where before.hasSuffix(word) {
            review.append("'\(word) \(first.digits)': the figure is bounded or approximate")
        }
        // A range reached is kept whole ("đạt 16 - 18 %").
        var end = first.end
        if figures.count > 1, figures[1].start - first.end <= 6 {
            let joint = String(Array(rest)[first.end..<figures[1].start]).trimmingCharacters(in: .whitespaces)
            if joint == "-" || joint == "–" || joint == "đến" { end = figures[1].end }
        }
        let value = Self.figureText(String(Array(rest)[..<end])) ?? first.digits
        var e = entry(value, stated: stated, review: review)
        if Self.values(in: rest).count > (end == first.end ? 1 : 2) { e.review.append("the clause gives other figures: check which is the outcome") }
        return e
    }

    /// "A/B" with A and B figures (either may carry "%"): outcome over target, or a share of a
    /// whole ("28/41 xã": a smaller count of organisations); dates ("30/6", "12/10/2023") are neither.
    static func slashPair(in text: String) -> (a: String, b: String, share: Bool)? {
        // "342 đảng viên/mục tiêu 300 đảng viên": the target named after the slash.
        if let regex = try? NSRegularExpression(pattern: #"(?<![\d/.,])(\d[\d.,]*)( ?%)?[^\d/;,()]{0,25}/ ?(chỉ tiêu|mục tiêu|kế hoạch|nghị quyết|kh|nq)\b[^\d;,()/]{0,20}?(\d[\d.,]*)( ?%)?"#, options: [.caseInsensitive]),
           let m = regex.firstMatch(in: text, range: NSRange(location: 0, length: (text as NSString).length)) {
            let ns = text as NSString
            let a = ns.substring(with: m.range(at: 1)), b = ns.substring(with: m.range(at: 4))
            if (try? VietnameseNumber.parse(a)) != nil, (try? VietnameseNumber.parse(b)) != nil {
                let percent = m.range(at: 2).location != NSNotFound || m.range(at: 5).location != NSNotFound
                return (a + (m.range(at: 2).location != NSNotFound ? "%" : ""), b + (percent ? "%" : ""), false)
            }
        }
        // "14,2 %/dưới 15 %", "0,8 %/dưới 1,5 %": the target after the slash may carry its comparator.
        let pattern = #"(?<![\d/.,])(\d[\d.,]*)( ?%)? ?/ ?(?:(?:dưới|trên|không quá|tối đa|tối thiểu|ít nhất) )?(\d[\d.,]*)( ?%)?(?![\d/])"#
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return nil }
        let ns = text as NSString
        for m in regex.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            let a = ns.substring(with: m.range(at: 1)), b = ns.substring(with: m.range(at: 3))
            let aPercent = m.range(at: 2).location != NSNotFound, bPercent = m.range(at: 4).location != NSNotFound
            let before = ns.substring(to: m.range.location).lowercased()
            if before.hasSuffix("ngày ") || before.hasSuffix("đến ") || before.hasSuffix("tháng ") { continue }
            guard let x = try? VietnameseNumber.parse(a), let y = try? VietnameseNumber.parse(b) else { continue }
            // A small "d/m" after a word of time or opening the text is a date ("sáng 30/6", "30/6, …");
            // after a name it is a pair ("Thanh Bình 14/12").
            // "lễ trao Huy hiệu Đảng đợt 2/9": a batch named by its day.
            let dateWords = ["ngày", "đến", "từ", "hôm", "sáng", "chiều", "tối", "trước", "sau", "hết", "lúc", "kể từ", "nay", "qua", "đợt"]
            // "Chiều nay (16/10), …": a date in brackets after a word of time.
            var trimmed = before.trimmingCharacters(in: .whitespaces)
            if trimmed.hasSuffix("(") { trimmed = String(trimmed.dropLast()).trimmingCharacters(in: .whitespaces) }
            let after = ns.substring(from: m.range.location + m.range.length).lowercased().trimmingCharacters(in: .whitespaces)
            let wholes = ["chỉ tiêu", "mục tiêu", "nhiệm vụ", "xã", "phường", "thị trấn", "chi bộ", "tổ chức", "cơ sở", "đơn vị", "thôn", "bản", "huyện", "trường", "đảng bộ", "cơ quan", "doanh nghiệp", "đoàn thể", "khu", "tổ ", "ấp", "làng"]
            // "…; 8/9 chi bộ trực thuộc được đánh giá …": a pair opening a clause and followed by the whole
            // it counts in is a share, not a date.
            let countsAWhole = trimmed.isEmpty && wholes.contains(where: after.hasPrefix)
            if !aPercent, !bPercent, !a.contains("."), !a.contains(","), !b.contains("."), let d = Int(a), let mo = Int(b), (1...31).contains(d), (1...12).contains(mo),
               trimmed.isEmpty && !countsAWhole || dateWords.contains(where: { trimmed.hasSuffix($0) }) { continue }
            let share = !aPercent && !bPercent && x.value <= y.value && wholes.contains(where: after.hasPrefix)
            return (a + (aPercent ? "%" : ""), b + (bPercent || aPercent ? "%" : ""), share)
        }
        return nil
    }

    /// The body a clause names before its verb, when it opens with one ("Đảng bộ Công an tỉnh kết nạp 26");
    /// a mass organisation too ("Hội Cựu chiến binh tỉnh kết nạp mới 1.240 hội viên"), and the body
    /// ends before an adverb of the verb ("Đảng bộ huyện Nậm Pồ chỉ kết nạp được 57"); one named as an
    /// example ("Một số đơn vị có tỷ lệ cao như Đảng bộ huyện A kết nạp 96") is the clause's body.
    // A place named by its kind and its proper name ("xã Phước Hưng kết nạp 14") is its Party body.
    // A connective before the name ("trong khi đó Đảng bộ huyện B kết nạp 131") is not part of it.
    static func body(of clause: String) -> String? {
        let pattern = #"(^|, )(?:trong đó,? |trong khi đó,? |tuy nhiên,? |ngoài ra,? |bên cạnh đó,? |còn |riêng |(?:[^,;]*? )?(?:như|điển hình là) )?((Đảng bộ|Đảng ủy|Đảng uỷ|Chi bộ|Huyện ủy|Thành ủy|Thị ủy|(?-i:Hội|Đoàn|Công đoàn|Liên đoàn))( [^\s,;:]+)+?|(?-i:(?:xã|phường|thị trấn|thị xã|huyện|quận)(?: \p{Lu}\p{Ll}*)+))(:| (đã |chỉ mới |mới |chỉ |cũng |hiện )?(kết nạp|phát triển|có|đạt))"#
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { return nil }
        let ns = clause as NSString
        guard let m = regex.firstMatch(in: clause, range: NSRange(location: 0, length: ns.length)), m.range(at: 2).location != NSNotFound else { return nil }
        var name = ns.substring(with: m.range(at: 2))
        // "Đảng bộ khối hiện có …": "hiện" is the verb's, not the name's; "Đảng bộ hiện có" names no body.
        if name.lowercased().hasSuffix(" hiện") {
            name.removeLast(" hiện".count)
            if name.split(separator: " ").count <= 2 { return nil }
        }
        return name
    }

    /// A body and a figure with its noun and no verb ("Đảng bộ quận Bình Thủy 31 đảng viên"): the
    /// body's name, when the clause is only that; its verb is the one said before it.
    static func gappedBody(_ clause: String) -> String? {
        // The figure may be a result over its target ("Đảng bộ huyện Tháp Mười 118/110 đảng viên").
        let pattern = #"^(?:trong đó,? )?((?:Đảng bộ|Đảng ủy|Chi bộ|Huyện ủy|Thành ủy|Thị ủy|(?-i:Hội|Đoàn))(?: [^\s\d,;:]+)+?) (?:gần |hơn |trên )?\d[\d.,]*(?:/\d[\d.,]*)?(?: \p{L}+){0,3}\.?$"#
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { return nil }
        let text = clause.trimmingCharacters(in: .whitespaces), ns = text as NSString
        guard let m = regex.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)), values(in: text).count == 1 || slashPair(in: text) != nil else { return nil }
        return ns.substring(with: m.range(at: 1))
    }

    /// The last figure of a text as written, a range kept whole ("15-18%"); years, dates and durations left out.
    static func figureText(_ text: String) -> String? {
        let figures = values(in: text).filter { $0.fraction == nil }
        guard let last = figures.last else { return nil }
        if figures.count >= 2 {
            let low = figures[figures.count - 2]
            let joint = String(Array(text)[low.end..<last.start]).trimmingCharacters(in: .whitespaces)
            if joint == "-" || joint == "–" || joint == "đến" {
                return low.digits + "-" + last.digits + (last.isPercent || low.isPercent ? "%" : "")
            }
        }
        return last.digits + (last.isPercent ? "%" : "")
    }

    /// The guesses whose unit can hold the figure: a percentage needs a share or an amount (a rate
    /// "%/năm"), a figure with decimals an amount, a rating rule a rating; a guess that cannot
    /// hold it would only be refused by `check`, so it is left for a person ('?').
    func fitting(_ guesses: [String], figure: String) -> [String] {
        let percent = figure.contains("%"), rating = figure.contains("xếp loại")
        let decimals = figure.range(of: #"\d,\d"#, options: .regularExpression) != nil
        return guesses.filter { id in
            guard let unit = catalogue.first(where: { $0.id == id })?.unit else { return false }
            if rating { return unit == .rating }
            switch unit {
            case .percent: return percent
            case .amount: return true
            case .count: return !percent && !decimals
            case .rating: return false
            }
        }
    }

    /// Catalogue indicators whose names share the most words with the clause, best first. The
    /// body a clause names is not what it counts: "Đảng bộ xã Lục Hồn kết nạp 12" is about
    /// admissions, not about "Đảng bộ bộ phận", so the body's words are left out; and a word counts
    /// once, however often a name repeats it ("đảng bộ bộ phận").
    func indicators(for clause: String) -> [String] {
        var own = clause
        if let body = Self.body(of: clause), let r = own.range(of: body) { own.replaceSubrange(r, with: " ") }
        // "Tỷ lệ TCCSĐ hoàn thành tốt nhiệm vụ": the abbreviations offices write name the same things.
        own = Self.expandingAbbreviations(own)
        let words = Set(own.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init))
        let scored = catalogue.compactMap { i -> (String, Int)? in
            var seen = Set<String>()
            let name = i.name.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init).filter { seen.insert($0).inserted }
            let shared = name.filter(words.contains).count
            // The verb of the indicator's phrase right before a figure ("kết nạp được {value} đảng viên
            // mới": "… kết nạp 26, đạt 104 %") names what is counted, though the noun is left out.
            // It outranks any sharing of words: what the verb takes is what the figure counts.
            if let verb = Self.phraseVerb(i.phrase), own.lowercased().range(of: "(^|[^\\p{L}])" + NSRegularExpression.escapedPattern(for: verb) + #"( được| thêm| mới)?( lần lượt)?( gần| trên| hơn| khoảng| tổng số)? \d"#, options: .regularExpression) != nil {
                return (i.id, 101)
            }
            // Party texts say "phát triển (được) 39 đảng viên" for admitting them: the verb's other
            // word, with the indicator's noun after the figure so that nothing else developed counts.
            if Self.phraseVerb(i.phrase) == "kết nạp", let noun = i.noun,
               own.lowercased().range(of: #"(^|[^\p{L}])phát triển( được| thêm| mới)?( gần| trên| hơn| khoảng)? [\d.,]+ "# + NSRegularExpression.escapedPattern(for: noun.lowercased()), options: .regularExpression) != nil {
                return (i.id, 101)
            }
            // At least half of the name's words, and two of them, to count as a guess.
            return shared >= 2 && shared * 2 >= name.count ? (i.id, shared * 100 / max(name.count, 1)) : nil
        }.sorted { $0.1 > $1.1 }
        guard let best = scored.first?.1 else { return [] }
        return scored.filter { $0.1 == best }.map(\.0)
    }

    /// The abbreviations offices write for the things counted, as whole words, spelt out.
    static func expandingAbbreviations(_ text: String) -> String {
        var out = text
        for (short, long) in [("TCCSĐ", "tổ chức cơ sở đảng"), ("TCĐ", "tổ chức đảng"), ("ĐV", "đảng viên")] {
            out = out.replacingOccurrences(of: "(?<!\\p{L})" + short + "(?!\\p{L})", with: long, options: .regularExpression)
        }
        return out
    }

    /// The indicators whose phrase's verb a text says with their noun right after it ("kết quả kết
    /// nạp đảng viên của …" → admissions): what a list it introduces counts; empty when none.
    func countedByVerb(_ text: String) -> [String] {
        let lower = text.lowercased()
        return catalogue.filter { i in
            guard let verb = Self.phraseVerb(i.phrase), let noun = i.noun?.lowercased() else { return false }
            return lower.range(of: "(^|[^\\p{L}])" + NSRegularExpression.escapedPattern(for: verb) + "( mới)? " + NSRegularExpression.escapedPattern(for: noun) + "($|[^\\p{L}])", options: .regularExpression) != nil
        }.map(\.id)
    }

    /// The verb of an indicator's phrase: its words before the figure, without "được" ("kết nạp
    /// được {value} đảng viên mới" gives "kết nạp"); nil when the phrase opens with the figure.
    static func phraseVerb(_ phrase: String?) -> String? {
        guard let phrase, let r = phrase.range(of: "{value}") else { return nil }
        let verb = phrase[..<r.lowerBound].lowercased().split(separator: " ").filter { $0 != "được" && $0 != "đã" }.joined(separator: " ")
        return verb.count >= 3 ? verb : nil
    }

    // MARK: - Text

    /// The figures of a text that can be a value: not a year ("2020-2025", "năm 2023"), a date
    /// ("ngày 15", "tháng 10"), a time ("16:05"), a time zone ("GMT+7"), a duration ("5 năm",
    /// "9 tháng"), an ordinal or a document's number ("lần thứ 24", "số 1479-QĐ/TU").
    static func values(in text: String) -> [PhraseReader.Figure] {
        let chars = Array(text)
        // Dates and times written with marks ("21-07-2020 08:09", "15.01.2024") cover their figures.
        var covered: [Range<Int>] = []
        if let regex = try? NSRegularExpression(pattern: #"(?<![\d.,])\d{1,2}([-/.])\d{1,2}\1\d{2,4}(?![\d.,])|\d{1,2}:\d{2}"#) {
            let ns = text as NSString
            for m in regex.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
                // NSString offsets count UTF-16 units; figures count characters.
                let start = ns.substring(to: m.range.location).count
                covered.append(start..<(start + ns.substring(with: m.range).count))
            }
        }
        return PhraseReader.numbers(in: text).filter { f in
            if f.isYear || covered.contains(where: { $0.contains(f.start) }) { return false }
            // A name in quotes ("“chi bộ 4 tốt”") is not a figure.
            let prefix = String(chars[..<f.start])
            if let open = prefix.lastIndex(of: "“"), prefix.lastIndex(of: "”").map({ $0 < open }) ?? true { return false }
            // So in straight quotes ("chi bộ 4 tốt"): an odd count of them before, one closing after.
            if prefix.filter({ $0 == "\"" }).count % 2 == 1, chars[f.end...].contains("\"") { return false }
            let before = String(chars[max(0, f.start - 14)..<f.start]).lowercased()
            let after = String(chars[f.end..<min(chars.count, f.end + 8)]).lowercased()
            if PhraseReader.isYearLike(f) { return false }
            // "số 1479-QĐ/TU" is a document's number, but "trong tổng số 2.904 đảng viên" is a count.
            for word in ["ngày ", "tháng ", "lần thứ ", "khóa ", "khoá ", "số ", "điều ", "quý ", "lúc ", "trung ương ", "hội nghị ", "kỳ họp thứ "] where before.hasSuffix(word) && !before.hasSuffix("tổng số ") { return false }
            // "trên cả 3 tiêu chí": all of a whole named, not a level; "trên 1 vạn dân": the base of a rate per head.
            if !f.isPercent, before.hasSuffix("cả ") || PhraseReader.isPerCapitaBase(f, in: chars) { return false }
            if before.hasSuffix("+") || before.hasSuffix(":") || after.hasPrefix(":") || after.hasPrefix("h") && !after.hasPrefix("hộ") && !after.hasPrefix("ha") { return false }
            if after.range(of: #"^-\p{L}"#, options: .regularExpression) != nil { return false }
            // A time of day ("lúc 8 giờ 30 phút"), not a figure.
            if !f.isPercent, after.hasPrefix(" giờ") || after.hasPrefix(" phút") || before.hasSuffix("giờ ") { return false }
            if !f.isPercent, after.hasPrefix(" năm") || after.hasPrefix(" tháng") || after.hasPrefix(" quý") || after.hasPrefix(" ngày") { return false }
            // How many targets, breakthroughs, tasks a resolution sets ("18 chỉ tiêu", "3 khâu đột phá"): a count of its parts.
            let longAfter = String(chars[f.end..<min(chars.count, f.end + 16)]).lowercased()
            if !f.isPercent, [" chỉ tiêu", " nhóm chỉ tiêu", " nhóm nhiệm vụ", " nhóm giải pháp", " chương trình hành động", " khâu", " đột phá", " nhiệm vụ", " giải pháp", " nội dung"].contains(where: longAfter.hasPrefix) { return false }
            return true
        }
    }

    /// A paragraph without its list marker: "(1) ", "2. ", "a) ", "- ", "II. ".
    static func withoutListMarker(_ paragraph: String) -> String {
        guard let r = paragraph.range(of: #"^((\(?\d{1,2}[.)]|\(\d{1,2}\)|[a-zđ]\)|[-+•*–]|[IVXLC]+[.)])\s+)+"#, options: .regularExpression) else { return paragraph }
        return String(paragraph[r.upperBound...])
    }

    /// A heading, a dateline or a line introducing a list: no figure to read, and it ends with ":" or without a full stop.
    static func isHeading(_ paragraph: String) -> Bool {
        // A number in a name ("xã Tam Xuân 1", "Phường 3") is no figure: the line still introduces a list.
        let named = paragraph.replacingOccurrences(of: #"(\p{Lu}\p{Ll}*) \d{1,2}(?=[ ,():]|$)"#, with: "$1", options: .regularExpression)
        guard values(in: named).isEmpty, let last = paragraph.last else { return false }
        return last == ":" || !".;!?…".contains(last)
    }

    /// Paragraphs with the 0-based index of their first line: a line that does not end a sentence
    /// runs on into the next when that one goes on in lower case (text wrapped by an editor or a
    /// PDF copy); a heading, a dateline and a list item stand alone, so that each keeps its line.
    static func paragraphs(_ text: String) -> [(Int, String)] {
        var out: [(Int, String)] = []
        var current: (Int, String)?
        let raws = text.components(separatedBy: "\n")
        // A table pasted with semicolons ("Chỉ tiêu; Kế hoạch 2024; Thực hiện 2024" over "Kết nạp đảng
        // viên; 420; 436"): a row is a label and bare figures only; its header is the line above with
        // as many cells. A list of clauses ("…; tỷ lệ … đạt 72 %; …") has words beside its figures.
        func semicolonCells(_ raw: String) -> [String] {
            raw.components(separatedBy: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        func isFigureRow(_ cells: [String]) -> Bool {
            cells.count >= 3 && !cells[0].isEmpty && values(in: cells[0]).isEmpty
                && cells.dropFirst().allSatisfy { $0.range(of: #"^\d[\d.,]*( ?%)?$"#, options: .regularExpression) != nil }
        }
        let semicolonTable: [Bool] = raws.indices.map { i in
            let cells = semicolonCells(raws[i])
            if isFigureRow(cells) { return true }
            guard i + 1 < raws.count, cells.count >= 3, !cells.contains(where: \.isEmpty) else { return false }
            let next = semicolonCells(raws[i + 1])
            return next.count == cells.count && isFigureRow(next)
        }
        for (index, raw) in raws.enumerated() {
            // A table pasted with tabs ("TT⇥Nội dung chỉ tiêu⇥Kế hoạch⇥Thực hiện"): its cells are
            // kept apart as the rows of a table written with "|" are, so that it is read as one.
            var cells = raw.trimmingCharacters(in: .whitespaces).components(separatedBy: "\t").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            if semicolonTable[index] { cells = semicolonCells(raw) }
            let line = PhraseReader.normalised(cells.count >= 3 ? cells.joined(separator: " | ") : raw)
            guard !line.isEmpty else {
                if let c = current { out.append(c) }
                current = nil
                continue
            }
            if let c = current, let first = line.first, first.isLowercase {
                current = (c.0, c.1 + " " + line)
            } else {
                if let c = current { out.append(c) }
                current = (index, line)
            }
            if let last = line.last, ".;:!?".contains(last), let c = current {
                out.append(c)
                current = nil
            }
        }
        if let c = current { out.append(c) }
        return out
    }

    /// Sentences of a paragraph: at ". " before a capital letter, a figure or an item number "(3)".
    static func fullSentences(_ line: String) -> [String] {
        var out: [String] = []
        var current = ""
        let chars = Array(line)
        for (i, ch) in chars.enumerated() {
            let next = i + 2 < chars.count ? chars[i + 2] : " "
            if ch == "." && i + 1 < chars.count && chars[i + 1] == " " && (next.isUppercase || next.isNumber || next == "(") {
                out.append(current.trimmingCharacters(in: .whitespaces))
                current = ""
            } else {
                current.append(ch)
            }
        }
        out.append(current.trimmingCharacters(in: CharacterSet(charactersIn: " .")))
        return out.filter { !$0.isEmpty }
    }

    /// The parts of a sentence at ";" and ":", each with whether it introduces what follows (":").
    static func parts(_ sentence: String) -> [(String, Bool)] {
        var out: [(String, Bool)] = []
        var current = ""
        let chars = Array(sentence)
        for (i, ch) in chars.enumerated() {
            // "Đảng bộ huyện Bảo Lâm: 45 đảng viên": a label before its figure, not an introduction.
            // "… xác định các chỉ tiêu: 100 % chương trình …", "cụ thể như sau: 95 %": words that name a
            // list before the colon introduce it, figure or not.
            let namesList = current.lowercased().range(of: #"(chỉ tiêu|mục tiêu|nhiệm vụ|như sau|cụ thể|sau đây|chủ yếu)( chủ yếu| cụ thể)?\s*$"#, options: .regularExpression) != nil
                // "Về văn hóa - xã hội: 100 % ấp …; …": a topic ("Về …") before the colon names the list's
                // subject, not a body whose figure follows.
                || current.trimmingCharacters(in: .whitespaces).lowercased().range(of: #"^về [^\d,;:]{2,40}$"#, options: .regularExpression) != nil
            let labelsAFigure = ch == ":" && !namesList && chars[(i + 1)...].first(where: { $0 != " " })?.isNumber == true
            if ch == ";" || ch == ":" && !labelsAFigure {
                out.append((current.trimmingCharacters(in: .whitespaces), ch == ":"))
                current = ""
            } else {
                current.append(ch)
            }
        }
        out.append((current.trimmingCharacters(in: CharacterSet(charactersIn: " ,.")), false))
        return out.filter { !$0.0.isEmpty }
    }

    /// Sentences of a paragraph, each with whether it ended with a full stop: at ". " before a
    /// capital letter, a figure or an item number "(3)", at ";" and at ":".
    static func sentences(_ line: String) -> [(String, Bool)] {
        fullSentences(line).flatMap { s -> [(String, Bool)] in
            let p = parts(s)
            return p.enumerated().map { ($0.element.0, $0.offset == p.count - 1) }
        }
    }

    /// Clauses of a sentence at ", " — a part without a figure or a "không có" joins the next
    /// ("trong sạch, vững mạnh đạt trên 75%" stays whole), and the parts after the last figure
    /// join it ("100% cán bộ, đảng viên xây dựng cam kết, …, phấn đấu hằng năm").
    static func clauses(_ sentence: String) -> [String] {
        var out: [String] = []
        var pending = ""
        let split = sentence.components(separatedBy: ", ")
        for (i, part) in split.enumerated() {
            // "…, vượt chỉ tiêu 20 đảng viên" qualifies the figure before it.
            if part.hasPrefix("vượt chỉ tiêu") || Self.excessOverPlan(part) != nil, pending.isEmpty, let last = out.popLast() {
                out.append(last + ", " + part)
                continue
            }
            // "trên 90 % tổ chức cơ sở đảng được đánh giá, xếp loại …": two verbs over one object, the
            // figure's clause going on; the rating is what the share is of, not a target of its own.
            if pending.isEmpty, part.hasPrefix("xếp loại"), values(in: part).isEmpty, let last = out.last, last.hasSuffix("đánh giá"), !values(in: last).isEmpty {
                out[out.count - 1] = last + ", " + part
                continue
            }
            // "78,6 % tổ chức cơ sở đảng được công nhận trong sạch, vững mạnh (chỉ tiêu 75 %)": words going on
            // after a comma, whose only figure is a plan in brackets, belong to the figure's clause before
            // them; the bracket is its target, not a clause of its own.
            let outside = part.replacingOccurrences(of: #"\([^)]*\)"#, with: " ", options: .regularExpression)
            if pending.isEmpty, let last = out.last, !values(in: last).isEmpty, values(in: outside).isEmpty, !values(in: part).isEmpty,
               part.lowercased().range(of: #"\((chỉ tiêu|kế hoạch|nghị quyết|mục tiêu|nq)[^)]*\d"#, options: .regularExpression) != nil {
                out[out.count - 1] = last + ", " + part
                continue
            }
            let joined = pending.isEmpty ? part : pending + ", " + part
            let hasFigure = !values(in: part).isEmpty || slashPair(in: part) != nil || !PhraseReader.malformed(in: part).filter { !$0.contains("/") && !$0.contains(":") }.isEmpty
                || part.contains("không có") || part.contains("không còn") || part.contains("xếp loại")
            // "100 % chi bộ, đảng bộ hằng năm được đánh giá, xếp loại …": a figure and the first noun of
            // a list of nouns, its words going on after the comma: one clause.
            // A period may open it when the next noun's words end in the rating ("Hằng năm 100 % chi bộ,
            // đảng bộ đồn biên phòng được xếp loại …"); else the period's clause stands alone.
            let rated = i + 1 < split.count && split[i + 1].contains("xếp loại")
            let bareNoun = part.range(of: #"^\d[\d.,]* ?%? (\p{L}+ ?){1,3}$"#, options: .regularExpression) != nil
                || rated && part.lowercased().range(of: #"^((hằng|hàng|mỗi) năm,? |(đến|vào) năm \d{4},? )\d[\d.,]* ?%? (\p{L}+ ?){1,3}$"#, options: .regularExpression) != nil
            if hasFigure, bareNoun, i + 1 < split.count, values(in: split[i + 1]).isEmpty, slashPair(in: split[i + 1]) == nil {
                pending = joined
            } else if hasFigure {
                out.append(joined)
                pending = ""
            } else {
                pending = joined
            }
        }
        if !pending.isEmpty {
            if let last = out.popLast() { out.append(last + ", " + pending) } else { out.append(pending) }
        }
        return out
    }

    /// "lần thứ XIII, nhiệm kỳ 2015-2020" in a paragraph: the congress and its years.
    static func congress(of line: String) -> (String?, String?) {
        var congress: String?
        if let r = line.range(of: #"lần thứ ([IVXLC]+)"#, options: .regularExpression) {
            congress = line[r].split(separator: " ").last.map(String.init)
        }
        var years: String?
        if let r = line.range(of: #"nhiệm kỳ (\d{4}) ?[-–] ?(\d{4})"#, options: .regularExpression) {
            let digits = line[r].split(whereSeparator: { !$0.isNumber }).map(String.init)
            if digits.count == 2 { years = digits[0] + "-" + digits[1] }
        }
        return (congress, years)
    }
}
