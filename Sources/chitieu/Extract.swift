import ArgumentParser
import ChiTieuCore
import ChiTieuLoad
import Foundation

/// `chitieu extract`: draft target, outcome and fact entries from resolution and report text.
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Trích chỉ tiêu, kết quả từ văn bản / Draft data entries from resolution and report text.",
        discussion: """
            Reads Vietnamese text and writes a draft data file for a person to review: every target \
            clause with its rule and period, every outcome with its figure and stated attainment, \
            every fact (what a body has at a date: members, organisations) with its date, \
            each with its verbatim words, line and a confidence. What only a person can decide is \
            marked '?', so that `chitieu check` points at it until it is filled in. Rule-based and \
            offline; no figure is invented.

            With --gold, the entries are compared with the reviewed data files that cite the same \
            text (by its seed file name): precision and recall are printed per kind (targets, \
            outcomes with their period and coverage, stated attainments, facts).

            Examples:
              chitieu extract ../shared/seeds/000_69c18a074de68bc9.txt -o draft.yaml
              chitieu extract ../shared/seeds/000_69c18a074de68bc9.txt --gold Targets -o -
            """
    )

    @Argument(help: "Text files to read.")
    var files: [String]

    @Option(name: .customLong("data"), help: "The data folder whose catalogue names the indicators.")
    var data: String = "Targets"

    @Option(help: "Reviewed data files to compare the entries with (precision and recall).")
    var gold: String?

    @Option(name: .shortAndLong, help: "Write the draft to this file ('-' or none: standard output).")
    var output: String?

    func validate() throws {
        try validateOutput(output)
    }

    func run() throws {
        let extractor = Extractor(catalogue: try loadCatalogue().indicators)
        var drafts: [String] = []
        var results: [(file: String, entries: [ExtractedEntry])] = []
        for file in files {
            guard let bytes = FileManager.default.contents(atPath: file) else {
                printError("\(file): error: cannot read the file")
                throw ExitCode(1)
            }
            guard let text = String(data: bytes, encoding: .utf8) else {
                printError("\(file): error: the file is not UTF-8 text; save it as UTF-8")
                throw ExitCode(1)
            }
            let read = extractor.read(text)
            for u in read.unparsed { printError("\(file):\(u.line): note: looks like a target but was not read: “\(u.words)”") }
            let made = DraftWriter.drafts(file: file, entries: read.entries, unparsed: read.unparsed.map { ($0.line, $0.words) },
                                          unread: read.unread.map { ($0.line, $0.words) }, published: read.published)
            // Several bodies' outcomes: one draft file per body, so that each loads on its own.
            if made.count > 1, let output, output != "-" {
                let stem = isDirectory(output) ? (output as NSString).appendingPathComponent(((PathText.lastName(of: file)) as NSString).deletingPathExtension)
                    : (output.hasSuffix(".yaml") ? String(output.dropLast(5)) : output)
                for (name, yaml) in made.dropFirst() { try emit(yaml, to: stem + "." + (name ?? "body") + ".yaml") }
            }
            if isDirectory(output) {
                let path = ((output ?? ".") as NSString).appendingPathComponent(((PathText.lastName(of: file)) as NSString).deletingPathExtension + ".yaml")
                try emit(made[0].yaml, to: path)
            } else {
                // Standard output shows them all, one after the other; a file gets the first, its siblings the rest.
                let toFile = output.map { $0 != "-" } ?? false
                drafts.append(toFile ? made[0].yaml : made.map(\.yaml).joined(separator: "\n"))
            }
            results.append((file, read.entries))
        }
        if let gold {
            let reviewed = try loadLedger([gold], refusal: "nothing compared")
            for r in results { printError(Evaluation(entries: r.entries, file: r.file, gold: reviewed).summary) }
        }
        if !isDirectory(output) { try emit(drafts.joined(separator: "\n"), to: output) }
    }

    /// `-o DIR`: an existing folder gets one draft per text (and per body the text reports).
    private func isDirectory(_ path: String?) -> Bool {
        guard let path, path != "-" else { return false }
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &directory) && directory.boolValue
    }

    /// The catalogue only: extraction needs the indicators, not the data files, so a folder that
    /// holds only the catalogue is fine, and a data file's error does not stop an extraction.
    private func loadCatalogue() throws -> Ledger {
        var catalogue: Ledger?
        // The catalogue file itself is named, so that the folder is not walked for data files;
        // the shared files inside the folder join it through `catalogueFrom`.
        let paths = LedgerLoader.dataRoot(of: data).map { [($0 as NSString).appendingPathComponent("indicators.yaml")] } ?? [data]
        let diagnostics = LedgerLoader.stream(paths: paths, { _, _ in }, prepared: { catalogue = $0 }, recordsToo: false, catalogueFrom: [data])
        printFindings(diagnostics)
        guard let catalogue, !diagnostics.hasErrors else {
            printError("chitieu: nothing extracted: the catalogue in \(data) has errors (see above)")
            throw ExitCode(1)
        }
        return catalogue
    }
}

