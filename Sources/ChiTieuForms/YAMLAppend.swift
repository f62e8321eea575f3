/// Adds entries to a top-level block of a data file as text, so that the file keeps its
/// comments, order and layout: a clerk's hand-written file stays theirs, with lines added at the
/// end of `outcomes:` (or `facts:`, `sources:`).
enum YAMLAppend {
    /// A block that cannot take lines: written inline with entries (`outcomes: [ … ]`).
    struct InlineBlock: Error, CustomStringConvertible {
        var key: String
        var description: String { "'\(key):' đang viết gọn trên một dòng ([…] hoặc {…}); viết thành khối, mỗi mục một dòng bắt đầu bằng '- ', rồi nhập lại" }
    }

    /// `text` with `entries` (each one line, without indentation: `- { … }` or `id: { … }`) at the
    /// end of the top-level block `key`, which is created at the end of the file if missing.
    static func append(_ entries: [String], under key: String, in text: String) throws -> String {
        guard !entries.isEmpty else { return text }
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        guard let start = lines.firstIndex(where: { $0.hasPrefix(key + ":") }) else {
            return (lines + [key + ":"] + entries.map { "  " + $0 }).joined(separator: "\n") + "\n"
        }
        let rest = lines[start].dropFirst(key.count + 1).trimmingCharacters(in: .whitespaces)
        if rest == "[]" || rest == "{}" {
            lines[start] = key + ":"
        } else if !rest.isEmpty, !rest.hasPrefix("#") {
            throw InlineBlock(key: key)
        }
        // The block runs while lines are indented, blank, comments, or sequence items at column 0.
        var last = start
        var indent: String?
        var i = start + 1
        while i < lines.count {
            let line = lines[i]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { i += 1; continue }
            guard line.hasPrefix(" ") || line.hasPrefix("-") else { break }
            if indent == nil { indent = String(line.prefix { $0 == " " }) }
            last = i
            i += 1
        }
        // Entries take the indentation of the block's first; a mapping's keys need at least one space.
        var pad = indent ?? "  "
        if pad.isEmpty, !(entries.first?.hasPrefix("-") ?? false) { pad = "  " }
        lines.insert(contentsOf: entries.map { pad + $0 }, at: last + 1)
        return lines.joined(separator: "\n") + "\n"
    }

    /// A YAML double-quoted scalar.
    static func quoted(_ s: String) -> String {
        var out = "\""
        for ch in s.unicodeScalars {
            switch ch {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if ch.value < 0x20 { out += " " } else { out.unicodeScalars.append(ch) }
            }
        }
        return out + "\""
    }
}
