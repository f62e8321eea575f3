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

/// A record's fields by key, with positions, after checking for unknown keys: a YAML mapping's
/// nodes, or a CSV row's cells (which are only ever text).
struct Fields {
    var values: [String: Node] = [:]
    /// Where each YAML key stands.
    var keyLocations: [String: SourceLocation] = [:]
    var location: SourceLocation
    /// A CSV row, when the fields are one.
    var row: Row?

    /// A CSV row: the table's column indices (one dictionary shared by every row), the
    /// non-blank cells and where every cell stands.
    struct Row {
        let columns: [String: Int]
        let cells: [Located?]
        let places: [SourceLocation]
    }

    /// True for a CSV row, whose missing values are empty cells rather than absent keys.
    var isRow: Bool { row != nil }

    subscript(_ key: String) -> Node? { values.isEmpty ? nil : values[key] }

    /// A CSV row's non-blank cell in a column.
    func cell(_ key: String) -> Located? {
        guard let row, let i = row.columns[key] else { return nil }
        return row.cells[i]
    }

    /// Where a value is pointed at: its YAML key, a CSV row's cell, else the mapping or row.
    func place(_ key: String) -> SourceLocation {
        if let row, let i = row.columns[key] { return row.places[i] }
        return keyLocations[key] ?? location
    }

    /// How a missing value is named: an absent key in YAML, an empty cell in a CSV row.
    func missing(_ key: String) -> String { isRow ? "the '\(key)' cell is empty" : "'\(key)' is missing" }
}

/// Reads one data file: its text (see `TextFile`), its YAML tree with
/// positions, and every finding about it.
final class YAMLContext {
    let file: String
    var diagnostics = Diagnostics()
    var convention: NumberConvention = .vietnamese
    /// The CSV files of outcomes this file named, so that a table nobody names can be reported.
    var tables: [String] = []
    /// Where each id this file defines stands, keyed "indicator:ID", "body:ID" or "source:ID",
    /// so that a clash with another file can name both places.
    var definitions: [String: SourceLocation] = [:]
    /// The places a data file's source ids are looked up in besides its own 'sources:' (the shared
    /// `sources.yaml` and `bodies.yaml` it sees), named when an id is not found.
    var sharedSourceFiles: [String] = []

    init(file: String) { self.file = file }

    func location(_ mark: Mark?) -> SourceLocation {
        SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    }

    func location(of node: Node) -> SourceLocation { location(node.mark) }

    func error(_ message: String, at location: SourceLocation) { diagnostics.error(message, at: location) }

