import Foundation

/// A target read from one phrase of a resolution: the rule in the data files' syntax, the
/// period, and what a person must still look at.
public struct DraftRule: Hashable, Sendable {
    /// The rule as a data file writes it: "> 750", ">= 90%", "150-200", "< 0,5%", "= 0", "2/3",
    /// "~ 50%" (a tolerance only a person can set), "xếp loại >= hoan-thanh-tot".
    public var rule: String
    /// `term`, `each-year`, `end-of-term` or `by YYYY`, as a data file writes it.
    public var period: String
    /// The words of the phrase the rule was read from.
    public var words: String
    /// Why a person should look again (an ambiguous word, a reading chosen among several).
    public var review: [String]
}

/// Reads the comparator, figures, unit and period of a Vietnamese target phrase, as congress
/// resolutions word them ("kết nạp được trên 750 đảng viên", "hằng năm đạt 65% trở lên để đến cuối
/// nhiệm kỳ đạt 70%", "100% đảng viên và trên 90% quần chúng"). Rule-based and offline: every figure
/// comes from the words; a malformed figure is not read at all.
public enum PhraseReader {
    /// The targets a phrase holds: none, one, or two when it sets two ("… và trên 90% quần chúng",
    /// "hằng năm … để đến cuối nhiệm kỳ …").
    public static func read(_ phrase: String) -> [DraftRule] {
        let text = normalised(phrase)
        // "hằng năm đạt 65% trở lên để đến cuối nhiệm kỳ đạt 70%": a yearly floor and an end level.
        if let split = text.range(of: " để đến cuối nhiệm kỳ ") {
            let yearly = String(text[..<split.lowerBound]), end = String(text[split.upperBound...])
            if var first = single(yearly, period: period(of: yearly) ?? "each-year"), var second = single(end, period: "end-of-term") {
                // The end level is a share like the yearly floor, unless '%' cannot follow its rule
                // (a fraction "6/10", "= 0"): found by fuzzing, "6/10%" does not parse.
                if !second.rule.hasSuffix("%"), first.rule.hasSuffix("%"), (try? RuleParser.parse(second.rule + "%")) != nil { second.rule += "%" }
                first.words = text
                second.words = text
                return [first, second]
            }
        }
        // "100% đảng viên và trên 90% quần chúng": two figures joined by "và", each with its noun.
        let parts = text.components(separatedBy: " và ")
        // A year ("đến năm 2030 có 70 % xã … và 30 % xã …") is a period, not one of the two figures.
        // An ordinal ("Hội nghị … lần thứ 18") names a meeting, not a figure of the two.
        func ordinal(_ f: Figure, _ part: String) -> Bool { String(Array(part)[..<f.start]).lowercased().hasSuffix("thứ ") }
        // A range ("từ 15 - 20 %", "từ 02 đến 03") is one figure of the two.
        func figures(_ part: String) -> Int {
            let found = numbers(in: part).filter { !$0.isYear && !isYearLike($0) && !ordinal($0, part) }
            let chars = Array(part)
            return found.indices.filter { k in
                guard k > 0, found[k - 1].end <= found[k].start else { return true }
                let joint = String(chars[found[k - 1].end..<found[k].start]).trimmingCharacters(in: .whitespaces)
                return !["-", "–", "đến", "% -", "% –", "%-"].contains(joint)
            }.count
        }
        if parts.count == 2, parts.allSatisfy({ figures($0) == 1 }) {
            let shared = period(of: text) ?? "term"
            let both = parts.compactMap { single($0, period: period(of: $0) ?? shared) }
            if both.count == 2 { return both }
        }
        // "100% tổ chức đảng và đảng viên được giám sát": one figure for two wholes, two targets.
        if parts.count == 2, numbers(in: parts[0]).count == 1, numbers(in: parts[1]).isEmpty,
           let figure = numbers(in: parts[0]).first, figure.isPercent, parts[0].hasSuffix(" tổ chức đảng") || parts[0].hasSuffix(" cán bộ"),
           var first = single(text, period: period(of: text) ?? "term") {
            first.review.append("one figure for two wholes ('… và …'): two targets")
            return [first, first]
        }
        return single(text, period: period(of: text) ?? "term").map { [$0] } ?? []
    }

    // MARK: - One target

