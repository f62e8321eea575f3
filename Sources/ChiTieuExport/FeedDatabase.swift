import ChiTieuCore
import Foundation
import GRDB

/// The feed as a SQLite database a planner can query directly: bodies, lineage, terms,
/// indicators, sources, targets, observations and assessments, with foreign keys, indexes and
/// views (every target not met, by province; the latest figure of each body and indicator).
///
/// Exact figures are stored twice: as text (the exact decimal, for reading) and as a number
/// (for sorting and sums in SQL). Written to a temporary file, renamed when complete.
public enum FeedDatabase {
    /// The schema, versioned with the feed.
    static let schema = """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE bodies (id TEXT PRIMARY KEY, name TEXT NOT NULL, name_en TEXT NOT NULL, province TEXT NOT NULL, kind TEXT NOT NULL);
        CREATE TABLE lineage (body_id TEXT NOT NULL REFERENCES bodies(id), date TEXT NOT NULL, event TEXT NOT NULL, name TEXT, quote TEXT NOT NULL, source TEXT NOT NULL);
        CREATE TABLE indicators (id TEXT PRIMARY KEY, name TEXT NOT NULL, name_en TEXT NOT NULL, unit TEXT NOT NULL, share_of TEXT,
            direction TEXT NOT NULL, aggregation TEXT NOT NULL, transfer_of TEXT REFERENCES indicators(id), measure TEXT, measure_en TEXT);
        CREATE TABLE terms (id TEXT PRIMARY KEY, body_id TEXT NOT NULL REFERENCES bodies(id), congress TEXT NOT NULL,
            start_year INTEGER NOT NULL, end_year INTEGER NOT NULL, record TEXT NOT NULL);
        CREATE TABLE sources (id INTEGER PRIMARY KEY, record TEXT NOT NULL, key TEXT NOT NULL, title TEXT NOT NULL, publisher TEXT NOT NULL,
            date TEXT, seed TEXT, url TEXT, UNIQUE (record, key));
        CREATE TABLE targets (id TEXT PRIMARY KEY, term_id TEXT NOT NULL REFERENCES terms(id), target_key TEXT NOT NULL, sentence TEXT NOT NULL,
            indicator_id TEXT NOT NULL REFERENCES indicators(id), text TEXT NOT NULL, rule TEXT NOT NULL, period TEXT NOT NULL,
            source_id INTEGER NOT NULL REFERENCES sources(id), line INTEGER, note TEXT);
        CREATE TABLE observations (id TEXT PRIMARY KEY, body_id TEXT NOT NULL REFERENCES bodies(id), term_id TEXT REFERENCES terms(id),
            target_id TEXT REFERENCES targets(id), indicator_id TEXT NOT NULL REFERENCES indicators(id), period TEXT NOT NULL,
            value TEXT, value_number REAL, numerator TEXT, denominator TEXT, qualifier TEXT, stated TEXT,
            source_id INTEGER NOT NULL REFERENCES sources(id), line INTEGER, quote TEXT NOT NULL, correction_of TEXT, correction_reason TEXT);
        CREATE TABLE assessments (id TEXT PRIMARY KEY, target_id TEXT NOT NULL REFERENCES targets(id), row TEXT NOT NULL, period TEXT NOT NULL,
            value TEXT, value_number REAL, threshold TEXT, attainment TEXT, attainment_number REAL, gap TEXT, gap_number REAL,
            verdict TEXT, progress TEXT, as_of INTEGER NOT NULL,
            progress_status TEXT, pro_rata_band TEXT, trend_status TEXT, trend_ratio TEXT, escap_category TEXT, escap_anticipated TEXT, escap_gap TEXT);
        CREATE VIEW targets_not_met AS
            SELECT b.province, b.id AS body_id, b.name AS body, t.congress, t.start_year, t.end_year, g.target_key, g.text AS target,
                   a.row, a.period, a.value, a.threshold, a.attainment, a.gap
            FROM assessments a JOIN targets g ON g.id = a.target_id JOIN terms t ON t.id = g.term_id JOIN bodies b ON b.id = t.body_id
            WHERE a.verdict = 'notMet' AND a.row IN ('term', 'end-of-term', 'by-year')
            ORDER BY b.province, b.id, t.start_year, g.target_key;
        CREATE VIEW latest_figures AS
            SELECT o.body_id, o.indicator_id, o.period, o.value, o.value_number, o.qualifier, o.quote
            FROM observations o
            WHERE o.period <> 'term' AND o.period = (SELECT max(p.period) FROM observations p
                WHERE p.body_id = o.body_id AND p.indicator_id = o.indicator_id AND p.period <> 'term');
        """

    /// The secondary indexes, built once the rows are in: one sorted build is cheaper than
    /// keeping five indexes in order through millions of single inserts.
    static let indexes = """
        CREATE INDEX observations_by_indicator ON observations (indicator_id, body_id, period);
        CREATE INDEX observations_by_target ON observations (target_id);
        CREATE INDEX assessments_by_target ON assessments (target_id);
        CREATE INDEX assessments_by_verdict ON assessments (verdict);
        CREATE INDEX targets_by_indicator ON targets (indicator_id);
        """

    /// Writes the database of a ledger and its assessments to `path`.
    public static func write(_ ledger: Ledger, _ assessments: [Assessment], to path: String) throws {
        try write(catalogue: ledger, to: path) { add in try assessments.forEach(add) }
    }

