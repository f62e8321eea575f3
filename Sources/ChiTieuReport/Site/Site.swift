import ChiTieuCore
import Foundation

/// A comparison shown on its own page of the site.
public struct SiteComparison: Sendable {
    /// The page's file name without `.html` (e.g. `so-sanh-1`, `so-sanh-moi-bloc`).
    public var slug: String
    /// The kind of body compared, for a comparison of every body of a kind (`--every KIND`).
    public var every: BodyKind?
    /// The comparison.
    public var comparison: CrossComparison

    /// Creates a comparison page's input.
    public init(slug: String, every: BodyKind? = nil, comparison: CrossComparison) {
        self.slug = slug
        self.every = every
        self.comparison = comparison
    }
}

/// The static web site: an index of bodies, a page per body and term (and per body's facts), a
/// page per comparison, each in Vietnamese (`x.html`) and English (`x.en.html`), as plain HTML
/// with inline SVG charts and a few lines of script. A pure function of its input: the same
/// ledger, year and comparisons give the same bytes (nothing says when it was made).
public struct Site {
    /// The data.
    public var ledger: Ledger
    /// The year of assessment.
    public var asOf: Int
    /// How running terms are judged.
    public var method: ProgressMethod
    /// Where the year of assessment came from, said on each body's page.
    public var asOfOrigin: AsOfOrigin
    /// The comparison pages.
    public var comparisons: [SiteComparison]
    /// The folder of the other reports (workbooks, Word reports, feeds) relative to the site's
    /// folder: `../` for `Reports/site/` beside `Reports/`.
    public var reportsLink: String

    /// Whether each body's page links to its own rows of the feed in `feed/<stem>.csv` and
    /// `.json` inside the site (the command line writes them with the feed's writer).
    public var feedRows: Bool = false

    /// One file of the site.
    public struct Page: Sendable {
        /// Its path inside the site's folder.
        public var path: String
        /// Its text.
        public var html: String
    }

    /// Creates a site.
    public init(ledger: Ledger, asOf: Int, method: ProgressMethod = .proRata, asOfOrigin: AsOfOrigin = .given,
                comparisons: [SiteComparison] = [], reportsLink: String = "../") {
        self.ledger = ledger
        self.asOf = asOf
        self.method = method
        self.asOfOrigin = asOfOrigin
        self.comparisons = comparisons
        self.reportsLink = reportsLink
    }

    /// Each record judged, with its facts and file stem, in the ledger's order.
    private func entries() -> [SiteEntry] {
        ReportSet(ledger: ledger, asOf: asOf, language: .vi, format: .text, method: method, asOfOrigin: asOfOrigin).items()
            .map { SiteEntry(assessment: $0.assessment, facts: $0.facts, stem: $0.stem) }
    }

    /// Every page, in a fixed order: the index, then each body's pages, then the comparisons,
    /// Vietnamese before English.
    public func pages() -> [Page] { pages(entries()) }

    private func pages(_ entries: [SiteEntry]) -> [Page] {
        var pages: [Page] = []
        for language in ReportLanguage.allCases {
            let writer = SitePages(language: language, method: method, asOfOrigin: asOfOrigin, reportsLink: reportsLink, feedRows: feedRows,
                                   ledger: ledger, entries: entries, comparisons: comparisons)
            pages.append(Page(path: writer.file("index"), html: writer.index()))
            for entry in entries {
                pages.append(Page(path: writer.file(entry.stem), html: writer.bodyPage(entry)))
            }
            for c in comparisons {
                pages.append(Page(path: writer.file(c.slug), html: writer.comparisonPage(c)))
            }
        }
        return pages
    }

    /// What `write` did.
    public struct Written {
        /// The pages written (the folder joined with each page's path), in the order of `pages()`.
        public var pages: [String]
        /// Every file written, as paths inside the folder: the pages, then what `eachRecord` wrote.
        /// The folder's manifest lists them.
        public var files: [String]
        /// What became of the files of the run before: the stale ones removed, or why none could be told.
        public var cleanup: SiteManifest.Cleanup
    }

    /// Writes every page into `directory` (created if missing), each to a temporary file renamed
    /// over the old one, then hands each record's file stem (the one its other reports use) and
    /// its assessment to `eachRecord`, for its feed rows beside the pages: the records are judged
    /// once for both. `eachRecord` returns the paths it wrote, inside the folder (`feed/x.csv`).
    ///
    /// Then the folder's manifest (`SiteManifest`) is brought up to date: every file the previous
    /// run wrote and this one did not (a body or term taken out of the data) is removed, and the
    /// new list written. A file chitieu did not write is never touched. When writing fails half
    /// way, nothing is removed and the manifest lists the old files and the new ones written so
    /// far, so none is lost track of (a folder without a readable manifest is left without one).
    public func write(to directory: String, eachRecord: (_ stem: String, _ assessment: Assessment) throws -> [String] = { _, _ in [] }) throws -> Written {
        let previous = SiteManifest.read(in: directory)
        let entries = entries()
        var written: [String] = []
        var files: [String] = []
        do {
            for page in pages(entries) {
                let path = PathText.join(directory, page.path)
                try AtomicFile.write(Data(page.html.utf8), to: path)
                written.append(path)
                files.append(page.path)
            }
            for entry in entries { files += try eachRecord(entry.stem, entry.assessment) }
        } catch {
            // A folder whose old pages could not be told before is left so: the next run says it again.
            switch previous {
            case let .listed(old, _): try? SiteManifest.write(old + files, in: directory)
            case .none: try? SiteManifest.write(files, in: directory)
            case .unlisted, .unreadable: break
            }
            throw error
        }
        let cleanup = try SiteManifest.update(in: directory, written: files, previous: previous)
        return Written(pages: written, files: files, cleanup: cleanup)
    }
}

/// A body's record as the site shows it: the judged record, the body's facts in its term, and
/// the file stem its other reports use.
struct SiteEntry {
    var assessment: Assessment
    var facts: [FactLine]
    var stem: String
}
