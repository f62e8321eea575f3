/// One problem found in the data: what is wrong, where, and how serious it is.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    /// How serious a finding is.
    public enum Severity: String, Sendable, Comparable {
        /// The data cannot be used as written.
        case error
        /// The data is used, but a person should look (e.g. a recorded correction).
        case warning
        /// Extra information attached to another finding.
        case note

        private var rank: Int { self == .error ? 0 : self == .warning ? 1 : 2 }
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    /// How serious it is.
    public var severity: Severity
    /// What is wrong and what to write instead.
    public var message: String
    /// Where it is; nil for a problem with no place in a file (e.g. an empty directory).
    public var location: SourceLocation?

    /// Creates a finding.
    public init(_ severity: Severity, _ message: String, at location: SourceLocation?) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    /// gcc style, so that editors jump to it: `file:line:col: error: message`.
    public var description: String {
        if let location { return "\(location): \(severity.rawValue): \(message)" }
        return "chitieu: \(severity.rawValue): \(message)"
    }
}

/// Collects every finding of a run, so that one run reports every problem of every file.
///
/// At most `maximumPerFile` findings are kept for one file; past that they are only counted and
/// summed up in one closing finding, so a file of a million garbage rows costs bounded memory and
/// a screen a person can read (the first faults usually share one cause).
public struct Diagnostics: Sendable {
    /// How many findings one file may show.
    public static let maximumPerFile = 100

    private var kept: [Diagnostic] = []
    /// Findings kept per file (the empty string for placeless ones).
    private var perFile: [String: Int] = [:]
    /// Findings dropped per file past the limit, with how many of them were errors.
    private var dropped: [String: (all: Int, errors: Int)] = [:]

    /// Creates an empty collection.
    public init() {}

    /// The findings in the order they were found, then one summary per file that had too many.
    public var items: [Diagnostic] {
        kept + dropped.keys.sorted().compactMap { file in
            guard let d = dropped[file] else { return nil }
            let message = "\(d.all) more findings in this file (\(d.errors) of them errors) are not shown; fix the first \(Self.maximumPerFile), which often share one cause, and check again"
            return Diagnostic(d.errors > 0 ? .error : .warning, message,
                              at: file.isEmpty ? nil : SourceLocation(file: file, line: 1, column: 1))
        }
    }

    /// Records an error.
    public mutating func error(_ message: String, at location: SourceLocation?) {
        add(Diagnostic(.error, message, at: location))
    }

    /// Records a warning.
    public mutating func warning(_ message: String, at location: SourceLocation?) {
        add(Diagnostic(.warning, message, at: location))
    }

    /// Records a note: information a person asked for (`check --figures`).
    public mutating func note(_ message: String, at location: SourceLocation?) {
        add(Diagnostic(.note, message, at: location))
    }

    private mutating func add(_ finding: Diagnostic) {
        let file = finding.location?.file ?? ""
        let count = perFile[file, default: 0]
        guard count < Self.maximumPerFile else {
            let d = dropped[file] ?? (0, 0)
            dropped[file] = (d.all + 1, d.errors + (finding.severity == .error ? 1 : 0))
            return
        }
        perFile[file] = count + 1
        kept.append(finding)
    }

    /// Adds findings collected elsewhere.
    public mutating func append(contentsOf other: Diagnostics) {
        for finding in other.kept { add(finding) }
        for (file, d) in other.dropped {
            let mine = dropped[file] ?? (0, 0)
            dropped[file] = (mine.all + d.all, mine.errors + d.errors)
        }
    }

    /// How many findings of a severity there were, those not shown included.
    public func count(_ severity: Diagnostic.Severity) -> Int {
        let shown = kept.filter { $0.severity == severity }.count
        let hidden = dropped.values.reduce(0) { sum, d in
            sum + (severity == .error ? d.errors : severity == .warning ? d.all - d.errors : 0)
        }
        return shown + hidden
    }

    /// Whether any finding is an error: this decides the exit code.
    public var hasErrors: Bool { kept.contains { $0.severity == .error } || dropped.values.contains { $0.errors > 0 } }

    /// The findings sorted by file, line and column, placeless ones first.
    public var sorted: [Diagnostic] {
        items.enumerated().sorted { l, r in
            switch (l.element.location, r.element.location) {
            case (nil, nil): return l.offset < r.offset
            case (nil, _): return true
            case (_, nil): return false
            case let (a?, b?): return a == b ? l.offset < r.offset : a < b
            }
        }.map(\.element)
    }
}
