import Foundation

/// One entry found in a text: a target or an outcome, with the words and place it came from.
public struct ExtractedEntry: Hashable, Sendable {
    public enum Kind: String, Sendable { case target, outcome }

    public var kind: Kind
    /// 1-based line of the text.
    public var line: Int
    /// The verbatim words of the clause.
    public var words: String
    /// For a target: the rule and period read (see `PhraseReader`).
    public var rule: DraftRule?
    /// For an outcome: the figure as written and the percentage stated beside it ("115,7%").
    public var value: String?
    public var stated: String?
    /// For an outcome: the target figure written beside it ("180/150", "(chỉ tiêu … là 90%)").
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
}

/// Finds target and outcome sentences in a resolution or report text, line by line: each
/// paragraph split into sentences and clauses, each clause read by `PhraseReader`. Nothing is
/// invented: every figure comes from the words; what looks like a target but cannot be read is
/// listed as unparsed with its line.
public struct Extractor: Sendable {
    let catalogue: [Indicator]

    public init(catalogue: [String: Indicator]) {
        self.catalogue = catalogue.values.sorted { $0.position < $1.position }
    }

    /// The entries of a text, and the lines of clauses that look like targets but could not be read.
    public func extract(_ text: String) -> (entries: [ExtractedEntry], unparsed: [(line: Int, words: String)]) {
        var entries: [ExtractedEntry] = []
        var unparsed: [(Int, String)] = []
        for (index, line) in Self.paragraphs(text) {
            let (congress, years) = Self.congress(of: line)
            // Targets are set by a resolution; results are reported after "Kết quả" or with "đã".
            let resolution = ["nghị quyết", "chỉ tiêu", "phấn đấu", "mục tiêu"].contains { line.lowercased().contains($0) }
            // A period word holds until the sentence ends with a full stop: "Hằng năm, …; không có …".
            var period: String?
            for (sentence, fullStop) in Self.sentences(line) {
                defer { if fullStop { period = nil } }
                var inResults = false
                for clause in Self.clauses(sentence) {
                    let lower = clause.lowercased()
                    if lower.contains("kết quả") || lower.hasPrefix("đã ") || lower.contains(" đã ") { inResults = true }
                    if let own = PhraseReader.period(of: clause) { period = own }
                    if let outcome = outcome(clause, line: index + 1, results: inResults || !resolution) {
                        entries.append(outcome)
                        continue
                    }
                    guard resolution, !inResults, Self.looksLikeTarget(clause, inherited: period != nil) else { continue }
                    // A malformed figure is never read ("7.5000"): the clause goes to a person.
                    if !PhraseReader.malformed(in: clause).isEmpty {
                        unparsed.append((index + 1, clause))
                        continue
                    }
                    let read = PhraseReader.read(clause)
                    if read.isEmpty {
                        if !PhraseReader.numbers(in: clause).isEmpty { unparsed.append((index + 1, clause)) }
                        continue
                    }
                    for var r in read {
                        // A clause without period words takes the sentence's ("Hằng năm, …, không có cơ sở yếu kém").
                        if PhraseReader.period(of: clause) == nil, let period, r.period == "term" { r.period = period }
                        let guesses = indicators(for: clause)
                        var confidence = Decimal(string: "0.9") ?? 1
                        confidence -= Decimal(r.review.count) / 10
                        if guesses.count != 1 { confidence -= Decimal(string: "0.2") ?? 0 }
                        entries.append(ExtractedEntry(kind: .target, line: index + 1, words: clause, rule: r, value: nil, stated: nil, target: nil,
                                                      indicators: guesses, confidence: max(0, confidence), congress: congress, years: years))
                    }
                }
            }
        }
        return (entries, unparsed)
    }

