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
public struct Diagnostics: Sendable {
    /// The findings, in the order they were found.
    public private(set) var items: [Diagnostic] = []

    /// Creates an empty collection.
    public init() {}

    /// Records an error.
    public mutating func error(_ message: String, at location: SourceLocation?) {
        items.append(Diagnostic(.error, message, at: location))
    }

    /// Records a warning.
    public mutating func warning(_ message: String, at location: SourceLocation?) {
        items.append(Diagnostic(.warning, message, at: location))
    }

    /// Adds findings collected elsewhere.
    public mutating func append(contentsOf other: Diagnostics) { items += other.items }

    /// Whether any finding is an error: this decides the exit code.
    public var hasErrors: Bool { items.contains { $0.severity == .error } }

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
