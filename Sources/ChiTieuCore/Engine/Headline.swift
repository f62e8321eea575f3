/// The counts a congress report opens with: "có 8/10 chỉ tiêu đạt và vượt (trong đó 5 chỉ tiêu
/// vượt)", "2 chỉ tiêu chưa có số liệu". Counted on the computed verdicts of the term rows; a
/// manual verdict is counted apart, never in their place. Targets inside a running term have no
/// verdict yet and are left to the report, which counts them by the status its method gives.
public struct HeadlineCounts: Hashable, Sendable {
    /// Every target of the record.
    public var total = 0
    /// Met or exceeded.
    public var met = 0
    /// Of those, exceeded.
    public var exceeded = 0
    /// Not met.
    public var notMet = 0
    /// No figure.
    public var noData = 0
    /// Figures that cannot settle the rule (a range across it; a total for a per-unit target).
    public var undetermined = 0
    /// Targets whose manual verdict differs from the computed one.
    public var manualDiffering = 0

    /// Counts the targets of an assessment.
    public init(_ a: Assessment) {
        for t in a.targets {
            total += 1
            let row = t.summary
            if row.progress == nil {
                switch row.verdict {
                case .exceeded?: met += 1; exceeded += 1
                case .met?: met += 1
                case .notMet?: notMet += 1
                case .noData?, nil: noData += 1
                case .undetermined?: undetermined += 1
                }
            }
            if let manual = t.target.manualVerdict, manual.verdict != row.verdict { manualDiffering += 1 }
        }
    }
}
