import Domain

/// What a chart's integers count, and so how its axis and its values read: a number (`1 200`),
/// minutes said as hours (`120 h`, `3 h 30`), or a ratio in thousandths said as a percentage
/// (`93 %`, `92,5 %`), or an average score in hundredths (`3,50`, `4`).
public enum ChartUnit: Sendable {
    case count, minutes, perMille, hundredths

    /// How many of the chart's integers make one unit of the axis: an hour is 60 minutes, a
    /// percent 10 ‰. Ticks fall on whole units.
    var scale: Int {
        switch self {
        case .count: 1
        case .minutes: 60
        case .perMille: 10
        case .hundredths: 100
        }
    }

    /// A value as the chart prints it, with non-breaking spaces.
    func text(_ value: Int) -> String {
        switch self {
        case .count: return French.nonBreaking(French.format.integer(value))
        case .minutes: return French.nonBreaking(French.hours(value))
        case .perMille:
            let tenths = abs(value) % 10
            let whole = French.format.integer(abs(value) / 10)
            return French.nonBreaking((value < 0 ? "-" : "") + whole + (tenths == 0 ? "" : ",\(tenths)") + " %")
        case .hundredths:
            let rest = abs(value) % 100
            return (value < 0 ? "-" : "") + French.format.integer(abs(value) / 100) + ",\(rest < 10 ? "0" : "")\(rest)"
        }
    }

    /// A tick of the axis: as `text` says values, but a score in whole points (`3`, not `3,00`).
    func tick(_ value: Int) -> String {
        self == .hundredths ? French.format.integer(value / 100) : text(value)
    }
}

/// How a series' bars are filled, told apart in monochrome print: solid dark grey, hatched with
/// an outline, light grey with an outline. Series take them in this order.
public enum ChartFill: Sendable, CaseIterable {
    case dark, hatched, light

    static func of(series index: Int) -> ChartFill { allCases[index % allCases.count] }
}

/// One series of a column chart: its name in the legend and one value per label (missing values
/// count as 0, negative ones are drawn as 0).
public struct ChartSeries: Sendable, Equatable {
    public var name: String
    public var values: [Int]

    public init(name: String, values: [Int]) {
        self.name = name
        self.values = values
    }
}

/// The pure arithmetic of chart axes.
enum Charts {
    /// The ticks of an axis for values up to `maximum`: 0, step, 2 × step … up to the first tick
    /// at or above `maximum`. The step is a whole number of `scale` (an hour of 60 minutes, a
    /// percent of 10 ‰) that is 1, 2 or 5 × 10ⁿ of them, the smallest needing at most `most`
    /// intervals. An empty axis still has one interval: [0, scale].
    static func ticks(upTo maximum: Int, scale: Int = 1, most: Int = 6) -> [Int] {
        let top = max(1, (max(0, maximum) + scale - 1) / scale)
        var power = 1
        while true {
            for multiple in [1, 2, 5] {
                let step = multiple * power
                let intervals = (top + step - 1) / step
                if intervals <= max(1, most) { return (0...intervals).map { $0 * step * scale } }
            }
            power *= 10
        }
    }

    /// One value per label: a missing value is 0, and so is a negative one (bars grow from 0).
    static func values(_ values: [Int], count: Int) -> [Int] {
        (0..<count).map { max(0, $0 < values.count ? values[$0] : 0) }
    }

    static let titleSize = 10.5
    static let labelSize = 8.0
    static let valueSize = 7.0
    /// The smallest size a column's value is written in; below it the columns say no value.
    static let smallestValueSize = 5.5
    /// The room left between two columns' values.
    static let valueGap = 4.0
    /// Grey of the bars' outlines and hatching, and of solid bars.
    static let ink = 0.2
    static let darkFill = 0.3
    static let lightFill = 0.82
    static let gridGray = 0.82
}

extension PDFWriter {
    /// A bar filled as `fill` says, bottom-left corner at (`x`, `y`).
    mutating func bar(_ fill: ChartFill, x: Double, y: Double, width: Double, height: Double) {
        guard width > 0, height > 0 else { return }
        switch fill {
        case .dark:
            fillRect(x: x, y: y, width: width, height: height, gray: Charts.darkFill)
        case .hatched:
            hatchRect(x: x, y: y, width: width, height: height, spacing: 2.8, lineWidth: 0.6, gray: Charts.ink)
            strokeRect(x: x, y: y, width: width, height: height, lineWidth: 0.6, gray: Charts.ink)
        case .light:
            fillRect(x: x, y: y, width: width, height: height, gray: Charts.lightFill)
            strokeRect(x: x, y: y, width: width, height: height, lineWidth: 0.6, gray: Charts.ink)
        }
    }
}