    /// The character at a parser's mark (line and column counted from 1), if there is one.
    static func character(in text: String, at mark: Mark) -> Character? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line >= 1, mark.line <= lines.count else { return nil }
        let line = lines[mark.line - 1]
        guard mark.column >= 1, mark.column <= line.count else { return nil }
        return line[line.index(line.startIndex, offsetBy: mark.column - 1)]
    }

    /// The first line after `line` where `key:` stands as a key (at the start of the line's
    /// content, after a list dash, or after '{' or ',' in a flow mapping), with its column.
    static func nextLine(in text: String, after line: Int, withKey key: String) -> (line: Int, column: Int)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard line < lines.count else { return nil }
        for n in line..<lines.count {
            let l = String(lines[n])
            var search = l.startIndex
            while let r = l.range(of: key + ":", range: search..<l.endIndex) {
                let before = l[l.startIndex..<r.lowerBound].trimmingCharacters(in: .whitespaces)
                if before.isEmpty || before == "-" || before.hasSuffix("{") || before.hasSuffix(",") {
                    return (n + 1, l.distance(from: l.startIndex, to: r.lowerBound) + 1)
                }
                search = r.upperBound
            }
        }
        return nil
    }

    /// Reads the file and parses it; nil (with a finding) if it cannot be read or is not YAML.
    func root(maximumBytes: Int = TextFile.maximumBytes) -> Node? {
        let start = SourceLocation(file: file, line: 1, column: 1)
        guard let text = TextFile.read(file, into: &diagnostics, maximumBytes: maximumBytes) else { return nil }
        guard !TextFile.isBlank(text) else {
            error("the file is empty; a data file starts with 'body:' (see Targets/README.md)", at: start)
            return nil
        }
        do {
            // The basic resolver tags nothing: every scalar stays text (no regex per scalar, no floats).
            // The encoding named, not the default, which Yams works out from the environment on every call.
            // The parser is kept until the anchors are checked: nodes hold their anchors weakly.
            let parser = try Yams.Parser(yaml: text, resolver: .basic, constructor: .default, encoding: .utf8)
            guard let node = try parser.singleRoot() else {
                error("the file holds no data, only comments; a data file starts with 'body:'", at: start)
                return nil
            }
            let anchored = firstAnchored(in: node)
            withExtendedLifetime(parser) {}
            if let anchored {
                // An alias repeats a value away from its line, so a figure could no longer be cited
                // where it stands; and nested aliases expand exponentially ("billion laughs").
                error("YAML anchors and aliases ('&name', '*name') are not accepted in data files: write each value where it belongs", at: location(of: anchored))
                return nil
            }
            return node
        } catch let e as YamlError {
            switch e {
            case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
                if Self.character(in: text, at: mark) == "\t" {
                    error("a tab at line \(mark.line), column \(mark.column): YAML indents with spaces only; replace the tab with spaces", at: location(mark))
                    return nil
                }
                let where_ = context.map { " (\($0.text) at line \($0.mark.line), column \($0.mark.column))" } ?? ""
                error("not valid YAML: \(problem)\(where_)", at: location(mark))
            case let .duplicatedKeysInMapping(duplicates, context):
                // Yams gives the first key and the whole text; point at the second use instead.
                for key in duplicates {
                    let first = context.mark.line
                    let second = Self.nextLine(in: text, after: first, withKey: key)
                    let at = second.map { SourceLocation(file: file, line: $0.line, column: $0.column) } ?? location(context.mark)
                    error("the key '\(key)' is given twice in one mapping (first at line \(first)); keep one", at: at)
                }
            default:
                error("not valid YAML: \(e)", at: start)
            }
        } catch {
            self.error("not valid YAML: \(error)", at: start)
        }
        return nil
    }

    /// The first node, in document order, that carries an anchor. An alias can only follow its
    /// anchor, so the walk stops before it could expand one: its cost is that of the plain tree.
    private func firstAnchored(in node: Node) -> Node? {
        if node.anchor != nil { return node }
        switch node {
        case .scalar, .alias: return nil
        case let .sequence(sequence):
            for child in sequence { if let found = firstAnchored(in: child) { return found } }
        case let .mapping(mapping):
            for (key, value) in mapping {
                if let found = firstAnchored(in: key) ?? firstAnchored(in: value) { return found }
            }
        }
        return nil
    }

    // MARK: - Node helpers

    /// The fields of a mapping; reports a non-mapping, duplicate keys and keys not in `allowed`.
    func fields(_ node: Node, allowed: [String], what: String) -> Fields? {
        guard case let .mapping(mapping) = node else {
            error("\(what) must be a mapping of keys (\(allowed.prefix(4).joined(separator: ", ")), …)", at: location(of: node))
            return nil
        }
        var result = Fields(location: location(mapping.mark))
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
            if let cell = fields.cell(key) { return fitsACell(cell, key) ? cell : nil }
            if required {
                error(fields.isRow ? "\(fields.missing(key)); every row needs one" : "'\(key)' is missing; add '\(key): …'", at: fields.place(key))
            }
            return nil
        }
        guard case let .scalar(scalar) = node else {
            error("'\(key)' must be a single value, not a list or mapping", at: location(of: node))
            return nil
        }
        let raw = scalar.string
        let isNull = scalar.style == .plain && ["~", "null", "Null", "NULL"].contains(raw)
        if TextFile.isBlank(raw) || isNull {
            if required { error("'\(key)' has no value; write one after the colon", at: fields.place(key)) }
            return nil
        }
        let quoted = scalar.style == .singleQuoted || scalar.style == .doubleQuoted
        let located = Located(text: raw, location: location(scalar.mark), contentShift: quoted ? 1 : 0)
        return fitsACell(located, key) ? located : nil
    }

    /// A spreadsheet cell holds at most this many characters (Excel's limit, kept by libxlsxwriter).
    static let cellCharacters = 32_767

    /// Whether a text fits a workbook cell; a longer one is reported here, at its key, rather than
    /// by the workbook writer naming only a cell.
    func fitsACell(_ l: Located, _ key: String) -> Bool {
        // libxlsxwriter counts characters (code points), as Excel does; a text of no more bytes
        // than that has no more code points, and is not counted.
        if l.text.utf8.count <= Self.cellCharacters { return true }
        let length = l.text.unicodeScalars.count
        guard length > Self.cellCharacters else { return true }
        let n = NumberFormat(.vietnamese)
        error("'\(key)' has \(n.natural(Decimal(length))) characters; a workbook cell holds at most \(n.natural(Decimal(Self.cellCharacters))): keep the words that matter here and cite the rest by its line", at: l.location)
        return false
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

    /// A figure in the file's convention, with a positioned error; `signed` admits a minus sign
    /// (an amount's figure may be negative).
    func number(_ located: Located, signed: Bool = false) -> ParsedNumber? {
        do {
            return signed
                ? try VietnameseNumber.parseSigned(located.text, convention: convention)
                : try VietnameseNumber.parse(located.text, convention: convention)
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
        // Most texts start and end with an ASCII letter or digit: answer those without the
        // Unicode property tables (for ASCII, whitespace is exactly U+0009–U+000D and U+0020).
        if first.isASCII && last.isASCII && !Self.isASCIIWhitespace(first) && !Self.isASCIIWhitespace(last) { return self }
        if !first.properties.isWhitespace && !last.properties.isWhitespace { return self }
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start].properties.isWhitespace { start = scalars.index(after: start) }
        while end > start, scalars[scalars.index(before: end)].properties.isWhitespace { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }

    private static func isASCIIWhitespace(_ s: Unicode.Scalar) -> Bool { (0x09...0x0D).contains(s.value) || s.value == 0x20 }
}
