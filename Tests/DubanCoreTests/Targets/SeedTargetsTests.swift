import DubanCore
import Foundation
import Testing

/// `QuantifiedTargets.extract` on the tasks of the real plans in ../shared/seeds, as `PlanParser` reads them:
/// chosen tasks are checked target by target, and every task is checked for figures that must never be targets.
@Suite("Quantified targets in the seed plans")
struct SeedTargetsTests {
    static let seeds = [
        "000_7880d5122929e61d", "001_0582390a37362b00", "002_e6966e7ac26a54e2", "003_81d44f3e05d7e8e0",
        "004_c63438cecac099c4",
    ]

    /// Each seed parsed once for the whole suite: the gazette is the largest input the parser sees.
    static let documents: [String: [PlanDocument]] = {
        guard let folder = TestPaths.seedsFolder else { return [:] }
        var documents: [String: [PlanDocument]] = [:]
        for seed in seeds {
            let url = folder.appendingPathComponent("\(seed).txt")
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            documents[seed] = PlanParser.parse(text: text)
        }
        return documents
    }()

    /// One task of a seed, by document index and key.
    static func task(_ seed: String, document: Int, key: String) throws -> PlanTask {
        let documents = try #require(Self.documents[seed])
        let document = try #require(documents.indices.contains(document) ? documents[document] : nil)
        return try #require(document.tasks.first { $0.key == key }, "no task \(key) in \(seed) #\(document)")
    }

    /// A real task and every target it states, as `QuantifiedTarget.summary` lines.
    struct Case: CustomTestStringConvertible, Sendable {
        var seed: String
        var document: Int
        var key: String
        var expected: [String]
        var testDescription: String { "\(seed.prefix(3)) #\(document) \(key)" }
    }

    static let cases: [Case] = [
        // 东西湖 2022
        Case(
            seed: "000_7880d5122929e61d", document: 0, key: "一.1",
            expected: ["地区生产总值增长 | 8 | % | atLeast | growthRate"]),
        Case(
            seed: "000_7880d5122929e61d", document: 0, key: "三.24",
            expected: [
                "引进30亿元以上工业和服务业项目 | 1 | 个 | atLeast | count", "引进外向型产业项目 | 3 | 个 | atLeast | count",
                "招商引资实际到位资金增长 | 12 | % | exact | growthRate",
            ]),
        Case(
            seed: "000_7880d5122929e61d", document: 0, key: "四.58",
            expected: [
                "农作物秸秆和规模化畜禽粪便综合利用率 | 95 | % | atLeast | level",
                "农作物秸秆和规模化畜禽粪便综合利用率 | 100 | % | atLeast | level",
            ]),
        Case(
            seed: "000_7880d5122929e61d", document: 0, key: "六.76",
            expected: ["新增城镇就业 | 1.2 | 万人 | exact | count"]),
        Case(
            seed: "000_7880d5122929e61d", document: 0, key: "六.84",
            expected: [
                "新建街道养老服务综合体 | 2 | 个 | exact | count", "新建社区老年人服务中心 | 7 | 个 | exact | count",
                "新建农村老年人互助照料中心 | 5 | 个 | exact | count",
            ]),
        // 武汉 2022
        Case(
            seed: "001_0582390a37362b00", document: 0, key: "一.(三)",
            expected: ["居民消费价格涨幅 | 3 | % | about | growthRate"]),
        Case(
            seed: "001_0582390a37362b00", document: 0, key: "三.六.11",
            expected: [
                "开展45—60岁人群免费结直肠癌早期筛查 | 10 | 万例 | exact | count",
                "开展孕妇无创产前基因免费筛查 | 5 | 万例 | exact | count",
                "开展适龄妇女“两癌”(乳腺癌、宫颈癌)免费筛查 | 15 | 万例 | exact | count",
            ]),
        Case(seed: "001_0582390a37362b00", document: 0, key: "二.九.155", expected: []),
        // 江夏 2023
        Case(
            seed: "002_e6966e7ac26a54e2", document: 0, key: "二.五.98",
            expected: ["新增就业人数 | 0.9 | 万人 | exact | count", "城镇登记失业率 | 3 | % | atMost | level"]),
        Case(
            seed: "002_e6966e7ac26a54e2", document: 0, key: "二.三.70",
            expected: [
                "新建高标准农田 | 1.8 | 万亩 | exact | count", "粮食播种面积 | 48 | 万亩 | atLeast | count",
                "产量 | 4.1 | 亿斤 | atLeast | count",
            ]),
        Case(seed: "002_e6966e7ac26a54e2", document: 0, key: "二.一.9", expected: []),
        // 湖北 2019
        Case(
            seed: "003_81d44f3e05d7e8e0", document: 0, key: "46",
            expected: ["改造农村危房 | 5.8 | 万户 | exact | count"]),
        // 新洲 2023 gazette: the waste plan, the department table, the cascaded annexes
        Case(
            seed: "004_c63438cecac099c4", document: 0, key: "二.一.5",
            expected: [
                "冶金渣综合利用率 | 100 | % | atLeast | level", "粉煤灰、脱硫石膏综合利用率 | 100 | % | exact | level",
            ]),
        Case(
            seed: "004_c63438cecac099c4", document: 1, key: "区人社局.1",
            expected: ["城镇调查失业率 | 4.5 | % | atMost | level"]),
        Case(
            seed: "004_c63438cecac099c4", document: 1, key: "区发改局.13",
            expected: ["空气质量优良天数 | 84 | % | atLeast | level"]),
        Case(
            seed: "004_c63438cecac099c4", document: 1, key: "区商务局.13",
            expected: ["每条链重点培育项目 | 3~5 | 个 | about | count"]),
        Case(
            seed: "004_c63438cecac099c4", document: 1, key: "区财政局.3",
            expected: ["“三公”经费再压减 | 5 | % | exact | growthRate"]),
        Case(
            seed: "004_c63438cecac099c4", document: 2, key: "附件3.29",
            expected: ["新建5G基站 | 300 | 个 | exact | count"]),
        Case(
            seed: "004_c63438cecac099c4", document: 2, key: "附件2.7",
            expected: [
                "异地就医定点医疗机构 | 11 | 家 | atLeast | count", "定点零售药店 | 291 | 家 | atLeast | count",
            ]),
        Case(
            seed: "004_c63438cecac099c4", document: 2, key: "附件3.17",
            expected: [
                "期末各类市场主体总量预期 | 111030 | 户 | atLeast | count",
                "期末各类市场主体总量预期 | 112146 | 户 | atLeast | count",
                "期末企业总量预期 | 33354 | 户 | atLeast | count", "期末企业总量预期 | 33823 | 户 | atLeast | count",
            ]),
    ]