    /// An outcome clause, in the forms reports use: "kết nạp được 868 đảng viên (đạt 115,7% chỉ
    /// tiêu)"; "180/150 đảng viên" (outcome over target); "92% (chỉ tiêu Nghị quyết là 90%)";
    /// "vượt chỉ tiêu 20 đảng viên" (20 is the excess, not the target). A word with two senses is
    /// not guessed: the entry says what to check.
    func outcome(_ clause: String, line: Int, results: Bool) -> ExtractedEntry? {
        let guesses = indicators(for: clause)
        func entry(_ value: String, stated: String? = nil, target: String? = nil, review: [String] = []) -> ExtractedEntry {
            var confidence = Decimal(string: guesses.count == 1 ? "0.9" : "0.7") ?? 1
            confidence -= Decimal(review.count) / 10
            var e = ExtractedEntry(kind: .outcome, line: line, words: clause, rule: nil, value: value, stated: stated, target: target,
                                   indicators: guesses, confidence: confidence, congress: nil, years: nil)
            e.review = review
            return e
        }
        // "… 868 đảng viên (đạt 115,7% chỉ tiêu)".
        if let r = clause.range(of: #"đạt (\d+(,\d+)?) ?% chỉ tiêu"#, options: .regularExpression) {
            let stated = clause[r].replacingOccurrences(of: "đạt ", with: "").replacingOccurrences(of: " chỉ tiêu", with: "").replacingOccurrences(of: " ", with: "")
            let before = String(clause[..<r.lowerBound])
            guard let figure = PhraseReader.numbers(in: before).last(where: { !$0.isPercent && $0.fraction == nil }) else { return nil }
            return entry(figure.digits, stated: stated)
        }
        guard results || clause.contains("đạt") || clause.contains("được") else { return nil }
        // "… 92% (chỉ tiêu Nghị quyết là 90%)": the target in brackets after the outcome; a range
        // reached against a range set ("đạt 15-18% (chỉ tiêu 15-20%)"); and an outcome of one
        // year beside a target of another, which is said and not compared.
        if let r = clause.range(of: #"\(chỉ tiêu[^)]*\)"#, options: .regularExpression) {
            let inside = String(clause[r]), outside = String(clause[..<r.lowerBound])
            if let target = Self.figureText(inside), let value = Self.figureText(outside) {
                var review: [String] = []
                let years = { (t: String) in PhraseReader.numbers(in: t).filter(\.isYear).map(\.digits) }
                if let a = years(outside).last, let b = years(inside).last, a != b {
                    review.append("the outcome is of \(a) and the target of \(b): no attainment is computed from them")
                }
                return entry(value, target: target, review: review)
            }
        }
        // "vượt chỉ tiêu 20 đảng viên": the figure after it is the excess over the target.
        if let r = clause.range(of: "vượt chỉ tiêu") {
            let before = PhraseReader.numbers(in: String(clause[..<r.lowerBound])).last
            let excess = PhraseReader.numbers(in: String(clause[r.upperBound...])).first
            if let before {
                var review: [String] = []
                if let excess { review.append("\(excess.digits) after 'vượt chỉ tiêu' is the excess over the target, not the target") }
                return entry(before.digits + (before.isPercent ? "%" : ""), review: review)
            }
        }
        // "180/150 đảng viên": outcome over target in one figure, in a clause of results.
        if results, let f = PhraseReader.fractions(in: clause).first(where: { $0.1 > 20 || $0.0 > $0.1 }) {
            return entry(f.0.description, target: f.1.description,
                         review: ["\(f.0)/\(f.1) read as outcome \(f.0) of target \(f.1); a slash may also mean 'or'"])
        }
        return nil
    }

    /// The last figure of a text as written, a range kept whole ("15-18%"); years left out.
    static func figureText(_ text: String) -> String? {
        let figures = PhraseReader.numbers(in: text).filter { !$0.isYear && $0.fraction == nil }
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

    /// Catalogue indicators whose names share the most words with the clause, best first.
    func indicators(for clause: String) -> [String] {
        let words = Set(clause.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init))
        let scored = catalogue.compactMap { i -> (String, Int)? in
            let name = i.name.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
            let shared = name.filter(words.contains).count
            // At least half of the name's words, and two of them, to count as a guess.
            return shared >= 2 && shared * 2 >= name.count ? (i.id, shared * 100 / max(name.count, 1)) : nil
        }.sorted { $0.1 > $1.1 }
        guard let best = scored.first?.1 else { return [] }
        return scored.filter { $0.1 == best }.map(\.0)
    }

