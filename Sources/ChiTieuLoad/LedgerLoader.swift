import ChiTieuCore
import Foundation

/// Loads and validates the data under a `Targets/` directory: the catalogue (`indicators.yaml`),
/// the bodies (`bodies.yaml`) and every other `*.yaml` file as a record.
///
/// Loading never stops at the first problem: every file is read and every finding collected,
/// so that one `chitieu check` lists them all.
public enum LedgerLoader {
    /// The catalogue file name, which also marks the data root.
    public static let catalogueFile = "indicators.yaml"
    /// The bodies file name, beside the catalogue (or in a folder above it).
    public static let bodiesFile = "bodies.yaml"
    /// The shared sources file name: sources any data file at or below its folder may cite by id.
    public static let sourcesFile = "sources.yaml"

    /// The result of a load: the ledger (nil if nothing could be read) and every finding.
    public struct Result: Sendable {
        /// The data as far as it could be read: each record keeps its valid targets and figures and
        /// drops the faulty ones. When `diagnostics` has errors it is not complete, and nothing is
        /// reported or exported from it (the CLI refuses).
        public var ledger: Ledger?
        /// Every finding, errors and warnings.
        public var diagnostics: Diagnostics
    }

    /// Loads the data files at `paths` (files or directories) with the shared files each one sees
    /// (see `stream`).
    /// - Parameters:
    ///   - paths: Files or directories; empty means `Targets`.
    ///   - catalogueFrom: Folders whose shared files serve a data file that has no
    ///     `indicators.yaml` at or above it (a draft kept outside the data folders).
    public static func load(paths: [String], catalogueFrom: [String] = []) -> Result {
        var records: [Record] = []
        var context: Ledger?
        let diagnostics = stream(paths: paths, { _, record in records.append(record) }, prepared: { context = $0 }, catalogueFrom: catalogueFrom)
        guard let context else { return Result(ledger: nil, diagnostics: diagnostics) }
        records.sort(by: ledgerOrder)
        return Result(ledger: Ledger(indicators: context.indicators, bodies: context.bodies, bodySources: context.bodySources, records: records), diagnostics: diagnostics)
    }

    /// The order of a loaded ledger's records: by body; a body's terms by their years (then
    /// ordinal, where known; see `Term.precedes`), its facts last; otherwise by file.
    public static func ledgerOrder(_ a: Record, _ b: Record) -> Bool {
        if a.bodyID != b.bodyID { return a.bodyID < b.bodyID }
        switch (a.term, b.term) {
        case let (x?, y?) where Term.precedes(x, y) || Term.precedes(y, x): return Term.precedes(x, y)
        case (nil, _?): return false
        case (_?, nil): return true
        default: return a.file < b.file
        }
    }

