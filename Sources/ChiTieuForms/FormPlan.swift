import ChiTieuCore

/// The rows of a form for one body's term: a row per target as written (two for a share whose
/// indicator has a base: numerator and denominator), each with the years it takes.
public struct FormPlan: Sendable {
    /// The body whose targets are listed.
    public var body: Body
    /// The unit filling the form in, for `--for-each`.
    public var unit: Body?
    /// The term.
    public var term: Term
    /// Each row's target, with its indicator.
    public var entries: [(row: FormRow, target: Target, indicator: Indicator)]
    /// Targets left out, with the reason (shown to the user, never dropped silently).
    public var skipped: [(target: Target, reason: String)]

    /// The years asked for, one column each: the term's reporting years, or the one year given.
    public var years: [Int]

    /// The identity written into the form.
    public var identity: FormIdentity {
        FormIdentity(version: FormLayout.version, bodyID: body.id, term: "\(term.startYear)-\(term.endYear)", unitID: unit?.id, years: years, rows: entries.map(\.row))
    }

    /// Plans the form of a term record.
    /// - Parameters:
    ///   - record: the term file's record (it must have a term).
    ///   - ledger: gives the body and the indicators.
    ///   - unit: the subordinate unit filling it in, if any.
    ///   - year: one reporting year only (a yearly collection), instead of every year of the term.
    public init?(record: Record, ledger: Ledger, unit: Body? = nil, year: Int? = nil) {
        guard let term = record.term, let body = ledger.bodies[record.bodyID] else { return nil }
        if let year, !term.reportingYears.contains(year) { return nil }
        self.body = body
        self.unit = unit
        self.term = term
        entries = []
        skipped = []
        var seen: Set<String> = []
        var row = FormLayout.headerRow + 1
        let years = year.map { [$0] } ?? Array(term.reportingYears)
        self.years = years
        for target in record.targets {
            // One sentence may give two targets (a yearly floor and an end-of-term level): the form
            // asks for its figures once, under the sentence's id, which serves both.
            guard seen.insert(target.sentenceID).inserted else { continue }
            guard let indicator = ledger.indicators[target.indicatorID] else { continue }
            if target.perUnit != nil {
                skipped.append((target, "chỉ tiêu cho từng \(target.perUnit ?? "đơn vị") được báo cáo theo từng đơn vị, không qua biểu mẫu này"))
                continue
            }
            let open: [Int]
            switch target.period {
            case let .year(y): open = years.filter { $0 == y }
            case let .byYear(y): open = years.filter { $0 <= y }
            case .term, .eachYear, .endOfTerm: open = years
            }
            guard !open.isEmpty else {
                skipped.append((target, "năm của chỉ tiêu nằm ngoài các năm báo cáo \(term.reportingYears.lowerBound)–\(term.reportingYears.upperBound)"))
                continue
            }
            var target = target
            target.id = target.sentenceID
            let parts: [FormPart]
            switch indicator.unit {
            case .percent where indicator.shareOf != nil: parts = [.numerator, .denominator]
            case .rating:
                guard indicator.scale != nil else {
                    skipped.append((target, "chỉ số xếp loại \(indicator.id) không có thang xếp loại"))
                    continue
                }
                parts = [.rating]
            default: parts = [.value]
            }
            for part in parts {
                entries.append((FormRow(row: row, targetID: target.id, part: part, years: open), target, indicator))
                row += 1
            }
        }
    }
}
