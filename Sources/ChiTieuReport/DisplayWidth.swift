/// Widths of text as a terminal or a monospaced page shows it, so that tables align by what
/// the eye sees, not by `count`: combining marks take no column, wide East Asian characters two.
public enum DisplayWidth {
    /// The number of columns a string occupies.
    public static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + width(of: $1) }
    }

    static func width(of s: Unicode.Scalar) -> Int {
        // Fast paths for what Vietnamese text is made of; the Unicode tables only for the rest.
        switch s.value {
        case 0x20..<0x7F, 0xA0..<0x300, 0x1E00..<0x1F00: return 1
        case 0x300..<0x370: return 0
        default: break
        }
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        if s.properties.isEmojiPresentation { return 2 }
        switch s.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    /// Pads with spaces on the right (or left) up to `width` columns.
    public static func pad(_ text: String, to width: Int, right: Bool = false) -> String {
        let gap = max(0, width - of(text))
        let spaces = String(repeating: " ", count: gap)
        return right ? spaces + text : text + spaces
    }

    /// The number of lines `wrap` breaks a text into, without building them: row heights of a
    /// large workbook are sized this way, cell by cell. Text of other than plain Latin and
    /// precomposed Vietnamese letters, or with a word to cut, is counted by `wrap` itself.
    public static func lineCount(_ text: String, width: Int) -> Int {
        guard width > 0 else { return 1 }
        var bytes = text
        // One pass over the UTF-8 bytes (a workbook sizes tens of thousands of rows this way);
        // nil where `wrap` must count: a scalar that is not a character of its own, or a word to cut.
        let counted = bytes.withUTF8 { countLines($0, width: width) }
        return counted ?? wrap(text, width: width).count
    }

    /// `lineCount` for text made only of standalone scalars, decoding UTF-8 by hand; nil for
    /// anything else. Where every scalar is a character of its own, splitting at the space
    /// scalar and summing scalar widths is what `wrap` does character by character.
    private static func countLines(_ bytes: UnsafeBufferPointer<UInt8>, width: Int) -> Int? {
        var lines = 0
        var currentWidth = 0
        var currentEmpty = true
        var cut = false
        func place(_ wordWidth: Int) {
            if currentWidth > 0, currentWidth + 1 + wordWidth <= width {
                currentWidth += 1 + wordWidth
                return
            }
            if currentWidth == 0, wordWidth <= width {
                currentWidth = wordWidth
                currentEmpty = false
                return
            }
            if !currentEmpty { lines += 1 }
            if wordWidth > width { cut = true }
            currentWidth = wordWidth
            currentEmpty = false
        }
        // A word is known whole only at the next token: one starting with "%" joins it.
        var pending = -1
        var token = 0
        var inToken = false
        var startsWithPercent = false
        func endToken() {
            guard inToken else { return }
            if startsWithPercent, pending >= 0 {
                pending = pending + 1 + token
            } else {
                if pending >= 0 { place(pending) }
                pending = token
            }
            inToken = false
            token = 0
        }
        var i = 0
        let n = bytes.count
        while i < n {
            // Swift strings are valid UTF-8: the lead byte says how many bytes follow.
            let b = bytes[i]
            let v: UInt32
            if b < 0x80 {
                v = UInt32(b); i += 1
            } else if b < 0xE0 {
                v = UInt32(b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F); i += 2
            } else if b < 0xF0 {
                v = UInt32(b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F); i += 3
            } else {
                return nil    // beyond the Basic Multilingual Plane: never standalone here
            }
            guard isStandalone(v) else { return nil }
            if v == 0x20 { endToken(); continue }
            if !inToken { inToken = true; startsWithPercent = v == 0x25 }
            if (0x21..<0x7F).contains(v) || (0xA0..<0x300).contains(v) || (0x1E00..<0x1F00).contains(v) {
                token += 1
            } else if let s = Unicode.Scalar(v) {
                token += DisplayWidth.width(of: s)
            }
        }
        endToken()
        if pending >= 0 { place(pending) }
        if cut { return nil }
        if !currentEmpty || lines == 0 { lines += 1 }
        return lines
    }

    /// Whether a scalar is always a character (grapheme cluster) of its own, whatever stands
    /// beside it, in a text made only of such scalars: printable Latin and its extensions,
    /// Vietnamese's precomposed letters, dashes, quotes and other punctuation, arrows and
    /// mathematical signs (≥, ×). None of them is a combining mark, a joiner, CR or LF.
    static func isStandalone(_ v: UInt32) -> Bool {
        (0x20..<0x300).contains(v) || (0x1E00..<0x1F00).contains(v) || (0x2010..<0x2028).contains(v)
            || (0x2030..<0x205F).contains(v) || (0x2190..<0x2300).contains(v)
    }

    /// Breaks text into lines of at most `width` columns, at spaces where possible; a word
    /// longer than a line is cut.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [text] }
        var lines: [String] = []
        var current = ""
        var currentWidth = 0
        // "1,2 %" is one figure: a line never starts with its percent sign.
        var words: [String] = []
        for token in text.split(separator: " ", omittingEmptySubsequences: true) {
            if token.hasPrefix("%"), let last = words.popLast() { words.append(last + " " + token) } else { words.append(String(token)) }
        }
        for word in words {
            var word = word
            var wordWidth = of(word)
            if currentWidth > 0, currentWidth + 1 + wordWidth <= width {
                current += " " + word
                currentWidth += 1 + wordWidth
                continue
            }
            if currentWidth == 0, wordWidth <= width {
                current = word
                currentWidth = wordWidth
                continue
            }
            if !current.isEmpty { lines.append(current) }
            // A word longer than a line is cut.
            while wordWidth > width {
                var head = ""
                var headWidth = 0
                for ch in word {
                    let w = ch.unicodeScalars.reduce(0) { $0 + DisplayWidth.width(of: $1) }
                    if headWidth + w > width { break }
                    head.append(ch)
                    headWidth += w
                }
                if head.isEmpty { break }
                lines.append(head)
                word.removeFirst(head.count)
                wordWidth -= headWidth
            }
            current = word
            currentWidth = wordWidth
        }
        if !current.isEmpty || lines.isEmpty { lines.append(current) }
        return lines
    }
}
