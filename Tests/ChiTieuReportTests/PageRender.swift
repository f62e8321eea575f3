import Foundation
import XCTest
import ZIPFoundation

/// Prints documents as an office would and reads the pages back: LibreOffice converts an .xlsx
/// or a .docx to PDF (`soffice --headless --convert-to pdf`), poppler reads the PDF (`pdfinfo` for
/// the page count, `pdftotext -layout` for each page's text, `pdftotext -bbox` for the box of
/// every word, from which its printed size follows).
///
/// Each value has its own scratch folder and its own LibreOffice profile, so tests that run at the
/// same time (or other engineers' runs) do not wait on one profile's lock.
struct PageRender {
    /// A word as printed: its page (1-based), where it stands (points from the top left) and how
    /// high poppler's box around it is.
    struct Word: CustomStringConvertible {
        var text: String
        var page: Int
        var left: Double
        var top: Double
        var right: Double
        var boxHeight: Double

        /// The font size the word is printed at, in points: its font size times the print scale.
        var printedSize: Double { boxHeight / PageRender.boxHeightPerPoint }

        var description: String { "'\(text)' (page \(page), \(String(format: "%.1f", printedSize)) pt)" }
    }

    /// Height of poppler's word box per point of printed font size in LibreOffice's PDFs.
    /// poppler makes the box span the font's declared ascent and descent; LibreOffice's embedded
    /// subsets give 1,30 for DejaVu Sans (Calc's stand-in for Calibri), Liberation Serif (for Times
    /// New Roman) and Liberation Sans alike. `PageRenderTests` measures it on 10 pt and 14 pt cells.
    static let boxHeightPerPoint = 1.3

    /// The scratch folder: PDFs, images and the LibreOffice profile.
    let dir: String

    init() throws {
        dir = NSTemporaryDirectory() + "chitieu-pages-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: dir + "/pdf", withIntermediateDirectories: true)
    }

    /// Removes the scratch folder, unless CHITIEU_KEEP_PAGES=1 asks to keep the PDFs to look at.
    func remove() {
        guard ProcessInfo.processInfo.environment["CHITIEU_KEEP_PAGES"] != "1" else { return }
        try? FileManager.default.removeItem(atPath: dir)
    }

    /// Skips the test when LibreOffice or poppler is missing, or fails it under `make test`
    /// (CHITIEU_REQUIRE_TOOLS=1), which installs both.
    static func requireTools() throws {
        try WorkbookFixture.requireLibreOffice()
        let path = ProcessInfo.processInfo.environment["PATH", default: ""].split(separator: ":")
        for tool in ["pdftotext", "pdfinfo", "pdftoppm"] where !path.contains(where: { FileManager.default.isExecutableFile(atPath: $0 + "/" + tool) }) {
            if ProcessInfo.processInfo.environment["CHITIEU_REQUIRE_TOOLS"] == "1" {
                XCTFail("\(tool) is not installed; `make test` installs poppler-utils")
            }
            throw XCTSkip("poppler (\(tool)) is not installed; run `make test` to install it")
        }
    }

    // MARK: Printing

    /// Prints documents (.xlsx, .docx) to PDF in one LibreOffice run, as its print settings say
    /// (paper, orientation, scale, print areas, repeated rows, header and footer).
    /// - Returns: the PDF of each document, in order.
    func pdfs(_ documents: [String]) throws -> [String] {
        guard !documents.isEmpty else { return [] }
        // LibreOffice names each PDF after its document: two of one name would print one over the other.
        let stems = documents.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent }
        if let twice = Dictionary(grouping: stems, by: { $0 }).first(where: { $1.count > 1 })?.key {
            throw RenderError("two documents are named '\(twice)': print them in separate runs or copy one under another name")
        }
        let profile = URL(fileURLWithPath: dir + "/profile").absoluteString
        let (status, output) = try Self.run(
            "soffice", ["-env:UserInstallation=" + profile, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", dir + "/pdf"] + documents,
            environment: ["HOME": dir], timeout: 600)
        let pdfs = stems.map { dir + "/pdf/" + $0 + ".pdf" }
        for pdf in pdfs where !FileManager.default.fileExists(atPath: pdf) {
            throw RenderError("LibreOffice wrote no \(pdf) (exit \(status)): \(output)")
        }
        return pdfs
    }

    /// Prints one document to PDF.
    func pdf(_ document: String) throws -> String {
        try pdfs([document])[0]
    }

