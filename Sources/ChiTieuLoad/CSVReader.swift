import ChiTieuCore

/// Reads RFC 4180 CSV (the tidy tables offices keep in spreadsheets) row by row, with the line and
/// column of every cell, so that a bad figure in row 4.812 is reported where it stands.
///
/// Hand-written rather than taken from a package: the CSV packages of the mirror give cells
/// without positions, and every finding here must name its line and column. The delimiter is the
/// comma, or the semicolon or tab when the header row has no comma (spreadsheets in locales whose
/// decimal mark is the comma, Vietnamese among them, save CSV with semicolons).
struct CSVReader {
    /// One cell: its text (quotes removed, doubled quotes undone) and where it starts.
    struct Cell {
        var text: String
        var line: Int
        var column: Int
        var quoted: Bool
    }

    let file: String
    let text: String

    /// Calls `body` with each row's cells, the header first; blank lines are skipped. Stops at the
    /// first malformed quote, with a finding: past it, no cell boundary can be trusted.
    /// - Returns: Whether the whole text was read.
    @discardableResult
    func forEachRow(diagnostics: inout Diagnostics, _ body: ([Cell]) -> Void) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in scan(bytes, &diagnostics, body) }
    }

    private static let quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n")

    private func delimiter(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var semicolon = false, tab = false
        for b in bytes {
            if b == Self.newline { break }
            if b == UInt8(ascii: ",") { return b }
            if b == UInt8(ascii: ";") { semicolon = true }
            if b == UInt8(ascii: "\t") { tab = true }
        }
        return semicolon ? UInt8(ascii: ";") : tab ? UInt8(ascii: "\t") : UInt8(ascii: ",")
    }

    private func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ diagnostics: inout Diagnostics, _ body: ([Cell]) -> Void) -> Bool {
        let delimiter = delimiter(bytes)
        let n = bytes.count
        var i = 0
        var line = 1
        // Columns count characters, not bytes: UTF-8 continuation bytes are skipped.
        var lineStart = 0
        func column(_ at: Int) -> Int {
            var c = 1
            var k = lineStart
            while k < at {
                if bytes[k] & 0xC0 != 0x80 { c += 1 }
                k += 1
            }
            return c
        }
        func string(_ from: Int, _ to: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
        }
        var row: [Cell] = []
        while i < n {
            let cellLine = line, cellColumn = column(i)
            if bytes[i] == Self.quote {
                // A quoted cell runs to the quote not followed by another; "" stands for one quote.
                var j = i + 1
                var pieces: [UInt8] = []
                var closed = false
                var start = j
                while j < n {
                    let b = bytes[j]
                    if b == Self.quote {
                        if j + 1 < n, bytes[j + 1] == Self.quote {
                            pieces.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...j]))
                            j += 2
                            start = j
                            continue
                        }
                        closed = true
                        break
                    }
                    if b == Self.newline {
                        line += 1
                        lineStart = j + 1
                    }
                    j += 1
                }
                guard closed else {
                    diagnostics.error("the quote that opens this cell is never closed; end the cell with '\"' (a quote inside a cell is written twice: \"\")",
                                      at: SourceLocation(file: file, line: cellLine, column: cellColumn))
                    return false
                }
                pieces.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<j]))
                row.append(Cell(text: String(decoding: pieces, as: UTF8.self), line: cellLine, column: cellColumn, quoted: true))
                i = j + 1
                if i < n, bytes[i] != delimiter, bytes[i] != Self.newline {
                    diagnostics.error("text after the closing quote of a cell; put the whole cell in quotes, writing a quote inside it twice (\"\")",
                                      at: SourceLocation(file: file, line: line, column: column(i)))
                    return false
                }
            } else {
                var j = i
                while j < n, bytes[j] != delimiter, bytes[j] != Self.newline {
                    if bytes[j] == Self.quote {
                        diagnostics.error("a quote inside a cell that does not start with one; put the whole cell in quotes and write the quote twice (\"\")",
                                          at: SourceLocation(file: file, line: line, column: column(j)))
                        return false
                    }
                    j += 1
                }
                row.append(Cell(text: string(i, j), line: cellLine, column: cellColumn, quoted: false))
                i = j
            }
            // Now at a delimiter, a line end or the end of the text.
            if i < n, bytes[i] == delimiter {
                i += 1
                if i == n || bytes[i] == Self.newline {
                    row.append(Cell(text: "", line: line, column: column(i), quoted: false))
                } else {
                    continue
                }
            }
            if !(row.count == 1 && row[0].text.isEmpty && !row[0].quoted) { body(row) }
            row.removeAll(keepingCapacity: true)
            if i < n {
                i += 1
                line += 1
                lineStart = i
            }
        }
        return true
    }
}
