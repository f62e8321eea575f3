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
    /// The bodies file name, beside the catalogue.
    public static let bodiesFile = "bodies.yaml"

    /// The result of a load: the ledger (nil if nothing could be read) and every finding.
    public struct Result: Sendable {
        /// The data as far as it could be read: each record keeps its valid targets and figures and
        /// drops the faulty ones. When `diagnostics` has errors it is not complete, and nothing is
        /// reported or exported from it (the CLI refuses).
        public var ledger: Ledger?
        /// Every finding, errors and warnings.
        public var diagnostics: Diagnostics
    }

    /// Loads the data files at `paths` (files or directories), with the catalogue found at the
    /// nearest directory at or above them that holds `indicators.yaml`.
    /// - Parameter paths: Files or directories; empty means `Targets`.
    public static func load(paths: [String]) -> Result {
        var records: [Record] = []
        var context: Ledger?
        let diagnostics = stream(paths: paths) { _, record in records.append(record) } prepared: { context = $0 }
        guard let context else { return Result(ledger: nil, diagnostics: diagnostics) }
        records.sort { a, b in
            if a.bodyID != b.bodyID { return a.bodyID < b.bodyID }
            // Terms by their years (then ordinal, where known; see Term.precedes), facts last.
            switch (a.term, b.term) {
            case let (x?, y?) where Term.precedes(x, y) || Term.precedes(y, x): return Term.precedes(x, y)
            case (nil, _?): return false
            case (_?, nil): return true
            default: return a.file < b.file
            }
        }
        return Result(ledger: Ledger(indicators: context.indicators, bodies: context.bodies, bodySources: context.bodySources, records: records), diagnostics: diagnostics)
    }

    /// Reads the data like `load`, but hands each record to `each` as soon as it is read and keeps
    /// none, so that data larger than memory should hold can be exported in one pass. `each`
    /// gets the catalogue and bodies as a ledger without records; records come in file order.
    /// The caller must not treat anything as final before the returned findings are known.
    /// - Parameters:
    ///   - prepared: Called once with the catalogue and bodies, before any record.
    ///   - recordsToo: False to read only the catalogue and bodies.
    /// - Returns: Every finding of every file read.
    @discardableResult
    public static func stream(paths: [String], _ each: (Ledger, Record) throws -> Void, prepared: (Ledger) -> Void = { _ in }, recordsToo: Bool = true) rethrows -> Diagnostics {
        var diagnostics = Diagnostics()
        let paths = paths.isEmpty ? ["Targets"] : paths
        var roots: [String] = []
        var files: [String] = []
        var tables: [String] = []
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                diagnostics.error("\(path): no such file or directory", at: nil)
                continue
            }
            guard let root = dataRoot(for: path, isDirectory: isDirectory.boolValue) else {
                diagnostics.error("\(path): no \(catalogueFile) in it or any folder above it; pass the Targets directory or a file inside it", at: nil)
                continue
            }
            if !roots.contains(root) { roots.append(root) }
            if isDirectory.boolValue {
                let found = Self.files(under: path, endingWith: [".yaml", ".yml", ".csv"])
                let data = found.filter { !$0.hasSuffix(".csv") && !isCatalogue($0, root: root) }
                if data.isEmpty { diagnostics.error("\(path): no data files (*.yaml) found; a data file holds one body's targets for one term", at: nil) }
                files += data
                tables += found.filter { $0.hasSuffix(".csv") }
            } else if !isCatalogue(path, root: root) {
                files.append(path)
            }
        }
        guard roots.count <= 1 else {
            diagnostics.error("the paths belong to different data directories (\(roots.joined(separator: ", "))); check one at a time", at: nil)
            return diagnostics
        }
        guard let root = roots.first else { return diagnostics }

        let catalogueContext = YAMLContext(file: join(root, catalogueFile))
        let indicators = CatalogueLoader.load(catalogueContext)
        diagnostics.append(contentsOf: catalogueContext.diagnostics)
        let bodiesContext = YAMLContext(file: join(root, bodiesFile))
        let (bodies, bodySources) = fm.fileExists(atPath: bodiesContext.file)
            ? BodiesLoader.load(bodiesContext)
            : ([:], [:])
        if !fm.fileExists(atPath: bodiesContext.file) {
            diagnostics.error("\(bodiesContext.file): missing; the bodies that hold congresses are defined there", at: nil)
        }
        diagnostics.append(contentsOf: bodiesContext.diagnostics)
        let context = Ledger(indicators: indicators, bodies: bodies, bodySources: bodySources, records: [])
        prepared(context)
        guard recordsToo else { return diagnostics }

        // One file per body and term, known by its years (and by its congress, where given):
        // where each was first described.
        var described: [String: String] = [:]
        var seenFiles = Set<String>()
        var named = Set<String>()
        for file in files where seenFiles.insert(file).inserted {
            let ctx = YAMLContext(file: file)
            let record = RecordLoader(ctx: ctx, indicators: indicators, bodies: bodies).load()
            diagnostics.append(contentsOf: ctx.diagnostics)
            named.formUnion(ctx.tables.map(standard))
            guard let record else { continue }
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
        for table in tables where !named.contains(standard(table)) {
            let name = (table as NSString).lastPathComponent
            diagnostics.warning("no data file names this table, so it is not read; add 'outcomes-csv: \(name)' to the data file of its body and term", at: SourceLocation(file: table, line: 1, column: 1))
        }
        return diagnostics
    }

    /// The data folder a file belongs to: the nearest folder at or above it with the catalogue.
    public static func dataRoot(of path: String) -> String? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        return dataRoot(for: path, isDirectory: isDirectory.boolValue)
    }

    static func join(_ dir: String, _ name: String) -> String {
        dir.hasSuffix("/") ? dir + name : dir + "/" + name
    }

    static func standard(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }

    static func isCatalogue(_ path: String, root: String) -> Bool {
        let path = standard(path)
        return path == standard(join(root, catalogueFile)) || path == standard(join(root, bodiesFile))
    }

    /// The nearest directory at or above `path` that holds the catalogue, spelled as the path was
    /// given where possible, so that messages name files the way the user typed them.
    static func dataRoot(for path: String, isDirectory: Bool) -> String? {
        let fm = FileManager.default
        var dir = isDirectory ? path : (path as NSString).deletingLastPathComponent
        while true {
            let candidate = dir.isEmpty ? "." : dir
            if fm.fileExists(atPath: join(candidate, catalogueFile)) { return candidate }
            if dir.isEmpty || dir == "/" || dir == "." { break }
            dir = (dir as NSString).deletingLastPathComponent
        }
        // The given spelling ran out (e.g. a file named from inside Targets/): climb the absolute path.
        var url = URL(fileURLWithPath: isDirectory ? path : (path as NSString).deletingLastPathComponent).standardizedFileURL
        while url.path != "/" {
            if fm.fileExists(atPath: join(url.path, catalogueFile)) { return url.path }
            url.deleteLastPathComponent()
        }
        return nil
    }

    /// Every file below a directory whose name ends with one of `suffixes`, sorted.
    static func files(under dir: String, endingWith suffixes: [String]) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: dir) else { return [] }
        var found: [String] = []
        while let relative = walker.nextObject() as? String {
            if suffixes.contains(where: relative.hasSuffix) { found.append(join(dir, relative)) }
        }
        return found.sorted()
    }
}
