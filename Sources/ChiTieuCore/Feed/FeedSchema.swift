/// The planners' feed's columns: written by `chitieu export` and read back by the loader, so an
/// exported table can stand as the outcomes of a data file (`outcomes-csv:`).
public enum FeedSchema {
    /// The schema version, written in every row (`feed_version`).
    public static let version = "2"

    /// The columns, in order. Machine conventions: UTF-8, RFC 4180, a plain '.' decimal mark,
    /// ISO dates, verdicts and units as stable ids. Version 2 added `measure` (an amount's, as
    /// the catalogue writes it: "tỷ đồng"; empty for other units), `excess`, `covers`,
    /// `unused_reason` and `unit_name`; later in version 2, appended so that a file without them
    /// still reads, the progress of a running term by each method: `progress_status` (the
    /// written rule's word: `progress` keeps its first meaning, a missed year `atRisk` and a
    /// missing one `onTrack`), `pro_rata_band`, `expected_percent`, `achieved_percent`,
    /// `trend_status`, `trend_ratio`, `escap_category`, `escap_anticipated`, `escap_gap`,
    /// `weather_symbol`, `weather_projected`, `weather_miss`, `office_band` (the label of the
    /// office's own band its attainment falls in, when the term file sets `bands:`).
    public static let columns = [
        "feed_version", "id", "body", "province", "term", "record", "row", "target", "indicator", "unit", "measure", "period",
        "value", "numerator", "denominator", "qualifier", "stated", "excess", "rule", "threshold", "attainment", "gap",
        "verdict", "progress", "source", "line", "quote", "correction_of", "correction_reason", "covers", "unused_reason", "unit_name",
        "progress_status", "pro_rata_band", "expected_percent", "achieved_percent", "trend_status", "trend_ratio",
        "escap_category", "escap_anticipated", "escap_gap", "weather_symbol", "weather_projected", "weather_miss", "office_band",
    ]

    /// The columns that hold numbers; every other one is text, guarded against formulas in CSV
    /// (see `FormulaGuard`).
    public static let numericColumns: Set<String> = [
        "row", "value", "numerator", "denominator", "excess", "threshold", "attainment", "gap", "line",
        "expected_percent", "achieved_percent", "trend_ratio", "escap_anticipated", "escap_gap", "weather_projected", "weather_miss",
    ]

    /// The columns an import reads: the figure and its source. The judgement columns are
    /// recomputed from the targets, never trusted from the file. An amount's `measure` is checked
    /// against the catalogue's, so a figure is never read in another measure.
    public static let inputs = [
        "target", "indicator", "measure", "period", "covers", "unit_name", "value", "numerator", "denominator", "qualifier", "stated",
        "excess", "source", "line", "quote",
    ]
}