    // MARK: - Text

    /// Paragraphs with the 0-based index of their first line: a line that does not end a
    /// sentence runs on into the next non-empty one (text wrapped by an editor or a PDF copy).
    static func paragraphs(_ text: String) -> [(Int, String)] {
        var out: [(Int, String)] = []
        var current: (Int, String)?
        for (index, raw) in text.components(separatedBy: "\n").enumerated() {
            let line = PhraseReader.normalised(raw)
            guard !line.isEmpty else {
                if let c = current { out.append(c) }
                current = nil
                continue
            }
            if let c = current {
                current = (c.0, c.1 + " " + line)
            } else {
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

    /// Sentences of a paragraph, each with whether it ended with a full stop: at ". " before a
    /// capital letter, a figure or an item number "(3)", at ";" and at ":".
    static func sentences(_ line: String) -> [(String, Bool)] {
        var out: [(String, Bool)] = []
        var current = ""
        let chars = Array(line)
        for (i, ch) in chars.enumerated() {
            let next = i + 2 < chars.count ? chars[i + 2] : " "
            let stop = ch == "." && i + 1 < chars.count && chars[i + 1] == " " && (next.isUppercase || next.isNumber || next == "(")
            if ch == ";" || ch == ":" || stop {
                out.append((current.trimmingCharacters(in: .whitespaces), stop))
                current = ""
            } else {
                current.append(ch)
            }
        }
        out.append((current.trimmingCharacters(in: CharacterSet(charactersIn: " .")), true))
        return out.filter { !$0.0.isEmpty }
    }

    /// Clauses of a sentence at ", " — a part without a figure or a "không có" joins the next
    /// ("trong sạch, vững mạnh đạt trên 75%" stays whole), and the parts after the last figure
    /// join it ("100% cán bộ, đảng viên xây dựng cam kết, …, phấn đấu hằng năm").
    static func clauses(_ sentence: String) -> [String] {
        var out: [String] = []
        var pending = ""
        for part in sentence.components(separatedBy: ", ") {
            // "…, vượt chỉ tiêu 20 đảng viên" qualifies the figure before it.
            if part.hasPrefix("vượt chỉ tiêu"), pending.isEmpty, let last = out.popLast() {
                out.append(last + ", " + part)
                continue
            }
            let joined = pending.isEmpty ? part : pending + ", " + part
            let hasFigure = !PhraseReader.numbers(in: part).isEmpty || part.contains("không có") || part.contains("không còn") || part.contains("xếp loại")
            if hasFigure {
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

    /// Not a target: who was elected ("gồm 11 đồng chí"), dates, decisions and their numbers, the
    /// congress itself; and a bare figure with no word of a target about it ("phát triển được 39
    /// đảng viên" tells what happened).
    static func looksLikeTarget(_ clause: String, inherited: Bool = false) -> Bool {
        let lower = clause.lowercased()
        let narrative = ["đồng chí", "ngày ", "quyết định số", "nghị quyết số", "ban chấp hành", "ban thường vụ gồm", "tháng", "đại hội", "được tổ chức"]
        if narrative.contains(where: lower.contains) { return false }
        let cues = ["trên", "vượt", "ít nhất", "tối thiểu", "trở lên", "dưới", "không quá", "tối đa", "khoảng", "từ", "không có", "không còn",
                    "xếp loại", "phấn đấu", "chỉ tiêu", "mục tiêu", "đạt", "đảm bảo", "giảm", "nâng", "%", "/"]
        return cues.contains(where: lower.contains) || PhraseReader.period(of: clause) != nil || inherited
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