    /// A count of those a target is given to, not the target: "cho 22 tổ chức cơ sở đảng",
    /// "giao 31 chi bộ", "của 15 xã".
    static func isRecipientCount(_ f: Figure, before: String, after: String) -> Bool {
        guard !f.isPercent, ends(before, ["cho", "giao", "của", "tại"]) else { return false }
        let wholes = ["tổ chức", "chi bộ", "chi,", "chi ", "đảng bộ", "đơn vị", "xã", "phường", "cơ sở", "huyện", "cơ quan", "doanh nghiệp"]
        let next = after.trimmingCharacters(in: .whitespaces)
        return wholes.contains { next.hasPrefix($0) } || next == "chi"
    }

    /// Whether the "trở lên" after a figure raises a level the noun counted is rated at ("trên 85 %
    /// hoàn thành tốt nhiệm vụ trở lên", "trình độ đại học trở lên"), not the figure: the figure's
    /// own comparator is then the word before it alone.
    static func levelRaised(_ after: String) -> Bool {
        guard let r = after.lowercased().range(of: "trở lên") else { return false }
        let upTo = after.lowercased()[..<r.lowerBound].trimmingCharacters(in: .whitespaces)
        guard !upTo.isEmpty, !upTo.hasPrefix("%") else { return false }
        return ["nhiệm vụ", "khá", "giỏi", "tốt", "xuất sắc", "sao", "trung cấp", "cao đẳng", "đại học", "thạc sĩ", "tiến sĩ"].contains { upTo.hasSuffix($0) }
    }

