/// One data file: a body's targets and outcomes for one term, or its dated facts with no term.
public struct Record: Hashable, Sendable {
    /// The file it was read from.
    public var file: String
    /// The body.
    public var bodyID: String
    /// The term, or nil for a file of facts.
    public var term: Term?
    /// The sources cited, by id.
    public var sources: [String: Source]
    /// The targets, in file order.
    public var targets: [Target]
    /// Outcomes and facts, in file order.
    public var observations: [Observation]
    /// Bands the office grades the attainment of its targets by (`bands:` in the term file, else in the nearest catalogue);
    /// empty for the built-in words only.
    public var bands: [OfficeBand]

    /// Creates a record.
    public init(file: String, bodyID: String, term: Term?, sources: [String: Source], targets: [Target], observations: [Observation], bands: [OfficeBand] = []) {
        self.file = file
        self.bodyID = bodyID
        self.term = term
        self.sources = sources
        self.targets = targets
        self.observations = observations
        self.bands = bands
    }
}

/// Everything loaded and validated: the catalogue, the bodies, and every record.
public struct Ledger: Sendable {
    /// The indicator catalogue, by id.
    public var indicators: [String: Indicator]
    /// The bodies, by id.
    public var bodies: [String: Body]
    /// Sources cited by the bodies file (lineage), by id.
    public var bodySources: [String: Source]
    /// Every record, sorted by body then term.
    public var records: [Record]

    /// Creates a ledger.
    public init(indicators: [String: Indicator], bodies: [String: Body], bodySources: [String: Source] = [:], records: [Record]) {
        self.indicators = indicators
        self.bodies = bodies
        self.bodySources = bodySources
        self.records = records
    }
}