    /// Writes the database of assessments as `produce` hands them over, none kept after its rows
    /// are inserted; `catalogue` gives the bodies and indicators (its records are not read).
    public static func write(catalogue: Ledger, to path: String, _ produce: FeedWriter.Producer) throws {
        try AtomicFile.replace(path) { temporary in
            // A bulk load into a new file that is renamed into place only when whole: no fsync
            // and the rollback journal in memory (a failed write abandons the file anyway; a new
            // page is not journaled, so it stays small); the index builds sort in temporary
            // files, as by default, not in memory, which would grow with the rows; no
            // reference looked up per inserted row: the rows come from validated data in
            // dependency order, and the tests run `PRAGMA foreign_key_check` over the result.
            var configuration = Configuration()
            configuration.foreignKeysEnabled = false
            configuration.prepareDatabase { db in
                try db.execute(sql: "PRAGMA synchronous = OFF; PRAGMA journal_mode = MEMORY")
            }
            let queue = try DatabaseQueue(path: temporary, configuration: configuration)
            try queue.write { db in
                try db.execute(sql: schema)
                try db.execute(sql: "INSERT INTO meta VALUES ('feed_version', ?), ('generator', 'chitieu')", arguments: [Feed.version])
                try catalogueRows(db, catalogue)
                let observationInsert = try db.makeStatement(sql: "INSERT INTO observations VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                let assessmentInsert = try db.makeStatement(sql: "INSERT INTO assessments VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                try produce { a in try insert(db, a, observationInsert, assessmentInsert) }
                try db.execute(sql: indexes)
            }
            try queue.close()
        }
    }

    private static func catalogueRows(_ db: Database, _ ledger: Ledger) throws {
        for b in ledger.bodies.values.sorted(by: { $0.id < $1.id }) {
            try db.execute(sql: "INSERT INTO bodies VALUES (?, ?, ?, ?, ?)", arguments: [b.id, b.name, b.nameEn, b.province, b.kind.rawValue])
            for e in b.lineage {
                try db.execute(sql: "INSERT INTO lineage VALUES (?, ?, ?, ?, ?, ?)", arguments: [b.id, e.date.description, e.kind.rawValue, e.name, e.quote, e.source])
            }
        }
        for i in ledger.indicators.values.sorted(by: { $0.position < $1.position }) {
            try db.execute(sql: "INSERT INTO indicators VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)",
                           arguments: [i.id, i.name, i.nameEn, i.unit.rawValue, i.shareOf?.id, i.direction.rawValue, i.aggregation.rawValue, i.measure, i.measureEn])
        }
        for i in ledger.indicators.values where i.transferOf != nil {
            try db.execute(sql: "UPDATE indicators SET transfer_of = ? WHERE id = ?", arguments: [i.transferOf, i.id])
        }
    }

    private static func insert(_ db: Database, _ a: Assessment, _ observationInsert: Statement, _ assessmentInsert: Statement) throws {
        let record = a.record
        var sourceIDs: [String: Int64] = [:]
        for s in record.sources.values.sorted(by: { $0.id < $1.id }) {
            // Statements prepared once per database and reused for every record (GRDB's cache).
            try db.cachedStatement(sql: "INSERT INTO sources (record, key, title, publisher, date, seed, url) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .execute(arguments: [record.file, s.id, s.title, s.publisher, s.date?.description, s.seed, s.url])
            sourceIDs[s.id] = db.lastInsertedRowID
        }
        let termID = record.term.map { "\(record.bodyID)/\($0.startYear)-\($0.endYear)" }
        if let term = record.term, let termID {
            try db.cachedStatement(sql: "INSERT INTO terms VALUES (?, ?, ?, ?, ?, ?)")
                .execute(arguments: [termID, record.bodyID, term.congress, term.startYear, term.endYear, record.file])
        }
        var targetIDs: [String: String] = [:]
        for t in a.targets {
            guard let termID else { continue }
            let id = termID + "/" + t.target.id
            targetIDs[t.target.id] = id
            try db.cachedStatement(sql: "INSERT INTO targets VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").execute(arguments: [
                id, termID, t.target.id, t.target.sentenceID, t.target.indicatorID, t.target.text, t.target.rule.text,
                period(t.target.period), sourceIDs[t.target.citation.source], t.target.citation.line, t.target.note,
            ])
        }
        for row in Feed.rows(a) {
            let target = row.target.isEmpty ? nil : targetIDs[row.target]
            if !row.quote.isEmpty {
                try observationInsert.execute(arguments: [
                    row.id, row.body, termID, target, row.indicator, row.period, row.value.nilIfEmpty, Double(row.value),
                    row.numerator.nilIfEmpty, row.denominator.nilIfEmpty, row.qualifier.nilIfEmpty, row.stated.nilIfEmpty,
                    sourceIDs[row.source], Int(row.line), row.quote, row.correctionOf.nilIfEmpty, row.correctionReason.nilIfEmpty,
                ])
            }
            // A figure's own row (part of a sum, no target, used by no verdict) judges nothing.
            if let target, !["figure", "unused", "fact"].contains(row.row) {
                try assessmentInsert.execute(arguments: [
                    row.id, target, row.row, row.period, row.value.nilIfEmpty, Double(row.value), row.threshold.nilIfEmpty,
                    row.attainment.nilIfEmpty, Double(row.attainment), row.gap.nilIfEmpty, Double(row.gap),
                    row.verdict.nilIfEmpty, row.progress.nilIfEmpty, a.asOf,
                    row.progressStatus.nilIfEmpty, row.proRataBand.nilIfEmpty, row.trendStatus.nilIfEmpty, row.trendRatio.nilIfEmpty,
                    row.escapCategory.nilIfEmpty, row.escapAnticipated.nilIfEmpty, row.escapGap.nilIfEmpty,
                ])
            }
        }
    }

    static func period(_ p: PeriodKind) -> String {
        switch p {
        case .term: return "term"
        case .eachYear: return "each-year"
        case .endOfTerm: return "end-of-term"
        case let .byYear(y): return "by \(y)"
        case let .year(y): return "year \(y)"
        }
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
