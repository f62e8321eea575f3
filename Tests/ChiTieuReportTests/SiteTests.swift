import ChiTieuCore
import ChiTieuLoad
@testable import ChiTieuReport
import Foundation
import XCTest

/// The static site's pages as text: the figures and words a reader must find, escaping of data
/// text, the same bytes on every run, accessible charts, and the palette's contrast ratios. The
/// browser's view (screenshots, sorting, the validator) is tested in `SiteBrowserTests`.
final class SiteTests: XCTestCase {
    private func ledger(_ paths: [String]) throws -> Ledger {
        let result = LedgerLoader.load(paths: paths)
        XCTAssertFalse(result.diagnostics.hasErrors, "\(result.diagnostics.items)")
        return try XCTUnwrap(result.ledger)
    }

    private var targets: String { Golden.repo.appendingPathComponent("Targets").path }

    private func page(_ site: Site, _ path: String) throws -> String {
        try XCTUnwrap(site.pages().first { $0.path == path }?.html, "no page \(path)")
    }

    /// The row of target 9 of the Lạng Sơn bloc's XIII term: 868 admitted against "trên 750".
    func testThe868RowAndTheHeadline() throws {
        let site = Site(ledger: try ledger([targets]), asOf: 2026)
        let vi = try page(site, "lang-son-khoi-cac-co-quan-2015-2020.html")
        let row = try XCTUnwrap(vi.components(separatedBy: "<tr id=\"t-9\">").dropFirst().first?.components(separatedBy: "</tr>").first)
        XCTAssertTrue(row.contains("“toàn Đảng bộ kết nạp được trên 750 đảng viên”"), row)
        XCTAssertTrue(row.contains("<td>868</td>"), row)
        // 868 ÷ 750 × 100 = 115,733… → 115,7 %; 868 − 750 = 118.
        XCTAssertTrue(row.contains("<td class=\"num\">115,7 %</td>"), row)
        XCTAssertTrue(row.contains("<td class=\"num\">+118</td>"), row)
        XCTAssertTrue(row.contains("<span class=\"v v-exceeded\">vượt</span>"), row)
        XCTAssertTrue(row.contains("dòng 46"), "the source's line is given: \(row)")
        // One of 17 targets has a figure, and it exceeded.
        XCTAssertTrue(vi.contains("<p class=\"headline\">Có 1/17 chỉ tiêu đạt và vượt (trong đó 1 chỉ tiêu vượt); 16 chỉ tiêu chưa có số liệu.</p>"))
        // The year the term was judged at, said for a reader who never runs the command.
        XCTAssertTrue(vi.contains("Đánh giá tại năm 2026 (năm được chọn): nhiệm kỳ kết thúc năm 2020, đã kết thúc."), vi)
        XCTAssertFalse(vi.contains("--as-of"), "no command-line option on a published page")
        XCTAssertTrue(vi.hasPrefix("<!DOCTYPE html>\n<html lang=\"vi\">"))
        XCTAssertTrue(vi.contains("<summary>Cách tính</summary>"))
        XCTAssertTrue(vi.contains("href=\"lang-son-khoi-cac-co-quan-2015-2020.en.html\" hreflang=\"en\" lang=\"en\""), "the language switch")
        XCTAssertTrue(vi.contains("href=\"../lang-son-khoi-cac-co-quan-2015-2020.xlsx\""), "the workbook beside the site")
        XCTAssertTrue(vi.contains("href=\"../lang-son-khoi-cac-co-quan-2015-2020.docx\""), "the Word report")
        XCTAssertTrue(vi.contains("href=\"../chitieu.csv\""), "the whole feed")
        XCTAssertFalse(vi.contains("href=\"feed/"), "no link to feed rows the site was not asked to hold")
        var withRows = site
        withRows.feedRows = true
        XCTAssertTrue(try page(withRows, "lang-son-khoi-cac-co-quan-2015-2020.html").contains("href=\"feed/lang-son-khoi-cac-co-quan-2015-2020.csv\""))
        for landmark in ["<header>", "<nav ", "<main id=\"main\">", "<footer>"] { XCTAssertTrue(vi.contains(landmark), landmark) }
        // The outcome against its target, drawn from zero with its title and description.
        XCTAssertTrue(vi.contains("<title id=\"c9-t\">Kết nạp đảng viên mới: kết quả so với chỉ tiêu</title>"), vi)
        XCTAssertTrue(vi.contains("<desc id=\"c9-d\">"))

        let en = try page(site, "lang-son-khoi-cac-co-quan-2015-2020.en.html")
        XCTAssertTrue(en.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        XCTAssertTrue(en.contains("<td class=\"num\">115.7%</td>"), "English numbers")
        XCTAssertTrue(en.contains("href=\"../lang-son-khoi-cac-co-quan-2015-2020.en.xlsx\""))
        XCTAssertTrue(en.contains("hreflang=\"vi\" lang=\"vi\">Tiếng Việt</a>"))
        XCTAssertTrue(en.contains("<span class=\"quote\" lang=\"vi\">“toàn Đảng bộ kết nạp được trên 750 đảng viên”</span>"), "a Vietnamese quote on an English page says so")

        let index = try page(site, "index.html")
        XCTAssertTrue(index.contains("Có 1/17 chỉ tiêu đạt và vượt"), "each term's headline in the index")
        XCTAssertTrue(index.contains("<h2>Tỉnh Lạng Sơn</h2>") && index.contains("<h2>Tỉnh Quảng Ninh</h2>"))
    }

    /// No figure is dropped: every outcome of every record (terms and facts) is on its page, by its quote
    /// (judged beside its target, listed among other outcomes, or with the reason it is unused).
    func testEveryFigureOfARecordIsOnItsPage() throws {
        let data = try ledger([targets])
        let site = Site(ledger: data, asOf: 2026)
        var checked = 0
        for record in data.records {
            let stem = record.bodyID.replacingOccurrences(of: "/", with: "-") + "-" + (record.term.map { "\($0.startYear)-\($0.endYear)" } ?? "so-lieu")
            let html = try page(site, stem + ".html")
            for o in record.observations {
                XCTAssertTrue(html.contains(HTML.escape("“\(o.quote)”")), "\(record.file): \(o.location.line): “\(o.quote)” is not on the page")
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 30, "the built-in terms and facts have figures to check")
    }

    /// Every page of the built-in data, twice: the same bytes, and no time or date of the run in them.
    func testSameInputSameBytes() throws {
        let data = try ledger([targets])
        let first = Site(ledger: data, asOf: 2026).pages()
        let second = Site(ledger: try ledger([targets]), asOf: 2026).pages()
        XCTAssertEqual(first.map(\.path), second.map(\.path))
        XCTAssertEqual(first.map(\.html), second.map(\.html))
        XCTAssertGreaterThan(first.count, 20)
        // Vietnamese and English for every page.
        XCTAssertEqual(first.filter { $0.path.hasSuffix(".en.html") }.count * 2, first.count)
        let today = ISO8601DateFormatter().string(from: Date()).prefix(10)
        for p in first { XCTAssertFalse(p.html.contains(today), "\(p.path) holds today's date") }
        // Written twice into a folder: the same files.
        let dir = NSTemporaryDirectory() + "chitieu-site-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let written = try Site(ledger: data, asOf: 2026).write(to: dir).pages
        let bytes = try written.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        let manifest = try Data(contentsOf: URL(fileURLWithPath: dir + "/.chitieu-site"))
        _ = try Site(ledger: data, asOf: 2026).write(to: dir)
        XCTAssertEqual(bytes, try written.map { try Data(contentsOf: URL(fileURLWithPath: $0)) })
        XCTAssertEqual(manifest, try Data(contentsOf: URL(fileURLWithPath: dir + "/.chitieu-site")), "the same manifest")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir).sorted(),
                       (written.map { PathText.lastName(of: $0) } + [".chitieu-site"]).sorted(), "the pages and the manifest; no temporary file left behind")
    }