extension PageFlow {
    /// A vertical grouped bar chart at the cursor, `height` points tall and `width` wide from the
    /// left margin: a bold title, a legend of the series' fills, a y axis whose round ticks (see
    /// `Charts.ticks`) read in `unit` with light grid lines, one group of bars per label with its
    /// label under it, and the bars' values above them when they all fit. The cursor ends below it.
    mutating func columnChart(title: String, labels: [String], series: [ChartSeries], unit: ChartUnit,
                              height: Double = 220, width: Double = PageFlow.width) {
        ensure(height)
        let top = y
        put(title, x: Self.left, font: .bold, size: Charts.titleSize)
        y += Self.lineHeight(Charts.titleSize) + 2
        legend(series.indices.map { (series[$0].name, ChartFill.of(series: $0)) }, width: width)

        let values = series.map { Charts.values($0.values, count: labels.count) }
        let ticks = Charts.ticks(upTo: values.flatMap { $0 }.max() ?? 0, scale: unit.scale)
        let axisTop = Double(ticks.last ?? 1)
        let tickTexts = ticks.map(unit.tick)
        let axisWidth = (tickTexts.map { PDFFont.regular.width($0, size: Charts.labelSize) }.max() ?? 0) + 6
        let plotLeft = Self.left + axisWidth, plotRight = Self.left + width
        let labelLines = 2.0
        // PDF coordinates of the plot: a little room above the top tick for its label and values.
        let plotTop = PDFWriter.pageHeight - y - 10
        let plotBottom = PDFWriter.pageHeight - (top + height) + labelLines * Self.lineHeight(Charts.labelSize) + 4
        let plotHeight = max(1, plotTop - plotBottom)
        func level(_ value: Int) -> Double { plotBottom + Double(value) / axisTop * plotHeight }

        for (tick, text) in zip(ticks, tickTexts) {
            let at = level(tick)
            if tick > 0 { pdf.line(from: (plotLeft, at), to: (plotRight, at), width: 0.4, gray: Charts.gridGray) }
            pdf.text(text, x: plotLeft - 4, y: at - Charts.labelSize * 0.35, size: Charts.labelSize, align: .right, gray: Charts.ink)
        }

        let groupWidth = (plotRight - plotLeft) / Double(max(1, labels.count))
        let barWidth = min(28, groupWidth * 0.76 / Double(max(1, series.count)))
        // Values above the bars when every one fits its bar, so that none is missing: in a smaller
        // size when it takes that for the widest one to stay clear of its neighbour's.
        let widest = values.joined().map { PDFFont.regular.width(unit.text($0), size: Charts.valueSize) }.max() ?? 0
        let room = barWidth - Charts.valueGap
        let valueSize = widest <= room ? Charts.valueSize : max(Charts.smallestValueSize, Charts.valueSize * room / widest)
        let valued = widest * valueSize / Charts.valueSize <= room + 0.01
        for (index, label) in labels.enumerated() {
            let center = plotLeft + (Double(index) + 0.5) * groupWidth
            var x = center - barWidth * Double(series.count) / 2
            for (number, column) in values.enumerated() {
                let value = column[index]
                // A thin gap between the bars of a group.
                pdf.bar(ChartFill.of(series: number), x: x + 0.75, y: plotBottom, width: barWidth - 1.5,
                        height: level(value) - plotBottom)
                if valued {
                    pdf.text(unit.text(value), x: x + barWidth / 2, y: level(value) + 2, size: valueSize, align: .center)
                }
                x += barWidth
            }
            let lines = Self.wrap(label, width: groupWidth - 2, font: .regular, size: Charts.labelSize).prefix(Int(labelLines))
            for (number, piece) in lines.enumerated() {
                pdf.text(piece, x: center, y: plotBottom - 3 - Charts.labelSize - Double(number) * Self.lineHeight(Charts.labelSize),
                         size: Charts.labelSize, align: .center)
            }
        }
        pdf.line(from: (plotLeft, plotBottom), to: (plotRight, plotBottom), width: 0.8)
        pdf.line(from: (plotLeft, plotBottom), to: (plotLeft, plotTop), width: 0.8)
        y = top + height + 8
    }

