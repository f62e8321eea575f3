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
        for (index, raw) in text.components(separatedBy: "\n").enumerated() {
            let line = PhraseReader.normalised(raw)
            guard !line.isEmpty else { continue }
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
                    if let outcome = outcome(clause, line: index + 1) {
                        entries.append(outcome)
                        continue
                    }
                    guard resolution, !inResults, Self.looksLikeTarget(clause, inherited: period != nil) else { continue }
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
                        entries.append(ExtractedEntry(kind: .target, line: index + 1, words: clause, rule: r, value: nil, stated: nil,
                                                      indicators: guesses, confidence: max(0, confidence), congress: congress, years: years))
                    }
                }
            }
        }
        return (entries, unparsed)
    }

    /// "kết nạp được 868 đảng viên (đạt 115,7% chỉ tiêu)": a figure with its stated attainment.
    func outcome(_ clause: String, line: Int) -> ExtractedEntry? {
        guard let r = clause.range(of: #"đạt (\d+(,\d+)?) ?% chỉ tiêu"#, options: .regularExpression) else { return nil }
        let stated = clause[r].replacingOccurrences(of: "đạt ", with: "").replacingOccurrences(of: " chỉ tiêu", with: "").replacingOccurrences(of: " ", with: "")
        let before = String(clause[..<r.lowerBound])
        guard let figure = PhraseReader.numbers(in: before).last(where: { !$0.isPercent && $0.fraction == nil }) else { return nil }
        let guesses = indicators(for: clause)
        return ExtractedEntry(kind: .outcome, line: line, words: clause, rule: nil, value: figure.digits, stated: stated,
                              indicators: guesses, confidence: guesses.count == 1 ? Decimal(string: "0.9") ?? 1 : Decimal(string: "0.7") ?? 1, congress: nil, years: nil)
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