    /// Reads the data like `load`, but hands each record to `each` as soon as it is read and keeps
    /// none, so that data larger than memory should hold can be exported in one pass. `each`
    /// gets the catalogue and bodies as a ledger without records; records come in file order.
    /// The caller must not treat anything as final before the returned findings are known.
    ///
    /// **The catalogue rule.** A data file sees every `indicators.yaml`, `bodies.yaml` and
    /// `sources.yaml` in its folder and in each folder above it; it needs at least one
    /// `indicators.yaml` and one `bodies.yaml` among them. The indicators and bodies of every such
    /// file read in one run are merged into one catalogue: an id defined in two files with the
    /// same content is one, with different content an error naming both. A file's `sources:` are
    /// its own; it may also cite by id the sources of the `sources.yaml` and `bodies.yaml` files
    /// it sees, its own winning on a clash. Files so named are never data files.
    /// - Parameters:
    ///   - prepared: Called once with the catalogue and bodies, before any record.
    ///   - recordsToo: False to read only the catalogue and bodies.
    ///   - catalogueFrom: Folders whose shared files serve a data file with none above it.
    /// - Returns: Every finding of every file read.
    @discardableResult
    public static func stream(
        paths: [String], _ each: (Ledger, Record) throws -> Void, prepared: (Ledger) -> Void = { _ in }, recordsToo: Bool = true,
        catalogueFrom: [String] = []
    ) rethrows -> Diagnostics {
        var diagnostics = Diagnostics()
        let paths = paths.isEmpty ? ["Targets"] : paths
        let finder = SharedFileFinder()
        var catalogue = MergedCatalogue()
        var files: [(path: String, shared: SharedFiles)] = []
        var tables: [String] = []
        let fm = FileManager.default
        // A data file with no catalogue of its own above it uses the first of these that has one;
        // the shared files inside them join the catalogue (the bodies of an office's sub-folder).
        var fallback: SharedFiles?
        var named: [SharedFiles] = []
        for path in catalogueFrom {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            let shared = finder.files(for: path, isDirectory: isDirectory.boolValue)
            guard !shared.indicators.isEmpty else { continue }
            if fallback == nil { fallback = shared }
            named.append(shared)
            if isDirectory.boolValue {
                for file in walk(path).files where isShared(file) {
                    named.append(finder.files(forFolder: PathText.folder(of: file)))
                }
            }
        }
        var reported = Set<String>()
        /// The shared files for a data file or folder, or nil (with an error, said once) when it has none.
        func sharedFiles(_ path: String, isDirectory: Bool) -> SharedFiles? {
            var shared = finder.files(for: path, isDirectory: isDirectory)
            // A link to a data folder (or file) elsewhere: the shared files above where it really is.
            if shared.indicators.isEmpty, let real = PathText.real(path), real != PathText.absolute(path) {
                let there = finder.files(for: real, isDirectory: isDirectory)
                if !there.indicators.isEmpty { shared = there }
            }
            if shared.indicators.isEmpty, let fallback { shared = fallback }
            guard let indicators = shared.indicators.last else {
                diagnostics.error("\(path): no \(catalogueFile) in its folder or any folder above it; a data folder needs the catalogue (\(catalogueFile)) and the bodies (\(bodiesFile)) in it or in a folder above it: put the data under Targets, or copy Targets/\(catalogueFile) into the folder and write its \(bodiesFile) (Targets/README.md, \"Starting a new body\"); a draft outside the data takes them from --data", at: nil)
                return nil
            }
            if shared.bodies.isEmpty {
                let expected = join(PathText.folder(of: indicators), bodiesFile)
                if reported.insert(expected).inserted {
                    diagnostics.error("\(expected): missing; the bodies that hold congresses are defined there (or in a \(bodiesFile) of a folder above)", at: nil)
                }
                return nil
            }
            return shared
        }
        for path in paths {
            var isDirectory: ObjCBool = false
            if path.isEmpty {
                diagnostics.error("an empty path was given; name a data file or folder (such as Targets), or '.' for this folder", at: nil)
                continue
            }
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                diagnostics.error("\(path): no such file or directory", at: nil)
                continue
            }
            guard let shared = sharedFiles(path, isDirectory: isDirectory.boolValue) else { continue }
            named.append(shared)
            if isDirectory.boolValue {
                let walked = walk(path)
                let found = walked.files
                for (file, advice) in walked.unread {
                    diagnostics.warning(advice, at: SourceLocation(file: file, line: 1, column: 1))
                }
                // Shared files below the folder are read (and checked) even where no data file sees them.
                for file in found where isShared(file) {
                    named.append(finder.files(forFolder: PathText.folder(of: file)))
                }
                let data = found.filter { !isTable($0) && !isShared($0) }
                if data.isEmpty { diagnostics.error("\(path): no data files (*.yaml) found; a data file holds one body's targets for one term", at: nil) }
                for file in data {
                    if let own = sharedFiles(file, isDirectory: false) { files.append((file, own)) }
                }
                tables += found.filter(isTable)
            } else if !isShared(path) {
                files.append((path, shared))
            }
        }
        // In the order met, so that the merged catalogue's order does not vary between runs.
        var used = Set<SharedFiles>()
        var citable: [SharedFiles: [String: Source]] = [:]
        for shared in named + files.map(\.shared) where used.insert(shared).inserted {
            catalogue.use(shared)
        }
        for shared in used { citable[shared] = catalogue.sharedSources(for: shared) }
        diagnostics.append(contentsOf: catalogue.diagnostics)
        guard !named.isEmpty || !files.isEmpty else { return diagnostics }
        let indicators = catalogue.indicators, bodies = catalogue.bodies
        let context = Ledger(indicators: indicators, bodies: bodies, bodySources: catalogue.bodySources, records: [])
        prepared(context)
        guard recordsToo else { return diagnostics }

