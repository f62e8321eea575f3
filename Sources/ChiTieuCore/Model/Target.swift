/// One numeric target of a congress resolution.
public struct Target: Hashable, Sendable {
    /// Id unique within its file; derived parts get a suffix (`tsvm.hang-nam`).
    public var id: String
    /// The id of the sentence it was derived from; equal to `id` unless one sentence gave several targets.
    public var sentenceID: String
    /// The target's words, verbatim from the source.
    public var text: String
    /// Where the words stand.
    public var citation: Citation
    /// The indicator measured.
    public var indicatorID: String
    /// What the outcome must be.
    public var rule: Rule
    /// When it is judged.
    public var period: PeriodKind
    /// How the data's author read an ambiguous phrase, shown in reports.
    public var note: String?
    /// Where it is defined in the data.
    public var location: SourceLocation
    /// An office's own verdict, shown beside the computed one, never in its place.
    public var manualVerdict: ManualVerdict?
    /// For a target that applies to each unit of a kind ("mỗi xã", "mỗi chi bộ"), the unit's
    /// noun: it is judged unit by unit on figures given per unit, never on a total.
    public var perUnit: String?
    /// The field it is grouped under when the file says so (`field:`); else its indicator's.
    public var field: TargetField?

    /// Creates a target.
    public init(
        id: String, sentenceID: String? = nil, text: String, citation: Citation, indicatorID: String,
        rule: Rule, period: PeriodKind, note: String? = nil, location: SourceLocation
    ) {
        self.id = id
        self.sentenceID = sentenceID ?? id
        self.text = text
        self.citation = citation
        self.indicatorID = indicatorID
        self.rule = rule
        self.period = period
        self.note = note
        self.location = location
    }
}

/// A verdict an office recorded itself (a qualitative target, a disputed figure), with who
/// decided, when and why. Reports show it beside the computed verdict, marked as manual.
public struct ManualVerdict: Hashable, Sendable {
    /// The verdict recorded.
    public var verdict: Verdict
    /// Who decided ("Ban Thường vụ Đảng ủy Khối").
    public var by: String
    /// Why.
    public var reason: String
    /// When, if recorded.
    public var date: CalendarDate?

    /// Creates a manual verdict.
    public init(verdict: Verdict, by: String, reason: String, date: CalendarDate? = nil) {
        self.verdict = verdict
        self.by = by
        self.reason = reason
        self.date = date
    }
}
