import DubanCore
import Testing

/// A higher level's figure against the lower levels' slices of it, for the same period.
@Suite("Figures across levels")
struct LevelFiguresTests {
    static let cityText = "推进城市更新，改造老旧小区400个。"

    static func contributions(_ localText: String, _ figures: [LevelFigures.Reported]) -> [String] {
        let localisations = TargetLocalisation.compare(parentText: cityText, localText: localText)
        return LevelFigures.contributions(
            figures, localisations: localisations, to: QuantifiedTargets.extract(from: cityText)
        ).map { "\($0.target.label) \(LevelFigures.format($0.value))" }
    }

    @Test("A district's count of its slice counts towards the city's target, in the city's unit")
    func contributionOfASlice() {
        #expect(
            Self.contributions(
                "改造老旧小区20个。", [.init(label: "改造老旧小区", unit: "个", value: 12)]) == ["改造老旧小区 12"])
        // A figure for another label, or none at all, contributes nothing.
        #expect(Self.contributions("改造老旧小区20个。", [.init(label: "新建停车位", unit: "个", value: 12)]).isEmpty)
    }

    @Test("Hectares reported against a target in mu convert exactly; a growth rate is never added")
    func conversionAndRates() {
        let city = "新增高标准农田6000亩。"
        let localisations = TargetLocalisation.compare(parentText: city, localText: "新增高标准农田100公顷。")
        let parts = LevelFigures.contributions(
            [.init(label: "新增高标准农田", unit: "公顷", value: 40)], localisations: localisations,
            to: QuantifiedTargets.extract(from: city))
        #expect(parts.map(\.value) == [600])
        let growth = "地区生产总值增长5.5%左右。"
        let rates = LevelFigures.contributions(
            [.init(label: "地区生产总值增长", unit: "%", value: 6)],
            localisations: TargetLocalisation.compare(parentText: growth, localText: "地区生产总值增长6%左右。"),
            to: QuantifiedTargets.extract(from: growth))
        #expect(rates.isEmpty)
    }

    @Test("A city figure below its districts' sum is a contradiction, with every district's part named")
    func contradiction() throws {
        let target = try #require(QuantifiedTargets.extract(from: Self.cityText).first)
        let found = try #require(
            LevelFigures.contradiction(
                whole: 15, target: target,
                parts: [.init(government: "青溪区", value: 12), .init(government: "白沙区", value: 8)]))
        #expect(found.sum == 20)
        #expect(found.evidence == "改造老旧小区15个，少于下级同期已报合计20个（青溪区12个、白沙区8个）")
        // Equal, or more, is consistent: the city may count projects of its own.
        #expect(
            LevelFigures.contradiction(
                whole: 20, target: target,
                parts: [.init(government: "青溪区", value: 12), .init(government: "白沙区", value: 8)]) == nil)
        #expect(LevelFigures.contradiction(whole: 0, target: target, parts: []) == nil)
    }

    @Test("Two units of one district reporting the same figure count once")
    func oneGovernmentOnce() throws {
        let target = try #require(QuantifiedTargets.extract(from: Self.cityText).first)
        let parts: [LevelFigures.Part] = [
            .init(government: "青溪区", value: 12), .init(government: "青溪区", value: 12),
            .init(government: "白沙区", value: 8),
        ]
        #expect(LevelFigures.contradiction(whole: 20, target: target, parts: parts) == nil)
        #expect(LevelFigures.contradiction(whole: 19, target: target, parts: parts)?.sum == 20)
    }
}
