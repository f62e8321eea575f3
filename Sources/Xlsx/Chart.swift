import CXlsxWriter
import Foundation

/// A chart of a `Workbook`, drawn from ranges of its sheets.
public final class Chart {
    /// Chart kinds used here.
    public enum Kind: Sendable {
        /// Vertical bars.
        case column
        /// A line.
        case line

        var raw: UInt8 {
            switch self {
            case .column: return UInt8(LXW_CHART_COLUMN.rawValue)
            case .line: return UInt8(LXW_CHART_LINE.rawValue)
            }
        }
    }

    /// A rectangular range of one sheet: a row, a column, or (for categories of two levels) a block.
    public struct Range: Sendable, Equatable {
        /// The sheet's name.
        public var sheet: String
        /// First and last rows and columns, 0-based.
        public var firstRow: Int
        public var firstColumn: Int
        public var lastRow: Int
        public var lastColumn: Int

        /// Creates a range.
        public init(sheet: String, firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
            self.sheet = sheet
            self.firstRow = firstRow
            self.firstColumn = firstColumn
            self.lastRow = lastRow
            self.lastColumn = lastColumn
        }

        /// Cells of one row, from `firstColumn` to `lastColumn`.
        public static func row(_ sheet: String, _ row: Int, _ firstColumn: Int, _ lastColumn: Int) -> Range {
            Range(sheet: sheet, firstRow: row, firstColumn: firstColumn, lastRow: row, lastColumn: lastColumn)
        }

        /// Cells of one column, from `firstRow` to `lastRow`.
        public static func column(_ sheet: String, _ column: Int, _ firstRow: Int, _ lastRow: Int) -> Range {
            Range(sheet: sheet, firstRow: firstRow, firstColumn: column, lastRow: lastRow, lastColumn: column)
        }
    }

    /// How a series' points are marked.
    public enum Marker: Sendable {
        /// A round dot: a single year's figure still shows on a line chart.
        case circle
        /// A square.
        case square

        var raw: UInt8 {
            switch self {
            case .circle: return UInt8(LXW_CHART_MARKER_CIRCLE.rawValue)
            case .square: return UInt8(LXW_CHART_MARKER_SQUARE.rawValue)
            }
        }
    }

    let handle: UnsafeMutablePointer<lxw_chart>
    let workbook: Workbook

    init(_ handle: UnsafeMutablePointer<lxw_chart>, workbook: Workbook) {
        self.handle = handle
        self.workbook = workbook
    }

    /// Adds a series from ranges of a sheet. The corresponding C functions are `chart_add_series`,
    /// `chart_series_set_categories`, `chart_series_set_values`, `chart_series_set_name` and
    /// `chart_series_set_marker_type`.
    /// - Parameters:
    ///   - name: the words the legend shows for the series ("Kết quả"), never a number.
    ///   - labels: show each point's value beside it (`chart_series_set_labels`).
    public func addSeries(name: String, categories: Range, values: Range, marker: Marker? = nil, labels: Bool = false) throws {
        try workbook.pipeline.drain()
        guard let series = chart_add_series(handle, nil, nil) else { throw XlsxError("chart_add_series", "could not add a series") }
        chart_series_set_categories(series, categories.sheet, lxw_row_t(categories.firstRow), lxw_col_t(categories.firstColumn), lxw_row_t(categories.lastRow), lxw_col_t(categories.lastColumn))
        chart_series_set_values(series, values.sheet, lxw_row_t(values.firstRow), lxw_col_t(values.firstColumn), lxw_row_t(values.lastRow), lxw_col_t(values.lastColumn))
        // The library keeps the pointer, not a copy, until the workbook is written.
        chart_series_set_name(series, workbook.retain(name))
        if let marker { chart_series_set_marker_type(series, marker.raw) }
        if labels { chart_series_set_labels(series) }
    }

    /// Adds a series from ranges of one sheet (a column each), named in words.
    public func addSeries(name: String, sheet: String, categories: (row: Int, column: Int, lastRow: Int), values: (row: Int, column: Int, lastRow: Int)) throws {
        try addSeries(name: name, categories: .column(sheet, categories.column, categories.row, categories.lastRow),
                      values: .column(sheet, values.column, values.row, values.lastRow))
    }

    /// Sets the title. The corresponding C function is `chart_title_set_name`.
    public func setTitle(_ title: String) {
        let handle = handle, title = workbook.retain(title)
        workbook.pipeline.queue(.other { chart_title_set_name(handle, title) })
    }

    /// Puts the legend below the plot. The corresponding C function is `chart_legend_set_position`.
    public func legendBelow() {
        let handle = handle
        workbook.pipeline.queue(.other { chart_legend_set_position(handle, UInt8(LXW_CHART_LEGEND_BOTTOM.rawValue)) })
    }

    /// No legend, for a chart of one series whose title already says what it is.
    /// The corresponding C function is `chart_legend_set_position`.
    public func legendOff() {
        let handle = handle
        workbook.pipeline.queue(.other { chart_legend_set_position(handle, UInt8(LXW_CHART_LEGEND_NONE.rawValue)) })
    }

    /// The value axis starts at zero, so that a bar's or a line's height is proportional to its
    /// figure (an axis from 60 makes 70 look twice 65), and shows its numbers in `numberFormat`
    /// ("0%" for a share stored as a fraction). The corresponding C functions are
    /// `chart_axis_set_min` and `chart_axis_set_num_format` on the chart's y axis.
    public func valueAxisFromZero(numberFormat: String? = nil) {
        let handle = handle, format = numberFormat.map { workbook.retain($0) }
        workbook.pipeline.queue(.other {
            guard let axis = handle.pointee.y_axis else { return }
            chart_axis_set_min(axis, 0)
            if let format { chart_axis_set_num_format(axis, format) }
        })
    }
}

extension Worksheet {
    /// Inserts a chart with its top-left corner `xOffset` pixels right of a cell's, scaled from
    /// the default 480 × 288 pixels. The corresponding C function is `worksheet_insert_chart_opt`.
    public func insert(_ chart: Chart, row: Int, column: Int, xOffset: Int = 0, yOffset: Int = 0, xScale: Double = 1, yScale: Double = 1) throws {
        var options = lxw_chart_options()
        options.x_offset = Int32(xOffset)
        options.y_offset = Int32(yOffset)
        options.x_scale = xScale
        options.y_scale = yScale
        try workbook.pipeline.drain()
        try check(worksheet_insert_chart_opt(handle, lxw_row_t(row), lxw_col_t(column), chart.handle, &options))
    }
}
