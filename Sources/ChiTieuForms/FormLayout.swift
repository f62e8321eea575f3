import ChiTieuCore
import Foundation

/// Where things are on a form: the contract between the writer and the importer. A change here
/// that moves a cell must raise `FormLayout.version`, so an older form is refused, not misread.
public enum FormLayout {
    /// The form version written into every form; a form of another version is refused on import.
    public static let version = "1"
    /// The sheet the unit fills in.
    public static let sheet = "Biểu mẫu"
    /// The hidden sheet holding the form's identity.
    public static let identitySheet = "_chitieu"
    /// The row (1-based) whose first cell repeats the identity in one line, so that a CSV export
    /// of the sheet alone (which leaves the hidden sheet behind) can still be matched to its form.
    public static let identityRow = 8
    /// The header row (1-based); input rows follow it.
    public static let headerRow = 9
    /// Columns (1-based): number, target id, target text, what the row asks, then one per year.
    public static let idColumn = 2
    /// The target's words.
    public static let textColumn = 3
    /// What the row asks for (the figure, a share's numerator or denominator, a rating).
    public static let askColumn = 4
    /// The first year's column.
    public static let firstYearColumn = 5

    /// The source document's column, after the years.
    public static func sourceColumn(years: Int) -> Int { firstYearColumn + years }
    /// The document date's column.
    public static func dateColumn(years: Int) -> Int { firstYearColumn + years + 1 }
    /// The note's column.
    public static func noteColumn(years: Int) -> Int { firstYearColumn + years + 2 }
}

/// What one row of a form asks for.
public enum FormPart: String, Sendable, Hashable, CaseIterable {
    /// A count or an amount (or a share given as a percent, when its indicator has no base).
    case value
    /// A share's numerator: how many meet it.
    case numerator
    /// A share's denominator: how many there are.
    case denominator
    /// A level on the indicator's rating scale.
    case rating
}

/// A row of a form: a target, the part of its figure asked, and the years it takes.
public struct FormRow: Sendable, Hashable {
    /// The row on the sheet (1-based).
    public var row: Int
    /// The target's id in the term file.
    public var targetID: String
    /// What is asked.
    public var part: FormPart
    /// The years whose cells are open for this row.
    public var years: [Int]
}

/// Who a form is for and what it holds, kept on the hidden identity sheet so that the importer
/// never guesses which target a cell belongs to.
public struct FormIdentity: Sendable, Hashable {
    /// The form version (`FormLayout.version` when written).
    public var version: String
    /// The body whose targets the form lists.
    public var bodyID: String
    /// The term, `2015-2020`.
    public var term: String
    /// The subordinate unit filling it in, when the form is one of `--for-each`; nil when the body fills it in itself.
    public var unitID: String?
    /// The reporting years, one column each from `FormLayout.firstYearColumn`.
    public var years: [Int]
    /// The input rows.
    public var rows: [FormRow]

    /// The identity in one visible line: `chitieu-form|1|body|term|unit|year|checksum`, with `-`
    /// for no unit and for every year; the checksum is that of the full identity.
    var line: String {
        let year = years.count == 1 ? String(years[0]) : "-"
        return ["chitieu-form", version, bodyID, term, unitID ?? "-", year, lines.last?.last ?? ""].joined(separator: "|")
    }

    /// The parts of a visible identity line; nil when the text is not one.
    static func parseLine(_ text: String) -> (version: String, body: String, term: String, unit: String?, year: Int?, checksum: String)? {
        guard let start = text.range(of: "chitieu-form|") else { return nil }
        let parts = text[start.lowerBound...].split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 7 else { return nil }
        return (parts[1], parts[2], parts[3], parts[4] == "-" ? nil : parts[4], Int(parts[5]), parts[6])
    }

    /// The identity sheet's lines: a key and its values, one line a row from A1.
    var lines: [[String]] {
        var out: [[String]] = [
            ["chitieu-form", version],
            ["body", bodyID],
            ["term", term],
        ]
        // No line for no unit: a spreadsheet keeps no empty cell, so an empty value would not read back.
        if let unitID { out.append(["unit", unitID]) }
        out.append(["years"] + years.map(String.init))
        for r in rows {
            out.append(["row", String(r.row), r.targetID, r.part.rawValue] + r.years.map(String.init))
        }
        out.append(["check", Self.checksum(out)])
        return out
    }

    /// A checksum of the lines, so that an identity edited by hand (after its protection was
    /// removed) is refused. It guards against slips, not against someone who reads this code.
    static func checksum(_ lines: [[String]]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        let text = lines.map { $0.joined(separator: "\u{1F}") }.joined(separator: "\u{1E}")
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return String(hash, radix: 16)
    }

    /// The identity written on lines; nil with the reason when the lines are not one.
    static func parse(_ lines: [[String]]) -> Result<FormIdentity, IdentityProblem> {
        guard let first = lines.first, first.first == "chitieu-form", first.count >= 2 else { return .failure(.notAForm) }
        guard let last = lines.last, last.first == "check", last.count == 2, last[1] == checksum(Array(lines.dropLast())) else {
            return .failure(.edited)
        }
        var identity = FormIdentity(version: first[1], bodyID: "", term: "", unitID: nil, years: [], rows: [])
        for line in lines.dropFirst().dropLast() {
            switch line.first {
            case "body": identity.bodyID = line.count > 1 ? line[1] : ""
            case "term": identity.term = line.count > 1 ? line[1] : ""
            case "unit": identity.unitID = line.count > 1 && !line[1].isEmpty ? line[1] : nil
            case "years": identity.years = line.dropFirst().compactMap { Int($0) }
            case "row":
                guard line.count >= 4, let row = Int(line[1]), let part = FormPart(rawValue: line[3]) else { return .failure(.edited) }
                identity.rows.append(FormRow(row: row, targetID: line[2], part: part, years: line.dropFirst(4).compactMap { Int($0) }))
            default: return .failure(.edited)
            }
        }
        return .success(identity)
    }

    /// Why the identity sheet could not be read.
    enum IdentityProblem: Error { case notAForm, edited }
}
