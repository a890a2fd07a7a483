import DubanCore
import Foundation
import Testing

/// `QuantifiedTargets.extract` on sentences written for these tests, one behaviour each.
@Suite("Quantified targets in task text")
struct QuantifiedTargetsTests {
    @Test(
        "The brief's examples read as label, value, unit, comparison and kind",
        arguments: [
            ("地区生产总值增长6%左右", "地区生产总值增长 | 6 | % | about | growthRate"),
            ("新增城镇就业1.2万人", "新增城镇就业 | 1.2 | 万人 | exact | count"),
            ("新建5G基站300个以上", "新建5G基站 | 300 | 个 | atLeast | count"),
            ("技改投资增长12%", "技改投资增长 | 12 | % | exact | growthRate"),
            ("办理时限压缩至1个工作日以内", "办理时限 | 1 | 个工作日 | atMost | level"),
            ("空气质量优良天数比例达到83%", "空气质量优良天数比例 | 83 | % | atLeast | level"),
            ("兑现资金不少于5000万元", "兑现资金 | 5000 | 万元 | atLeast | level"),
            ("重污染天数控制在3天以内", "重污染天数 | 3 | 天 | atMost | level"),
            ("居民消费价格涨幅控制在3%左右", "居民消费价格涨幅 | 3 | % | atMost | growthRate"),
            ("新增学位3600个", "新增学位 | 3600 | 个 | exact | count"),
            ("完成老旧小区加装电梯40部", "完成老旧小区加装电梯 | 40 | 部 | exact | count"),
        ])
    func briefExamples(text: String, expected: String) {
        // act
        let targets = QuantifiedTargets.extract(from: text)
        // assert
        #expect(targets.summaries == [expected])
    }

    @Test("Text and range give the exact span to highlight, comparison words included, label excluded")
    func textAndRange() throws {
        // setup
        let text = "空气质量优良天数比例达到83%，重污染天数控制在3天以内。"
        // act
        let targets = QuantifiedTargets.extract(from: text)
        // assert
        #expect(targets.map(\.text) == ["达到83%", "控制在3天以内"])
        let characters = Array(text)
        for target in targets {
            #expect(String(characters[target.range]) == target.text)
        }
        #expect(targets.first?.range == 10..<15)
    }