/// The draft data file: what was read, and '?' for what a person must decide.
enum DraftWriter {
    static func quoted(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// The drafts of one text: one, or when its outcomes name several bodies ("Đảng bộ Công an
    /// tỉnh kết nạp 26 …; Đảng bộ huyện Mỹ Lộc kết nạp 48 …"), the main draft (targets, outcomes
    /// naming no body, what was not read) and one per body named, with that body's outcomes:
    /// one data file holds one body's figures, and `check` refuses two figures of one period.
    /// Each is named by a file-name slug of the body ("dang-bo-cong-an-tinh"); the first has none.
    static func drafts(file: String, entries: [ExtractedEntry], unparsed: [(line: Int, words: String)] = [],
                       unread: [(line: Int, words: String)] = [], published: String? = nil) -> [(name: String?, yaml: String)] {
        let facts = entries.filter { $0.kind == .fact }
        let judged = entries.filter { $0.kind != .fact }
        let bodies = judged.filter { $0.kind == .outcome }.compactMap(\.body)
        var order: [String] = []
        for b in bodies where !order.contains(b) { order.append(b) }
        var out: [(name: String?, yaml: String)]
        var names: Set<String> = []
        if order.count > 1 {
            out = [(nil, yaml(file: file, entries: judged.filter { $0.kind != .outcome || $0.body == nil },
                              unparsed: unparsed, unread: unread, context: judged, published: published))]
            for body in order {
                var name = slug(body)
                while names.contains(name) { name += "-2" }
                names.insert(name)
                out.append((name, yaml(file: file, entries: judged.filter { $0.kind == .outcome && $0.body == body }, context: judged, bodyNamed: body, published: published)))
            }
        } else {
            out = [(nil, yaml(file: file, entries: judged, unparsed: unparsed, unread: unread, published: published))]
        }
        // Dated facts belong in a body's facts file, not in a term's (whose years they may lie
        // outside): a sibling draft of their own, which loads once its body is named.
        if !facts.isEmpty {
            var name = "facts"
            while names.contains(name) { name += "-2" }
            out.append((name, factsYAML(file: file, facts: facts, published: published)))
        }
        return out
    }

    /// The source line of a draft: what a person fills in, with the dateline's date when the
    /// text has one (a fact "hiện có" is of that day).
    static func sourceLine(seed: String, published: String?) -> String {
        "  nguon: { title: \"?\", publisher: \"?\", " + (published.map { "date: \($0), " } ?? "") + "seed: \(quoted(seed)) }"
    }

    /// The facts draft: a facts file's shape (a body, its sources, `facts:`), no term and no targets.
    static func factsYAML(file: String, facts: [ExtractedEntry], published: String?) -> String {
        let seed = PathText.lastName(of: file)
        var out = [
            "# Facts drafted by `chitieu extract` from \(seed): what a body has at a date (members,",
            "# organisations), never judged against a target. Review every entry; '?' marks what a person",
            "# must decide, and `chitieu check` points at it until it is filled in. A body's dated facts",
            "# live in its facts file (Targets/<province>/<body>/facts.yaml): merge these into it.",
            "body: \"?\"                      # a body id from bodies.yaml",
            "sources:",
            sourceLine(seed: seed, published: published),
            "facts:",
        ]
        for e in facts {
            out.append("  - indicator: " + indicator(e))
            out.append("    period: \(e.period ?? "\"?\"")")
            out.append("    value: \(quoted(e.value ?? "?"))")
            if let q = e.qualifier { out.append("    qualifier: \(q)") }
            out += cited(e)
            var note = "extract: confidence \(e.confidence)"
            if let body = e.body { note += "; body: \(body)" }
            if let c = e.coverage, e.period != nil { note += "; the text says: \(c)" }
            if !e.review.isEmpty { note += "; review: " + e.review.joined(separator: "; ") }
            out.append("    note: \(quoted(note))")
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// A body's name as a file name: ASCII letters and digits joined by "-" ("Đảng bộ Công an tỉnh" → "dang-bo-cong-an-tinh").
    static func slug(_ name: String) -> String {
        let folded = name.replacingOccurrences(of: "đ", with: "d").replacingOccurrences(of: "Đ", with: "D")
            .folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        let words = folded.lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        return words.isEmpty ? "body" : words.joined(separator: "-")
    }

    /// An entry's indicator: its one guess, or '?' before the first of several (named after it)
    /// or alone, for a person to decide.
    static func indicator(_ e: ExtractedEntry) -> String {
        quoted(e.indicators.count == 1 ? e.indicators[0] : "?" + (e.indicators.first ?? ""))
            + (e.indicators.count > 1 ? "   # one of: \(e.indicators.joined(separator: ", "))" : "")
    }

    /// Where an outcome or a fact was read: the source, its line and the words as written.
    static func cited(_ e: ExtractedEntry) -> [String] {
        ["    source: nguon", "    line: \(e.line)", "    quote: \(quoted(e.words))"]
    }

    /// One draft file. `context`: the whole text's entries, from which the term is read when this
    /// file holds a part of them; `bodyNamed`: the body whose outcomes alone this file holds.
    static func yaml(file: String, entries: [ExtractedEntry], unparsed: [(line: Int, words: String)] = [], unread: [(line: Int, words: String)] = [],
                     context: [ExtractedEntry]? = nil, bodyNamed: String? = nil, published: String? = nil) -> String {
        let seed = PathText.lastName(of: file)
        let all = context ?? entries
        // One term only when the whole text speaks of one; otherwise a person splits it by congress.
        // An outcome's own words give the term when no target does ("Nhiệm kỳ 2020 - 2025, … kết nạp …").
        let outcomeSpans = all.compactMap { e -> String? in
            guard e.kind == .outcome, let c = e.coverage, let r = c.range(of: #"\d{4} ?[-–] ?\d{4}"#, options: .regularExpression) else { return nil }
            return c[r].filter(\.isNumber).count == 8 ? String(c[r].filter(\.isNumber).prefix(4)) + "-" + String(c[r].filter(\.isNumber).suffix(4)) : nil
        }
        let congresses = Set(all.compactMap(\.congress)), targetSpans = Set(all.compactMap(\.years))
        let spans = targetSpans.isEmpty ? Set(outcomeSpans) : targetSpans
        let years = spans.count == 1 ? spans.first : nil
        // No ordinal in the text: "?", which a data file may keep (the ordinal is not given).
        // Several: "? XIII, XIV", which `check` refuses until a person splits the draft.
        let ordered = congresses.sorted { (Term.ordinal(ofRoman: $0) ?? 0, $0) < (Term.ordinal(ofRoman: $1) ?? 0, $1) }
        let congress = congresses.count == 1 ? ordered[0] : congresses.isEmpty ? "?" : "? " + ordered.joined(separator: ", ")
        var out = [
            "# Draft made by `chitieu extract` from \(seed): review every entry; '?' marks what a person must",
            "# decide, and `chitieu check` points at it until it is filled in (congress: \"?\" alone may stay:",
            "# the text does not give the ordinal). Split by congress where the text covers several (each",
            "# entry names its line).",
            "body: \"?\"                      # a body id from bodies.yaml" + (bodyNamed.map { ": the text names \($0)" } ?? ""),
            "term: { congress: \(quoted(congress)), years: \(quoted(years ?? "?")) }",
            "sources:",
            sourceLine(seed: seed, published: published),
            "targets:",
        ]
        var ids: [String: Int] = [:]
        for e in entries where e.kind == .target {
            guard let r = e.rule else { continue }
            let base = "l\(e.line)"
            ids[base, default: 0] += 1
            out.append("  - id: \(base)-\(ids[base] ?? 1)")
            out.append("    text: \(quoted(e.words))")
            out.append("    source: nguon")
            out.append("    line: \(e.line)")
            out.append("    indicator: " + indicator(e))
            // "khoảng 60 %": the tolerance is a person's to declare ('± ?', which `check` points at).
            out.append("    rule: \(quoted(r.rule.hasPrefix("~") && !r.rule.contains("±") ? r.rule + " ± ?" : r.rule))")
            out.append("    period: \(r.period)")
            var note = "extract: confidence \(e.confidence)"
            if congresses.count > 1, let c = e.congress { note += "; congress \(c)" + (e.years.map { " (\($0))" } ?? "") }
            if !r.review.isEmpty { note += "; review: " + r.review.joined(separator: "; ") }
            out.append("    note: \(quoted(note))")
        }
        let outcomes = entries.filter { $0.kind == .outcome }
        if !outcomes.isEmpty { out.append("outcomes:") }
        let bodies = Set(outcomes.compactMap(\.body))
        if bodies.count > 1 {
            // One file is one body's: `check` refuses two figures of one year; a person splits them.
            out.append("  # the text reports several bodies (\(bodies.sorted().joined(separator: "; "))): split the outcomes into one file per body")
        }
        // Two figures of one indicator for one period and span are refused by `check`: said where
        // the second stands (a plan's figure read as a result, or another body's).
        var seen: [String: Int] = [:]
        for e in outcomes {
            let key = [e.indicators.joined(separator: ","), e.date ?? e.year.map(String.init) ?? "term", e.covers ?? ""].joined(separator: "|")
            if e.indicators.count == 1, let first = seen[key] {
                out.append("  # a second figure of this indicator for the same period (first at text line \(first)): keep one, or move it to its body's file")
            } else { seen[key] = e.line }
            out.append("  - indicator: \(quoted(e.indicators.count == 1 ? e.indicators[0] : "?" + (e.indicators.first ?? "")))")
            // The period the opening names: a full date ("tính đến 30/6/2022"), a year ("Năm 2023, …",
            // "6 tháng đầu năm 2024"); else the term. What the figure covers is the `covers:` key
            // ("Quý I" → Q1); a part of a year or of the term with no year or date given leaves the
            // period to a person ('?', which `check` points at), since a term cannot hold it.
            let period: String
            if let d = e.date { period = d } else if let y = e.year { period = String(y) } else if e.covers != nil { period = "\"?\"" } else { period = "term" }
            out.append("    period: \(period)")
            if let covers = e.covers { out.append("    covers: \(covers)") }
            out.append("    value: \(quoted(e.value ?? "?"))")
            if let stated = e.stated { out.append("    stated: \(quoted(stated))") }
            // Copied from "vượt chỉ tiêu 12 đảng viên": `check` works out the target as the outcome less it.
            if let excess = e.excess { out.append("    excess: \(quoted(excess))") }
            out += cited(e)
            var note = "extract: confidence \(e.confidence)"
            if let body = e.body { note += "; body: \(body)" }
            if let c = e.coverage, c.range(of: #"^năm \d{4}$"#, options: .regularExpression) == nil { note += "; the text says: \(c)" }
            if e.covers != nil, e.date == nil, e.year == nil { note += "; write the year or the date of the figure as its period" }
            if let target = e.target { note += "; the text sets the target beside it: \(target) (no attainment computed here)" }
            if !e.review.isEmpty { note += "; review: " + e.review.joined(separator: "; ") }
            out.append("    note: \(quoted(note))")
        }
        if !unparsed.isEmpty {
            out.append("# Looked like targets but were not read (a malformed figure, or no rule in the words); enter them by hand:")
            for u in unparsed { out.append("#   line \(u.line): \(u.words)") }
        }
        if !unread.isEmpty {
            // Nothing with a figure is dropped silently: what was not read is listed for a person.
            out.append("# Clauses with a figure that were not read (facts, narrative, dates of events); check none is a target or an outcome:")
            for u in unread {
                // A figure no convention reads is never guessed: said beside its clause.
                let faults = PhraseReader.malformed(in: u.words).map { "“\($0)” is not a Vietnamese number (thousands groups have three digits)" }
                out.append("#   line \(u.line): \(u.words)" + (faults.isEmpty ? "" : " — " + faults.joined(separator: "; ")))
            }
        }
        return out.joined(separator: "\n") + "\n"
    }
}

/// Extracted entries against the reviewed data that cites the same text. A target matches a
/// reviewed target on the same line with the same comparison and period; an outcome a reviewed
/// outcome (not a dated fact) on the same line with the same figure, and is also scored for its
/// period and coverage; a stated attainment the reviewed one on the same line with the same figure.
struct Evaluation {
    var matched = 0
    var extracted = 0
    var reviewed = 0
    var missed: [String] = []
    var wrong: [String] = []

    /// One kind's counts.
    struct Tally {
        var reviewed = 0, extracted = 0, matched = 0
        /// Matched outcomes whose period and coverage are also right.
        var linked = 0
    }
    var outcomes = Tally()
    var stated = Tally()
    /// Facts against the reviewed facts files' figures of the text; `linked`: with the reviewed
    /// indicator and period too.
    var facts = Tally()

    init(entries: [ExtractedEntry], file: String, gold: Ledger) {
        let seed = PathText.lastName(of: file)
        var golden: [(line: Int, comparison: Comparison, period: PeriodKind, text: String)] = []
        for record in gold.records {
            for t in record.targets where record.sources[t.citation.source]?.seed == seed {
                golden.append((t.citation.line ?? 0, t.rule.comparison, t.period, t.text))
            }
        }
        reviewed = golden.count
        var used = Set<Int>()
        for e in entries where e.kind == .target {
            guard let r = e.rule else { continue }
            extracted += 1
            let comparison = try? RuleParser.parse(r.rule).comparison
            let period = Self.period(r.period)
            if let k = golden.indices.first(where: { !used.contains($0) && golden[$0].line == e.line && golden[$0].comparison == comparison && golden[$0].period == period }) {
                used.insert(k)
                matched += 1
            } else {
                wrong.append("line \(e.line): \(r.rule) \(r.period) “\(e.words)”")
            }
        }
        missed = golden.indices.filter { !used.contains($0) }.map { "line \(golden[$0].line): \(golden[$0].period) “\(golden[$0].text)”" }
        scoreOutcomes(entries, seed: seed, gold: gold)
        scoreFacts(entries, seed: seed, gold: gold)
    }

    /// A fact matches a reviewed fact (a facts file's figure) on the same line with the same figure.
    mutating func scoreFacts(_ entries: [ExtractedEntry], seed: String, gold: Ledger) {
        let golden = Self.reviewedFigures(of: seed, in: gold, facts: true)
        facts.reviewed = golden.count
        var used = Set<Int>()
        for e in entries where e.kind == .fact {
            facts.extracted += 1
            let value = e.value.flatMap(Self.figure)
            guard let k = golden.indices.first(where: { !used.contains($0) && golden[$0].citation.line == e.line && golden[$0].value == value }) else {
                wrong.append("line \(e.line): fact \(e.value ?? "?") “\(e.words)”")
                continue
            }
            used.insert(k)
            facts.matched += 1
            if e.indicators == [golden[k].indicatorID], e.period == golden[k].period.description { facts.linked += 1 } else {
                wrong.append("line \(e.line): fact \(e.value ?? "?") read as \(e.indicators.joined(separator: "|")) at \(e.period ?? "?"), reviewed as \(golden[k].indicatorID) at \(golden[k].period)")
            }
        }
        missed += golden.indices.filter { !used.contains($0) }.map { "line \(golden[$0].citation.line ?? 0): fact “\(golden[$0].quote)”" }
    }

    /// The figure an outcome's value gives, comparable with a reviewed one: a number (a percentage
    /// in percent), a share "28/41", a range "16-18%".
    static func figure(_ text: String) -> ObservedValue? {
        let t = text.replacingOccurrences(of: "%", with: "").replacingOccurrences(of: " ", with: "")
        let parts = t.components(separatedBy: "/")
        if parts.count == 2, let n = try? VietnameseNumber.parse(parts[0]), let d = try? VietnameseNumber.parse(parts[1]) {
            return .share(numerator: n.value, denominator: d.value)
        }
        let ends = t.components(separatedBy: "-")
        if ends.count == 2, let a = try? VietnameseNumber.parse(ends[0]), let b = try? VietnameseNumber.parse(ends[1]) { return .range(low: a.value, high: b.value) }
        return (try? VietnameseNumber.parse(t)).map { .number($0.value) }
    }

    /// The attainment a stated text gives ("115,7%", "vượt gần 5%": 5), for comparison with the
    /// reviewed one's figure.
    static func statedFigure(_ text: String) -> Decimal? {
        let digits = String(text.filter { $0.isNumber || $0 == "," || $0 == "." })
        return (try? VietnameseNumber.parse(digits))?.value
    }

    mutating func scoreOutcomes(_ entries: [ExtractedEntry], seed: String, gold: Ledger) {
        // The reviewed outcomes of the text: a term file's, not the dated facts of a facts file.
        let golden = Self.reviewedFigures(of: seed, in: gold, facts: false)
        outcomes.reviewed = golden.count
        stated.reviewed = golden.filter { $0.stated != nil }.count
        var used = Set<Int>(), usedStated = Set<Int>()
        for e in entries where e.kind == .outcome {
            outcomes.extracted += 1
            let value = e.value.flatMap(Self.figure)
            if let k = golden.indices.first(where: { !used.contains($0) && golden[$0].citation.line == e.line && golden[$0].value == value }) {
                used.insert(k)
                outcomes.matched += 1
                // The period the draft writes (a date, a year, else the term) and what it covers.
                let period: ObservedPeriod = e.date.flatMap(CalendarDate.init(iso:)).map { .date($0) } ?? e.year.map { .year($0) } ?? .term
                let coverage = e.covers.flatMap(CoverageWords.parse) ?? CoverageWords.defaultCoverage(of: period)
                if golden[k].period == period, golden[k].coverage == coverage { outcomes.linked += 1 } else {
                    wrong.append("line \(e.line): outcome \(e.value ?? "?") read for \(period), reviewed for \(golden[k].period)")
                }
            } else {
                wrong.append("line \(e.line): outcome \(e.value ?? "?") “\(e.words)”")
            }
            guard let s = e.stated else { continue }
            stated.extracted += 1
            let figure = Self.statedFigure(s)
            if let k = golden.indices.first(where: { !usedStated.contains($0) && golden[$0].citation.line == e.line && golden[$0].stated?.value == figure }) {
                usedStated.insert(k)
                stated.matched += 1
            } else {
                wrong.append("line \(e.line): stated \(s)")
            }
        }
        missed += golden.indices.filter { !used.contains($0) }.map { "line \(golden[$0].citation.line ?? 0): outcome “\(golden[$0].quote)”" }
        missed += golden.indices.filter { golden[$0].stated != nil && !usedStated.contains($0) }.map { "line \(golden[$0].citation.line ?? 0): stated \(golden[$0].stated?.text ?? "")" }
    }

    /// The reviewed figures that cite the text: a facts file's (no term) or a term file's.
    static func reviewedFigures(of seed: String, in gold: Ledger, facts: Bool) -> [Observation] {
        gold.records.filter { ($0.term == nil) == facts }.flatMap { record in
            record.observations.filter { record.sources[$0.citation.source]?.seed == seed }
        }
    }

    static func period(_ s: String) -> PeriodKind? {
        switch s {
        case "term": return .term
        case "each-year": return .eachYear
        case "end-of-term": return .endOfTerm
        default:
            if s.hasPrefix("year ") { return Int(s.dropFirst(5)).map { .year($0) } }
            return s.hasPrefix("by ") ? Int(s.dropFirst(3)).map { .byYear($0) } : nil
        }
    }

    var summary: String {
        let precision = extracted == 0 ? 0 : Double(matched) / Double(extracted) * 100
        let recall = reviewed == 0 ? 0 : Double(matched) / Double(reviewed) * 100
        var lines = [String(format: "extract: %d entries, %d reviewed targets, %d match: precision %.1f %%, recall %.1f %%", extracted, reviewed, matched, precision, recall)]
        func line(_ name: String, _ t: Tally, linked: Bool) -> String {
            let p = t.extracted == 0 ? 0 : Double(t.matched) / Double(t.extracted) * 100
            let r = t.reviewed == 0 ? 0 : Double(t.matched) / Double(t.reviewed) * 100
            var s = String(format: "extract: %@: %d extracted, %d reviewed, %d match: precision %.1f %%, recall %.1f %%", name, t.extracted, t.reviewed, t.matched, p, r)
            if linked { s += String(format: "; %d of %d matched with the reviewed period and coverage", t.linked, t.matched) }
            return s
        }
        lines.append(line("outcomes", outcomes, linked: true))
        lines.append(line("stated attainments", stated, linked: false))
        if facts.reviewed + facts.extracted > 0 {
            lines.append(line("facts", facts, linked: false) + String(format: "; %d of %d with the reviewed indicator and period", facts.linked, facts.matched))
        }
        lines += missed.map { "  missed   " + $0 }
        lines += wrong.map { "  unmatched " + $0 }
        return lines.joined(separator: "\n")
    }
}
