import ChiTieuCore

/// A CSV file read as every data file is read (bounded, UTF-8 or UTF-16, no byte-order mark, a
/// legacy Vietnamese encoding refused by name) and split into rows of cells with their
/// positions: for readers outside this module, such as a form exported as CSV by a spreadsheet.
public enum CSVTable {
    /// A cell's text and where it starts in the file.
    public struct Cell: Sendable, Hashable {
        /// The text, quotes removed.
        public var text: String
        /// The line, from 1.
        public var line: Int
        /// The column in characters, from 1.
        public var column: Int
    }

    /// The rows, in order, blank lines left out; nil with the findings when the file cannot be read.
    public static func read(_ file: String) -> (rows: [[Cell]]?, diagnostics: Diagnostics) {
        var diagnostics = Diagnostics()
        guard let text = TextFile.read(file, into: &diagnostics) else { return (nil, diagnostics) }
        var rows: [[Cell]] = []
        let complete = CSVReader(file: file, text: text).forEachRow(diagnostics: &diagnostics) { cells in
            rows.append(cells.map { Cell(text: $0.text, line: $0.line, column: $0.column) })
        }
        return (complete ? rows : nil, diagnostics)
    }
}
