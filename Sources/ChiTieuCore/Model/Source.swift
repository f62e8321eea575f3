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
    /// The spreadsheet cell a figure was read from (`bieu-mau.xlsx:Biểu mẫu!E10`), for figures
    /// imported from a form (`cell:` in the data).
    public var cell: String?

    /// Creates a citation.
    public init(source: String, line: Int?, cell: String? = nil) {
        self.source = source
        self.line = line
        self.cell = cell
    }

    /// Where in the source, after its id: ", dòng 16" or ", ô f.xlsx:Biểu mẫu!E10" (", line …",
    /// ", cell …" in English); empty when unknown.
    public func place(vietnamese: Bool) -> String {
        if let cell { return vietnamese ? ", ô \(cell)" : ", cell \(cell)" }
        return line.map { vietnamese ? ", dòng \($0)" : ", line \($0)" } ?? ""
    }
}
