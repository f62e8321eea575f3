import ArgumentParser
import ChiTieuCore
import ChiTieuExport
import ChiTieuLoad
import ChiTieuReport
import Foundation

/// `chitieu site`: the static web site of every body, term and comparison, into Reports/site/.
struct SiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Viết trang web tĩnh / Write the static web site.",
        discussion: """
            Reads Targets/ (or the given files and folders) and writes a folder of \
            static HTML: index.html (every body by province and kind, with its latest \
            term's headline), a page per body and term (every target, its verdict, \
            "Cách tính" and a chart), and a page per comparison; each page in \
            Vietnamese (x.html) and English (x.en.html). Open index.html from the \
            disk or serve the folder; nothing is fetched from outside.

            Each --compare takes the arguments of `chitieu compare` in one string \
            (write --compare="--every bloc --indicator dang-vien" when it starts with --); \
            every kind with two bodies or more is also compared (as --every KIND). \
            Each page's feed rows are written into feed/ (CSV and JSON); links to \
            workbooks, Word reports and the whole feed point at the folder above.

            The folder's .chitieu-site lists the files written; the next run removes those \
            it does not write again (the pages and feed rows of a body or term taken out of \
            the data), and no other file.

            Examples:
              chitieu site
              chitieu site -o /tmp/site \\
                  --compare "lang-son/khoi-cac-co-quan@2020 lang-son/tinh@2014"
            """
    )

    @Argument(help: "Data files or directories (default: Targets).")
    var paths: [String] = []

    @Option(name: .shortAndLong, help: "The folder to write.")
    var output: String = "Reports/site"

    @Option(name: .customLong("compare"), help: "A comparison page: the arguments of `chitieu compare`, in quotes (repeatable).")
    var compare: [String] = []

    @Option(name: .customLong("as-of"), help: "Year of assessment; terms ending after it are judged as running (default: this year).")
    var asOf: Int?

    @Option(help: "How a running term's targets are judged: pro-rata (default), trend, escap or weather.")
    var method: ProgressMethod = .proRata

    func validate() throws {
        if output.trimmingCharacters(in: .whitespaces).isEmpty || output == "-" {
            throw ValidationError("-o needs a folder name, such as -o Reports/site")
        }
        try validateAsOf(asOf)
        for spec in compare {
            do {
                _ = try Compare.parse(Self.words(spec))
            } catch {
                throw ValidationError("--compare \"\(spec)\": \(Compare.message(for: error)); write the arguments of chitieu compare, e.g. --compare \"lang-son/khoi-cac-co-quan@2020 quang-ninh/khoi-cac-co-quan@2022\"")
            }
        }
    }

    static func words(_ spec: String) -> [String] { spec.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init) }

    func run() throws {
        let year = asOf ?? Calendar(identifier: .gregorian).component(.year, from: Date())
        let origin: AsOfOrigin = asOf == nil ? .currentYear : .given
        let ledger = try loadLedger(paths, refusal: "no site written")
        var comparisons: [SiteComparison] = []
        for (i, spec) in compare.enumerated() {
            var command = try Compare.parse(Self.words(spec))
            if command.data.isEmpty { command.data = paths }
            let built = command.comparison(ledger)
            for p in built.problems { printError("chitieu: error: --compare \"\(spec)\": " + p) }
            guard let c = built.comparison, built.problems.isEmpty else { throw ExitCode(1) }
            comparisons.append(SiteComparison(slug: "so-sanh-\(i + 1)", comparison: c))
        }
        // Every kind with two bodies or more, compared on their latest figures.
        for kind in BodyKind.allCases where ledger.bodies.values.filter({ $0.kind == kind }).count >= 2 {
            guard var command = try? Compare.parse(["--every", kind.rawValue]) else { continue }
            command.data = paths
            if let c = command.comparison(ledger).comparison {
                comparisons.append(SiteComparison(slug: "so-sanh-moi-\(kind.rawValue)", every: kind, comparison: c))
            }
        }
        var site = Site(ledger: ledger, asOf: year, method: method, asOfOrigin: origin, comparisons: comparisons)
        site.feedRows = true
        do {
            // Each page's rows of the planners' feed, by the feed's own writer, beside the pages.
            let written = try site.write(to: output) { stem, assessment in
                let csv = "feed/" + stem + ".csv", json = "feed/" + stem + ".json"
                try FeedWriter.csv([assessment], to: PathText.join(output, csv))
                try FeedWriter.json([assessment], to: PathText.join(output, json))
                return [csv, json]
            }
            printError("chitieu: wrote \(written.pages.count) pages into \(output) and their feed rows into \(output)/feed (open \(output)/index.html)")
            sayCleanup(written.cleanup)
        } catch {
            printError("chitieu: error: \(error)")
            throw ExitCode(1)
        }
    }

    /// What became of the previous run's files, on standard error: the stale ones removed, or
    /// why none could be told (a folder of an older chitieu, without a manifest).
    private func sayCleanup(_ cleanup: SiteManifest.Cleanup) {
        let manifest = PathText.join(output, SiteManifest.name)
        switch cleanup.previous {
        case .unlisted:
            printError("chitieu: \(output): thư mục chưa có danh sách tệp đã ghi (\(SiteManifest.name)) nên không biết trang nào đã cũ: không xoá gì; xoá thư mục rồi chạy lại để bắt đầu sạch / "
                + "cannot tell which old pages are stale: no manifest; remove the folder to start clean")
        case let .unreadable(reason):
            printError("chitieu: \(manifest): không đọc được danh sách tệp đã ghi (\(reason)) nên không biết trang nào đã cũ: không xoá gì; xoá thư mục rồi chạy lại để bắt đầu sạch / "
                + "cannot tell which old pages are stale: the manifest cannot be read; remove the folder to start clean")
        case let .listed(_, outside):
            for line in outside {
                printError("\(manifest):\(line.number): note: '\(line.text)' không phải đường dẫn bên trong \(output), bỏ qua / is not a path inside the folder; ignored")
            }
        case .none:
            break
        }
        if !cleanup.removed.isEmpty {
            printError("chitieu: đã xoá \(cleanup.removed.count) tệp cũ trong \(output) (trang và số liệu lần trước ghi, lần này không ghi lại) / removed \(cleanup.removed.count) stale files")
        }
        for f in cleanup.failed {
            printError("chitieu: warning: \(PathText.join(output, f.path)): không xoá được tệp cũ (\(f.reason)); lần sau sẽ thử lại / cannot remove this stale file; the next run tries again")
        }
    }
}