    /// A horizontal bar chart at the cursor, `width` wide from the left margin: a bold title,
    /// one row per label (the label at the left, wrapped to two lines), a bar from the axis and
    /// its value at the bar's end, and round ticks under the rows with light grid lines. The
    /// axis runs to `scaleMax` when given (1 000 ‰ for percentages), else to the largest value.
    /// The cursor ends below it.
    mutating func barChart(title: String, labels: [String], values: [Int], unit: ChartUnit, scaleMax: Int? = nil,
                           fill: ChartFill = .dark, width: Double = PageFlow.width) {
        let size = 8.5
        let shown = Charts.values(values, count: labels.count)
        let ticks = Charts.ticks(upTo: max(scaleMax ?? 0, shown.max() ?? 0), scale: unit.scale)
        let axisTop = Double(ticks.last ?? 1)
        let labelWidth = min(width * 0.36, (labels.map { PDFFont.regular.width($0, size: size) }.max() ?? 0) + 2)
        let valueWidth = (shown.map { PDFFont.regular.width(unit.text($0), size: size) }.max() ?? 0) + 8
        let plotLeft = Self.left + labelWidth + 6, plotRight = Self.left + width - valueWidth
        let plotWidth = max(1, plotRight - plotLeft)
        let rows = labels.map { Self.wrap($0, width: labelWidth, font: .regular, size: size).prefix(2) }
        let rowHeights = rows.map { max(17, Double($0.count) * Self.lineHeight(size) + 5) }
        let height = Self.lineHeight(Charts.titleSize) + 6 + rowHeights.reduce(0, +) + 16
        ensure(height)
        put(title, x: Self.left, font: .bold, size: Charts.titleSize)
        y += Self.lineHeight(Charts.titleSize) + 6

        let rowsTop = PDFWriter.pageHeight - y
        let rowsBottom = rowsTop - rowHeights.reduce(0, +)
        func reach(_ value: Int) -> Double { plotLeft + Double(value) / axisTop * plotWidth }
        for tick in ticks {
            let at = reach(tick)
            if tick > 0 { pdf.line(from: (at, rowsBottom), to: (at, rowsTop), width: 0.4, gray: Charts.gridGray) }
            pdf.text(unit.tick(tick), x: at, y: rowsBottom - 3 - Charts.labelSize, size: Charts.labelSize, align: .center,
                     gray: Charts.ink)
        }
        for (index, lines) in rows.enumerated() {
            let rowHeight = rowHeights[index]
            let middle = PDFWriter.pageHeight - y - rowHeight / 2
            let textTop = middle + Double(lines.count) * Self.lineHeight(size) / 2
            for (number, piece) in lines.enumerated() {
                pdf.text(piece, x: plotLeft - 6, y: textTop - size * 0.95 - Double(number) * Self.lineHeight(size), size: size,
                         align: .right)
            }
            let barHeight = 10.0
            pdf.bar(fill, x: plotLeft, y: middle - barHeight / 2, width: reach(shown[index]) - plotLeft, height: barHeight)
            pdf.text(unit.text(shown[index]), x: reach(shown[index]) + 4, y: middle - size * 0.35, size: size)
            y += rowHeight
        }
        pdf.line(from: (plotLeft, rowsBottom), to: (plotLeft, rowsTop), width: 0.8)
        y += 16 + 8
    }

    /// A row of swatches with their names; the cursor ends below it.
    mutating func legend(_ entries: [(name: String, fill: ChartFill)], width: Double = PageFlow.width) {
        let size = Charts.labelSize
        var x = Self.left
        for entry in entries {
            let advance = 14 + PDFFont.regular.width(entry.name, size: size) + 16
            if x > Self.left, x + advance - 16 > Self.left + width {
                x = Self.left
                y += Self.lineHeight(size) + 3
            }
            let baseline = Self.baseline(top: y, size: size)
            pdf.bar(entry.fill, x: x, y: baseline - 1, width: 10, height: 8)
            pdf.text(entry.name, x: x + 14, y: baseline, size: size)
            x += advance
        }
        y += Self.lineHeight(size) + 3
    }
}
