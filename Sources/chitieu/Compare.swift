import ArgumentParser
import ChiTieuCore
import ChiTieuLoad
import ChiTieuReport
import Foundation

/// What `compare` writes.
enum CompareFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, csv, xlsx
}

/// `chitieu compare`: the same indicators of several bodies side by side.
struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "So sánh chỉ số giữa các đảng bộ / Compare indicators across bodies.",
        discussion: """
            Each BODY is a body id from bodies.yaml, optionally with the time to take its figures: \
            BODY@2020 (a year), BODY@2015-2020 (a term); otherwise --year, --term or the latest \
            figures. A body may appear more than once (at several dates): what changed in between \
            is then explained by its lineage, a transfer shown as a transfer. Counts are also shown \
            per grassroots organisation and per 100 members where the catalogue says so.

            Examples:
              chitieu compare lang-son/khoi-cac-co-quan@2020 \\
                  quang-ninh/khoi-cac-co-quan@2022 quang-ninh/khoi-cac-co-quan@1985 \\
                  --context lang-son/tinh@2014
              chitieu compare --every bloc --year 2020 --indicator dang-vien --format csv
            """
    )

    @Argument(help: "Bodies to compare: ID, ID@YEAR or ID@START-END.")
    var bodies: [String] = []

    @Option(name: .customLong("context"), help: "A body shown beside the others but not ranked or added up (e.g. their province).")
    var context: [String] = []

    @Option(name: .customLong("every"), help: "Compare every body of a kind (\(BodyKind.allCases.map(\.rawValue).joined(separator: ", "))) or 'all'.")
    var every: String?

    @Option(name: .customLong("indicator"), help: "Indicator ids (default: every indicator at least two columns have); A=B reads B where a body has no A, if they mean the same.")
    var indicators: [String] = []

    @Option(help: "Take each body's figures of this year.")
    var year: Int?

    @Option(help: "Take each body's figures of this term, e.g. 2015-2020.")
    var term: String?

    @Option(name: .customLong("data"), help: "Data files or folders (default: Targets).")
    var data: [String] = []

    @Option(help: "Language: vi (default) or en.")
    var lang: ReportLanguage = .vi

    @Option(help: "Format: text (default), markdown, csv, or xlsx (a workbook with the \"So sánh\" sheet).")
    var format: CompareFormat = .text

    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    func validate() throws {
        if year != nil, term != nil { throw ValidationError("give --year or --term, not both") }
        if let term, CompareArguments.term(term) == nil { throw ValidationError("--term takes a span of years such as 2015-2020, not '\(term)'") }
        if let year, !CompareArguments.years.contains(year) { throw ValidationError("--year takes a year from \(CompareArguments.years.lowerBound) to \(CompareArguments.years.upperBound), not \(year)") }
        if bodies.isEmpty, every == nil { throw ValidationError("name the bodies to compare (e.g. lang-son/khoi-cac-co-quan@2020), or use --every bloc") }
        if format == .xlsx, output == nil { throw ValidationError("a workbook needs -o: give -o FILE.xlsx, or -o - to write it to standard output (redirected to a file)") }
        try validateOutput(output, binary: format == .xlsx)
    }

    func run() throws {
        let ledger = try loadLedger(data, refusal: "nothing compared")
        let built = comparison(ledger)
        for p in built.problems { printError("chitieu: error: " + p) }
        guard let comparison = built.comparison else {
            for why in built.missing { printError("chitieu: error: " + why) }
            printError("chitieu: nothing compared" + (built.columns == 0 ? ": no body to compare" : ": no indicator has a figure for the chosen time (see above)"))
            throw ExitCode(1)
        }
        for why in built.missing { printError("chitieu: note: " + why + "; its column is shown as chưa có số liệu") }
        for i in comparison.empty {
            printError("chitieu: note: no column has a figure of '\(i.id)' for the chosen time; it is shown as chưa có số liệu")
        }
        try write(comparison, ledger)
        if !built.problems.isEmpty { throw ExitCode(1) }
    }

    /// The comparison the arguments ask for (nil when there is no column or no indicator to
    /// compare), the problems with the arguments, and the columns that have no figure at their
    /// time; `chitieu site` builds its comparison pages with it too.
    func comparison(_ ledger: Ledger) -> (comparison: CrossComparison?, problems: [String], missing: [String], columns: Int) {
        let fallback: Alignment = year.map { .year($0) } ?? term.flatMap(CompareArguments.term).map { .term($0) } ?? .latest
        var columns: [ComparisonColumn] = []
        var problems: [String] = []
        if let every {
            let kinds = every == "all" ? Set(BodyKind.allCases) : Set([BodyKind(rawValue: every)].compactMap { $0 })
            if kinds.isEmpty { problems.append("--every takes a kind (\(BodyKind.allCases.map(\.rawValue).joined(separator: ", "))) or 'all', not '\(every)'") }
            columns += ledger.bodies.values.filter { kinds.contains($0.kind) }.sorted { $0.id < $1.id }.map { ComparisonColumn(body: $0, alignment: fallback) }
        }
        for (spec, isContext) in bodies.map({ ($0, false) }) + context.map({ ($0, true) }) {
            let parsed: CompareArguments.BodySpec
            switch CompareArguments.body(spec) {
            case let .success(p): parsed = p
            case let .failure(e):
                problems.append(e.message)
                continue
            }
            guard let body = ledger.bodies[parsed.id] else {
                problems.append("unknown body '\(parsed.id)'; the bodies are: \(ledger.bodies.keys.sorted().joined(separator: ", "))")
                continue
            }
            columns.append(ComparisonColumn(body: body, alignment: parsed.alignment ?? fallback, isContext: isContext))
        }
        let comparer = Comparer(ledger: ledger)
        let (chosen, aliases, indicatorProblems) = chooseIndicators(ledger, comparer, columns)
        problems += indicatorProblems
        let missing = Self.withoutFigures(columns, comparer)
        guard !columns.isEmpty, !chosen.isEmpty else { return (nil, problems, missing, columns.count) }
        return (comparer.compare(columns, indicators: chosen, aliases: aliases), problems, missing, columns.count)
    }

    /// For each column with no figure at its time, which body it is and the nearest years that
    /// have figures ("'a' has no figure for 2099; the nearest years with figures: 2022, before").
    static func withoutFigures(_ columns: [ComparisonColumn], _ comparer: Comparer) -> [String] {
        columns.compactMap { column in
            let id = column.body.id
            let all = comparer.indicators(of: id).flatMap { comparer.series(id, $0) }
            if all.contains(where: { comparer.choose(id, $0.observation.indicatorID, column.alignment) != nil }) { return nil }
            let years = Set(all.map(\.end.year)).sorted()
            let when: String, nearest: [Int]
            switch column.alignment {
            case .latest:
                return "'\(id)' has no figure at all"
            case let .year(y):
                when = String(y)
                nearest = [years.last { $0 < y }, years.first { $0 > y }].compactMap { $0 }
            case let .term(t):
                when = "the term \(t.lowerBound)-\(t.upperBound)"
                nearest = [years.last { $0 < t.lowerBound }, years.first { $0 > t.upperBound }].compactMap { $0 }
            }
            if nearest.isEmpty { return "'\(id)' has no figure for \(when), nor any other year; add its figures to its data file" }
            return "'\(id)' has no figure for \(when); the nearest \(nearest.count == 1 ? "year with figures is" : "years with figures are") \(nearest.map(String.init).joined(separator: " and ")) (write \(nearest.map { "\(id)@\($0)" }.joined(separator: " or ")))"
        }
    }

    /// The indicators to compare: those asked for (checked), or those at least two columns share.
    private func chooseIndicators(_ ledger: Ledger, _ comparer: Comparer, _ columns: [ComparisonColumn]) -> ([Indicator], [String: String], [String]) {
        var problems: [String] = []
        var aliases: [String: String] = [:]
        if indicators.isEmpty {
            var counts: [String: Int] = [:]
            for c in columns where !c.isContext {
                for id in comparer.indicators(of: c.body.id) where comparer.choose(c.body.id, id, c.alignment) != nil { counts[id, default: 0] += 1 }
            }
            let ranked = columns.filter { !$0.isContext }.count
            var shared = counts.filter { $0.value >= min(2, ranked) }.keys.compactMap { ledger.indicators[$0] }
            // Transfers and other flows explain changes; they are not compared on their own.
            shared.removeAll { $0.transferOf != nil }
            if shared.isEmpty, ranked > 1 {
                problems.append("the bodies share no indicator with figures for the chosen time; each body's own indicators are shown")
                shared = counts.keys.compactMap { ledger.indicators[$0] }.filter { $0.transferOf == nil }
            }
            return (shared.sorted { $0.position < $1.position }, aliases, problems)
        }
        var chosen: [Indicator] = []
        for spec in indicators {
            guard let ids = CompareArguments.indicator(spec) else {
                problems.append("'--indicator \(spec)': name an indicator id, or A=B to read B where a body has no A")
                continue
            }
            guard let indicator = known(ids.id, ledger, &problems) else { continue }
            if let standIn = ids.standIn, let other = known(standIn, ledger, &problems) {
                if let why = Self.difference(indicator, other) {
                    problems.append("cannot compare '\(indicator.id)' with '\(other.id)': \(why)")
                } else {
                    aliases[indicator.id] = other.id
                }
            }
            chosen.append(indicator)
        }
        return (chosen, aliases, problems)
    }

    private func known(_ id: String, _ ledger: Ledger, _ problems: inout [String]) -> Indicator? {
        if let i = ledger.indicators[id] { return i }
        // The closest ids first: the longest shared beginning.
        func shared(_ other: String) -> Int { zip(id, other).prefix { $0 == $1 }.count }
        let near = ledger.indicators.keys.filter { shared($0) >= 4 }.sorted { (shared($0), $1) > (shared($1), $0) }.prefix(3)
        problems.append("unknown indicator '\(id)'" + (near.isEmpty ? "; see Targets/indicators.yaml" : "; did you mean \(near.map { "'\($0)'" }.joined(separator: " or "))?"))
        return nil
    }

    /// Why two indicators cannot stand in one row, or nil when they measure the same thing.
    static func difference(_ a: Indicator, _ b: Indicator) -> String? {
        if a.unit != b.unit { return "'\(a.id)' is a \(a.unit.rawValue) and '\(b.id)' a \(b.unit.rawValue)" }
        if a.shareOf?.id != b.shareOf?.id {
            return "'\(a.id)' is a share of \(a.shareOf?.nameEn ?? "nothing") and '\(b.id)' of \(b.shareOf?.nameEn ?? "nothing"): percentages of different wholes"
        }
        if a.scale?.id != b.scale?.id { return "they are rated on different scales" }
        if a.measure != b.measure {
            return "'\(a.id)' is in \(a.measure ?? "no measure") and '\(b.id)' in \(b.measure ?? "no measure"): figures are never converted between measures"
        }
        if a.unit == .amount, a.aggregation != b.aggregation { return "'\(a.id)' adds up as '\(a.aggregation.rawValue)' and '\(b.id)' as '\(b.aggregation.rawValue)'" }
        return nil
    }

    private func write(_ c: CrossComparison, _ ledger: Ledger) throws {
        switch format {
        case .text, .markdown:
            try emit(ComparisonReport(language: lang, format: format == .markdown ? .markdown : .text).render(c, catalogue: ledger.indicators), to: output)
        case .csv:
            try emit(ComparisonReport(language: lang).csv(c, catalogue: ledger.indicators), to: output)
        case .xlsx:
            do {
                let path = outputPath(output ?? "")
                try ComparisonWorkbook(language: lang).write(c, catalogue: ledger.indicators, to: path)
                sayWrote(path)
            } catch {
                printError("chitieu: error: \(error)")
                throw ExitCode(1)
            }
        }
    }
}
