/// A document that targets and figures are taken from.
public struct Source: Hashable, Sendable {
    /// Id inside its data file, e.g. `nhiemky`.
    public var id: String
    /// Title as published.
    public var title: String
    /// Publisher.
    public var publisher: String
    /// Publication date.
    public var date: CalendarDate?
    /// The seed file it is stored as, if any.
    public var seed: String?
    /// Where it was published, if known.
    public var url: String?

    /// Creates a source.
    public init(id: String, title: String, publisher: String, date: CalendarDate?, seed: String?, url: String? = nil) {
        self.id = id
        self.title = title
        self.publisher = publisher
        self.date = date
        self.seed = seed
        self.url = url
    }
}

/// A place in a source: the document and the line the words stand on.
public struct Citation: Hashable, Sendable {
    /// The source id.
    public var source: String
    /// Line in the source document, from 1, if known.
    public var line: Int?

    /// Creates a citation.
    public init(source: String, line: Int?) {
        self.source = source
        self.line = line
    }
}
