import Foundation

/// A plain-text table whose columns align by display width, with long cells wrapped.
struct TextTable {
    struct Column {
        var title: String
        var width: Int
        var alignRight: Bool = false
    }

    var columns: [Column]
    /// Rows of cells; a cell may hold several lines (already split) and is wrapped to its column.
    var rows: [[[String]]] = []
    /// Indices of rows before which a separator line is drawn.
    var separators: Set<Int> = []

    init(_ columns: [Column]) { self.columns = columns }

    mutating func add(_ cells: [[String]], separated: Bool = false) {
        if separated, !rows.isEmpty { separators.insert(rows.count) }
        rows.append(cells)
    }

    func render() -> String {
        var out: [String] = []
        out.append(line(columns.map { [$0.title] }).joined(separator: "\n"))
        let rule = columns.map { String(repeating: "─", count: $0.width) }.joined(separator: "  ")
        out.append(rule)
        for (i, row) in rows.enumerated() {
            if separators.contains(i) { out.append(columns.map { String(repeating: "·", count: $0.width) }.joined(separator: "  ")) }
            out += line(row)
        }
        out.append(rule)
        return out.joined(separator: "\n")
    }

    private func line(_ cells: [[String]]) -> [String] {
        let wrapped: [[String]] = columns.indices.map { i in
            let cell = i < cells.count ? cells[i] : []
            return cell.flatMap { DisplayWidth.wrap($0, width: columns[i].width) }
        }
        let height = max(1, wrapped.map(\.count).max() ?? 1)
        return (0..<height).map { r in
            columns.indices.map { i in
                let text = r < wrapped[i].count ? wrapped[i][r] : ""
                return DisplayWidth.pad(text, to: columns[i].width, right: columns[i].alignRight)
            }.joined(separator: "  ").trimmingTrailingSpaces
        }
    }
}

extension String {
    /// Without the spaces that padding left at the end of a line.
    var trimmingTrailingSpaces: String {
        guard last == " " else { return self }
        var s = Substring(self)
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