    @Test(
        "A real task's targets are read exactly",
        .enabled(if: TestPaths.seedsFolder != nil, "../shared/seeds is not beside this clone"), arguments: cases)
    func realTask(_ testCase: Case) throws {
        // setup
        let task = try Self.task(testCase.seed, document: testCase.document, key: testCase.key)
        // act
        let targets = QuantifiedTargets.extract(from: task.text)
        // assert
        #expect(targets.summaries == testCase.expected)
    }

    /// Units that would mean a date, an ordinal or a phase was read as a target.
    static let dateUnits: Set<String> = ["年", "月", "日", "号", "季度", "期", "代", "届", "岁"]

    @Test(
        "No target across all seed tasks comes from a year, a date, an ordinal or a note",
        .enabled(if: TestPaths.seedsFolder != nil, "../shared/seeds is not beside this clone"))
    func noDatesAnywhere() throws {
        // setup
        let tasks = Self.seeds.flatMap { Self.documents[$0] ?? [] }.flatMap(\.tasks)
        try #require(tasks.count > 900)
        var count = 0
        for task in tasks {
            // act
            let targets = QuantifiedTargets.extract(from: task.text)
            count += targets.count
            // assert
            let characters = Array(task.text)
            for target in targets {
                let after =
                    characters.indices.contains(target.range.upperBound) ? characters[target.range.upperBound] : " "
                #expect(!Self.dateUnits.contains(target.unit), "\(task.key): \(target.text)")
                #expect(
                    !(target.value >= 1900 && target.value <= 2100 && "年月".contains(after)),
                    "\(task.key): \(target.text)")
                #expect(!target.text.contains("年") && !target.text.contains("月"), "\(task.key): \(target.text)")
                #expect(String(characters[target.range]) == target.text, "\(task.key): range of \(target.text)")
                #expect(!target.label.isEmpty, "\(task.key): \(target.text) has no label")
            }
        }
        #expect(count > 600, "the seeds state hundreds of targets; \(count) found")
    }

    @Test(
        "A dated target keeps its figure and drops the year: 到2025年，…达到100%",
        .enabled(if: TestPaths.seedsFolder != nil, "../shared/seeds is not beside this clone"))
    func datedTarget() throws {
        // setup
        let task = try Self.task("004_c63438cecac099c4", document: 0, key: "二.一.3")
        #expect(task.text.contains("到2025年"))
        // act
        let targets = QuantifiedTargets.extract(from: task.text)
        // assert
        #expect(targets.summaries == ["重点行业企业清洁生产审核评估率 | 100 | % | atLeast | level"])
    }
}
