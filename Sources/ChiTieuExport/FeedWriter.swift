import ChiTieuCore
import Foundation

/// Writes the feed as CSV or JSON, streamed row by row to a temporary file that is renamed only
/// when complete, so memory does not grow with the rows written and a failure leaves any earlier
/// file intact.
public enum FeedWriter {
    /// Hands assessments to a writer, one at a time; throwing from it abandons the file.
    public typealias Producer = ((Assessment) throws -> Void) throws -> Void

    /// RFC 4180 CSV, UTF-8, CRLF line ends, the header first.
    public static func csv(_ assessments: [Assessment], to path: String) throws {
        try csv(to: path) { write in try assessments.forEach(write) }
    }

    /// The CSV of assessments as `produce` hands them over, none kept after its rows are written.
    public static func csv(to path: String, _ produce: Producer) throws {
        let isText = Feed.columns.map { !FeedSchema.numericColumns.contains($0) }
        try stream(to: path) { out in
            try out.write(Feed.columns.joined(separator: ",") + "\r\n")
            try produce { a in
                for row in Feed.rows(a) {
                    for (i, cell) in Feed.cells(row).enumerated() {
                        if i > 0 { out.append(UInt8(ascii: ",")) }
                        out.appendField(isText[i] ? FormulaGuard.guarded(cell) : cell)
                    }
                    try out.write("\r\n")
                }
            }
        }
    }

    /// `{"schema": "chitieu-feed/1", "columns": [...], "rows": [{...}, ...]}`, one row per line,
    /// each row's keys the CSV's columns in the same order (without `feed_version`).
    public static func json(_ assessments: [Assessment], to path: String) throws {
        try json(to: path) { write in try assessments.forEach(write) }
    }

    /// The JSON of assessments as `produce` hands them over, none kept after its rows are written.
    public static func json(to path: String, _ produce: Producer) throws {
        let keys = Feed.columns.dropFirst().map(jsonString)
        try stream(to: path) { out in
            try out.write("{\"schema\":\"chitieu-feed/\(Feed.version)\",\"columns\":[" + Feed.columns.map(jsonString).joined(separator: ",") + "],\"rows\":[\n")
            var first = true
            try produce { a in
                for row in Feed.rows(a) {
                    try out.write(first ? "{" : ",\n{")
                    for (i, (key, value)) in zip(keys, Feed.cells(row).dropFirst()).enumerated() {
                        if i > 0 { out.append(44) }
                        out.buffer += key.utf8
                        out.append(58)
                        appendJSON(value, to: &out.buffer)
                    }
                    out.append(125)
                    first = false
                }
            }
            try out.write("\n]}\n")
        }
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped (RFC 8259).
    static func jsonString(_ s: String) -> String {
        var bytes: [UInt8] = []
        appendJSON(s, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends a JSON string literal byte by byte; UTF-8 beyond ASCII passes through as it is.
    static func appendJSON(_ s: String, to bytes: inout [UInt8]) {
        bytes.append(34)
        for b in s.utf8 {
            switch b {
            case 34: bytes += [92, 34] // \"
            case 92: bytes += [92, 92] // \\
            case 10: bytes += [92, 110] // \n
            case 13: bytes += [92, 114] // \r
            case 9: bytes += [92, 116] // \t
            case 0..<32:
                let hex = Array("0123456789abcdef".utf8)
                bytes += [92, 117, 48, 48, hex[Int(b >> 4)], hex[Int(b & 15)]] // \u00XX
            default: bytes.append(b)
            }
        }
        bytes.append(34)
    }

    /// A buffered output file.
    final class Output {
        let handle: FileHandle
        // An array, not Data: appending a string's UTF-8 to an array is a plain copy.
        var buffer: [UInt8] = []
        init(_ handle: FileHandle) { self.handle = handle }
        func write(_ s: String) throws {
            buffer.append(contentsOf: s.utf8)
            if buffer.count >= 1 << 16 { try flush() }
        }
        func append(_ byte: UInt8) { buffer.append(byte) }
        /// A CSV field straight into the buffer, quoted only when it must be.
        func appendField(_ s: String) {
            let needsQuotes = s.utf8.contains { (b: UInt8) -> Bool in b == 44 || b == 34 || b == 10 || b == 13 } // , " LF CR
            guard needsQuotes else { buffer.append(contentsOf: s.utf8); return }
            buffer.append(UInt8(ascii: "\""))
            for b in s.utf8 {
                if b == UInt8(ascii: "\"") { buffer.append(b) }
                buffer.append(b)
            }
            buffer.append(UInt8(ascii: "\""))
        }
        func flush() throws {
            try buffer.withUnsafeBytes { try handle.write(contentsOf: Data($0)) }
            buffer.removeAll(keepingCapacity: true)
        }
    }

    /// Writes through a temporary file beside `path` (see `AtomicFile`), renamed over it once
    /// everything is written and flushed.
    static func stream(to path: String, _ body: (Output) throws -> Void) throws {
        try AtomicFile.replace(path) { temporary in
            guard FileManager.default.createFile(atPath: temporary, contents: nil),
                  let handle = FileHandle(forWritingAtPath: temporary) else {
                throw AtomicFile.WriteError(path: path, reason: "cannot create a file in \(PathText.folder(of: temporary)) (\(AtomicFile.systemError()))")
            }
            defer { try? handle.close() }
            let out = Output(handle)
            try body(out)
            try out.flush()
            try handle.synchronize()
        }
    }
}
