import Foundation

/// Structure facts: what a body has at a date ("Tính đến 30/6/2023, Đảng bộ huyện có 3.412 đảng
/// viên, sinh hoạt tại 41 tổ chức cơ sở đảng"; "nâng tổng số đảng viên lên 564 đồng chí"). They are
/// neither targets nor results against one, so the main reading leaves them among the clauses not
/// read; this reads the ones whose figure counts a thing the catalogue keeps as a stock, and gives
/// them to a person as draft `facts:` entries with the date the text says before them.
extension Extractor {
    /// Words right before a figure that say how many a body has, not how many it did.
    private static let stockLead = try? NSRegularExpression(pattern: #"(^|\s|\()(hiện có|có|gồm|với|là|lên|tổng số|sinh hoạt tại|sinh hoạt ở|còn|lãnh đạo)( gần| trên| hơn| khoảng)?\s*$"#)

    /// Words that make a whole clause about something moved or about people chosen, whatever it
    /// counts: what was handed over or received moves between bodies, a committee's members are who
    /// was elected, and a plan's words aim.
    private static let notAStock = ["bàn giao", "chuyển giao", "chuyển về", "tiếp nhận", "bầu", "chỉ định", "ban chấp hành", "ban thường vụ",
                                    "ủy ban kiểm tra", "uỷ ban kiểm tra", "đại biểu", "phấn đấu",
                                    // Members sent to their home's cell ("giới thiệu về sinh hoạt nơi cư trú") are registered
                                    // there, not members of that body.
                                    "nơi cư trú"]

    /// Words of something done (admitted, founded, merged, a title won) that make a figure no stock
    /// only in the figure's own part of the clause, before it: "Đây là đợt kết nạp thứ hai, nâng
    /// tổng số đảng viên lên 412 đồng chí" and "khi mới thành lập, Đảng bộ có 118 …" still state
    /// what the body has, while "kết nạp … với 12 đảng viên" does not.
    private static let notAStockHere = ["kết nạp", "phát triển", "thành lập", "lập ", "tách", "củng cố", "giải thể", "sáp nhập",
                                        "kỷ luật", "khai trừ", "xóa tên", "xoá tên", "đạt",
                                        // "7 tổ chức cơ sở đảng không hoàn thành nhiệm vụ": a count rated, a result.
                                        "hoàn thành", "xếp loại",
                                        // Members who died, left or were excused ("38 đảng viên từ trần", "412 đảng viên được
                                        // miễn công tác và sinh hoạt đảng"): what happened to them, not what the body has.
                                        "từ trần", "qua đời", "ra khỏi đảng", "miễn công tác", "miễn sinh hoạt"]

    /// Names offices write for a catalogue count in other words: a cell under a grassroots
    /// committee is a cell below grassroots level (DOMAIN.md), where a bare "chi bộ trực thuộc" is
    /// either kind.
    private static let synonyms = [("chi bộ trực thuộc đảng ủy cơ sở", "chi bộ dưới cơ sở"), ("chi bộ trực thuộc đảng uỷ cơ sở", "chi bộ dưới cơ sở"),
                                   ("chi bộ trực thuộc đảng bộ cơ sở", "chi bộ dưới cơ sở")]

    /// Abbreviations offices write for the things counted.
    private static let abbreviations = [("tccsđ", "tổ chức cơ sở đảng"), ("tcđ", "tổ chức đảng"), ("đv", "đảng viên")]

    /// Turns the clauses not read that state a stock into fact entries; a clause leaves the list of
    /// those not read only when every figure in it became a fact.
    func readFacts(_ out: inout Extraction, lines: [String], published: (date: String, line: Int)?) {
        var kept: [UnreadClause] = []
        for u in out.unread {
            var facts: [ExtractedEntry]
            if let table = tableFacts(u, lines: lines) {
                facts = table
            } else {
                let around = Self.around(u, in: lines)
                facts = self.facts(in: u.words, line: u.line, before: around.before, after: around.after)
            }
            // "hiện có", or no date at all: the figure is as of the day the article was published,
            // which its dateline gives (the reviewed facts of the seeds take that date).
            if let published {
                for k in facts.indices where facts[k].period == nil && (facts[k].coverage == nil || ["hiện", "hiện nay", "hiện có", "đến nay"].contains(facts[k].coverage ?? "")) {
                    facts[k].period = published.date
                    facts[k].review.removeAll { $0.hasPrefix("the text says") || $0.hasPrefix("the text gives no date") }
                    facts[k].review.append("as of the text's dateline (line \(published.line)): check that the figure is of that day")
                }
            }
            out.entries += facts
            if facts.isEmpty || facts.count < Self.values(in: u.words).count || !PhraseReader.malformed(in: u.words).isEmpty { kept.append(u) }
        }
        out.unread = kept
    }

    /// The date a text was published, from its dateline: a line near the top holding only a date,
    /// with its weekday or time ("21-07-2020 08:46", "Thứ Năm, 12/10/2023, 16:05 (GMT+7)"); nil
    /// when none of the first lines is one.
    static func dateline(_ lines: [String]) -> (date: String, line: Int)? {
        // The time may stand after the date ("- 08:35", "| 14:22", "09:30") or before it with the
        // words of an update ("Cập nhật lúc 10:20, ngày 03/4/2025", "Cập nhật: 08:05, 09/01/2025").
        let time = #"\d{1,2}:\d{2}"#
        let pattern = #"^(cập nhật( lúc)?:? )?("# + time + #",? )?(ngày )?((thứ [^\s,]+|chủ nhật),? )?(?<d>\d{1,2})[/.-](?<m>\d{1,2})[/.-](?<y>\d{4})"#
            + #"(,? ?([-|] ?)?"# + time + #"( ?\(gmt ?[+-]\d{1,2}\))?)?$"#
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return nil }
        for (i, raw) in lines.prefix(12).enumerated() {
            let line = PhraseReader.normalised(raw).lowercased().trimmingCharacters(in: .whitespaces)
            let ns = line as NSString
            guard let m = regex.firstMatch(in: line, range: NSRange(location: 0, length: ns.length)),
                  let day = Int(ns.substring(with: m.range(withName: "d"))), let month = Int(ns.substring(with: m.range(withName: "m"))),
                  let year = Int(ns.substring(with: m.range(withName: "y"))), (1...31).contains(day), (1...12).contains(month) else { continue }
            return (String(format: "%04d-%02d-%02d", year, month, day), i + 1)
        }
        return nil
    }

