import ChiTieuCore
import Foundation
import Yams

/// Reads one data file: a body's targets and outcomes for a term, or its dated facts.
/// Every problem is recorded with its position; loading goes on to find the rest.
struct RecordLoader {
    let ctx: YAMLContext
    let indicators: [String: Indicator]
    let bodies: [String: Body]
    /// Sources the file may cite without defining them: those of the `sources.yaml` and
    /// `bodies.yaml` files it sees. Its own `sources:` win on a clash.
    var sharedSources: [String: Source] = [:]
    /// Fields of work a target may name with `field:` (the catalogue's).
    var fields: [String: TargetField] = [:]

    static let fileKeys = ["body", "term", "numbers", "sources", "targets", "outcomes", "facts", "outcomes-csv", "bands"]
    static let bandKeys = ["from", "to", "colour", "label"]
    static let targetKeys = ["id", "text", "source", "line", "indicator", "rule", "period", "end-of-term", "note", "manual-verdict", "per-unit", "field"]
    static let manualVerdictKeys = ["verdict", "by", "reason", "date"]
    static let outcomeKeys = [
        "target", "indicator", "period", "covers", "unit-name", "value", "numerator", "denominator", "qualifier", "stated", "excess",
        "correction", "source", "line", "cell", "quote", "note",
    ]

