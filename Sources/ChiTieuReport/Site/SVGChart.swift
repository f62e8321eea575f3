import Foundation

/// The scale of a chart's value axis: from zero to a round figure above the largest value, in
/// round steps. The steps are exact decimals (1, 2 or 5 times a power of ten), so that every tick
/// label is a figure the project formats; only the drawing positions are Doubles.
struct ValueAxis {
    /// The ticks, from 0 to `top`.
    let ticks: [Decimal]
    /// The largest tick, the top of the plot.
    var top: Decimal { ticks.last ?? 1 }
    /// The decimal places of the step, given to every tick label (0,5; 1,0; 1,5, not 1).
    let places: Int

    init(largest: Decimal, tickCount: Int = 4) {
        guard largest > 0 else {
            ticks = [0, 1]
            places = 0
            return
        }
        let approx = SVG.double(largest) / Double(tickCount)
        var exponent = Int(log10(approx).rounded(.down))
        var significand = 1
        let base = pow(10, Double(exponent))
        if approx > 5 * base { significand = 10 } else if approx > 2 * base { significand = 5 } else if approx > base { significand = 2 }
        if significand == 10 {
            significand = 1
            exponent += 1
        }
        let step = Decimal(sign: .plus, exponent: exponent, significand: Decimal(significand))
        places = max(0, -exponent)
        var ticks: [Decimal] = [0]
        while let last = ticks.last, last < largest { ticks.append(last + step) }
        self.ticks = ticks
    }
}

/// Helpers shared by the charts: coordinates written with one decimal, always the same way.
enum SVG {
    static func double(_ d: Decimal) -> Double { NSDecimalNumber(decimal: d).doubleValue }
    /// A coordinate with one decimal ("12.5", "-3.0"), rounded half away from zero; by integer
    /// arithmetic rather than `String(format:)`, which costs more than the rest of a chart.
    static func n(_ v: Double) -> String {
        guard v.isFinite else { return "0.0" }
        let tenths = Int((v * 10).rounded())
        let magnitude = abs(tenths)
        return (tenths < 0 ? "-" : "") + String(magnitude / 10) + "." + String(magnitude % 10)
    }
}

/// A line chart of a target's yearly series: the figures, the target as a dashed line, and a
/// method's projection to the due year, drawn as inline SVG with a title and a description for
/// screen readers (the figures themselves are in the table beside it).
struct LineChart {
    /// One figure of the series.
    struct Point {
        var year: Int
        var value: Decimal
        /// The figure as the report writes it ("868", "65,3 %").
        var label: String
    }

    var id: String
    var title: String
    var description: String
    var points: [Point]
    /// The target's level and its words ("Chỉ tiêu: trên 750").
    var target: (value: Decimal, label: String)?
    /// The projected figure in the due year, and its words.
    var projection: (year: Int, value: Decimal, label: String)?
    var firstYear: Int
    var lastYear: Int
    /// Formats a tick of the value axis with the given decimal places.
    var tick: (Decimal, Int) -> String

    static let width = 640.0, height = 280.0
    static let left = 72.0, right = 24.0, top = 24.0, bottom = 40.0