    /// A copy of `workbook` in which only `sheet` is visible, named `<workbook>-<tag>.xlsx` in the
    /// scratch folder: LibreOffice prints no hidden sheet, so its PDF holds that sheet's pages alone
    /// (page numbers in the footer count that sheet's pages only).
    func onlySheet(_ sheet: String, of workbook: String, tag: String) throws -> String {
        let copy = dir + "/" + URL(fileURLWithPath: workbook).deletingPathExtension().lastPathComponent + "-" + tag + ".xlsx"
        try? FileManager.default.removeItem(atPath: copy)
        try FileManager.default.copyItem(atPath: workbook, toPath: copy)
        let archive = try Archive(url: URL(fileURLWithPath: copy), accessMode: .update)
        guard let entry = archive["xl/workbook.xml"] else { throw RenderError("\(workbook) has no xl/workbook.xml") }
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        let xml = try Self.showingOnly(sheet, String(decoding: data, as: UTF8.self))
        try archive.remove(entry)
        let bytes = Data(xml.utf8)
        try archive.addEntry(with: "xl/workbook.xml", type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) { position, size in
            bytes.subdata(in: Int(position)..<Int(position) + size)
        }
        return copy
    }

    /// Prints each named sheet of each workbook alone.
    /// - Returns: for each workbook, the PDF of each sheet, keyed by sheet name.
    func sheetPDFs(_ workbooks: [String], sheets: [String]) throws -> [[String: String]] {
        var copies: [(Int, String, String)] = []
        for (i, w) in workbooks.enumerated() {
            for (k, s) in sheets.enumerated() { copies.append((i, s, try onlySheet(s, of: w, tag: "sheet\(k)"))) }
        }
        let pdfs = try self.pdfs(copies.map(\.2))
        var result = Array(repeating: [String: String](), count: workbooks.count)
        for ((i, s, _), pdf) in zip(copies, pdfs) { result[i][s] = pdf }
        return result
    }

    /// `xl/workbook.xml` with every sheet but `sheet` hidden, and `sheet` the one shown on opening
    /// (a hidden active sheet would be shown anyway).
    static func showingOnly(_ sheet: String, _ xml: String) throws -> String {
        let escaped = sheet.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        var parts = xml.components(separatedBy: "<sheet ")
        var index: Int?
        for k in 1..<max(1, parts.count) {
            if parts[k].hasPrefix("name=\"\(escaped)\"") || parts[k].contains(" name=\"\(escaped)\"") {
                index = k - 1
                parts[k] = parts[k].replacingOccurrences(of: "state=\"hidden\" ", with: "")
            } else if !parts[k].contains("state=") {
                parts[k] = "state=\"hidden\" " + parts[k]
            }
        }
        guard let index else { throw RenderError("no sheet '\(sheet)' in the workbook") }
        var result = parts.joined(separator: "<sheet ")
        result = result.replacingOccurrences(of: #" (activeTab|firstSheet)="\d+""#, with: "", options: .regularExpression)
        // LibreOffice prints a hidden sheet that has a print area: the other sheets lose theirs.
        result = result.replacingOccurrences(
            of: #"<definedName name="_xlnm.Print_Area" localSheetId="(?!\#(index)")\d+">[^<]*</definedName>"#, with: "", options: .regularExpression)
        return result.replacingOccurrences(of: "<workbookView ", with: "<workbookView activeTab=\"\(index)\" firstSheet=\"\(index)\" ")
    }

    // MARK: Reading the pages

    /// The number of pages (`pdfinfo`).
    static func pageCount(_ pdf: String) throws -> Int {
        let info = try tool("pdfinfo", [pdf])
        let line = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }
        guard let count = line.flatMap({ Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) }) else {
            throw RenderError("pdfinfo gave no page count for \(pdf): \(info)")
        }
        return count
    }

    /// The text of one page (1-based), laid out as printed (`pdftotext -layout`).
    static func pageText(_ pdf: String, page: Int) throws -> String {
        try tool("pdftotext", ["-f", "\(page)", "-l", "\(page)", "-layout", pdf, "-"])
    }

    /// The text of every page.
    static func pages(_ pdf: String) throws -> [String] {
        try (1...max(1, try pageCount(pdf))).map { try pageText(pdf, page: $0) }
    }

    /// The paper size in points, width × height, of the first page (`pdfinfo`): A4 landscape is
    /// 841,9 × 595,3.
    static func pageSize(_ pdf: String) throws -> (width: Double, height: Double) {
        let info = try tool("pdfinfo", [pdf])
        let line = info.split(separator: "\n").first { $0.hasPrefix("Page size:") }
        let numbers = line.map { $0.split(separator: " ").compactMap { Double(String($0)) } } ?? []
        guard numbers.count >= 2 else { throw RenderError("pdfinfo gave no page size for \(pdf): \(info)") }
        return (numbers[0], numbers[1])
    }

    /// Points per millimetre, to compare a margin with a word's position.
    static let pointsPerMillimetre = 72 / 25.4

    /// How many lines of words a page prints between two heights (points from the top): with the
    /// margins as bounds, the page's body without its header and footer. Words whose tops lie
    /// within 2 pt of each other are one line.
    static func lineCount(_ words: [Word], page: Int, from top: Double, to bottom: Double) -> Int {
        let tops = words.filter { $0.page == page && $0.top >= top && $0.top + $0.boxHeight <= bottom }.map(\.top).sorted()
        guard var last = tops.first else { return 0 }
        var count = 1
        for t in tops.dropFirst() where t - last > 2 {
            count += 1
            last = t
        }
        return count
    }