    func load() -> Record? {
        guard let root = ctx.root(), let top = ctx.fields(root, allowed: Self.fileKeys, what: "a data file") else { return nil }
        if let numbers = ctx.text(top["numbers"], "numbers", in: top, required: false) {
            ctx.convention = ctx.choice(numbers, "number convention", as: NumberConvention.self) ?? .vietnamese
        }
        let bodyText = ctx.text(top["body"], "body", in: top)
        if let b = bodyText, bodies[b.text] == nil {
            ctx.error("unknown body '\(b.text)'; define it in bodies.yaml (known: \(bodies.keys.sorted().joined(separator: ", ")))", at: b.at(0))
        }
        if let b = bodyText, bodies[b.text] != nil, let folderBody = Self.folderBody(of: ctx.file, bodies: bodies), folderBody != b.text {
            ctx.diagnostics.warning("this file is filed in the folder of body '\(folderBody)' (\(PathText.folder(of: ctx.file))) but says body: \(b.text); move it into the folder of \(b.text), or correct 'body:' to \(folderBody)", at: b.at(0))
        }
        let term = top["term"].flatMap { parseTerm($0) }
        let own = SourcesLoader.load(top["sources"], ctx)
        let sources = sharedSources.merging(own) { _, own in own }
        if top["term"] == nil, top["targets"] != nil {
            ctx.error("targets belong to a term; add 'term: { congress: XIII, years: 2015-2020 }' (congress: \"?\" when the source does not give it)", at: top.place("targets"))
        }
        var targets: [Target] = []
        var seen: [String: SourceLocation] = [:]
        // Targets refused for an error of their own (a bad indicator or rule), by id, with their
        // line: an outcome naming one points there instead of claiming there is no such target.
        var refused: [String: Int] = [:]
        for node in ctx.items(top["targets"], "targets") {
            let parts = parseTarget(node, term: term, sources: sources)
            guard let first = parts.first else {
                if let id = node["id"]?.string, refused[id] == nil { refused[id] = ctx.location(of: node).line }
                continue
            }
            if let earlier = seen[first.sentenceID] {
                ctx.error("target id '\(first.sentenceID)' is used twice (first at line \(earlier.line)); give each target its own id", at: first.location)
                continue
            }
            seen[first.sentenceID] = first.location
            targets += parts
        }
        var observations: [Observation] = []
        // One figure per target (or indicator) and period; a key of parts, not a built string.
        struct FigureKey: Hashable {
            var target: String?
            var indicator: String
            var slot: FigureSlot
        }
        var first: [FigureKey: SourceLocation] = [:]
        let targetsByID = Dictionary(targets.map { ($0.sentenceID, $0) }, uniquingKeysWith: { first, _ in first })
            .merging(targets.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        func add(_ o: Observation?) {
            guard let o else { return }
            let key = FigureKey(target: o.targetID, indicator: o.indicatorID, slot: FigureSlot(o))
            if let earlier = first[key] {
                let place = earlier.file == o.location.file ? "line \(earlier.line)" : "\(earlier.file):\(earlier.line)"
                ctx.error("a second figure for '\(o.targetID ?? o.indicatorID)' in \(o.period) (first at \(place), which covers the same span); keep one", at: o.location)
                return
            }
            first[key] = o.location
            observations.append(o)
        }
        for node in ctx.items(top["outcomes"], "outcomes") + ctx.items(top["facts"], "facts") {
            guard let f = ctx.fields(node, allowed: Self.outcomeKeys, what: "an outcome") else { continue }
            add(parseObservation(f, term: term, targets: targetsByID, refused: refused, sources: sources))
        }
        for table in csvFiles(top) {
            OutcomeTable(file: table, ctx: ctx, body: bodyText?.text).forEachRow(expecting: { rows in
                observations.reserveCapacity(observations.count + rows)
                first.reserveCapacity(first.count + rows)
            }) { f in
                add(parseObservation(f, term: term, targets: targetsByID, refused: refused, sources: sources))
            }
        }
        guard let body = bodyText, bodies[body.text] != nil else { return nil }
        // The record carries every source it cites, its own and the shared ones, so that reports,
        // the workbook and the feed list them.
        let cited = Set(targets.map(\.citation.source) + observations.map(\.citation.source))
        let carried = own.merging(sharedSources.filter { cited.contains($0.key) }) { own, _ in own }
        return Record(file: ctx.file, bodyID: body.text, term: term, sources: carried, targets: targets, observations: observations, bands: Self.parseBands(top["bands"], ctx))
    }

    /// The office's own bands for attainment: `bands: [{ from: 0, to: 90, colour: FFC7CE, label: … }]`,
    /// in order, each from where the one before ends; the last may leave out `to`. Read the same
    /// in a term file and in a catalogue (`indicators.yaml`), where they hold for every term file
    /// below that sets none.
    static func parseBands(_ node: Node?, _ ctx: YAMLContext) -> [OfficeBand] {
        var bands: [OfficeBand] = []
        var places: [SourceLocation] = []
        for node in ctx.items(node, "bands") {
            guard let f = ctx.fields(node, allowed: Self.bandKeys, what: "a band") else { continue }
            guard let from = ctx.text(f["from"], "from", in: f).flatMap({ ctx.number($0, signed: true) }),
                  let label = ctx.text(f["label"], "label", in: f) else { continue }
            let to = ctx.text(f["to"], "to", in: f, required: false).flatMap { ctx.number($0, signed: true) }
            if f["to"] != nil, to == nil { continue }
            var colour: UInt32?
            if let c = ctx.text(f["colour"], "colour", in: f, required: false) {
                let hex = c.text.hasPrefix("#") ? String(c.text.dropFirst()) : c.text
                guard hex.count == 6, let value = UInt32(hex, radix: 16) else {
                    ctx.error("'\(c.text)' is not a colour; write six hexadecimal digits, e.g. C6EFCE", at: c.at(0))
                    continue
                }
                colour = value
            }
            bands.append(OfficeBand(start: from.value, end: to?.value, colour: colour, label: label.text))
            places.append(f.location)
        }
        for problem in OfficeBands.problems(bands) { ctx.error(problem.message, at: places[problem.index]) }
        return bands
    }

    /// The body a file's folder names by the data layout `<province>/<body>/<years>.yaml`: the
    /// last two folder names, when they form a known body id; nil for a file placed elsewhere.
    static func folderBody(of file: String, bodies: [String: Body]) -> String? {
        let folder = PathText.absolute(PathText.folder(of: file))
        let body = PathText.lastName(of: folder), province = PathText.lastName(of: PathText.folder(of: folder))
        guard folder != "/", !body.isEmpty, !province.isEmpty, province != "/" else { return nil }
        let id = province + "/" + body
        return bodies[id] != nil ? id : nil
    }

    /// The CSV files of outcomes the record names (`outcomes-csv: FILE` or a list), as paths
    /// beside the data file; a file that is not there is reported at its name.
    private func csvFiles(_ top: Fields) -> [String] {
        guard let node = top["outcomes-csv"] else { return [] }
        let names: [Node] = if case .sequence = node { ctx.items(node, "outcomes-csv") } else { [node] }
        let folder = ctx.file.contains("/") ? PathText.folder(of: ctx.file) : ""
        return names.compactMap { n -> String? in
            guard case let .scalar(s) = n, !TextFile.isBlank(s.string) else {
                ctx.error("'outcomes-csv' names CSV files beside this one, e.g. 'outcomes-csv: ket-qua-2016-2020.csv'", at: ctx.location(of: n))
                return nil
            }
            let name = s.string.trimmedSpaces
            let path = name.hasPrefix("/") || folder.isEmpty ? name : folder + "/" + name
            guard FileManager.default.fileExists(atPath: path) else {
                ctx.error("no file '\(name)' beside this data file (looked for \(path))", at: ctx.location(of: n))
                return nil
            }
            ctx.tables.append(path)
            return path
        }
    }

    // MARK: - Term

    private func parseTerm(_ node: Node) -> Term? {
        guard let f = ctx.fields(node, allowed: ["congress", "years", "reporting-years"], what: "the term") else { return nil }
        // The ordinal may be unknown: "?" or no 'congress:' when a text gives only the years.
        let congress = ctx.text(f["congress"], "congress", in: f, required: false).flatMap { $0.text.trimmedSpaces == "?" ? nil : $0 }
        let years = ctx.text(f["years"], "years", in: f).flatMap { yearRange($0, "years") }
        let reporting = ctx.text(f["reporting-years"], "reporting-years", in: f, required: false).flatMap { yearRange($0, "reporting-years") }
        var ordinal: Int?
        if let congress {
            ordinal = Term.ordinal(ofRoman: congress.text.trimmedSpaces)
            if ordinal == nil {
                let written = congress.text.trimmedSpaces
                if written.hasPrefix("?"), written.count > 1 {
                    // `extract` leaves the choice to a person when the text names several congresses.
                    let choices = String(written.dropFirst()).trimmedSpaces
                    ctx.error("the draft leaves the congress to you: the text names \(choices); write the one whose resolution this term belongs to, or '?' if the source does not say", at: congress.at(0))
                } else {
                    ctx.error("'\(congress.text)' is not a congress ordinal; write it in Roman numerals, e.g. XIII, or '?' when the source does not give it", at: congress.at(0))
                }
                return nil
            }
        }
        guard let years else { return nil }
        if let reporting, reporting.lowerBound < years.lowerBound || reporting.upperBound > years.upperBound {
            ctx.error("reporting years \(reporting.lowerBound)-\(reporting.upperBound) fall outside the term \(years.lowerBound)-\(years.upperBound)", at: f.place("reporting-years"))
        }
        return Term(congress: congress?.text.trimmedSpaces ?? "", ordinal: ordinal, startYear: years.lowerBound, endYear: years.upperBound, reportingYears: reporting)
    }

    private func yearRange(_ l: Located, _ key: String) -> ClosedRange<Int>? {
        let parts = l.text.split(whereSeparator: { $0 == "-" || $0 == "–" }).map { String($0).trimmedSpaces }
        guard parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]), (1900...2200).contains(a), a < b, b - a <= 10 else {
            ctx.error("'\(l.text)' is not a span of years; write '\(key): 2015-2020'", at: l.at(0))
            return nil
        }
        return a...b
    }

    // MARK: - Targets

    private func parseTarget(_ node: Node, term: Term?, sources: [String: Source]) -> [Target] {
        guard let f = ctx.fields(node, allowed: Self.targetKeys, what: "a target"),
              let id = ctx.text(f["id"], "id", in: f) else { return [] }
        let text = ctx.text(f["text"], "text", in: f)
        let citation = SourcesLoader.citation(f, sources, ctx)
        let indicator = knownIndicator(ctx.text(f["indicator"], "indicator", in: f))
        let ruleText = ctx.text(f["rule"], "rule", in: f)
        let rule = ruleText.flatMap { parseRule($0, for: indicator) }
        let period = ctx.text(f["period"], "period", in: f).flatMap { parsePeriod($0, term: term) }
        let endText = ctx.text(f["end-of-term"], "end-of-term", in: f, required: false)
        let endRule = endText.flatMap { parseRule($0, for: indicator) }
        let note = ctx.text(f["note"], "note", in: f, required: false)?.text
        let manual = f["manual-verdict"].flatMap(parseManualVerdict)
        // "mỗi xã", "mỗi chi bộ": the noun of the units the target applies to each of.
        let perUnit = ctx.text(f["per-unit"], "per-unit", in: f, required: false)?.text.trimmedSpaces
        let field = ctx.text(f["field"], "field", in: f, required: false).flatMap { CatalogueLoader.field($0, fields, ctx) }
        let location = id.location
        guard let text, let citation, let indicator, let rule, let period else { return [] }
        guard let endText else {
            var target = Target(id: id.text, text: text.text, citation: citation, indicatorID: indicator.id, rule: rule, period: period, note: note, location: location)
            target.manualVerdict = manual
            target.perUnit = perUnit
            target.field = field
            return [target]
        }
        if let node = f["manual-verdict"] {
            ctx.error("a manual verdict on a sentence that gives two targets would be ambiguous; split it into two targets", at: ctx.location(of: node))
        }
        // "hằng năm đạt 65% trở lên để đến cuối nhiệm kỳ đạt 70%": one sentence, a yearly floor and an end level.
        guard period == .eachYear else {
            ctx.error("'end-of-term' adds an end level to a yearly floor; use it with 'period: each-year'", at: endText.location)
            return []
        }
        guard let endRule else { return [] }
        return [
            Target(id: id.text + ".hang-nam", sentenceID: id.text, text: text.text, citation: citation, indicatorID: indicator.id, rule: rule, period: .eachYear, note: note, location: location),
            Target(id: id.text + ".cuoi-nhiem-ky", sentenceID: id.text, text: text.text, citation: citation, indicatorID: indicator.id, rule: endRule, period: .endOfTerm, note: note, location: endText.location),
        ].map { part in
            var part = part
            part.perUnit = perUnit
            part.field = field
            return part
        }
    }

    /// The words a manual verdict may use, in Vietnamese as reports print them or as ids.
    static let verdictWords: [String: Verdict] = [
        "vượt": .exceeded, "đạt": .met, "không đạt": .notMet, "chưa có số liệu": .noData,
        "exceeded": .exceeded, "met": .met, "not-met": .notMet, "no-data": .noData,
    ]

    /// `manual-verdict: { verdict: đạt, by: "Ban Thường vụ", date: 2020-07-21, reason: "…" }`.
    private func parseManualVerdict(_ node: Node) -> ManualVerdict? {
        guard let f = ctx.fields(node, allowed: Self.manualVerdictKeys, what: "'manual-verdict'") else { return nil }
        let word = ctx.text(f["verdict"], "verdict", in: f)
        let by = ctx.text(f["by"], "by", in: f)
        let reason = ctx.text(f["reason"], "reason", in: f)
        let date = ctx.date(ctx.text(f["date"], "date", in: f, required: false), "date")
        let verdict = word.flatMap { Self.verdictWords[$0.text.trimmedSpaces.lowercased()] }
        if let word, verdict == nil {
            ctx.error("'\(word.text)' is not a verdict; write vượt, đạt, không đạt or chưa có số liệu", at: word.at(0))
        }
        guard let verdict, let by, let reason else { return nil }
        return ManualVerdict(verdict: verdict, by: by.text, reason: reason.text, date: date)
    }

    private func knownIndicator(_ l: Located?) -> Indicator? {
        guard let l else { return nil }
        if let i = indicators[l.text] { return i }
        let stem = l.text.split(separator: "-").prefix(2).joined(separator: "-")
        let near = indicators.keys.filter { $0.hasPrefix(stem) }.sorted()
        let hint = near.isEmpty ? "add it to indicators.yaml" : "did you mean \(near.prefix(3).map { "'\($0)'" }.joined(separator: " or "))?"
        ctx.error("unknown indicator '\(l.text)'; \(hint)", at: l.at(0))
        return nil
    }

    private func parseRule(_ l: Located, for indicator: Indicator?) -> Rule? {
        var rule: Rule
        let amount = indicator?.unit == .amount
        guard let figures = amount ? indicator.flatMap({ withoutMeasure(l, $0) }) : l else { return nil }
        do {
            rule = try RuleParser.parse(figures.text, convention: ctx.convention, signed: amount)
            rule.text = l.text
        } catch let e as NumberError {
            ctx.error(strictRatingMessage(l.text, indicator) ?? e.message, at: l.at(e.offset))
            return nil
        } catch {
            ctx.error("\(error)", at: l.at(0))
            return nil
        }
        guard let indicator else { return rule }
        switch (rule.comparison, indicator.unit) {
        case (.ratingAtLeast(let level), .rating):
            if indicator.scale?.rank(of: level) == nil {
                let levels = indicator.scale?.levels.map(\.id).joined(separator: ", ") ?? ""
                ctx.error("'\(level)' is not a level of the rating scale of '\(indicator.id)'; write one of: \(levels)", at: l.at(0))
                return nil
            }
        case (.ratingAtLeast, _):
            ctx.error("'\(indicator.id)' is a \(indicator.unit.rawValue), not a rating; a rating rule needs a rating indicator", at: l.at(0))
            return nil
        case (_, .rating):
            ctx.error("'\(indicator.id)' is a rating; write 'xếp loại >= LEVEL'", at: l.at(0))
            return nil
        case (.fraction, .percent), (.zero, _):
            break
        case (.fraction, .count), (.fraction, .amount):
            ctx.error("a fraction of a whole ('\(l.text)') is a share; use an indicator whose unit is percent", at: l.at(0))
            return nil
        case (_, .amount) where rule.isPercent:
            ctx.error("'\(indicator.id)' is an amount in \(indicator.measure ?? "its measure"); write the rule's figures in it, without '%' (e.g. '>= 4.200' or '>= 4.200 \(indicator.measure ?? "")')", at: l.at(0))
            return nil
        case (_, .percent) where !rule.isPercent:
            ctx.error("'\(indicator.id)' is a share of \(indicator.shareOf?.name ?? "a whole"); write the rule in percent, e.g. '\(l.text.trimmedSpaces)%'", at: l.at(0))
            return nil
        case (_, .count) where rule.isPercent:
            ctx.error("'\(indicator.id)' is a count; a percentage rule needs a share indicator (drop the '%' or choose another indicator)", at: l.at(0))
            return nil
        default:
            break
        }
        if rule.isPercent, let over = percentValues(rule).first(where: { $0 > 100 }) {
            ctx.error("a share cannot be over 100% (\(NumberFormat(ctx.convention).natural(over))%)", at: l.at(0))
            return nil
        }
        if indicator.unit == .count, let fractional = percentValues(rule).first(where: { !Rounding.isWhole($0) }) {
            ctx.error("a count is a whole number, not \(NumberFormat(ctx.convention).natural(fractional)); \(Self.amountHint(indicator))", at: l.at(0))
            return nil
        }
        return rule
    }

    /// For a rating rule written strictly above a level ("xếp loại trên hoàn thành tốt"), what to
    /// write instead with the scale's own ids: the level itself, or the level above it.
    private func strictRatingMessage(_ text: String, _ indicator: Indicator?) -> String? {
        guard let written = RuleParser.strictRatingLevel(text), let scale = indicator?.scale else { return nil }
        let word = text.trimmedSpaces.hasPrefix("rating") ? "rating" : "xếp loại"
        let key = written.lowercased()
        guard let rank = scale.levels.firstIndex(where: { $0.id == written || $0.name.lowercased() == key || $0.name.lowercased() == key + " nhiệm vụ" }) else {
            return RuleParser.strictRatingMessage(word: word, level: written, levelAbove: nil)
                + " (the levels, best first: \(scale.levels.map(\.id).joined(separator: ", ")))"
        }
        let level = scale.levels[rank].id
        guard rank > 0 else {
            return "'\(word) > \(level)' (trên: strictly above) cannot be met: '\(level)' is the best level of its scale; write '\(word) >= \(level)'"
        }
        return RuleParser.strictRatingMessage(word: word, level: level, levelAbove: scale.levels[rank - 1].id)
    }

    private func percentValues(_ rule: Rule) -> [Decimal] {
        switch rule.comparison {
        case let .atLeast(v), let .moreThan(v), let .atMost(v), let .lessThan(v): return [v]
        case let .range(a, b): return [a, b]
        case let .approximately(c, t): return [c + t]
        default: return []
        }
    }

    private func parsePeriod(_ l: Located, term: Term?) -> PeriodKind? {
        let word = l.text.trimmedSpaces
        switch word {
        case "term": return .term
        case "each-year": return .eachYear
        case "end-of-term": return .endOfTerm
        default:
            if word.hasPrefix("by "), let year = Int(String(word.dropFirst(3)).trimmedSpaces) {
                if let term, !term.contains(year: year) {
                    ctx.error("year \(year) is outside the term \(term.years); a 'by' year must fall inside it", at: l.at(3))
                    return nil
                }
                return .byYear(year)
            }
            let bare = word.count == 4 ? Int(word) : nil
            if let year = bare ?? (word.hasPrefix("year ") ? Int(String(word.dropFirst(5)).trimmedSpaces) : nil) {
                if let term, !term.contains(year: year) {
                    ctx.error("year \(year) is outside the term \(term.years); a target for one year must fall inside it", at: l.at(bare == nil ? 5 : 0))
                    return nil
                }
                return .year(year)
            }
            ctx.error("'\(word)' is not a period; write term, each-year, end-of-term, 'by 2000' or 'year 2022' (that year alone)", at: l.at(0))
            return nil
        }
    }

    // MARK: - Observations

    private func parseObservation(_ f: Fields, term: Term?, targets: [String: Target], refused: [String: Int] = [:], sources: [String: Source]) -> Observation? {
        let targetText = ctx.text(f["target"], "target", in: f, required: false)
        let indicatorText = ctx.text(f["indicator"], "indicator", in: f, required: false)
        var target: Target?
        var indicator: Indicator?
        if let targetText {
            guard let match = targets[targetText.text] else {
                if let line = refused[targetText.text] {
                    // Its own error was reported at its line; this is only where it leads.
                    ctx.diagnostics.note("target '\(targetText.text)' was not read: see line \(line)", at: targetText.at(0))
                    return nil
                }
                ctx.error("no target '\(targetText.text)' in this file; outcomes name a target id from 'targets:' (or give 'indicator:' for a figure with no target)", at: targetText.at(0))
                return nil
            }
            target = match
            indicator = indicators[match.indicatorID]
            if indicatorText != nil { ctx.error("give either 'target' or 'indicator', not both: the target names its indicator", at: f.place("indicator")) }
        } else if let indicatorText {
            indicator = knownIndicator(indicatorText)
        } else {
            ctx.error("an outcome names what it reports: add 'target: ID' or 'indicator: ID'", at: f.location)
            return nil
        }
        let period = observedPeriod(f, term: term, target: target)
        var coverage = period.map(CoverageWords.defaultCoverage) ?? .whole
        if let c = ctx.text(f["covers"], "covers", in: f, required: false), let period {
            if let parsed = CoverageWords.parse(c.text) {
                if CoverageWords.fits(parsed, period) {
                    coverage = parsed
                } else {
                    let hint: String
                    switch parsed {
                    case .months: hint = "a span of months (a quarter, six or nine months) belongs to a year: write 'period: 2022'"
                    case .yearToDate: hint = "the year to a date needs the date: write e.g. 'period: 2022-06-30'"
                    default: hint = "the term to a date needs the date or year it reaches: write e.g. 'period: 2023-06-30'"
                    }
                    ctx.error("'covers: \(c.text)' does not fit 'period: \(period)'; \(hint)", at: c.at(0))
                }
            } else {
                let words = CoverageWords.accepted.map { $0.words[0] }.joined(separator: ", ")
                ctx.error("'\(c.text)' is not a part of a period; write one of: \(words) (or in Vietnamese: từ đầu năm, quý I, 6 tháng đầu năm, 9 tháng, giữa nhiệm kỳ)", at: c.at(0))
            }
        }
        let citation = SourcesLoader.citation(f, sources, ctx)
        let quote = ctx.text(f["quote"], "quote", in: f)
        let qualifier = ctx.choice(ctx.text(f["qualifier"], "qualifier", in: f, required: false), "qualifier", as: Qualifier.self) ?? .exact
        var stated: StatedPercent?
        if let s = ctx.text(f["stated"], "stated", in: f, required: false) {
            do {
                stated = try StatedPercent.read(s.text, convention: ctx.convention)
            } catch let e as NumberError {
                ctx.error(e.message, at: s.at(e.offset))
            } catch {
                ctx.error("\(error)", at: s.at(0))
            }
        }
        var excess: Decimal?
        if let x = ctx.text(f["excess"], "excess", in: f, required: false), let n = ctx.number(x) {
            if n.isPercent {
                ctx.error("'excess' is the figure by which the outcome passed its target ('vượt chỉ tiêu 12'); a percentage goes in 'stated: \"vượt \(x.text.trimmedSpaces)\"'", at: x.at(0))
            } else {
                excess = n.value
            }
        }
        guard let indicator else { return nil }
        let value = observedValue(f, indicator: indicator)
        guard let period, let citation, let quote, let value else { return nil }
        var observation = Observation(
            indicatorID: indicator.id, targetID: target?.sentenceID, period: period, value: value.value,
            qualifier: qualifier, stated: stated, quote: quote.text, citation: citation,
            correction: value.correction, note: ctx.text(f["note"], "note", in: f, required: false)?.text,
            location: f.location)
        observation.coverage = coverage
        observation.statedExcess = excess
        observation.unitName = ctx.text(f["unit-name"], "unit-name", in: f, required: false)?.text.trimmedSpaces
        if let unit = observation.unitName, target?.perUnit == nil, let t = target {
            ctx.error("'unit-name: \(unit)' is for a target that applies to each unit; '\(t.sentenceID)' has no 'per-unit'", at: f.place("unit-name"))
        }
        return observation
    }

    private func observedPeriod(_ f: Fields, term: Term?, target: Target?) -> ObservedPeriod? {
        guard let l = ctx.text(f["period"], "period", in: f, required: false) else {
            switch target?.period {
            case .term?: return .term
            case .endOfTerm?: return term.map { .year($0.endYear) }
            case let .byYear(y)?, let .year(y)?: return .year(y)
            default:
                ctx.error("\(f.missing("period")); write 'period: term', a year such as 2016, or a date such as 2020-07-21", at: f.place("period"))
                return nil
            }
        }
        let word = l.text.trimmedSpaces
        let period: ObservedPeriod
        if word == "term" {
            guard term != nil else {
                ctx.error("'period: term' needs a term; a file of facts gives dates or years", at: l.at(0))
                return nil
            }
            period = .term
        } else if let d = CalendarDate(iso: word) {
            period = d.month == nil ? .year(d.year) : .date(d)
        } else {
            ctx.error("'\(word)' is not a period; write 'term', a year such as 2016, or a date such as 2020-07-21", at: l.at(0))
            return nil
        }
        if let term, let year = period.year, !term.contains(year: year) {
            ctx.error("\(word) is outside the term \(term.years); put the figure in the file of its own term or of facts", at: l.at(0))
            return nil
        }
        return period
    }

    private func observedValue(_ f: Fields, indicator: Indicator) -> (value: ObservedValue, correction: Correction?)? {
        let valueText = ctx.text(f["value"], "value", in: f, required: false)
        let numText = ctx.text(f["numerator"], "numerator", in: f, required: false)
        let denText = ctx.text(f["denominator"], "denominator", in: f, required: false)
        if indicator.unit == .rating {
            guard let valueText else {
                ctx.error("\(f.missing("value")); write the rating level, e.g. 'value: hoan-thanh-tot'", at: f.place("value"))
                return nil
            }
            guard indicator.scale?.rank(of: valueText.text) != nil else {
                ctx.error("'\(valueText.text)' is not a level of the rating scale of '\(indicator.id)'; write one of: \(indicator.scale?.levels.map(\.id).joined(separator: ", ") ?? "")", at: valueText.at(0))
                return nil
            }
            return (.rating(valueText.text), nil)
        }
        if numText != nil || denText != nil {
            guard indicator.unit == .percent else {
                ctx.error("'\(indicator.id)' is a\(indicator.unit == .amount ? "n" : "") \(indicator.unit.rawValue); numerator and denominator are for shares", at: (numText ?? denText)?.location ?? f.location)
                return nil
            }
            if valueText != nil { ctx.error("give either 'value' or 'numerator' and 'denominator', not both", at: f.place("value")) }
            guard let numText, let denText else {
                ctx.error("a share needs both 'numerator' and 'denominator'", at: f.place(numText == nil ? "numerator" : "denominator"))
                return nil
            }
            guard let n = wholeCount(numText), let d = wholeCount(denText) else { return nil }
            guard d > 0 else {
                ctx.error("the denominator is zero: a share of nothing has no percent", at: denText.at(0))
                return nil
            }
            guard n <= d else {
                ctx.error("the numerator \(NumberFormat(ctx.convention).natural(n)) is larger than the denominator \(NumberFormat(ctx.convention).natural(d)): a share cannot be over 100%", at: numText.at(0))
                return nil
            }
            return (.share(numerator: n, denominator: d), nil)
        }
        guard let valueText else {
            ctx.error("\(f.missing("value")); write the figure as the source gives it, e.g. value: \"4.294\"", at: f.place("value"))
            return nil
        }
        var correction: Correction?
        let parsed: ParsedNumber
        // An amount's figure may carry its measure ("315,6 tỷ đồng") and a minus sign.
        let amount = indicator.unit == .amount
        if !amount, let measure = f.cell("measure") {
            ctx.error("'\(indicator.id)' is a \(indicator.unit.rawValue): it has no measure (only an amount has one); leave the 'measure' cell empty", at: measure.at(0))
            return nil
        }
        if amount, let measure = f.cell("measure"), !sameMeasure(measure.text, indicator) {
            ctx.error("the measure '\(measure.text)' is not that of '\(indicator.id)' (\(indicator.measure ?? "")); figures are never converted between measures: export again with this catalogue, or correct the figure and its measure", at: measure.at(0))
            return nil
        }
        guard let figure = amount ? withoutMeasure(valueText, indicator) : valueText else { return nil }
        if f["correction"] == nil, f.cell("correction") == nil, let range = outcomeRange(figure, indicator) { return range }
        if f["correction"] != nil || f.cell("correction") != nil || f.cell("correction-reason") != nil {
            guard let (fixed, reason) = correctionText(f), let fixedFigure = amount ? withoutMeasure(fixed, indicator) : fixed,
                  let fixedNumber = ctx.number(fixedFigure, signed: amount) else { return nil }
            do {
                _ = amount
                    ? try VietnameseNumber.parseSigned(figure.text, convention: ctx.convention)
                    : try VietnameseNumber.parse(figure.text, convention: ctx.convention)
                ctx.error("'\(valueText.text)' is a well-formed number; a correction is only for a malformed figure", at: f.place("correction"))
            } catch let e as NumberError {
                ctx.diagnostics.warning("\(e.message); using the recorded correction \(fixed.text.trimmedSpaces): \(reason.text)", at: valueText.at(e.offset))
            } catch {}
            parsed = fixedNumber
            correction = Correction(original: valueText.text, reason: reason.text)
        } else {
            if !amount, let first = figure.text.trimmedSpaces.unicodeScalars.first, first == "-" || first == "\u{2212}" {
                ctx.error("'\(indicator.id)' is a \(indicator.unit.rawValue) and cannot be negative; a figure that may fall below zero (a growth rate, a change in points) belongs to an indicator with 'unit: amount' and its 'measure' in indicators.yaml", at: figure.at(figure.text.unicodeScalars.firstIndex(of: first).map { figure.text.unicodeScalars.distance(from: figure.text.unicodeScalars.startIndex, to: $0) } ?? 0))
                return nil
            }
            guard let p = ctx.number(figure, signed: amount) else { return nil }
            parsed = p
        }
        switch indicator.unit {
        case .count:
            if parsed.isPercent {
                ctx.error("'\(indicator.id)' is a count; write the number without '%'", at: valueText.at(0))
                return nil
            }
            if !Rounding.isWhole(parsed.value) {
                ctx.error("a count is a whole number, not \(valueText.text.trimmedSpaces); \(Self.amountHint(indicator))", at: valueText.at(0))
                return nil
            }
        case .percent:
            if !parsed.isPercent {
                ctx.error("'\(indicator.id)' is a share of \(indicator.shareOf?.name ?? "a whole"); write it in percent ('\(valueText.text)%') or as numerator and denominator", at: valueText.at(0))
                return nil
            }
            if parsed.value > 100 {
                ctx.error("a share cannot be over 100% ('\(valueText.text)')", at: valueText.at(0))
                return nil
            }
        case .amount:
            if parsed.isPercent {
                ctx.error("'\(indicator.id)' is an amount in \(indicator.measure ?? "its measure"), not a share; write the figure without '%' ('\(figure.text.trimmedSpaces.dropLast())' or with its measure)", at: valueText.at(0))
                return nil
            }
        case .rating:
            break
        }
        return (.number(parsed.value), correction)
    }

    /// An outcome the source gave as a range ("6 % – 7 %", "14.000 - 16.000"), checked like a
    /// figure of its indicator at both ends; nil (and nothing reported) when the text is not a
    /// range, so that it is read, and its faults reported, as one figure.
    private func outcomeRange(_ l: Located, _ indicator: Indicator) -> (value: ObservedValue, correction: Correction?)? {
        let text = l.text.trimmedSpaces
        // Most figures are single: look for a dash after the first character, or "đến", before
        // trying to read a range (a failed read builds an error message).
        // Foundation's `contains` is slow per figure; "đ" (U+0111) has no decomposition, so a text
        // without that scalar cannot hold "đến" in any canonically equal spelling.
        let scalars = text.unicodeScalars
        guard let first = scalars.first, !(first == "-" || first == "\u{2212}"),
              scalars.dropFirst().contains(where: { $0 == "-" || $0 == "\u{2013}" || $0 == "\u{2014}" })
                || (scalars.contains("\u{0111}") && text.contains("đến")),
              let r = try? VietnameseNumber.parseRange(text, convention: ctx.convention) else { return nil }
        switch indicator.unit {
        case .percent where !r.isPercent:
            ctx.error("'\(indicator.id)' is a share; write the range in percent ('\(text)%')", at: l.at(0))
        case .percent where r.upper > 100:
            ctx.error("a share cannot be over 100% ('\(text)')", at: l.at(0))
        case .count where r.isPercent:
            ctx.error("'\(indicator.id)' is a count; write the range without '%'", at: l.at(0))
        case .count where !Rounding.isWhole(r.lower) || !Rounding.isWhole(r.upper):
            ctx.error("a count is a whole number; '\(text)' has decimals", at: l.at(0))
        default:
            return (.range(low: r.lower, high: r.upper), nil)
        }
        return nil
    }

    /// What the error for a decimal count adds: a figure with decimals is likely money, an area or
    /// a rate, which is an amount with its measure, not a count.
    static func amountHint(_ indicator: Indicator) -> String {
        "'\(indicator.id)' counts \(indicator.noun ?? "people or things") and stays whole. If the figure is money, an area or a rate, "
            + "its indicator needs 'unit: amount' with its 'measure' in indicators.yaml (e.g. measure: \"tỷ đồng\", \"ha\", \"%/năm\")"
    }

    /// Whether a written measure is the indicator's (in either language, spaces aside).
    private func sameMeasure(_ written: String, _ indicator: Indicator) -> Bool {
        let w = written.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        return [indicator.measure, indicator.measureEn].contains { $0 == w }
    }

    /// An amount's figure without the measure written after it ("315,6 tỷ đồng" → "315,6"): the
    /// indicator's measure (in either language), or '%' alone for a measure that begins with '%'
    /// ("7,2%" of a "%/năm" rate). Any other words after the last digit are a measure that is not
    /// the indicator's: an error at them (figures are never converted between measures).
    func withoutMeasure(_ l: Located, _ indicator: Indicator) -> Located? {
        let s = Array(l.text.unicodeScalars)
        var end = s.count
        while end > 0, s[end - 1].properties.isWhitespace { end -= 1 }
        var measures = [indicator.measure, indicator.measureEn].compactMap { $0 }
        if measures.contains(where: { $0.hasPrefix("%") }) { measures.append("%") }
        for m in measures {
            if let start = Self.suffix(s, end: end, Array(m.unicodeScalars)), s[..<start].contains(where: { $0.properties.numericType != nil }) {
                return Located(text: String(String.UnicodeScalarView(s[..<start])), location: l.location, contentShift: l.contentShift)
            }
        }
        guard let lastDigit = s[..<end].lastIndex(where: { $0.isASCII && $0.properties.numericType == .decimal }) else { return l }
        var from = lastDigit + 1
        while from < end, s[from].properties.isWhitespace { from += 1 }
        guard from < end else { return l }
        let written = String(String.UnicodeScalarView(s[from..<end]))
        let figure = String(String.UnicodeScalarView(s[..<(lastDigit + 1)])).trimmedSpaces
        ctx.error("'\(written)' is not the measure of '\(indicator.id)', which is \(indicator.measure ?? ""); write the figure in \(indicator.measure ?? "it") ('\(figure)' or '\(figure) \(indicator.measure ?? "")'): figures are never converted between measures", at: l.at(from))
        return nil
    }

    /// Where `m` ends `s` (up to `end`), any run of spaces matching any run; nil if it does not.
    private static func suffix(_ s: [Unicode.Scalar], end: Int, _ m: [Unicode.Scalar]) -> Int? {
        var i = end - 1, j = m.count - 1
        while j >= 0 {
            if m[j].properties.isWhitespace {
                guard i >= 0, s[i].properties.isWhitespace else { return nil }
                while i >= 0, s[i].properties.isWhitespace { i -= 1 }
                while j >= 0, m[j].properties.isWhitespace { j -= 1 }
            } else {
                guard i >= 0, s[i] == m[j] else { return nil }
                i -= 1
                j -= 1
            }
        }
        return i + 1
    }

    /// The corrected figure and its reason: `correction: { value, reason }` in YAML, the
    /// `correction` and `correction-reason` cells in a CSV row.
    private func correctionText(_ f: Fields) -> (Located, Located)? {
        if let c = f["correction"] {
            guard let cf = ctx.fields(c, allowed: ["value", "reason"], what: "a correction"),
                  let fixed = ctx.text(cf["value"], "value", in: cf), let reason = ctx.text(cf["reason"], "reason", in: cf) else { return nil }
            return (fixed, reason)
        }
        guard let fixed = ctx.text(nil, "correction", in: f), let reason = ctx.text(nil, "correction-reason", in: f) else { return nil }
        return (fixed, reason)
    }

    private func wholeCount(_ l: Located) -> Decimal? {
        guard let n = ctx.number(l) else { return nil }
        guard !n.isPercent, Rounding.isWhole(n.value) else {
            ctx.error("numerators and denominators are whole counts, not '\(l.text)'", at: l.at(0))
            return nil
        }
        return n.value
    }
}
