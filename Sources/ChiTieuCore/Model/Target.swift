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