    /// The lines of a page that hold text.
    static func textLines(_ page: String) -> [Substring] {
        page.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }
    }

    /// Every printed word with its box (`pdftotext -bbox`).
    static func words(_ pdf: String) throws -> [Word] {
        let xhtml = try tool("pdftotext", ["-bbox", pdf, "-"])
        var words: [Word] = []
        var page = 0
        for line in xhtml.split(separator: "\n") {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("<page ") { page += 1; continue }
            guard trimmed.hasPrefix("<word "), let close = trimmed.range(of: ">"), let end = trimmed.range(of: "</word>", options: .backwards) else { continue }
            let head = trimmed[..<close.lowerBound]
            func attribute(_ name: String) -> Double? {
                head.components(separatedBy: " \(name)=\"").dropFirst().first?.split(separator: "\"").first.flatMap { Double(String($0)) }
            }
            guard let xMin = attribute("xMin"), let xMax = attribute("xMax"), let yMin = attribute("yMin"), let yMax = attribute("yMax") else {
                throw RenderError("unreadable word box: \(trimmed)")
            }
            let text = String(trimmed[close.upperBound..<end.lowerBound])
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
                .replacingOccurrences(of: "&amp;", with: "&")
            words.append(Word(text: text, page: page, left: xMin, top: yMin, right: xMax, boxHeight: yMax - yMin))
        }
        return words
    }

    /// The smallest printed size of any word, in points (0 for a PDF without words, so that an
    /// empty printout does not pass a minimum-size check).
    static func smallestPrintedSize(_ pdf: String) throws -> Double {
        try words(pdf).map(\.printedSize).min() ?? 0
    }

    /// The words printed smaller than `points`.
    static func words(in pdf: String, smallerThan points: Double) throws -> [Word] {
        try words(pdf).filter { $0.printedSize < points }
    }

    /// Pairs of words printed over each other: on one page, overlapping by more than 1 pt across
    /// and by more than 40 % of the lower box down (poppler's boxes of two lines of one cell
    /// overlap a little, as they span more than the line's height). Text spilling out of a row too
    /// low for it, or a header's left part running into its centre, shows up here.
    static func overlapping(_ words: [Word]) -> [(Word, Word)] {
        var pairs: [(Word, Word)] = []
        for page in Dictionary(grouping: words, by: \.page).values {
            for (i, a) in page.enumerated() {
                for b in page[(i + 1)...] {
                    let across = min(a.right, b.right) - max(a.left, b.left)
                    let down = min(a.top + a.boxHeight, b.top + b.boxHeight) - max(a.top, b.top)
                    if across > 1, down > 0.4 * min(a.boxHeight, b.boxHeight) { pairs.append((a, b)) }
                }
            }
        }
        return pairs
    }

    /// PNG images of the pages at `resolution` dpi (`pdftoppm`), for a person to look at.
    func images(_ pdf: String, resolution: Int = 60) throws -> [String] {
        let stem = dir + "/" + URL(fileURLWithPath: pdf).deletingPathExtension().lastPathComponent
        _ = try Self.tool("pdftoppm", ["-r", "\(resolution)", "-png", pdf, stem])
        let name = URL(fileURLWithPath: stem).lastPathComponent
        return try FileManager.default.contentsOfDirectory(atPath: dir)
            .filter { $0.hasPrefix(name + "-") && $0.hasSuffix(".png") }.sorted().map { dir + "/" + $0 }
    }

    // MARK: Running the tools

    /// Runs a poppler tool and returns its standard output; a failure throws with its message.
    static func tool(_ name: String, _ arguments: [String]) throws -> String {
        let (status, output) = try run(name, arguments, timeout: 120)
        guard status == 0 else { throw RenderError("\(name) \(arguments.joined(separator: " ")) failed (exit \(status)): \(output)") }
        return output
    }

    /// Runs a program found on PATH, with standard error kept apart so a warning does not land in
    /// the text read back; a run past `timeout` seconds is stopped and throws.
    static func run(_ name: String, _ arguments: [String], environment: [String: String] = [:], timeout: TimeInterval) throws -> (Int32, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [name] + arguments
        p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe()
        let err = FileHandle(forWritingAtPath: "/dev/null")
        p.standardOutput = out
        p.standardError = err
        try p.run()
        // Read on another thread: a page's text can be larger than the pipe holds, and the
        // clock must keep running while the program works.
        let collected = Collected()
        let reader = Thread {
            collected.set(out.fileHandleForReading.readDataToEndOfFile())
        }
        reader.start()
        let deadline = Date().addingTimeInterval(timeout)
        while p.isRunning {
            if Date() > deadline {
                p.terminate()
                throw RenderError("\(name) ran longer than \(Int(timeout)) s")
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: collected.wait(), as: UTF8.self))
    }

    /// The output a reader thread collects, handed over once it is complete.
    private final class Collected: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private var data = Data()
        func set(_ d: Data) { data = d; done.signal() }
        func wait() -> Data { done.wait(); return data }
    }
}

/// A rendering step that failed, with what the tool said.
struct RenderError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