    /// A target whose text holds markup is shown as that text: no element of it reaches the page.
    func testDataTextIsEscaped() throws {
        let fx = try WorkbookFixture()
        defer { fx.remove() }
        let catalogue = try fx.fixtureData("progress-methods.yaml")
        let dir = (catalogue as NSString).deletingLastPathComponent
        try FileManager.default.removeItem(atPath: catalogue)
        let yaml = """
            body: lang-son/khoi-cac-co-quan
            term: { congress: XIV, years: 2020-2025 }
            sources:
              s: { title: "Nguồn <b>đậm</b> & \\"trích\\"", publisher: "chitieu" }
            targets:
              - id: a
                text: "<script>alert('x')</script> kết nạp trên 750 đảng viên"
                source: s
                indicator: ket-nap-dang-vien
                rule: "> 750"
                period: term
            outcomes:
              - { target: a, period: 2021, value: "140", source: s, quote: "<img src=x onerror=alert(1)>" }

            """
        try yaml.write(toFile: dir + "/escape.yaml", atomically: true, encoding: .utf8)
        let site = Site(ledger: try ledger([dir]), asOf: 2023)
        for p in site.pages() {
            XCTAssertFalse(p.html.contains("<script>alert"), p.path)
            XCTAssertFalse(p.html.contains("<b>đậm"), p.path)
            XCTAssertFalse(p.html.contains("<img"), p.path)
            XCTAssertEqual(p.html.components(separatedBy: "<script>").count, 2, "only the site's own script in \(p.path)")
        }
        let body = try page(site, "lang-son-khoi-cac-co-quan-2020-2025.html")
        XCTAssertTrue(body.contains("“&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; kết nạp trên 750 đảng viên”"), body)
        XCTAssertTrue(body.contains("Nguồn &lt;b&gt;đậm&lt;/b&gt; &amp; &quot;trích&quot;"))
        XCTAssertTrue(body.contains("“&lt;img src=x onerror=alert(1)&gt;”"), "the outcome's quote, as text")
        XCTAssertEqual(HTML.escape("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&#39;")
    }

    /// A running term's series, target line and projection, and the figures in the table beside
    /// the chart (the fixture's invented admissions: 140, 150, 130 in 2021–2023).
    func testLineChartOfARunningTerm() throws {
        let fx = try WorkbookFixture()
        defer { fx.remove() }
        let path = try fx.fixtureData("progress-methods.yaml")
        let site = Site(ledger: try ledger([path]), asOf: 2023, method: .escap)
        let html = try page(site, "lang-son-khoi-cac-co-quan-2020-2025.html")
        let chart = try XCTUnwrap(html.components(separatedBy: "<svg").dropFirst().first?.components(separatedBy: "</table>").first)
        XCTAssertTrue(chart.contains("role=\"img\" aria-labelledby=\"c1-t c1-d\""), chart)
        XCTAssertTrue(chart.contains("<title id=\"c1-t\">Kết nạp đảng viên mới (cộng dồn từng năm), 2021–2023</title>"), chart)
        // Running totals by hand: 140; 140 + 150 = 290; 290 + 130 = 420.
        for (year, total) in [(2021, "140"), (2022, "290"), (2023, "420")] {
            XCTAssertTrue(chart.contains("<th scope=\"row\">\(year)</th><td class=\"num\">\(total)</td>"), "\(year): \(total)")
        }
        XCTAssertTrue(chart.contains("<td class=\"num\">trên 750</td>"), "the target row")
        XCTAssertTrue(chart.contains("class=\"target\""), "the target line")
        XCTAssertTrue(chart.contains("class=\"projection\""), "ESCAP's anticipated value drawn to 2025")
        XCTAssertTrue(chart.contains("Dự kiến năm 2025 (UN ESCAP)"))
    }

    /// The value axis starts at zero and steps by 1, 2 or 5 times a power of ten.
    func testValueAxis() {
        // 868 ÷ 4 = 217: a step of 500 (217 lies between 200 and 500), so 0, 500, 1.000.
        XCTAssertEqual(ValueAxis(largest: 868).ticks, [0, 500, 1000])
        // 65,3 ÷ 4 = 16,3: a step of 20, to 80.
        XCTAssertEqual(ValueAxis(largest: Decimal(string: "65.3") ?? 0).ticks, [0, 20, 40, 60, 80])
        // 0,6 ÷ 4 = 0,15: a step of 0,2.
        XCTAssertEqual(ValueAxis(largest: Decimal(string: "0.6") ?? 0).ticks, [0, Decimal(string: "0.2") ?? 0, Decimal(string: "0.4") ?? 0, Decimal(string: "0.6") ?? 0])
        XCTAssertEqual(ValueAxis(largest: Decimal(string: "0.6") ?? 0).places, 1, "0,0; 0,2; … one decimal each")
        XCTAssertEqual(ValueAxis(largest: Decimal(string: "1.2") ?? 0).places, 1, "a step of 0,5: 1,0 not 1")
        XCTAssertEqual(ValueAxis(largest: 868).places, 0)
        XCTAssertEqual(ValueAxis(largest: 0).ticks, [0, 1])
        // Drawing coordinates: one decimal, half away from zero.
        XCTAssertEqual([12.25, 12.24, -3.25, 0, 640, -0.04].map(SVG.n), ["12.3", "12.2", "-3.3", "0.0", "640.0", "0.0"])
    }

    /// WCAG 2.1's contrast ratio (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio): text at
    /// least 4,5 : 1 (AA), graphics beside white at least 3 : 1 (1.4.11).
    func testContrastRatios() throws {
        func luminance(_ hex: String) throws -> Double {
            let digits = Array(hex.dropFirst())
            XCTAssertEqual(digits.count, 6, hex)
            let channels = try stride(from: 0, to: 6, by: 2).map { i -> Double in
                let v = Double(try XCTUnwrap(Int(String(digits[i..<i + 2]), radix: 16))) / 255
                return v <= 0.03928 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
            }
            return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
        }
        func ratio(_ a: String, _ b: String) throws -> Double {
            let (x, y) = (try luminance(a), try luminance(b))
            return (max(x, y) + 0.05) / (min(x, y) + 0.05)
        }
        // The formula itself: black on white is 21 : 1, a colour on itself 1 : 1.
        XCTAssertEqual(try ratio("#000000", "#ffffff"), 21, accuracy: 0.001)
        XCTAssertEqual(try ratio("#777777", "#777777"), 1, accuracy: 0.001)
        for pair in SiteStyle.textPairs {
            let r = try ratio(pair.text, pair.background)
            XCTAssertGreaterThanOrEqual(r, 4.5, "\(pair.name): \(pair.text) on \(pair.background) is \(r) : 1")
        }
        for g in SiteStyle.graphicColours {
            let r = try ratio(g.colour, "#ffffff")
            XCTAssertGreaterThanOrEqual(r, 3, "\(g.name): \(g.colour) beside white is \(r) : 1")
        }
    }

    // MARK: Stale files

    /// Two bodies' records (the Lạng Sơn bloc's XIII term, the Quảng Ninh bloc's facts) or only the first.
    private func twoBodies() throws -> Ledger {
        try ledger([targets + "/lang-son/khoi-cac-co-quan/2015-2020.yaml", targets + "/quang-ninh/khoi-cac-co-quan/facts.yaml"])
    }

    private func oneBody() throws -> Ledger { try ledger([targets + "/lang-son/khoi-cac-co-quan/2015-2020.yaml"]) }

    /// Writes a site with each record's feed rows as the command line lays them out (`feed/<stem>.csv`,
    /// `.json`; a line of text each here, the feed's writer is tested with the command).
    private func writeSite(_ data: Ledger, to dir: String, feed: Bool = true) throws -> Site.Written {
        try Site(ledger: data, asOf: 2026).write(to: dir) { stem, _ in
            guard feed else { return [] }
            for suffix in [".csv", ".json"] { try AtomicFile.write(Data("rows of \(stem)\n".utf8), to: dir + "/feed/" + stem + suffix) }
            return ["feed/" + stem + ".csv", "feed/" + stem + ".json"]
        }
    }

    private func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    private func manifestLines(_ dir: String) throws -> [String] {
        try String(contentsOfFile: dir + "/.chitieu-site", encoding: .utf8).split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") }
    }

    /// A body taken out of the data: its pages and feed rows go at the next run, the kept body's
    /// stay, and what chitieu did not write stays: the user's own files in the folder and in
    /// `feed/`, and a file outside the folder named by a manifest line `../outside.txt` or by its
    /// absolute path. A folder left empty goes too.
    func testStalePagesAndFeedRowsAreRemoved() throws {
        let top = NSTemporaryDirectory() + "chitieu-stale-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: top) }
        let dir = top + "/site"
        let first = try writeSite(try twoBodies(), to: dir)
        // The index and two records' pages, each in two languages, and the two records' rows.
        let kept = ["feed/lang-son-khoi-cac-co-quan-2015-2020.csv", "feed/lang-son-khoi-cac-co-quan-2015-2020.json",
                    "index.en.html", "index.html", "lang-son-khoi-cac-co-quan-2015-2020.en.html", "lang-son-khoi-cac-co-quan-2015-2020.html"]
        let gone = ["feed/quang-ninh-khoi-cac-co-quan-so-lieu.csv", "feed/quang-ninh-khoi-cac-co-quan-so-lieu.json",
                    "quang-ninh-khoi-cac-co-quan-so-lieu.en.html", "quang-ninh-khoi-cac-co-quan-so-lieu.html"]
        XCTAssertEqual(try manifestLines(dir), (kept + gone).sorted())
        XCTAssertEqual(first.cleanup.previous, .none, "a new folder")
        XCTAssertEqual(first.cleanup.removed, [])
        for path in kept + gone { XCTAssertTrue(exists(dir + "/" + path), path) }

        // The user's files, and a file beside the folder that the manifest is made to name.
        try "ghi chú của tôi".write(toFile: dir + "/ghi-chu.txt", atomically: true, encoding: .utf8)
        try "a;b".write(toFile: dir + "/feed/cua-toi.csv", atomically: true, encoding: .utf8)
        try "outside".write(toFile: top + "/outside.txt", atomically: true, encoding: .utf8)
        let manifest = try String(contentsOfFile: dir + "/.chitieu-site", encoding: .utf8)
        try (manifest + "../outside.txt\n" + top + "/outside.txt\nfeed/../../outside.txt\n").write(toFile: dir + "/.chitieu-site", atomically: true, encoding: .utf8)

        let second = try writeSite(try oneBody(), to: dir)
        for path in gone { XCTAssertFalse(exists(dir + "/" + path), "\(path) is stale and still there") }
        for path in kept { XCTAssertTrue(exists(dir + "/" + path), path) }
        XCTAssertEqual(second.cleanup.removed, gone.sorted())
        XCTAssertEqual(second.cleanup.failed, [])
        XCTAssertTrue(exists(dir + "/ghi-chu.txt") && exists(dir + "/feed/cua-toi.csv"), "the user's own files stay")
        XCTAssertEqual(try String(contentsOfFile: top + "/outside.txt", encoding: .utf8), "outside", "a path out of the folder is never followed")
        // The manifest's 10 paths are lines 2–11; the three lines added are 12–14.
        XCTAssertEqual(second.cleanup.previous, .listed((kept + gone).sorted(), outside: [
            .init(number: 12, text: "../outside.txt"), .init(number: 13, text: top + "/outside.txt"), .init(number: 14, text: "feed/../../outside.txt"),
        ]))
        XCTAssertEqual(try manifestLines(dir), kept, "the new list: what this run wrote, nothing outside")
        let index = try String(contentsOfFile: dir + "/index.html", encoding: .utf8)
        XCTAssertFalse(index.contains("quang-ninh-khoi-cac-co-quan-so-lieu.html"), "the index no longer links the page removed")

        // Without feed rows, and the user's file taken out of feed/: the rows go, and feed/ with them.
        try FileManager.default.removeItem(atPath: dir + "/feed/cua-toi.csv")
        let third = try writeSite(try oneBody(), to: dir, feed: false)
        XCTAssertEqual(third.cleanup.removed, ["feed/lang-son-khoi-cac-co-quan-2015-2020.csv", "feed/lang-son-khoi-cac-co-quan-2015-2020.json"])
        XCTAssertFalse(exists(dir + "/feed"), "the folder left empty is removed")
        XCTAssertTrue(exists(dir + "/ghi-chu.txt"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir).sorted(),
                       [".chitieu-site", "ghi-chu.txt", "index.en.html", "index.html", "lang-son-khoi-cac-co-quan-2015-2020.en.html", "lang-son-khoi-cac-co-quan-2015-2020.html"])
    }

    /// A manifest line that reaches a file through a link (the file itself a link, or a folder on
    /// the way) removes nothing: the link and what it points to stay. A listed folder stays too.
    func testStaleRemovalNeverFollowsALink() throws {
        let top = NSTemporaryDirectory() + "chitieu-stale-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: top) }
        let dir = top + "/site", elsewhere = top + "/elsewhere"
        let fm = FileManager.default
        try fm.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        try "mine".write(toFile: elsewhere + "/x.html", atomically: true, encoding: .utf8)
        _ = try writeSite(try oneBody(), to: dir, feed: false)
        try fm.createSymbolicLink(atPath: dir + "/link.html", withDestinationPath: elsewhere + "/x.html")
        try fm.createSymbolicLink(atPath: dir + "/sub", withDestinationPath: elsewhere)
        try fm.createDirectory(atPath: dir + "/thu-muc", withIntermediateDirectories: true)
        let manifest = try String(contentsOfFile: dir + "/.chitieu-site", encoding: .utf8)
        try (manifest + "link.html\nsub/x.html\nthu-muc\n.chitieu-site\n").write(toFile: dir + "/.chitieu-site", atomically: true, encoding: .utf8)
        let again = try writeSite(try oneBody(), to: dir, feed: false)
        XCTAssertEqual(again.cleanup.removed, [])
        XCTAssertEqual(again.cleanup.failed, [])
        XCTAssertEqual(try String(contentsOfFile: elsewhere + "/x.html", encoding: .utf8), "mine")
        XCTAssertEqual(try fm.destinationOfSymbolicLink(atPath: dir + "/link.html"), elsewhere + "/x.html", "the link stays")
        XCTAssertTrue(exists(dir + "/sub/x.html") && exists(dir + "/thu-muc") && exists(dir + "/.chitieu-site"))
        XCTAssertEqual(try manifestLines(dir), ["index.en.html", "index.html", "lang-son-khoi-cac-co-quan-2015-2020.en.html", "lang-son-khoi-cac-co-quan-2015-2020.html"])
    }

    /// A folder written by an older chitieu (pages, no manifest) loses nothing, even the pages this
    /// run does not write, and gets a manifest of this run's files; the run after it removes only
    /// what that manifest lists. A folder of the user's own files alone is a new folder.
    func testAnOldFolderWithoutManifestLosesNothing() throws {
        let top = NSTemporaryDirectory() + "chitieu-stale-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: top) }
        let dir = top + "/site"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "ghi chú".write(toFile: dir + "/ghi-chu.txt", atomically: true, encoding: .utf8)
        XCTAssertEqual(SiteManifest.read(in: dir), .none, "only the user's file: nothing to tell")
        let old = try writeSite(try twoBodies(), to: dir)
        try FileManager.default.removeItem(atPath: dir + "/.chitieu-site")
        XCTAssertEqual(SiteManifest.read(in: dir), .unlisted)

        let second = try writeSite(try oneBody(), to: dir)
        XCTAssertEqual(second.cleanup.previous, .unlisted)
        XCTAssertEqual(second.cleanup.removed, [])
        for path in old.files { XCTAssertTrue(exists(dir + "/" + path), "\(path) was removed without a manifest") }
        XCTAssertTrue(exists(dir + "/ghi-chu.txt"))
        XCTAssertEqual(try manifestLines(dir), second.files.sorted())
        XCTAssertEqual(second.files.count, 6, "the index and one term's page in two languages, and its two feed files")

        // The next run knows what the last one wrote, and nothing of the older one.
        let third = try writeSite(try oneBody(), to: dir, feed: false)
        XCTAssertEqual(third.cleanup.removed, ["feed/lang-son-khoi-cac-co-quan-2015-2020.csv", "feed/lang-son-khoi-cac-co-quan-2015-2020.json"])
        XCTAssertTrue(exists(dir + "/quang-ninh-khoi-cac-co-quan-so-lieu.html") && exists(dir + "/feed/quang-ninh-khoi-cac-co-quan-so-lieu.csv"),
                      "the older run's pages are not chitieu's to remove as far as the manifest knows")
    }

    /// A manifest that is not UTF-8 text is read as unreadable: nothing is removed, and it is rewritten.
    func testAnUnreadableManifestRemovesNothing() throws {
        let dir = NSTemporaryDirectory() + "chitieu-stale-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = try writeSite(try twoBodies(), to: dir)
        try Data([0x69, 0x6E, 0xFF, 0x0A]).write(to: URL(fileURLWithPath: dir + "/.chitieu-site"))
        let again = try writeSite(try oneBody(), to: dir)
        XCTAssertEqual(again.cleanup.previous, .unreadable("it is not UTF-8 text"))
        XCTAssertEqual(again.cleanup.removed, [])
        XCTAssertTrue(exists(dir + "/quang-ninh-khoi-cac-co-quan-so-lieu.html"))
        XCTAssertEqual(try manifestLines(dir).count, 6)
    }

    /// Which manifest lines name a path inside the folder.
    func testManifestPathsInsideTheFolder() {
        for path in ["index.html", "feed/a.csv", "a/b/c.html", ".hidden", "..a", "a..b"] { XCTAssertTrue(SiteManifest.isInside(path), path) }
        for path in ["../outside.txt", "/etc/passwd", "feed/../../x", "./index.html", "feed//a.csv", "feed/", "a/./b", "..", ".", "", "a\0b"] {
            XCTAssertFalse(SiteManifest.isInside(path), path)
        }
    }
}
