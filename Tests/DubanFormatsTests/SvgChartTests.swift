import Foundation
import Testing

@testable import DubanFormats

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The 督查室's charts as SVG text for server-rendered pages: well-formed XML whatever the input, marks sized
/// in proportion to the data, every label escaped, ids that do not clash on one page, and the same numbers as
/// a table beside the drawing.
@Suite("SvgChartTests")
struct SvgChartTests {
    /// One element of a parsed chart, with the text directly inside it.
    struct Element {
        let name: String
        let attributes: [String: String]
        var text = ""
    }

    /// Reads a chart back with Foundation's XML parser, as an independent check that it is well-formed.
    final class ElementCollector: NSObject, XMLParserDelegate {
        var elements: [Element] = []
        private var open: [Int] = []

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
        ) {
            open.append(elements.count)
            elements.append(Element(name: elementName, attributes: attributeDict))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if let index = open.last { elements[index].text += string }
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
        ) {
            open.removeLast()
        }
    }

    /// The elements of `svg`, or a recorded failure when it is not well-formed XML.
    static func parse(_ svg: String) throws -> [Element] {
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = ElementCollector()
        parser.delegate = collector
        let parsed = parser.parse()
        #expect(parsed, "not well-formed: \(String(describing: parser.parserError))")
        try #require(parsed)
        return collector.elements
    }

    static let statuses = [
        StackedBarChart.Series(name: "已完成", color: ChartPalette.green),
        StackedBarChart.Series(name: "推进中", paint: ChartPalette.pending),
        StackedBarChart.Series(name: "逾期", color: ChartPalette.red),
    ]

    static func unitChart(rows: [StackedBarChart.Row], normalised: Bool = false) -> StackedBarChart {
        StackedBarChart(
            id: "tasks-by-unit", title: "2026年重点任务办理情况（按牵头单位）",
            description: "各牵头单位重点任务已完成、推进中、逾期的数量。", series: statuses, rows: rows,
            normalised: normalised, categoryName: "牵头单位")
    }

    static let quarterly = LineChart(
        id: "on-time-rate", title: "按时办结率与序时进度", description: "各季度按时办结率和序时进度完成情况。",
        xLabels: ["一季度", "二季度", "三季度", "四季度", "全年"],
        series: [
            LineChart.Series(name: "按时办结率", color: ChartPalette.green, values: [82.5, 88, nil, 91.25, 87]),
            LineChart.Series(name: "序时进度", color: ChartPalette.blue, values: [25, 50, 75, 100, 100], dashed: true),
        ], unit: "%")

    static let scores = ColumnChart(
        id: "unit-scores", title: "2026年一季度单位考核得分分布", description: "各分数段的单位数。",
        bins: [
            .init(label: "<60", count: 2), .init(label: "60–70", count: 5), .init(label: "70–80", count: 11),
            .init(label: "80–90", count: 17), .init(label: "≥90", count: 6),
        ], color: ChartPalette.blue, categoryName: "分数段", valueName: "单位数")

    static func widths(ofClass className: String, in elements: [Element]) -> [Double] {
        elements.filter { $0.attributes["class"] == className }.compactMap {
            $0.attributes["width"].flatMap(Double.init)
        }
    }

    @Test func everyChartIsAWellFormedStandaloneSvg() throws {
        // setup
        let charts = [
            Self.unitChart(rows: [.init(label: "县发展改革局", values: [12, 5, 1])]).svg(), Self.quarterly.svg(),
            Self.scores.svg(),
        ]
        for svg in charts {
            // act
            let elements = try Self.parse(svg)
            // assert
            let root = try #require(elements.first)
            #expect(root.name == "svg")
            #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg")
            #expect(root.attributes["width"] == "100%" && root.attributes["role"] == "img")
            #expect(root.attributes["font-family"]?.hasPrefix("'Noto Sans CJK SC'") == true)
            #expect(root.attributes["viewBox"]?.hasPrefix("0 0 400 ") == true)
            let labelledBy = try #require(root.attributes["aria-labelledby"]).split(separator: " ").map(String.init)
            let named = elements.filter { $0.attributes["id"].map(labelledBy.contains) == true }.map(\.name)
            #expect(named == ["title", "desc"])
            #expect(!svg.contains("<script") && !svg.contains("href") && !svg.contains("url("))
        }
    }

    @Test func segmentWidthsAreProportionalToTheirValues() throws {
        // setup
        let chart = Self.unitChart(rows: [
            .init(label: "县教育局", values: [30, 10, 40]), .init(label: "县卫生健康局", values: [20, 0, 20]),
        ])
        // act
        let widths = Self.widths(ofClass: "seg", in: try Self.parse(chart.svg()))
        // assert
        try #require(widths.count == 5)
        let unit = widths[0] / 30
        for (width, value) in zip(widths, [30.0, 10, 40, 20, 20]) {
            #expect(abs(width - value * unit) <= 0.15, "segment of \(value) is \(width) wide")
        }
        #expect(abs(widths[3] + widths[4] - (widths[0] + widths[1] + widths[2]) / 2) <= 0.2)
    }

    @Test func normalisedBarsAllSpanTheTrack() throws {
        // setup
        let chart = Self.unitChart(
            rows: [.init(label: "城关镇", values: [3, 1, 0]), .init(label: "青山乡", values: [40, 50, 10])],
            normalised: true)
        // act
        let elements = try Self.parse(chart.svg())
        // assert
        let segments = Self.widths(ofClass: "seg", in: elements)
        let track = try #require(Self.widths(ofClass: "track", in: elements).first)
        try #require(segments.count == 5)
        #expect(abs(segments[0] + segments[1] - track) <= 0.15)
        #expect(abs(segments[2] + segments[3] + segments[4] - track) <= 0.15)
        #expect(abs(segments[0] / track - 0.75) <= 0.01)
    }

    @Test func textIsEscapedEverywhere() throws {
        // setup
        let hostile = "<&>\"'"
        let bar = StackedBarChart(
            id: "x", title: hostile, description: hostile, series: [.init(name: hostile, color: ChartPalette.red)],
            rows: [.init(label: "乡镇<&>街道", values: [1])])
        let line = LineChart(
            id: "y", title: hostile, description: hostile, xLabels: [hostile],
            series: [.init(name: hostile, color: ChartPalette.blue, values: [1])], unit: "<&>")
        let column = ColumnChart(id: "z", title: hostile, description: hostile, bins: [.init(label: hostile, count: 1)])
        for svg in [bar.svg(), line.svg(), column.svg()] {
            // act
            let elements = try Self.parse(svg)
            // assert
            #expect(svg.contains("&lt;&amp;&gt;&quot;&apos;"))
            #expect(!svg.contains("<&>"))
            #expect(elements.filter { $0.name == "title" }.first?.text == hostile)
        }
        #expect(try Self.parse(bar.svg()).contains { $0.name == "text" && $0.text == "乡镇<&>街道" })
    }

    @Test func idsAreUniqueWithinAChartAndAcrossCharts() throws {
        // setup
        let first = Self.unitChart(rows: [.init(label: "县水务局", values: [1, 2, 3])])
        var second = first
        second.id = "任务 按领导"
        // act
        let firstIDs = try Self.parse(first.svg()).compactMap { $0.attributes["id"] }
        let secondIDs = try Self.parse(second.svg()).compactMap { $0.attributes["id"] }
        // assert
        #expect(firstIDs == ["tasks-by-unit", "tasks-by-unit-title", "tasks-by-unit-desc"])
        #expect(Set(secondIDs).count == secondIDs.count)
        #expect(Set(firstIDs).isDisjoint(with: secondIDs))
        #expect(
            secondIDs.allSatisfy { $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_".contains($0)) } })
    }

    @Test func chartsWithoutDataSayNoData() throws {
        // setup
        let charts = [
            Self.unitChart(rows: []).svg(),
            LineChart(id: "a", title: "序时进度", description: "无", xLabels: ["1月"], series: []).svg(),
            LineChart(
                id: "b", title: "序时进度", description: "无", xLabels: ["1月", "2月"],
                series: [.init(name: "完成率", color: ChartPalette.green, values: [nil, .nan])]
            ).svg(),
            ColumnChart(id: "c", title: "得分分布", description: "无", bins: []).svg(),
        ]
        for svg in charts {
            // act
            let elements = try Self.parse(svg)
            // assert
            #expect(elements.contains { $0.name == "text" && $0.text == "暂无数据" })
            #expect(!elements.contains { $0.name == "circle" || $0.attributes["class"] == "seg" })
        }
    }

    @Test func nanAndInfiniteValuesAreTreatedAsNothing() throws {
        // setup
        let bar = Self.unitChart(rows: [
            .init(label: "县财政局", values: [.nan, 4, .infinity]), .init(label: "县审计局", values: [-2, 2]),
        ])
        let line = LineChart(
            id: "gdp", title: "地区生产总值完成情况", description: "各月累计完成值与目标值。", xLabels: ["1月", "2月", "3月", "4月"],
            series: [.init(name: "完成值", color: ChartPalette.green, values: [12.3, .nan, -.infinity, 40.15])],
            unit: "亿元")
        // act
        let barElements = try Self.parse(bar.svg())
        let lineElements = try Self.parse(line.svg())
        // assert
        #expect(Self.widths(ofClass: "seg", in: barElements).count == 2)
        #expect(lineElements.filter { $0.name == "circle" }.count == 2)
        let path = try #require(lineElements.first { $0.name == "path" }?.attributes["d"])
        #expect(path.filter { $0 == "M" }.count == 2)
        #expect(lineElements.contains { $0.name == "text" && $0.text == "单位：亿元" })
        for svg in [bar.svg(), line.svg()] {
            #expect(!svg.lowercased().contains("nan") && !svg.contains("inf"))
        }
        #expect(bar.table().rows == [["县财政局", "0", "4", "0", "4"], ["县审计局", "0", "2", "0", "2"]])
    }

    @Test func zeroTotalsDrawAnEmptyTrack() throws {
        // setup
        let chart = Self.unitChart(rows: [.init(label: "县统计局", values: [0, 0, 0]), .init(label: "县民政局", values: [])])
        // act
        let elements = try Self.parse(chart.svg())
        // assert
        #expect(Self.widths(ofClass: "seg", in: elements).isEmpty)
        #expect(Self.widths(ofClass: "track", in: elements).count == 2)
        #expect(elements.filter { $0.name == "text" && $0.text == "0" }.count == 2)
    }

    @Test func twoHundredRowsGrowTheHeightAndStayInside() throws {
        // setup
        let rows = (1...200).map { StackedBarChart.Row(label: "第\($0)责任单位（县直部门）", values: [Double($0), 1, 0]) }
        // act
        let elements = try Self.parse(Self.unitChart(rows: rows).svg())
        // assert
        let viewBox = try #require(elements.first?.attributes["viewBox"]).split(separator: " ").compactMap {
            Double($0)
        }
        let height = try #require(viewBox.last)
        #expect(height > 200 * 40)
        let bottoms = elements.compactMap { element -> Double? in
            guard let y = element.attributes["y"].flatMap(Double.init) else { return nil }
            return y + (element.attributes["height"].flatMap(Double.init) ?? 0)
        }
        #expect(bottoms.allSatisfy { $0 <= height })
        #expect(elements.filter { $0.attributes["class"] == "track" }.count == 200)
    }

    @Test(arguments: [
        (0.0, 7.0, false, [0.0, 2, 4, 6, 8]),
        (0, 100, false, [0, 25, 50, 75, 100]),
        (-3, 12, false, [-5, 0, 5, 10, 15]),
        (0, 0, false, [0, 0.5, 1]),
        (0, 3, true, [0, 1, 2, 3]),
        (0, 10, true, [0, 5, 10]),
        (-42, -8, false, [-60, -40, -20, 0]),
    ])
    func ticksAreRoundNumbersCoveringTheDataAndZero(low: Double, high: Double, whole: Bool, expected: [Double]) {
        // act
        let scale = NiceScale(minimum: low, maximum: high, wholeSteps: whole)
        // assert
        #expect(scale.ticks == expected)
    }

    @Test func theSameChartGivesTheSameBytes() {
        // setup
        let rows = [StackedBarChart.Row(label: "县住房城乡建设局", values: [1.25, 2.35, 0.05])]
        // act
        let first = [Self.unitChart(rows: rows).svg(), Self.quarterly.svg(), Self.scores.svg()]
        let second = [Self.unitChart(rows: rows).svg(), Self.quarterly.svg(), Self.scores.svg()]
        // assert
        #expect(first == second)
        #expect(
            SvgNumber.text(91.25) == "91.3" && SvgNumber.text(-0.04) == "0" && SvgNumber.text(1_000_000) == "1000000")
        #expect(!first.joined().replacingOccurrences(of: ChartFrame.fontFamily, with: "").contains(","))
    }

    @Test func tablesCarryTheDrawnNumbers() {
        // setup
        let bar = Self.unitChart(rows: [.init(label: "县交通运输局", values: [6, 2])], normalised: true)
        // act
        let barTable = bar.table()
        let lineTable = Self.quarterly.table()
        let columnTable = Self.scores.table()
        // assert
        #expect(barTable.header == ["牵头单位", "已完成", "推进中", "逾期", "合计"])
        #expect(barTable.rows == [["县交通运输局", "6（75%）", "2（25%）", "0（0%）", "8"]])
        #expect(lineTable.header == ["时间", "按时办结率（%）", "序时进度（%）"])
        #expect(lineTable.rows[2] == ["三季度", "—", "75"])
        #expect(lineTable.rows[3] == ["四季度", "91.3", "100"])
        #expect(columnTable.allRows.first == ["分数段", "单位数"])
        #expect(columnTable.rows.map { $0[1] } == ["2", "5", "11", "17", "6"])
    }

    @Test func coloursThatAreNotHexFallBackToGrey() throws {
        // setup
        let chart = StackedBarChart(
            id: "colours", title: "颜色", description: "颜色校验。",
            series: [
                .init(name: "甲", color: "#1D6B3A"), .init(name: "乙", color: "red"),
                .init(name: "丙", color: "url(#x)"), .init(name: "丁", color: "#12345g"),
            ], rows: [.init(label: "县林草局", values: [1, 1, 1, 1])])
        // act
        let elements = try Self.parse(chart.svg())
        // assert
        let segmentFills = elements.filter { $0.attributes["class"] == "seg" }.compactMap { $0.attributes["fill"] }
        #expect(segmentFills == ["#1d6b3a", "#8a919c", "#8a919c", "#8a919c"])
        #expect(ChartPalette.pending.outlined && ChartPalette.pending.color == ChartPalette.green)
        var line = Self.quarterly
        line.series[0].color = "javascript:alert(1)"
        let strokes = try Self.parse(line.svg()).filter { $0.name == "path" }.compactMap { $0.attributes["stroke"] }
        #expect(strokes == [ChartPalette.grey, ChartPalette.blue])
    }

    @Test func pendingIsDrawnAsAnOutline() throws {
        // act
        let elements = try Self.parse(Self.unitChart(rows: [.init(label: "县商务局", values: [1, 1, 1])]).svg())
        // assert
        let pending = try #require(elements.filter { $0.attributes["class"] == "seg" }.dropFirst().first)
        #expect(pending.attributes["fill"] == "#ffffff" && pending.attributes["stroke"] == ChartPalette.green)
    }

    @Test func columnHeightsFollowTheCounts() throws {
        // act
        let elements = try Self.parse(Self.scores.svg())
        // assert
        let heights = elements.filter { $0.attributes["class"] == "col" }.compactMap {
            $0.attributes["height"].flatMap(Double.init)
        }
        try #require(heights.count == 5)
        #expect(abs(heights[3] / heights[1] - 17.0 / 5) <= 0.02)
    }
}