        // One file per body and term, known by its years (and by its congress, where given):
        // where each was first described.
        var described: [String: String] = [:]
        var seenFiles = Set<String>()
        var namedTables = Set<String>()
        for (file, shared) in files where seenFiles.insert(file).inserted {
            let ctx = YAMLContext(file: file)
            ctx.sharedSourceFiles = shared.sources + shared.bodies
            let record = RecordLoader(ctx: ctx, indicators: indicators, bodies: bodies, sharedSources: citable[shared] ?? [:], fields: catalogue.fields).load()
            diagnostics.append(contentsOf: ctx.diagnostics)
            namedTables.formUnion(ctx.tables.map(standard))
            guard var record else { continue }
            // A term file's own bands win; else the nearest catalogue's.
            if record.bands.isEmpty { record.bands = catalogue.bands(for: shared) }
            if let term = record.term {
                let keys = [record.bodyID + "|" + term.years] + (term.isCongressKnown ? [record.bodyID + "|congress " + term.congress] : [])
                if let (key, twin) = keys.lazy.compactMap({ k in described[k].map { (k, $0) } }).first {
                    let what = key.hasSuffix("|" + term.years) ? "the term \(term.years)" : "congress \(term.congress)"
                    diagnostics.error("\(record.bodyID): \(what) is already described in \(twin); keep one file per body and term", at: SourceLocation(file: file, line: 1, column: 1))
                    continue
                }
                for key in keys { described[key] = record.file }
            }
            try each(context, record)
        }
        for table in tables where !namedTables.contains(standard(table)) {
            let name = PathText.lastName(of: table)
            diagnostics.warning("no data file names this table, so it is not read; add 'outcomes-csv: \(name)' to the data file of its body and term", at: SourceLocation(file: table, line: 1, column: 1))
        }
        return diagnostics
    }

    /// The data folder a file belongs to: the nearest folder at or above it with an `indicators.yaml`.
    public static func dataRoot(of path: String) -> String? {
        var isDirectory: ObjCBool = false
        guard !path.isEmpty, FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        let finder = SharedFileFinder()
        var shared = finder.files(for: path, isDirectory: isDirectory.boolValue)
        if shared.indicators.isEmpty, let real = PathText.real(path) {
            shared = finder.files(for: real, isDirectory: isDirectory.boolValue)
        }
        return shared.indicators.last.map(PathText.folder(of:))
    }

    static func join(_ dir: String, _ name: String) -> String { PathText.join(dir, name) }

    static func standard(_ path: String) -> String { PathText.absolute(path) }

    /// Whether a file is a shared file rather than a data file, by its name.
    static func isShared(_ path: String) -> Bool {
        [catalogueFile, bodiesFile, sourcesFile].contains(PathText.lastName(of: path))
    }

    /// Whether a file found in a folder is a CSV table of outcomes (`.csv`, any case).
    static func isTable(_ path: String) -> Bool { path.lowercased().hasSuffix(".csv") }

    /// What a walk of a data folder found.
    struct Walk {
        /// Every `.yaml`, `.yml` and `.csv` file (any case) below the folder, sorted.
        var files: [String] = []
        /// Files that look like data but are not read, each with what to do about it.
        var unread: [(path: String, advice: String)] = []
    }

    /// Every data, shared and table file below a folder, following links to folders and files;
    /// a folder already walked (by its real path: a link loop, two links to one folder) is not
    /// walked again. Files that look like data and are not read are listed with their advice.
    static func walk(_ top: String) -> Walk {
        var walk = Walk()
        var visited = Set<String>()
        let fm = FileManager.default
        func visit(_ folder: String) {
            guard let real = PathText.real(folder), visited.insert(real).inserted else { return }
            let names: [String]
            do {
                names = try fm.contentsOfDirectory(atPath: folder)
            } catch {
                walk.unread.append((folder, "this folder cannot be read (\(AtomicFile.describe(error))), so no data in it is read; give the program the right to read it"))
                return
            }
            for name in names.sorted() {
                let path = join(folder, name)
                var info = stat()
                guard stat(path, &info) == 0 else {
                    if looksLikeData(name) || misnamed(name) != nil {
                        walk.unread.append((path, "a link to a file that is not there (\(AtomicFile.systemError())), so it is not read; point the link at the data file, or remove it"))
                    }
                    continue
                }
                let kind = info.st_mode & S_IFMT
                if kind == S_IFDIR {
                    visit(path)
                } else if kind == S_IFREG {
                    if looksLikeData(name) {
                        walk.files.append(path)
                    } else if let better = misnamed(name) ?? yamlWithoutExtension(path, name: name) {
                        walk.unread.append((path, "named '\(name)', so it is not read as data: only .yaml, .yml and .csv files are; rename it to '\(better)'"))
                    }
                }
            }
        }
        visit(top)
        walk.files.sort()
        return walk
    }

    /// Whether a file name is one read from a data folder: `.yaml`, `.yml` or `.csv`, any case.
    static func looksLikeData(_ name: String) -> Bool {
        let lower = name.lowercased()
        return [".yaml", ".yml", ".csv"].contains(where: lower.hasSuffix)
    }

    /// The name a data file saved with an editor's extra extension should have
    /// (`2015-2020.yaml.txt` → `2015-2020.yaml`), or nil.
    static func misnamed(_ name: String) -> String? {
        let lower = name.lowercased()
        for ext in [".yaml.txt", ".yml.txt", ".csv.txt"] where lower.hasSuffix(ext) && lower.count > ext.count {
            return String(name.dropLast(4))
        }
        return nil
    }

    /// The name a YAML data file with another extension (or none) should have, judged by a line
    /// beginning `body:` in its first kilobytes; nil for anything else.
    static func yamlWithoutExtension(_ path: String, name: String) -> String? {
        let lower = name.lowercased()
        let stem: Substring
        if lower.hasSuffix(".txt") { stem = name.dropLast(4) } else if !name.contains(".") { stem = Substring(name) } else { return nil }
        guard !stem.isEmpty, let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 4096) else { return nil }
        let text = String(decoding: head, as: UTF8.self)
        let lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" })
        guard lines.contains(where: { $0.hasPrefix("body:") }) else { return nil }
        return stem + ".yaml"
    }
}