    static func single(_ text: String, period: String) -> DraftRule? {
        var review: [String] = []
        let found = numbers(in: text)
        // A multiple of a base ("tăng gấp 1,8 lần so với năm 2025", "gấp đôi"): an amount in the
        // measure "lần" (times the base), at least that many times; the base is a person's to record.
        if let multiple = multiple(in: text) {
            review.append("a multiple of a base (\(multiple.base ?? "the base is not named")): an amount in 'lần', for an indicator whose measure is 'lần'")
            if multiple.fromWord { review.append("'gấp đôi' read as 2 times") }
            return DraftRule(rule: ">= \(multiple.times)", period: period, words: text, review: review)
        }
        // "không có cơ sở yếu kém", "không còn đảng viên vi phạm": none at all.
        if found.isEmpty {
            if contains(text, "không có") || contains(text, "không còn") { return DraftRule(rule: "= 0", period: period, words: text, review: review) }
            if contains(text, "xếp loại") || contains(text, "hoàn thành tốt nhiệm vụ trở lên") {
                review.append("a rating: choose the level on the indicator's scale")
                if contains(text, "xếp loại trên") || contains(text, "trên hoàn thành") || contains(text, "trên mức") {
                    // "xếp loại trên hoàn thành tốt": strictly above; a rule names the lowest level that meets it.
                    review.append("'trên' is strictly above the level named: write the level above it, unless the words mean 'trở lên'")
                }
                return DraftRule(rule: "xếp loại >= hoan-thanh-tot", period: period, words: text, review: review)
            }
            return nil
        }
        // A fraction of a known whole: "3/3 đoàn thể", "2/3 chi bộ".
        if let f = found.first(where: { $0.fraction != nil }), let (n, w) = f.fraction {
            return DraftRule(rule: "\(n)/\(w)", period: period, words: text, review: review)
        }
        // A range: "từ 150-200", "từ 02 đến 03", "15-20%": two figures joined by a dash or "đến".
        for (low, high) in zip(found, found.dropFirst()) where high.start - low.end <= 6 {
            let joint = between(text, low, high).trimmingCharacters(in: .whitespaces)
            guard joint == "-" || joint == "–" || joint == "đến" else { continue }
            // A range runs upwards; "21-07-2020" is a date, not one (found by fuzzing).
            guard let a = try? VietnameseNumber.parse(low.digits), let b = try? VietnameseNumber.parse(high.digits), a.value < b.value else { continue }
            // Term years ("giai đoạn 2026 - 2030", "nhiệm kỳ 2020-2025") are not a range of a target (issue 18).
            if isYearLike(low) && isYearLike(high) { continue }
            // "Đến tháng 12-2014": a month and its year, not a range.
            if isYearLike(high), ends(String(text[..<text.index(text.startIndex, offsetBy: low.start)]).trimmingCharacters(in: .whitespaces), ["tháng"]) { continue }
            let percent = high.isPercent || low.isPercent ? "%" : ""
            return DraftRule(rule: "\(low.digits)-\(high.digits)\(percent)", period: period, words: text, review: review)
        }
        // The target's figure: one a comparator word stands before, else a percentage, else the
        // first; never a year ("đến năm 2000") or a label ("loại 4", "khóa XII", "01 lần" counts).
        func before(_ f: Figure) -> String { String(text[..<text.index(text.startIndex, offsetBy: f.start)]).trimmingCharacters(in: .whitespaces) }
        let cues = ["trên", "vượt", "hơn", "ít nhất", "tối thiểu", "không dưới", "dưới", "không quá", "tối đa", "khoảng", "gần", "từ", "đạt"]
        // Nor an age or a duration that qualifies the whole ("trẻ em dưới 5 tuổi", "sau 5 năm").
        func after(_ f: Figure) -> String { String(text[text.index(text.startIndex, offsetBy: f.end)...]).lowercased() }
        // A four-digit year without grouping ("giai đoạn 2021 - 2025") is never the figure: a count that
        // large is written grouped ("2.021").
        let candidates = found.filter { f in
            !isPerCapitaBase(f, in: Array(text)) && !f.isYear && !isYearLike(f) && !ends(before(f), ["loại", "khóa", "khoá", "số", "điều"]) && (f.isPercent || !["tuổi", "năm", "tháng", "sao"].contains { after(f).hasPrefix(" " + $0) })
        }
        // Several figures and no comparator: the one the target's verb takes ("giao chỉ tiêu cho 22
        // tổ chức cơ sở đảng kết nạp 180 đảng viên": 180), never the count of those it is given to;
        // a clause that still cannot be decided is not guessed (the extractor lists it for a person).
        let figures = candidates.filter { !isRecipientCount($0, before: before($0), after: after($0)) }
        let verbs = ["kết nạp", "kết nạp được", "kết nạp mới", "phát triển", "giới thiệu", "đạt", "giải quyết việc làm cho", "tạo việc làm cho", "thu", "là"]
        var decided = figures.first(where: { ends(before($0), cues) }) ?? figures.first(where: { ends(before($0), verbs) }) ?? figures.first(where: \.isPercent)
        // "thành lập 5 tổ chức đảng … có từ 3 đảng viên trở lên": a comparator after "có" qualifies
        // the noun counted; the target is the figure the verb takes before it.
        // "100 % doanh nghiệp có từ 3 đảng viên chính thức trở lên thành lập được tổ chức đảng": with no
        // count before, the share of the wholes so qualified is the target.
        if let d = decided, ends(before(d), ["có từ", "có trên", "có ít nhất"]),
           let verb = figures.last(where: { $0.start < d.start && !$0.isPercent }) ?? figures.last(where: { $0.start < d.start && $0.isPercent }) {
            decided = verb
        }
        if decided == nil, figures.count > 1 { return nil }
        guard let n = decided ?? figures.first else { return nil }
        let figure = n.digits + (n.isPercent ? "%" : "")
        let before = before(n)
        let after = String(text[text.index(text.startIndex, offsetBy: n.end)...])
        let comparator: String
        let lower = text.lowercased()
        if lower.contains("mỗi"), lower.contains("ít nhất 01 lần") || lower.contains("ít nhất 1 lần") {
            // "mỗi cơ sở đảng được kiểm tra ít nhất 01 lần": every organisation, i.e. all of them.
            review.append("every organisation at least once: read as 100% of organisations")
            return DraftRule(rule: ">= 100%", period: period, words: text, review: review)
        }
        if ends(before, ["không thấp hơn", "không ít hơn", "không dưới"]) {
            // Negated comparisons before "hơn" would read as "more than": "không thấp hơn 80 %" is "at least".
            comparator = ">="
        } else if ends(before, ["không cao hơn", "không nhiều hơn", "không lớn hơn", "không vượt quá", "không quá"]) {
            comparator = "<="
        } else if ends(before, ["trên", "vượt"]), contains(after.prefix(40), "trở lên"), !levelRaised(after) {
            // "trên 80% trở lên" says both; the reviewed data reads it as "80% or more".
            review.append("'trên … trở lên': read as 'at least'")
            comparator = ">="
        } else if ends(before, ["trên", "vượt", "hơn", "vượt trên"]) {
            // "trên" also means "per" ("trên 100 đảng viên"); as a comparator it stands before the figure.
            comparator = ">"
            if after.hasPrefix(" đảng viên") && contains(text, "bình quân") { review.append("'trên' may mean 'per' here") }
        } else if ends(before, ["ít nhất", "tối thiểu", "không dưới"]) || starts(after, ["trở lên"]) || (ends(before, ["từ"]) && contains(after, "trở lên")) || contains(after.prefix(40), "trở lên") && !levelRaised(after) {
            comparator = ">="
        } else if ends(before, ["còn", "xuống", "giảm còn", "xuống còn"]) {
            // "giảm xuống còn 2 %", "còn 2,8 %": a falling indicator brought down to a level, a ceiling.
            comparator = "<="
        } else if ends(before, ["dưới"]) {
            comparator = "<"
        } else if ends(before, ["không quá", "tối đa", "không vượt quá"]) {
            comparator = "<="
        } else if ends(before, ["khoảng", "gần"]) {
            review.append("'khoảng': set the tolerance, e.g. '~ \(figure) ± 5'")
            comparator = "~"
        } else {
            // "đạt 90%", "100% chi bộ": the figure as a floor, the usual reading of a resolution.
            review.append("no comparator word: read as 'at least'")
            comparator = ">="
        }
        return DraftRule(rule: "\(comparator) \(figure)", period: period, words: text, review: review)
    }