    func svg() -> String {
        let values = points.map(\.value) + [target?.value, projection?.value].compactMap { $0 }
        let axis = ValueAxis(largest: values.max() ?? 0)
        let plotW = Self.width - Self.left - Self.right, plotH = Self.height - Self.top - Self.bottom
        let span = Double(max(lastYear - firstYear, 0))
        func x(_ year: Int) -> Double {
            span == 0 ? Self.left + plotW / 2 : Self.left + Double(year - firstYear) / span * plotW
        }
        func y(_ v: Decimal) -> Double { Self.top + plotH * (1 - SVG.double(v) / SVG.double(axis.top)) }
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 \(Int(Self.width)) \(Int(Self.height))\" role=\"img\" aria-labelledby=\"\(id)-t \(id)-d\">\n"
        s += "<title id=\"\(id)-t\">\(HTML.escape(title))</title>\n<desc id=\"\(id)-d\">\(HTML.escape(description))</desc>\n"
        for t in axis.ticks {
            let ty = SVG.n(y(t))
            s += "<line class=\"grid\" x1=\"\(SVG.n(Self.left))\" y1=\"\(ty)\" x2=\"\(SVG.n(Self.width - Self.right))\" y2=\"\(ty)\"/>"
            s += "<text class=\"tick\" x=\"\(SVG.n(Self.left - 8))\" y=\"\(SVG.n(y(t) + 4))\" text-anchor=\"end\">\(HTML.escape(tick(t, axis.places)))</text>\n"
        }
        // Every year labelled while they fit; beyond twelve, every other or every fifth.
        let count = lastYear - firstYear + 1
        let every = count <= 12 ? 1 : (count <= 24 ? 2 : 5)
        for year in stride(from: firstYear, through: lastYear, by: every) {
            s += "<text class=\"tick\" x=\"\(SVG.n(x(year)))\" y=\"\(SVG.n(Self.height - Self.bottom + 20))\" text-anchor=\"middle\">\(year)</text>"
        }
        s += "\n<line class=\"axis\" x1=\"\(SVG.n(Self.left))\" y1=\"\(SVG.n(y(0)))\" x2=\"\(SVG.n(Self.width - Self.right))\" y2=\"\(SVG.n(y(0)))\"/>\n"
        if let target {
            let ty = SVG.n(y(target.value))
            s += "<line class=\"target\" x1=\"\(SVG.n(Self.left))\" y1=\"\(ty)\" x2=\"\(SVG.n(Self.width - Self.right))\" y2=\"\(ty)\"/>"
            // At the left end, where a series usually starts away from its target.
            s += "<text class=\"label target-label\" x=\"\(SVG.n(Self.left + 6))\" y=\"\(SVG.n(y(target.value) - 6))\">\(HTML.escape(target.label))</text>\n"
        }
        if let projection, let last = points.last {
            s += "<line class=\"projection\" x1=\"\(SVG.n(x(last.year)))\" y1=\"\(SVG.n(y(last.value)))\" x2=\"\(SVG.n(x(projection.year)))\" y2=\"\(SVG.n(y(projection.value)))\"/>"
            s += "<circle class=\"projected\" cx=\"\(SVG.n(x(projection.year)))\" cy=\"\(SVG.n(y(projection.value)))\" r=\"5\"><title>\(HTML.escape(projection.label))</title></circle>\n"
        }
        if points.count > 1 {
            s += "<polyline class=\"series\" points=\"" + points.map { "\(SVG.n(x($0.year))),\(SVG.n(y($0.value)))" }.joined(separator: " ") + "\"/>\n"
        }
        for p in points {
            s += "<circle class=\"point\" cx=\"\(SVG.n(x(p.year)))\" cy=\"\(SVG.n(y(p.value)))\" r=\"4.5\"><title>\(p.year): \(HTML.escape(p.label))</title></circle>"
        }
        return s + "\n</svg>\n"
    }
}

/// A horizontal bar chart of one compared row: a bar per body, labelled with its name above the
/// bar and its figure at the end, the axis from zero.
struct BarChart {
    struct Bar {
        var label: String
        var value: Decimal
        var shown: String
        var context: Bool
    }

    var id: String
    var title: String
    var description: String
    var bars: [Bar]
    var tick: (Decimal, Int) -> String

    // Narrower than the line chart, so that its names stay readable when a phone scales it down.
    static let width = 480.0, left = 20.0, right = 96.0, row = 48.0, top = 8.0, bottom = 28.0

    func svg() -> String {
        let axis = ValueAxis(largest: bars.map(\.value).max() ?? 0)
        let plotW = Self.width - Self.left - Self.right
        let height = Self.top + Double(bars.count) * Self.row + Self.bottom
        func x(_ v: Decimal) -> Double { Self.left + plotW * SVG.double(v) / SVG.double(axis.top) }
        var s = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart bars\" viewBox=\"0 0 \(Int(Self.width)) \(Int(height))\" role=\"img\" aria-labelledby=\"\(id)-t \(id)-d\">\n"
        s += "<title id=\"\(id)-t\">\(HTML.escape(title))</title>\n<desc id=\"\(id)-d\">\(HTML.escape(description))</desc>\n"
        let base = Self.top + Double(bars.count) * Self.row
        for t in axis.ticks {
            s += "<line class=\"grid\" x1=\"\(SVG.n(x(t)))\" y1=\"\(SVG.n(Self.top))\" x2=\"\(SVG.n(x(t)))\" y2=\"\(SVG.n(base))\"/>"
            s += "<text class=\"tick\" x=\"\(SVG.n(x(t)))\" y=\"\(SVG.n(base + 18))\" text-anchor=\"middle\">\(HTML.escape(tick(t, axis.places)))</text>\n"
        }
        for (i, b) in bars.enumerated() {
            let y0 = Self.top + Double(i) * Self.row
            s += "<text class=\"label\" x=\"\(SVG.n(Self.left + 4))\" y=\"\(SVG.n(y0 + 15))\">\(HTML.escape(b.label))</text>"
            s += "<rect class=\"\(b.context ? "bar context" : "bar")\" x=\"\(SVG.n(Self.left))\" y=\"\(SVG.n(y0 + 20))\" width=\"\(SVG.n(max(x(b.value) - Self.left, 1)))\" height=\"18\"><title>\(HTML.escape(b.label)): \(HTML.escape(b.shown))</title></rect>"
            s += "<text class=\"value\" x=\"\(SVG.n(x(b.value) + 6))\" y=\"\(SVG.n(y0 + 34))\">\(HTML.escape(b.shown))</text>\n"
        }
        s += "<line class=\"axis\" x1=\"\(SVG.n(Self.left))\" y1=\"\(SVG.n(Self.top))\" x2=\"\(SVG.n(Self.left))\" y2=\"\(SVG.n(base))\"/>\n"
        return s + "</svg>\n"
    }
}
