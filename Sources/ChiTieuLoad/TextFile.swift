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
        // The size is asked first, so an oversized file is refused without being read into memory.
        // lstat(2), as FileManager's attributesOfItem asks, without the extended attributes
        // (listxattr), the URL and the dictionary it builds (about 4 % of `check`'s time over
        // many small files).
        var info = stat()
        let asked = lstat(file, &info) == 0
        // Only a regular file's size is its length (a pipe says 0 and still has text).
        let regular = asked && (info.st_mode & S_IFMT) == S_IFREG
        let size = regular ? Int64(info.st_size) : nil
        func tooLarge(_ bytes: Int64) -> Bool {
            guard bytes > Int64(maximumBytes) else { return false }
            diagnostics.error("the file is \(bytes) bytes; data files are limited to \(maximumBytes) bytes: split it by body and term", at: start)
            return true
        }
        if let size, tooLarge(size) { return nil }
        // An empty file is not handed to Foundation's reader, which leaks its buffer for one (found by fuzzing).
        guard let data = size == 0 && FileManager.default.isReadableFile(atPath: file) ? Data() : FileManager.default.contents(atPath: file) else {
            diagnostics.error("cannot read the file; check that it exists and is readable", at: start)
            return nil
        }
        // A pipe has no size to ask: it is measured once read.
        if tooLarge(Int64(data.count)) { return nil }
        if let (encoding, name) = utf16Encoding(data) {
            guard let text = String(data: data, encoding: encoding) else {
                diagnostics.error("the file looks like \(name) but is not valid \(name); save it as UTF-8", at: start)
                return nil
            }
            diagnostics.warning("the file is \(name); it was read converted to UTF-8 (save it as UTF-8 to silence this)", at: start)
            return normalised(text)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            diagnostics.error(notUTF8Message(data), at: invalidByteLocation(data, file: file))
            return nil
        }
        return normalised(text)
    }

    /// UTF-16 by its byte-order mark, or (without one) by the zero bytes ASCII leaves in every
    /// other place, as editors on Windows save "Unicode" text.
    static func utf16Encoding(_ data: Data) -> (String.Encoding, String)? {
        let bytes = [UInt8](data.prefix(512))
        if bytes.count >= 2 {
            if bytes[0] == 0xFF, bytes[1] == 0xFE { return (.utf16, "UTF-16 (little-endian, with a byte-order mark)") }
            if bytes[0] == 0xFE, bytes[1] == 0xFF { return (.utf16, "UTF-16 (big-endian, with a byte-order mark)") }
        }
        guard bytes.count >= 8, bytes.count % 2 == 0 else { return nil }
        let evenZeros = stride(from: 0, to: bytes.count, by: 2).filter { bytes[$0] == 0 }.count
        let oddZeros = stride(from: 1, to: bytes.count, by: 2).filter { bytes[$0] == 0 }.count
        let half = bytes.count / 2
        if oddZeros * 10 >= half * 9, evenZeros == 0 { return (.utf16LittleEndian, "UTF-16 (little-endian)") }
        if evenZeros * 10 >= half * 9, oddZeros == 0 { return (.utf16BigEndian, "UTF-16 (big-endian)") }
        return nil
    }

    /// Names the legacy Vietnamese encoding the bytes are most likely in. Nothing is converted:
    /// a wrong guess would change letters silently, so the office is told what to save instead.
    static func notUTF8Message(_ data: Data) -> String {
        // Windows-1258 writes tones as combining bytes (0xCC grave, 0xEC acute, 0xD2 hook, 0xDE tilde,
        // 0xF2 dot below) and đ ư ơ Đ Ư Ơ as 0xF0 0xFD 0xF5 0xD0 0xDD 0xD5. TCVN3 (ABC) puts ă â ê ô ơ ư đ
        // at 0xA8–0xAE and every toned vowel at 0xB5–0xFE, never combining marks.
        var windows = 0, tcvn = 0
        for b in data {
            switch b {
            case 0xCC, 0xEC, 0xD2, 0xDE, 0xF2, 0xF0, 0xFD, 0xF5, 0xD0, 0xDD, 0xD5: windows += 1
            case 0xA1...0xAE: tcvn += 1
            default: break
            }
        }
        let advice = "open it in an editor (Notepad, LibreOffice, Unikey's converter) and save it as UTF-8; chitieu does not guess legacy encodings, since a wrong guess changes letters"
        if windows > 0 || tcvn > 0 {
            let name = windows >= tcvn ? "Windows-1258 (CP1258)" : "TCVN3 (ABC, TCVN 5712)"
            return "the file is not UTF-8; it looks like \(name), a legacy Vietnamese encoding: \(advice)"
        }
        return "the file is not UTF-8 text: \(advice)"
    }

    /// The line and column of the first byte that is not UTF-8, for the editor to jump to.
    static func invalidByteLocation(_ data: Data, file: String) -> SourceLocation {
        var line = 1, column = 1, i = data.startIndex
        while i < data.endIndex {
            let b = data[i]
            let length: Int
            switch b {
            case 0..<0x80: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return SourceLocation(file: file, line: line, column: column)
            }
            guard data.endIndex - i >= length,
                  data[(i + 1)..<(i + length)].allSatisfy({ (0x80...0xBF).contains($0) }),
                  let _ = String(data: data[i..<(i + length)], encoding: .utf8)
            else { return SourceLocation(file: file, line: line, column: column) }
            if b == 10 { line += 1; column = 1 } else { column += 1 }
            i += length
        }
        return SourceLocation(file: file, line: line, column: column)
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
