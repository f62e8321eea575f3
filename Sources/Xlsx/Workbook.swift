import CXlsxWriter
import Foundation

/// An error from libxlsxwriter or from a limit of the file format, naming what failed.
public struct XlsxError: Error, CustomStringConvertible, Equatable {
    /// The C function that failed, or the check that refused the input.
    public var function: String
    /// What went wrong, in words.
    public var message: String

    /// Creates an error.
    public init(_ function: String, _ message: String) {
        self.function = function
        self.message = message
    }

    public var description: String { "\(function): \(message)" }
}

/// Turns an `lxw_error` into a thrown Swift error naming the C function.
/// The name is an autoclosure: it is built only when the call failed, not on every cell.
@inline(__always)
func check(_ result: lxw_error, _ function: @autoclosure () -> String = #function) throws {
    guard result != LXW_NO_ERROR else { return }
    throw XlsxError(function(), String(cString: lxw_strerror(result)))
}

/// Document properties written into `docProps/core.xml`.
public struct DocumentProperties: Sendable {
    /// Title.
    public var title: String
    /// Subject.
    public var subject: String
    /// Author.
    public var author: String
    /// Keywords.
    public var keywords: String
    /// Creation time, seconds since 1970 UTC: taken from the data so that the same input gives the same bytes.
    public var created: Int

    /// Creates properties.
    public init(title: String, subject: String, author: String, keywords: String, created: Int) {
        self.title = title
        self.subject = subject
        self.author = author
        self.keywords = keywords
        self.created = created
    }
}

/// An `.xlsx` workbook being written. The only owner of the `lxw_workbook` pointer and of the
/// sheets, formats and charts that live inside it; `close()` writes the file and frees them.
/// Create, fill and close it inside one function: it is not meant to cross threads. A large
/// workbook's library calls are made on a writer thread of its own (`WritePipeline`), in the order
/// they are asked for.
public final class Workbook {
    private var handle: UnsafeMutablePointer<lxw_workbook>?
    /// The writer thread and its queue.
    let pipeline: WritePipeline
    /// Formats made so far, by style. Looked up for every cell: measured with callgrind on a
    /// large workbook, hashing a style costs less than comparing it field by field with each of
    /// the few dozen formats in turn. Formats are still made in the order styles are first seen.
    private var formats: [CellStyle: UnsafeMutablePointer<lxw_format>] = [:]
    private var sheetNames: Set<String> = []
    /// C strings handed to libxlsxwriter that it does not copy; freed after closing.
    private var retained: [UnsafeMutablePointer<CChar>] = []
    /// The path being written.
    public let path: String
    /// Whether rows are flushed as the next begins: a cell above the row being written is then
    /// lost, so blocks that write ahead (merged cells) are not made.
    public let constantMemory: Bool

    /// Excel's limits, checked before libxlsxwriter sees the data.
    public static let maximumRows = 1_048_576
    /// Excel's limit of characters in one cell.
    public static let maximumCellCharacters = 32_767

    /// Starts a workbook at `path`. The corresponding C function is `workbook_new_opt`.
    /// - Parameters:
    ///   - constantMemory: Flush each row when the next begins, so memory does not grow with the
    ///     rows; rows must then be written in order.
    ///   - writerThread: Make the library's calls on a thread of their own, or each at once on the
    ///     caller's; the file's bytes are the same either way. By default only in constant-memory
    ///     mode: there the library turns each finished row into XML as the next is written, work
    ///     the thread takes off the caller's; otherwise the cells are only filed in memory and the
    ///     heavy work is all in `close`, so a thread would cost more than it saves (measured: 400
    ///     small workbooks, one per body, were slower with it).
    public init(path: String, constantMemory: Bool = false, writerThread: Bool? = nil) throws {
        self.path = path
        pipeline = WritePipeline(threaded: writerThread ?? constantMemory)
        self.constantMemory = constantMemory
        var options = lxw_workbook_options()
        options.constant_memory = constantMemory ? 1 : 0
        guard let h = workbook_new_opt(path, &options) else {
            throw XlsxError("workbook_new_opt", "could not start a workbook at \(path)")
        }
        handle = h
    }

    deinit {
        // A workbook abandoned after an error still owns C memory; closing frees it (the caller
        // writes to a temporary path and removes it).
        pipeline.stop()
        if let handle { _ = workbook_close(handle) }
        for p in retained { free(p) }
    }

    func live(_ function: String = #function) throws -> UnsafeMutablePointer<lxw_workbook> {
        guard let handle else { throw XlsxError(function, "the workbook is already closed") }
        return handle
    }

    /// Makes a name Excel accepts for a sheet: at most 31 characters, none of `[]:*?/\`, no
    /// leading or trailing apostrophe, and unique in this workbook (a suffix " (2)" is added).
    public func sanitizedSheetName(_ wanted: String) -> String {
        Self.sanitizedSheetName(wanted, taken: sheetNames)
    }

