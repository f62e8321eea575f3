import ChiTieuCore
import Foundation

/// Reads a data file's text the way every reader needs it: bounded in size, UTF-8, no byte-order
/// mark, LF line ends, NFC, with a positioned finding when any of that fails.
enum TextFile {
    /// Data files past this size are refused: one file per body and term never comes near it.
    static let maximumBytes = 64 * 1024 * 1024

    /// The normalised text, or nil with a finding in `diagnostics`.
    static func read(_ file: String, into diagnostics: inout Diagnostics, maximumBytes: Int = maximumBytes) -> String? {
        let start = SourceLocation(file: file, line: 1, column: 1)
        guard let data = FileManager.default.contents(atPath: file) else {
            diagnostics.error("cannot read the file; check that it exists and is readable", at: start)
            return nil
        }
        guard data.count <= maximumBytes else {
            diagnostics.error("the file is \(data.count) bytes; data files are limited to \(maximumBytes) bytes: split it by body and term", at: start)
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            diagnostics.error("the file is not UTF-8 text; save it as UTF-8", at: start)
            return nil
        }
        return normalised(text)
    }

    /// Text as the loaders read it: no byte-order mark, LF line ends, NFC.
    static func normalised(_ raw: String) -> String {
        var text = raw
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        if text.utf8.contains(13) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return isSurelyNFC(text) ? text : text.precomposedStringWithCanonicalMapping
    }

    /// True when every scalar is below U+0300 or among the precomposed Latin letters U+1E00–U+1EFF
    /// (all of Vietnamese written precomposed): no such scalar decomposes or combines with its
    /// neighbour, so the text is already NFC and the costly normalisation can be skipped.
    /// Combining marks (U+0300…), other scripts and anything else take the full path.
    static func isSurelyNFC(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.value < 0x300 || (0x1E00...0x1EFF).contains($0.value) }
    }

    /// Whether a value is only whitespace (including non-breaking spaces), without Foundation's trimming.
    static func isBlank(_ s: String) -> Bool {
        // Most values start with a visible ASCII character: no Unicode table needed to say so.
        if let first = s.utf8.first, first > 0x20, first < 0x7F { return false }
        return s.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
    }
}
