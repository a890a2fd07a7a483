import DubanCore
import Testing

/// Localised targets against the higher task's, in the forms cascaded plans take.
@Suite("Localised targets")
struct TargetLocalisationTests {
    static func summary(_ items: [TargetLocalisation]) -> [String] {
        items.map { item in
            let share = item.share.map { String(format: " %.4f", $0) } ?? ""
            return "\(item.kind.rawValue) \(item.parent?.label ?? "-") → \(item.local?.label ?? "-")\(share)"
        }
    }

    @Test("A count handed down is a slice with its share; a growth rate set lower is lower")
    func sliceAndLower() {
        #expect(
            Self.summary(TargetLocalisation.compare(parentText: "城镇新增就业20万人以上。", localText: "城镇新增就业6000人。"))
                == ["slice 城镇新增就业 → 城镇新增就业 0.0300"])
        #expect(
            Self.summary(TargetLocalisation.compare(parentText: "地区生产总值增长7%左右。", localText: "地区生产总值增长6%以上。"))
                == ["lower 地区生产总值增长 → 地区生产总值增长"])
        #expect(
            Self.summary(
                TargetLocalisation.compare(parentText: "社会消费品零售总额增长9%。", localText: "社会消费品零售总额增长9.5%。"))
                == ["higher 社会消费品零售总额增长 → 社会消费品零售总额增长"])
    }

    @Test("公顷 handed down in 亩 converts exactly; the value is kept in the parent's unit")
    func convertedArea() throws {
        let items = TargetLocalisation.compare(parentText: "新增建设用地2000公顷。", localText: "新增建设用地1200亩。")
        let item = try #require(items.first)
        #expect(items.count == 1 && item.kind == .slice)
        #expect(item.valueInParentUnit == 80)
        #expect(abs((item.share ?? 0) - 0.04) < 1e-9)
    }

    @Test("Units that measure different things are set side by side, never compared")
    func otherUnit() {
        let items = TargetLocalisation.compare(parentText: "开展职业技能培训30万人次。", localText: "开展职业技能培训3000人。")
        #expect(Self.summary(items) == ["otherUnit 开展职业技能培训 → 开展职业技能培训"])
        #expect(items.first?.valueInParentUnit == nil)
    }

    @Test(
        "A target the higher task never set is extra; one not yet handed down is pending; one ignored is not localised")
    func extraPendingNotLocalised() {
        let parent = "改造老旧小区3000个，完成适老化改造2万户。"
        let pending = TargetLocalisation.compare(
            parentText: parent, localText: "改造老旧小区45个，新建口袋公园6个；适老化改造按市民政局下达目标落实（目标暂未下达到各区）。")
        #expect(
            Self.summary(pending) == [
                "slice 改造老旧小区 → 改造老旧小区 0.0150", "extraMetric - → 新建口袋公园", "pending 完成适老化改造 → -",
            ])
        let ignored = TargetLocalisation.compare(parentText: parent, localText: "改造老旧小区45个。")
        #expect(Self.summary(ignored).last == "notLocalised 完成适老化改造 → -")
    }

    @Test("Districts' slices add up in the parent's unit; rates give their range; other units are left out")
    func totals() throws {
        let parent = "新增建设用地2000公顷，工业投资增长8%。"
        let east = TargetLocalisation.compare(parentText: parent, localText: "新增建设用地1200亩，工业投资增长6%。")
        let west = TargetLocalisation.compare(parentText: parent, localText: "新增建设用地150公顷，工业投资增长9%。")
        let north = TargetLocalisation.compare(parentText: parent, localText: "新增建设用地30宗。")
        let totals = LocalisedTotal.totals([east, west, north])
        let land = try #require(totals.first)
        #expect(land.sum == 230 && land.counted == 2 && land.leftOut == 1)
        #expect(abs((land.share ?? 0) - 0.115) < 1e-9)
        let growth = try #require(totals.last)
        #expect(growth.sum == nil && growth.range == 6...9 && growth.counted == 2 && growth.leftOut == 1)
    }

    @Test("Units read with their magnitudes and exact conversions only")
    func units() {
        #expect(MeasureUnit("万人").convert(1.2, to: MeasureUnit("人")) == 12000)
        #expect(MeasureUnit("名").converts(to: MeasureUnit("人")))
        #expect(!MeasureUnit("人次").converts(to: MeasureUnit("人")))
        #expect(MeasureUnit("万吨/日").convert(4, to: MeasureUnit("吨/日")) == 40000)
        #expect(!MeasureUnit("万吨/日").converts(to: MeasureUnit("吨")))
        #expect(MeasureUnit("亿元").convert(1, to: MeasureUnit("万元")) == 10000)
    }
}