    /// The sanitising rule, for names checked before a workbook exists.
    public static func sanitizedSheetName(_ wanted: String, taken: Set<String>) -> String {
        let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
        var base = String(wanted.precomposedStringWithCanonicalMapping.map { forbidden.contains($0) ? "-" : $0 })
        base = base.trimmingCharacters(in: CharacterSet(charactersIn: "'").union(.whitespaces))
        if base.isEmpty { base = "Sheet" }
        func clipped(_ s: String, _ room: Int) -> String { String(s.prefix(room)) }
        var name = clipped(base, 31)
        var n = 2
        let lowered = Set(taken.map { $0.lowercased() })
        while lowered.contains(name.lowercased()) {
            let suffix = " (\(n))"
            name = clipped(base, 31 - suffix.count) + suffix
            n += 1
        }
        return name
    }

    /// Adds a worksheet. The corresponding C function is `workbook_add_worksheet`.
    /// - Throws: if the name is not one Excel accepts (see `sanitizedSheetName`).
    public func addWorksheet(_ name: String) throws -> Worksheet {
        let h = try live()
        try pipeline.drain()
        try check(workbook_validate_sheet_name(h, name), "workbook_validate_sheet_name(\(name))")
        guard let sheet = workbook_add_worksheet(h, name) else {
            throw XlsxError("workbook_add_worksheet", "could not add sheet '\(name)'")
        }
        sheetNames.insert(name)
        return Worksheet(sheet, name: name, workbook: self)
    }

    /// The format for a style, created once per workbook. The corresponding C function is `workbook_add_format`.
    func format(_ style: CellStyle?) throws -> UnsafeMutablePointer<lxw_format>? {
        guard let style else { return nil }
        // A row's cells take a handful of styles in turn: comparing with those is cheaper than
        // hashing the style (its font name and number format byte by byte) for every cell.
        for i in recent.indices where recent[i].style == style { return recent[i].format }
        let f: UnsafeMutablePointer<lxw_format>
        if let known = formats[style] {
            f = known
        } else {
            // A new format is made here, not queued: the writer must be idle while the library's
            // lists of formats change.
            try pipeline.drain()
            guard let made = workbook_add_format(try live()) else { throw XlsxError("workbook_add_format", "out of memory") }
            style.apply(to: made)
            formats[style] = made
            f = made
        }
        if recent.count < Self.recentStyles { recent.append((style, f)) } else { recent[nextRecent] = (style, f) }
        nextRecent = (nextRecent + 1) % Self.recentStyles
        return f
    }

    /// How many styles `format` remembers before hashing (about a row's worth of columns).
    private static let recentStyles = 8
    /// The styles met last, with their formats, replaced in turn.
    private var recent: [(style: CellStyle, format: UnsafeMutablePointer<lxw_format>)] = []
    private var nextRecent = 0

    /// Adds a chart, to be inserted into a sheet. The corresponding C function is `workbook_add_chart`.
    public func addChart(_ kind: Chart.Kind) throws -> Chart {
        try pipeline.drain()
        guard let chart = workbook_add_chart(try live(), kind.raw) else {
            throw XlsxError("workbook_add_chart", "could not add a chart")
        }
        return Chart(chart, workbook: self)
    }

    /// Sets the document properties. The corresponding C function is `workbook_set_properties`.
    public func setProperties(_ p: DocumentProperties) throws {
        var props = lxw_doc_properties()
        props.title = retain(p.title)
        props.subject = retain(p.subject)
        props.author = retain(p.author)
        props.keywords = retain(p.keywords)
        props.created = time_t(p.created)
        try pipeline.drain()
        try check(workbook_set_properties(try live(), &props))
    }

    /// Keeps a C copy of a string alive until the workbook is closed.
    func retain(_ s: String) -> UnsafeMutablePointer<CChar>? {
        guard let p = strdup(s) else { return nil }
        retained.append(p)
        return p
    }

    /// Writes the file and frees everything. The corresponding C function is `workbook_close`.
    /// - Throws: the library's error (e.g. the folder cannot be written); the workbook is freed either way.
    public func close() throws {
        let h = try live()
        // The queued calls are made (or, after an error, skipped) and the writer ends before the
        // file is written; the workbook is freed whether they failed or not.
        let queued = Result { try pipeline.drain() }
        pipeline.stop()
        handle = nil
        errno = 0
        let result = workbook_close(h)
        try queued.get()
        guard result == LXW_NO_ERROR else {
            // The library's own words name only the zip step; the system's say why (disk full, too large).
            let system = errno != 0 ? " (\(String(cString: strerror(errno))))" : ""
            throw XlsxError("workbook_close(\(path))", String(cString: lxw_strerror(result)) + system)
        }
    }
}