    /// The clause's line around it: its words up to the end of the clause, where the date of a
    /// fact is looked for, and its words after, where a bracket closing the sentence may date it.
    /// The clause alone and nothing after when the line does not hold it.
    static func around(_ u: UnreadClause, in lines: [String]) -> (before: String, after: String) {
        guard u.line >= 1, u.line <= lines.count else { return (u.words, "") }
        let line = PhraseReader.normalised(lines[u.line - 1])
        guard let r = line.range(of: u.words) else { return (u.words, "") }
        return (String(line[..<r.upperBound]), String(line[r.upperBound...]))
    }

    /// The facts of one clause: each figure led by "có", "gồm", "với", "lên", "tổng số …" (or
    /// opening the clause, as a list goes on: "…, 251 chi bộ với tổng số 4.294 đảng viên") and
    /// followed by what it counts.
    func facts(in clause: String, line: Int, before: String, after: String = "") -> [ExtractedEntry] {
        let lower = clause.lowercased()
        let sentenceRest = after.lowercased().components(separatedBy: ". ").first ?? ""
        guard let lead = Self.stockLead else { return [] }
        let blocked = Self.notAStock.contains(where: lower.contains)
        // "… đã ban hành 4.037 văn bản, trong đó có 1.289 văn bản chỉ đạo": a part of what was
        // issued, said in the same sentence; documents are issued, not held.
        let sentence = before.components(separatedBy: ". ").last?.lowercased() ?? ""
        guard !sentence.contains("ban hành") else { return [] }
        // "96 TCCSĐ (52 đảng bộ cơ sở, 44 chi bộ cơ sở)": a figure opening a bracket with a noun after
        // it is one more of the list, not an item number "(1)" as the main reading takes it.
        let spaced = clause.replacingOccurrences(of: #"\((?=\d[\d.,]* \p{L})"#, with: "( ", options: .regularExpression)
        let chars = Array(spaced)
        let lineBefore = String(before.dropLast(clause.count))
        var out: [ExtractedEntry] = []
        // "… 112 chi bộ với 1.607 đảng viên (số liệu năm 2024).": with no date before, the date a
        // bracket closing the sentence gives its figures.
        let when = Self.factPeriod(before) ?? sentenceRest.range(of: #"\((số liệu|tính đến|thời điểm)[^()]*\)"#, options: .regularExpression).flatMap { Self.factPeriod(String(sentenceRest[$0])) }
        for f in Self.values(in: spaced) where !f.isPercent && f.fraction == nil {
            let head = String(chars[..<f.start]).lowercased()
            let ns = head as NSString
            let opens = head.trimmingCharacters(in: .whitespaces).range(of: #"^(gần|trên|hơn|khoảng)?$"#, options: .regularExpression) != nil
            // A list of stocks goes on after the first one the clause states: "… có 42 tổ chức cơ sở
            // đảng và 196 chi bộ …", "96 TCCSĐ (52 đảng bộ cơ sở, 44 chi bộ cơ sở)".
            let goesOn = !out.isEmpty && head.range(of: #"(\(|,|\svà)\s*(gần|trên|hơn|khoảng)?\s*$"#, options: .regularExpression) != nil
            // "150 đại biểu đại diện cho 1.284 đảng viên": the members the delegates stand for are the
            // body's; "Chi bộ … được thành lập với 5 đảng viên": the members a body was founded with.
            let represented = head.range(of: #"đại diện cho( gần| trên| hơn| khoảng)?\s*$"#, options: .regularExpression) != nil
            let foundedWith = head.range(of: #"(thành lập|ra đời) với( gần| trên| hơn| khoảng)?\s*$"#, options: .regularExpression) != nil
            guard !blocked || represented else { continue }
            guard opens || goesOn || represented || lead.firstMatch(in: head, range: NSRange(location: 0, length: ns.length)) != nil else { continue }
            let rest = String(chars[f.end...]).lowercased().trimmingCharacters(in: .whitespaces)
            // Something done in the figure's own part of the clause (up to the commas either side)
            // makes it a count of what was done, not of what the body has.
            let ownPart = (head.components(separatedBy: ",").last ?? head) + " " + (rest.components(separatedBy: ",").first ?? rest)
            guard foundedWith || !Self.notAStockHere.contains(where: ownPart.contains) else { continue }
            // "số tổ chức cơ sở đảng là 34": the noun named before the figure, after "số".
            let namedBefore = head.range(of: #"(?:^|\s)số ([\p{L} ]{3,40}?) là\s*$"#, options: .regularExpression).flatMap { r -> (ids: [String], noun: String)? in
                let noun = String(head[r]).trimmingCharacters(in: .whitespaces).dropFirst(3).replacingOccurrences(of: #" là\s*$"#, with: "", options: .regularExpression)
                return stockIndicators(counting: noun, sentence: before.lowercased())
            }
            guard let counted = stockIndicators(counting: rest, sentence: before.lowercased()) ?? namedBefore else { continue }
            guard !Self.isPartOfFigureBefore(rest: rest, textBefore: lineBefore + head) else { continue }
            var e = ExtractedEntry(kind: .fact, line: line, words: clause, rule: nil, value: f.digits, stated: nil, target: nil,
                                   indicators: counted.ids, confidence: 0, congress: nil, years: nil, coverage: when?.words, body: Self.body(of: clause))
            e.period = when?.period
            let word = head.trimmingCharacters(in: .whitespaces).split(separator: " ").last.map(String.init) ?? ""
            e.qualifier = ["trên": "more-than", "hơn": "more-than", "gần": "less-than", "khoảng": "about"][word]
            if counted.ids.isEmpty { e.review.append("the text counts “\(counted.noun)”: name its indicator") }
            if e.period == nil { e.review.append(when.map { "the text says “\($0.words)”: write the date of the figure" } ?? "the text gives no date: write the date the source gives it (its publication date for \"hiện có\")") }
            var confidence = Decimal(string: counted.ids.count == 1 ? "0.8" : "0.6") ?? 1
            confidence -= Decimal(e.review.count) / 10
            e.confidence = max(0, confidence)
            out.append(e)
        }
        return out
    }

    /// Whether a figure after "trong đó" counts the noun a figure before it in the sentence counted
    /// ("… có 623 đảng viên, trong đó có 118 đảng viên là sinh viên"): a part of that figure, which
    /// the catalogue keeps no count of, not a stock of its own. A part naming another noun ("71 chi,
    /// đảng bộ trực thuộc, trong đó có 26 đảng bộ, 45 chi bộ") is one.
    static func isPartOfFigureBefore(rest: String, textBefore: String) -> Bool {
        let sentence = textBefore.lowercased().components(separatedBy: ". ").last ?? ""
        guard let part = sentence.range(of: "trong đó", options: .backwards) else { return false }
        func noun(_ words: String) -> [String] {
            Array(words.split(whereSeparator: { !$0.isLetter }).prefix(2).map(String.init))
        }
        let own = noun(rest)
        guard own.count == 2 else { return false }
        let whole = String(sentence[..<part.lowerBound])
        let wholeChars = Array(whole)
        return values(in: whole).contains { v in
            !v.isPercent && noun(String(wholeChars[v.end...])) == own
        }
    }

    /// A row of a table of structure whose header names a stock over each column of figures
    /// ("Đơn vị | Tổ chức cơ sở đảng | Đảng viên" over "Đảng bộ huyện Đức Hòa | 55 | 7.904"): a
    /// fact for each such cell, at the date of the table's title, of the body its label names.
    /// Nil when the clause is no such row (or a cell under a stock is no count).
    func tableFacts(_ u: UnreadClause, lines: [String]) -> [ExtractedEntry]? {
        let cells = u.words.components(separatedBy: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        guard cells.count >= 2, Self.values(in: cells[0]).isEmpty else { return nil }
        if cells.count == 2 { return tableFact(u, lines: lines).map { [$0] } }
        // The header is the nearest row above without figures; the title the line above the rows.
        var k = u.line - 2
        var header: [String]?
        while k >= 0, k < lines.count, lines[k].contains("|") {
            let hc = lines[k].components(separatedBy: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            if header == nil, hc.count == cells.count, hc.dropFirst().allSatisfy({ Self.values(in: $0).isEmpty }) { header = hc }
            k -= 1
        }
        guard let header else { return nil }
        let title = k >= 0 && k < lines.count ? PhraseReader.normalised(lines[k]) : ""
        let when = title.isEmpty ? nil : Self.factPeriod(title)
        // A label naming a committee or a cell ("Đảng bộ huyện Đức Hòa") is the body of its row's figures.
        let bodyLabel = cells[0].range(of: #"^(đảng bộ|chi bộ|đảng ủy|đảng uỷ) \S"#, options: [.regularExpression, .caseInsensitive]) != nil ? cells[0] : nil
        var out: [ExtractedEntry] = []
        for c in 1..<cells.count {
            guard let counted = stockIndicators(counting: header[c].lowercased(), sentence: "") else { continue }
            guard cells[c].range(of: #"^\d{1,3}(\.\d{3})*$"#, options: .regularExpression) != nil else { return nil }
            out.append(tableEntry(u, value: cells[c], counted: counted, when: when,
                                  body: bodyLabel ?? Self.body(of: title), titleLine: k + 1))
        }
        return out.isEmpty ? nil : out
    }

    /// A row of a table pasted as text whose label names a stock ("Đảng viên | 4.376"), under a
    /// title that gives the date ("Tình hình tổ chức đảng … (tính đến 30/6/2025):"): a fact at
    /// that date. Nil when the clause is no such row.
    func tableFact(_ u: UnreadClause, lines: [String]) -> ExtractedEntry? {
        let cells = u.words.components(separatedBy: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        guard cells.count == 2, cells[1].range(of: #"^\d{1,3}(\.\d{3})*$"#, options: .regularExpression) != nil,
              Self.values(in: cells[0]).isEmpty,
              let counted = stockIndicators(counting: cells[0].lowercased(), sentence: "") else { return nil }
        // The title is the line above the table's rows (each holding a "|").
        var k = u.line - 2
        while k >= 0, k < lines.count, lines[k].contains("|") { k -= 1 }
        let title = k >= 0 && k < lines.count ? PhraseReader.normalised(lines[k]) : ""
        let when = title.isEmpty ? nil : Self.factPeriod(title)
        return tableEntry(u, value: cells[1], counted: counted, when: when, body: Self.body(of: title), titleLine: k + 1)
    }

    /// One fact of a table's row, with what a person checks.
    func tableEntry(_ u: UnreadClause, value: String, counted: (ids: [String], noun: String), when: (period: String?, words: String)?, body: String?, titleLine: Int) -> ExtractedEntry {
        var e = ExtractedEntry(kind: .fact, line: u.line, words: u.words, rule: nil, value: value, stated: nil, target: nil,
                               indicators: counted.ids, confidence: 0, congress: nil, years: nil, coverage: when?.words, body: body)
        e.period = when?.period
        if counted.ids.isEmpty { e.review.append("the table counts “\(counted.noun)”: name its indicator") }
        if e.period == nil { e.review.append("the table's title gives no date: write the date of the figures") }
        e.review.append("a row of a table (its title on line \(titleLine))")
        var confidence = Decimal(string: counted.ids.count == 1 ? "0.8" : "0.6") ?? 1
        confidence -= Decimal(e.review.count) / 10
        e.confidence = max(0, confidence)
        return e
    }

    /// The catalogue's counts of a thing whose name opens the words after a figure ("41 tổ chức cơ
    /// sở đảng" → "Tổ chức cơ sở đảng trực thuộc"; "3.412 đảng viên" → "Số đảng viên"); members
    /// written as "đồng chí" where the sentence speaks of members. Indicators with a verb in their
    /// phrase ("kết nạp được {value} …") count what was done, not a stock, and are left out. Nil
    /// when the words name nothing counted; empty ids when several indicators share the noun.
    func stockIndicators(counting after: String, sentence: String) -> (ids: [String], noun: String)? {
        var words = after
        for (short, long) in Self.abbreviations + Self.synonyms where words.hasPrefix(short) && !(words.dropFirst(short.count).first?.isLetter ?? false) {
            words = long + words.dropFirst(short.count)
        }
        let stocks = catalogue.filter { $0.unit == .count && $0.phrase == nil }
        func stem(_ name: String) -> String {
            var n = name.lowercased()
            if n.hasPrefix("số ") { n.removeFirst(3) }
            if n.hasSuffix(" trực thuộc") { n.removeLast(" trực thuộc".count) }
            return n
        }
        func opens(_ name: String) -> Bool {
            guard words.hasPrefix(name) else { return false }
            return !(words.dropFirst(name.count).first?.isLetter ?? false)
        }
        let named = stocks.filter { opens(stem($0.name)) }
        if let longest = named.map({ stem($0.name).count }).max() {
            let best = named.filter { stem($0.name).count == longest }
            return (best.map(\.id), stem(best[0].name))
        }
        // "nâng tổng số đảng viên lên 564 đồng chí": comrades, where the sentence counts members.
        if opens("đồng chí"), sentence.contains("đảng viên") {
            let members = stocks.filter { stem($0.name) == "đảng viên" }
            return (members.map(\.id), "đồng chí")
        }
        // A noun several indicators share ("45 chi bộ": grassroots cells or cells below them): a
        // person names it.
        let nouns = stocks.compactMap(\.noun).filter { $0.contains(" ") && opens($0) }
        if let noun = nouns.max(by: { $0.count < $1.count }) { return ([], noun) }
        return nil
    }

    /// The forms of a date a fact may be at, each with what it gives (nil: the words only),
    /// compiled once: every clause not read is looked at with them.
    private static let factDates: [(NSRegularExpression, @Sendable ([Int]) -> String?)] = {
        let patterns: [(String, @Sendable ([Int]) -> String?)] = [
            (#"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})"#, { p in (1...31).contains(p[0]) && (1...12).contains(p[1]) ? String(format: "%04d-%02d-%02d", p[2], p[1], p[0]) : nil }),
            (#"tháng (\d{1,2})(?:[/-]| năm )(\d{4})"#, { p in (1...12).contains(p[0]) ? String(format: "%04d-%02d", p[1], p[0]) : nil }),
            // A plan's year ("đạt 91,1 % chỉ tiêu năm 2024") is when the plan is for, not a date of
            // the body: "Cùng thời điểm, …" after it keeps the date before.
            (#"(?<!chỉ tiêu)(?<!kế hoạch)(?:^|[^\p{L}])(?:cuối |hết )?năm (\d{4})"#, { p in String(p[0]) }),
            (#"(?:giữa|đầu|\d+ tháng (?:đầu|cuối)) năm (\d{4})"#, { _ in nil }),
            (#"hiện nay|hiện có|đến nay"#, { _ in nil }),
            // "Hiện Đảng bộ huyện có …" opening a sentence: now, as of the text's dateline, whatever
            // date an earlier sentence of the line gave (a plan's "đến năm 2030", a year's results).
            (#"(?:^|[.!?]\s+)hiện(?= )"#, { _ in nil }),
        ]
        return patterns.compactMap { pattern, make in (try? NSRegularExpression(pattern: pattern)).map { ($0, make) } }
    }()

    /// The date a fact is at: the last the words before it give, as a data file writes it ("tính
    /// đến 30/6/2023" → 2023-06-30, "Đến tháng 5/1965" → 1965-05, "cuối năm 2022" → 2022), with the
    /// words; nil when they give none. A part of a year ("giữa năm 1978", "6 tháng đầu năm 2023")
    /// gives the words only: a person writes its date.
    static func factPeriod(_ text: String) -> (period: String?, words: String)? {
        let lower = text.lowercased()
        var best: (end: Int, period: String?, words: String)?
        let ns = lower as NSString
        for (regex, make) in Self.factDates {
            guard let m = regex.matches(in: lower, range: NSRange(location: 0, length: ns.length)).last else { continue }
            let groups = (1..<m.numberOfRanges).compactMap { i -> Int? in
                m.range(at: i).location == NSNotFound ? nil : Int(ns.substring(with: m.range(at: i)))
            }
            let end = m.range.location + m.range.length
            // The nearest wins; at one place the fuller reading ("giữa năm 1978" over "năm 1978").
            guard end > best?.end ?? -1 || end == best?.end && make(groups) == nil else { continue }
            best = (end, make(groups), ns.substring(with: m.range).trimmingCharacters(in: CharacterSet.letters.inverted.subtracting(.decimalDigits)))
        }
        return best.map { ($0.period, $0.words) }
    }
}