    @Test("Every figure of a sentence comes out, in order")
    func severalInOrder() {
        // act
        let targets = QuantifiedTargets.extract(from: "新增城镇就业8000人、农村劳动力转移就业5000人，城镇调查失业率控制在4.5%以内。")
        // assert
        #expect(
            targets.summaries == [
                "新增城镇就业 | 8000 | 人 | exact | count",
                "新增农村劳动力转移就业 | 5000 | 人 | exact | count",
                "城镇调查失业率 | 4.5 | % | atMost | level",
            ])
    }

    @Test(
        "Years, months, quarters, ordinals, line numbers, phases and document numbers are not targets",
        arguments: [
            "2026年12月底前完成", "第二季度起每季度第1个月20日前报送", "开通6号线一期、16号线二期",
            "东政办〔2022〕1号", "京东方10.5代线扩产", "到2025年", "2023-2025年持续推进",
        ])
    func datesAndNumbersAreNotTargets(text: String) {
        #expect(QuantifiedTargets.extract(from: text).isEmpty)
    }

    @Test("A year before a target is dropped from the label but the target stays")
    func yearBeforeTarget() {
        #expect(
            QuantifiedTargets.extract(from: "到2025年，建筑垃圾资源化利用率达到70%。").summaries == [
                "建筑垃圾资源化利用率 | 70 | % | atLeast | level"
            ])
    }

    @Test("Figures inside brackets and quotation marks are notes and names, not targets")
    func bracketsAndQuotes() {
        // act
        let targets = QuantifiedTargets.extract(
            from: "城镇登记失业率控制在4.5%以内（全省目标为5.5%），开展“323”攻坚行动，落实“17条”政策。")
        // assert
        #expect(targets.summaries == ["城镇登记失业率 | 4.5 | % | atMost | level"])
    }

    @Test("The higher level's figure in cascaded text is skipped when labelled")
    func higherLevelSkipped() {
        // act
        let targets = QuantifiedTargets.extract(from: "市级目标：新增城镇就业22万人；区级目标：新增城镇就业8000人。")
        // assert
        #expect(targets.summaries == ["新增城镇就业 | 8000 | 人 | exact | count"])
    }

    @Test("Full-width digits, decimal point and per-cent sign read like ASCII ones; the unit is normalised")
    func fullWidth() {
        // act
        let targets = QuantifiedTargets.extract(from: "新增城镇就业１．２万人，旅游综合收入增长１０％以上")
        // assert
        #expect(
            targets.summaries == [
                "新增城镇就业 | 1.2 | 万人 | exact | count", "旅游综合收入增长 | 10 | % | atLeast | growthRate",
            ])
        #expect(targets.last?.text == "１０％以上")
    }

    @Test(
        "A range keeps both ends and is about",
        arguments: [
            ("地区生产总值增长5%—6%", "地区生产总值增长 | 5~6 | % | about | growthRate"),
            ("每条链重点培育3至5个项目", "每条链重点培育项目 | 3~5 | 个 | about | count"),
            ("新增市级龙头企业3—4家", "新增市级龙头企业 | 3~4 | 家 | about | count"),
        ])
    func ranges(text: String, expected: String) {
        #expect(QuantifiedTargets.extract(from: text).summaries == [expected])
    }

    @Test("A count before what it counts joins the verb and the noun; an enumeration keeps only the verb")
    func countBeforeNoun() {
        // act
        let targets = QuantifiedTargets.extract(
            from: "新建2所公办托育园，建成区人民医院综合住院楼、慈惠街道卫生院等7个医疗卫生项目，新建10座陆地消防站和1座水上消防站。")
        // assert
        #expect(
            targets.summaries == [
                "新建公办托育园 | 2 | 所 | exact | count", "建成医疗卫生项目 | 7 | 个 | exact | count",
                "新建陆地消防站 | 10 | 座 | exact | count", "新建水上消防站 | 1 | 座 | exact | count",
            ])
    }

    @Test("A list after 、 borrows the first item's verb, or its whole label when it has none")
    func listsShareLabels() {
        // act
        let targets = QuantifiedTargets.extract(
            from: "新增充电桩1700个、集中式充电站5个，确保农作物秸秆和规模化畜禽粪便综合利用率分别达到95%、100%。")
        // assert
        #expect(
            targets.summaries == [
                "新增充电桩 | 1700 | 个 | exact | count", "新增集中式充电站 | 5 | 个 | exact | count",
                "农作物秸秆和规模化畜禽粪便综合利用率 | 95 | % | atLeast | level",
                "农作物秸秆和规模化畜禽粪便综合利用率 | 100 | % | atLeast | level",
            ])
    }

    @Test("Leading connectives and dates are trimmed from the label")
    func connectivesTrimmed() {
        // act
        let targets = QuantifiedTargets.extract(from: "力争全年新增市场主体2万户，其中企业5000户；并确保年内实现车光产业产值950亿元。")
        // assert
        #expect(
            targets.summaries == [
                "新增市场主体 | 2 | 万户 | exact | count", "企业 | 5000 | 户 | exact | count",
                "车光产业产值 | 950 | 亿元 | exact | level",
            ])
    }

    @Test(
        "A figure that only qualifies the noun after it is not a target",
        arguments: ["打造15分钟便民生活圈", "为75岁以上老年人免费体检", "全面消除集体经济营收5万元以下相对薄弱村"])
    func qualifiersAreNotTargets(text: String) {
        #expect(QuantifiedTargets.extract(from: text).isEmpty)
    }

    @Test("A money threshold qualifying projects is skipped while the project count is kept")
    func moneyThreshold() {
        #expect(
            QuantifiedTargets.extract(from: "引进30亿元以上服务业项目3个").summaries == [
                "引进30亿元以上服务业项目 | 3 | 个 | exact | count"
            ])
    }

    @Test("Figures glued to Latin letters are names: 5G, PM2.5, G318")
    func namesWithLetters() {
        // act
        let targets = QuantifiedTargets.extract(from: "确保PM2.5浓度下降5%，建成G318改线工程，新建300个5G基站。")
        // assert
        #expect(
            targets.summaries == [
                "PM2.5浓度下降 | 5 | % | exact | growthRate", "新建5G基站 | 300 | 个 | exact | count",
            ])
    }

    @Test("Small Chinese numerals count after a counting verb; slogans are left alone")
    func chineseNumerals() {
        // act
        let targets = QuantifiedTargets.extract(from: "新建两所幼儿园，打造三个示范社区，增强“四个意识”，分类建立民生三个项目库。")
        // assert
        #expect(
            targets.summaries == ["新建幼儿园 | 2 | 所 | exact | count", "打造示范社区 | 3 | 个 | exact | count"])
        #expect(targets.first?.text == "两所")
    }

    @Test("余 and 多 make a floor; 约 an approximation; 不大于 a ceiling, not the floor 大于")
    func comparisonWords() {
        // act
        let targets = QuantifiedTargets.extract(from: "完成100余个村庄整治，总面积约15.7平方公里，污泥含水率不大于60%。")
        // assert
        #expect(
            targets.summaries == [
                "完成村庄整治 | 100 | 个 | atLeast | count", "总面积 | 15.7 | 平方公里 | about | count",
                "污泥含水率 | 60 | % | atMost | level",
            ])
    }

    @Test("A restated stretch goal after a comma keeps the indicator's label")
    func stretchGoal() {
        #expect(
            QuantifiedTargets.extract(from: "期末企业总量预期达到33354户,力争达到33823户。").summaries == [
                "期末企业总量预期 | 33354 | 户 | atLeast | count", "期末企业总量预期 | 33823 | 户 | atLeast | count",
            ])
    }

    @Test("A total with no words of its own measures the clause before it")
    func totalOfPreviousClause() {
        #expect(
            QuantifiedTargets.extract(from: "为高校毕业生等群体提供就业创业和职业技能培训,共计24万人以上。").summaries == [
                "高校毕业生等群体提供就业创业和职业技能培训 | 24 | 万人 | atLeast | count"
            ])
    }

    @Test("Rates per day and per second keep their suffix in the unit")
    func rateUnits() {
        #expect(
            QuantifiedTargets.extract(from: "新增泵站抽排能力169立方米/秒，城镇垃圾处理能力达600吨/日").summaries == [
                "新增泵站抽排能力 | 169 | 立方米/秒 | exact | count", "城镇垃圾处理能力 | 600 | 吨/日 | atLeast | count",
            ])
    }

    @Test("Targets encode to JSON and back unchanged")
    func codable() throws {
        // setup
        let targets = QuantifiedTargets.extract(from: "地区生产总值增长5%—6%，新增学位3600个")
        // act
        let data = try JSONEncoder().encode(targets)
        let decoded = try JSONDecoder().decode([QuantifiedTarget].self, from: data)
        // assert
        #expect(decoded == targets)
    }

    @Test("Text without figures yields nothing")
    func noFigures() {
        #expect(QuantifiedTargets.extract(from: "深化“放管服”改革，推行“一网通办”。").isEmpty)
        #expect(QuantifiedTargets.extract(from: "").isEmpty)
    }
}
