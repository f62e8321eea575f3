import ChiTieuCore
import Foundation
import Yams

/// A scalar's text with the place it stands, so any fault inside it can be pointed at.
struct Located: Sendable {
    var text: String
    var location: SourceLocation
    /// Columns between the mark and the first character of the content (1 for a quoted scalar).
    var contentShift: Int

    /// The location of the scalar character at `offset` inside the content.
    func at(_ offset: Int) -> SourceLocation { location.advanced(by: contentShift + offset) }
}

/// A YAML mapping's fields by key, with positions, after checking for unknown keys.
struct Fields {
    var values: [String: Node]
    var keyLocations: [String: SourceLocation]
    var location: SourceLocation

    subscript(_ key: String) -> Node? { values[key] }
}

/// Reads one data file: its text (BOM stripped, CRLF and NFD normalised), its YAML tree with
/// positions, and every finding about it.
final class YAMLContext {
    let file: String
    var diagnostics = Diagnostics()
    var convention: NumberConvention = .vietnamese

    init(file: String) { self.file = file }

    func location(_ mark: Mark?) -> SourceLocation {
        SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    func location(of node: Node) -> SourceLocation { location(node.mark) }

    func error(_ message: String, at location: SourceLocation) { diagnostics.error(message, at: location) }

    /// Reads the file and parses it; nil (with a finding) if it cannot be read or is not YAML.
    func root(maximumBytes: Int = 64 * 1024 * 1024) -> Node? {
        let start = SourceLocation(file: file, line: 1, column: 1)
        guard let data = FileManager.default.contents(atPath: file) else {
            error("cannot read the file; check that it exists and is readable", at: start)
            return nil
        }
        guard data.count <= maximumBytes else {
            error("the file is \(data.count) bytes; data files are limited to \(maximumBytes) bytes: split it by body and term", at: start)
            return nil
        }
        guard var text = String(data: data, encoding: .utf8) else {
            error("the file is not UTF-8 text; save it as UTF-8", at: start)
            return nil
        }
        text = Self.normalised(text)
        guard !Self.isBlank(text) else {
            error("the file is empty; a data file starts with 'body:' (see Targets/README.md)", at: start)
            return nil
        }
        do {
            // The basic resolver tags nothing: every scalar stays text (no regex per scalar, no floats).
            guard let node = try Yams.compose(yaml: text, .basic) else {
                error("the file holds no data, only comments; a data file starts with 'body:'", at: start)
                return nil
            }
            return node
        } catch let e as YamlError {
            switch e {
            case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
                let where_ = context.map { " (\($0.text) at line \($0.mark.line), column \($0.mark.column))" } ?? ""
                error("not valid YAML: \(problem)\(where_)", at: location(mark))
            default:
                error("not valid YAML: \(e)", at: start)
            }
        } catch {
            self.error("not valid YAML: \(error)", at: start)
        }
        return nil
    }

    /// Text as the loader reads it: no byte-order mark, LF line ends, NFC.
    static func normalised(_ raw: String) -> String {
        var text = raw
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.utf8.contains(13) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return text.precomposedStringWithCanonicalMapping
    }

    /// Whether a value is only whitespace (including non-breaking spaces), without Foundation's trimming.
    static func isBlank(_ s: String) -> Bool {
        s.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
    }

    // MARK: - Node helpers

    /// The fields of a mapping; reports a non-mapping, duplicate keys and keys not in `allowed`.
    func fields(_ node: Node, allowed: [String], what: String) -> Fields? {
        guard case let .mapping(mapping) = node else {
            error("\(what) must be a mapping of keys (\(allowed.prefix(4).joined(separator: ", ")), …)", at: location(of: node))
            return nil
        }
        var result = Fields(values: [:], keyLocations: [:], location: location(mapping.mark))
        for (keyNode, value) in mapping {
            let key = keyNode.scalar?.string ?? ""
            let at = location(of: keyNode)
            if let first = result.keyLocations[key] {
                error("'\(key)' is given twice in \(what) (first at line \(first.line)); keep one", at: at)
                continue
            }
            guard allowed.contains(key) else {
                let near = allowed.filter { $0.hasPrefix(String(key.prefix(3))) }
                let hint = near.isEmpty ? "allowed keys: \(allowed.joined(separator: ", "))" : "did you mean '\(near[0])'?"
                error("unknown key '\(key)' in \(what); \(hint)", at: at)
                continue
            }
            result.values[key] = value
            result.keyLocations[key] = at
        }
        return result
    }

    /// A scalar's text, NFC, trimmed of surrounding whitespace; reports a non-scalar or an empty value.
    func text(_ node: Node?, _ key: String, in fields: Fields, required: Bool = true) -> Located? {
        guard let node else {
            if required { error("'\(key)' is missing; add '\(key): …'", at: fields.location) }
            return nil
        }
        guard case let .scalar(scalar) = node else {
            error("'\(key)' must be a single value, not a list or mapping", at: location(of: node))
            return nil
        }
        let raw = scalar.string
        let isNull = scalar.style == .plain && ["~", "null", "Null", "NULL"].contains(raw)
        if Self.isBlank(raw) || isNull {
            if required { error("'\(key)' has no value; write one after the colon", at: fields.keyLocations[key] ?? location(of: node)) }
            return nil
        }
        let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
        return Located(text: raw, location: location(scalar.mark), contentShift: quoted ? 1 : 0)
    }

    /// A list's items; reports a non-list.
    func items(_ node: Node?, _ key: String) -> [Node] {
        guard let node else { return [] }
        if case let .scalar(s) = node, s.string.isEmpty { return [] }
        guard case let .sequence(sequence) = node else {
            error("'\(key)' must be a list, each item starting with '- '", at: location(of: node))
            return []
        }
        return Array(sequence)
    }

    /// A value that must be one of a fixed set.
    func choice<T: RawRepresentable & CaseIterable>(_ located: Located?, _ key: String, as _: T.Type) -> T? where T.RawValue == String {
        guard let located else { return nil }
        let word = located.text.trimmedSpaces
        guard let value = T(rawValue: word) else {
            error("'\(word)' is not a valid \(key); write one of: \(T.allCases.map(\.rawValue).joined(separator: ", "))", at: located.at(0))
            return nil
        }
        return value
    }

    /// A whole number such as a line or a year.
    func integer(_ located: Located?, _ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let located else { return nil }
        let word = located.text.trimmedSpaces
        guard let n = Int(word), range.contains(n) else {
            error("'\(key)' must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(word)'", at: located.at(0))
            return nil
        }
        return n
    }

    /// An ISO date (`2020-07-21`, `2014-12`, `2014`).
    func date(_ located: Located?, _ key: String) -> CalendarDate? {
        guard let located else { return nil }
        let word = located.text.trimmedSpaces
        guard let d = CalendarDate(iso: word) else {
            error("'\(word)' is not a date; write it as 2020-07-21, 2014-12 or 2014", at: located.at(0))
            return nil
        }
        return d
    }

    /// A figure in the file's convention, with a positioned error.
    func number(_ located: Located) -> ParsedNumber? {
        do {
            return try VietnameseNumber.parse(located.text, convention: convention)
        } catch let e as NumberError {
            error(e.message, at: located.at(e.offset))
        } catch {
            self.error("\(error)", at: located.at(0))
        }
        return nil
    }
}

extension String {
    /// The text without surrounding spaces, tabs or non-breaking spaces; itself when there are
    /// none (the common case), without Foundation's bridging.
    var trimmedSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return self }
        if !first.properties.isWhitespace && !last.properties.isWhitespace { return self }
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start].properties.isWhitespace { start = scalars.index(after: start) }
        while end > start, scalars[scalars.index(before: end)].properties.isWhitespace { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }
}
