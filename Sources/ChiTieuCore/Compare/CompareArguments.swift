import Foundation

/// The text arguments of `chitieu compare`, read without trusting them: a body with its time
/// (`ID`, `ID@2020`, `ID@2015-2020`), a term (`2015-2020`) and an indicator with its stand-in
/// (`A`, `A=B`). In the core so that the fuzzer reads them as the command line does.
public enum CompareArguments {
    /// A body argument: its id, and the time it names (nil when it names none).
    public struct BodySpec: Hashable, Sendable {
        /// The body id.
        public var id: String
        /// The time after '@', if given.
        public var alignment: Alignment?

        /// Creates a body argument.
        public init(id: String, alignment: Alignment?) {
            self.id = id
            self.alignment = alignment
        }
    }

    /// The years a year argument may name.
    public static let years = 1900...2200

    /// Reads `ID`, `ID@YEAR` or `ID@START-END`; an error says what to write instead.
    public static func body(_ spec: String) -> Result<BodySpec, CompareArgumentError> {
        let text = spec.trimmingCharacters(in: .whitespaces)
        let parts = text.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard let id = parts.first, !id.isEmpty else {
            return .failure(CompareArgumentError("'\(spec)': name a body, e.g. lang-son/khoi-cac-co-quan@2020"))
        }
        guard parts.count == 2 else { return .success(BodySpec(id: id, alignment: nil)) }
        if let y = Int(parts[1]), years.contains(y) { return .success(BodySpec(id: id, alignment: .year(y))) }
        if let t = term(parts[1]) { return .success(BodySpec(id: id, alignment: .term(t))) }
        return .failure(CompareArgumentError("'\(spec)': after @ write a year (2020) or a term (2015-2020)"))
    }

    /// Reads a term `START-END` (or with an en dash) of years in range, the start before the end.
    public static func term(_ text: String) -> ClosedRange<Int>? {
        let parts = text.split(whereSeparator: { $0 == "-" || $0 == "–" })
        guard parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]), years.contains(a), years.contains(b), a < b else { return nil }
        return a...b
    }

    /// Reads `A` or `A=B` (compare A, reading B where a body has no A); nil for an empty id.
    public static func indicator(_ spec: String) -> (id: String, standIn: String?)? {
        let ids = spec.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let id = ids.first, !id.isEmpty else { return nil }
        guard ids.count == 2 else { return (id, nil) }
        return ids[1].isEmpty ? nil : (id, ids[1])
    }
}

/// A compare argument that cannot be read, with what to write instead.
public struct CompareArgumentError: Error, Hashable, Sendable {
    /// What is wrong and what to write.
    public var message: String

    /// Creates an error.
    public init(_ message: String) { self.message = message }
}