    /// "gấp 1,8 lần" (the figure as written), "gấp đôi" (2, from the word), with the base "so với …"
    /// names; nil when the phrase sets no multiple. "gấp … lần" with a malformed figure is none.
    public static func multiple(in phrase: String) -> (times: String, base: String?, fromWord: Bool)? {
        let lower = phrase.lowercased()
        let base = lower.range(of: #"so với [^,;.()]+"#, options: .regularExpression).map { String(lower[$0]).trimmingCharacters(in: .whitespaces) }
        if let r = lower.range(of: #"gấp (\d+(,\d+)?) ?lần"#, options: .regularExpression) {
            let digits = lower[r].dropFirst(4).prefix { $0.isNumber || $0 == "," }
            return (String(digits), base, false)
        }
        if lower.range(of: #"gấp đôi"#, options: .regularExpression) != nil { return ("2", base, true) }
        return nil
    }

    /// The period words of a phrase, if any.
    static func period(of phrase: String) -> String? {
        let text = phrase.lowercased()
        // "trong năm 2024" is that year alone; "đến năm 2000", "vào năm 2000" an end point.
        if let r = text.range(of: #"trong năm (\d{4})"#, options: .regularExpression), let year = text[r].split(separator: " ").last {
            return "year \(year)"
        }
        if let r = text.range(of: #"(đến|vào) năm (\d{4})"#, options: .regularExpression),
           let year = text[r].split(separator: " ").last {
            return "by \(year)"
        }
        // "Đến ngày 31/12/2027, phấn đấu …": an end point by its date.
        if let r = text.range(of: #"(đến|vào) (ngày )?\d{1,2}/\d{1,2}/\d{4}"#, options: .regularExpression),
           let year = text[r].split(separator: "/").last {
            return "by \(year)"
        }
        if contains(text, "hằng năm") || contains(text, "hàng năm") || contains(text, "mỗi năm") { return "each-year" }
        if contains(text, "đến cuối nhiệm kỳ") || contains(text, "cuối nhiệm kỳ") || contains(text, "hết nhiệm kỳ") { return "end-of-term" }
        if contains(text, "trong nhiệm kỳ") || contains(text, "toàn khóa") || contains(text, "cả nhiệm kỳ") { return "term" }
        return nil
    }

    // MARK: - Figures

    /// A figure in a phrase: its digits as written, where it stands (in characters), and its kind.
    struct Figure {
        var digits: String
        var start: Int
        var end: Int
        var isPercent: Bool
        var fraction: (Int, Int)?
        /// A four-digit year such as the 2000 of "đến năm 2000".
        var isYear: Bool
    }

    /// The well-formed figures of a phrase, in order; malformed ones ("7.5000") are left out, so
    /// that a person supplies them rather than the reader guessing.
    static func numbers(in text: String) -> [Figure] {
        let chars = Array(text)
        var out: [Figure] = []
        var i = 0
        // The end of the run of digits and marks from `i`: "4.294", "2/3", "28/5/1962".
        func runEnd(_ i: Int) -> Int {
            var j = i
            while j < chars.count, chars[j].isASCII, chars[j].isNumber || ((chars[j] == "." || chars[j] == "," || chars[j] == "/") && j + 1 < chars.count && chars[j + 1].isASCII && chars[j + 1].isNumber) { j += 1 }
            return j
        }
        while i < chars.count {
            guard chars[i].isASCII, chars[i].isNumber else { i += 1; continue }
            // After a letter ("loại 4" is read elsewhere), "(" (an item number) or a mark, the whole
            // run is skipped, not just its first digit: "(4.294" must not be read as 294, nor the tail
            // of a date cut by a stray character ("27/9/19\u{15}54") as the fraction 9/19 (found by fuzzing).
            // A percentage alone in brackets ("vượt mục tiêu Nghị quyết (7,5 %)") is a figure, not an item number.
            let bracketedPercent: Bool = {
                guard i > 0, chars[i - 1] == "(" else { return false }
                var k = runEnd(i)
                while k < chars.count, chars[k] == " " { k += 1 }
                return k + 1 < chars.count && chars[k] == "%" && chars[k + 1] == ")"
            }()
            if i > 0, !bracketedPercent, chars[i - 1].isLetter || chars[i - 1].isNumber || chars[i - 1] == "(" || chars[i - 1] == "/" || chars[i - 1] == "." || chars[i - 1] == "," {
                i = max(i + 1, runEnd(i))
                continue
            }
            let j = runEnd(i)
            let token = String(chars[i..<j])
            var k = j
            while k < chars.count, chars[k] == " " { k += 1 }
            let percent = k < chars.count && chars[k] == "%"
            let end = percent ? k + 1 : j
            if token.contains("/") {
                let parts = token.split(separator: "/")
                // "3/3", "2/3" are fractions; "28/5/1962" is a date.
                if parts.count == 2, let n = Int(parts[0]), let w = Int(parts[1]), n >= 1, n <= w, w <= 20 {
                    out.append(Figure(digits: token, start: i, end: end, isPercent: false, fraction: (n, w), isYear: false))
                }
            } else if (try? VietnameseNumber.parse(token)) != nil {
                let year = token.count == 4 && !percent && Int(token).map { (1900...2100).contains($0) } == true && i >= 4 && String(chars[max(0, i - 4)..<i]).lowercased() == "năm "
                out.append(Figure(digits: token, start: i, end: end, isPercent: percent, fraction: nil, isYear: year))
            }
            i = end
        }
        return out
    }

    /// The base of a rate per head: "trên 1 vạn dân", "/1.000 dân", "trên 100.000 dân" (the 1 of
    /// "bác sĩ trên 1 vạn dân" is not a floor; "trên" means "per" there); "trên 1 ha", per hectare.
    static func isPerCapitaBase(_ f: Figure, in chars: [Character]) -> Bool {
        let before = String(chars[max(0, f.start - 5)..<f.start]).lowercased()
        let after = String(chars[f.end..<min(chars.count, f.end + 10)]).lowercased()
        // "giá trị sản xuất trên 1 ha đất trồng trọt": the base of a yield per hectare.
        let perHectare = f.digits == "1" && after.range(of: #"^ ha\b"#, options: .regularExpression) != nil
        return (before.hasSuffix("trên ") || before.hasSuffix("/")) && (after.hasPrefix(" vạn dân") || after.hasPrefix(" nghìn dân") || after.hasPrefix(" dân") || perHectare)
    }

    /// Four digits from 1900 to 2100, ungrouped, not a percentage: a year wherever it stands.
    static func isYearLike(_ f: Figure) -> Bool {
        !f.isPercent && f.fraction == nil && f.digits.count == 4 && Int(f.digits).map { (1900...2100).contains($0) } == true
    }

    /// Figures written in a way no convention reads ("7.5000", "4..294"), left for a person.
    public static func malformed(in text: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: #"(?<![\d.,/])\d[\d.,]*\d(?![\d/])"#) else { return [] }
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range) }
            .filter { (try? VietnameseNumber.parse($0)) == nil }
    }

    /// Every "n/m" of whole numbers in a phrase, dates ("28/5/1962") left out.
    static func fractions(in text: String) -> [(Int, Int)] {
        guard let regex = try? NSRegularExpression(pattern: #"(?<![\d/])(\d{1,6})/(\d{1,6})(?![\d/])"#) else { return [] }
        let ns = text as NSString
        return regex.matches(in: text, range: NSRange(location: 0, length: ns.length)).compactMap { m in
            guard let a = Int(ns.substring(with: m.range(at: 1))), let b = Int(ns.substring(with: m.range(at: 2))) else { return nil }
            return (a, b)
        }
    }

    // MARK: - Words

    /// NFC, one space for any run of whitespace (non-breaking spaces and line breaks included).
    static func normalised(_ s: String) -> String {
        s.precomposedStringWithCanonicalMapping.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func contains<S: StringProtocol>(_ text: S, _ word: String) -> Bool { text.range(of: word) != nil }

    static func ends(_ text: String, _ words: [String]) -> Bool {
        let lower = text.lowercased()
        return words.contains { lower == $0 || lower.hasSuffix(" " + $0) }
    }

    static func starts(_ text: String, _ words: [String]) -> Bool {
        let lower = text.trimmingCharacters(in: .whitespaces).lowercased()
        return words.contains { lower.hasPrefix($0) }
    }

    static func between(_ text: String, _ a: Figure, _ b: Figure) -> String {
        let chars = Array(text)
        return String(chars[a.end..<b.start])
    }
}
