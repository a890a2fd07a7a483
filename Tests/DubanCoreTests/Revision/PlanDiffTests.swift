import DubanCore
import Testing

/// Pairing a published plan's tasks with a revised document's, and naming what changed.
@Suite("Plan diff")
struct PlanDiffTests {
    static func task(
        _ key: String, _ text: String, number: String? = nil, leaders: [String] = ["王立新"],
        lead: [String] = ["区发展和改革局"], deadline: String? = nil
    ) -> TaskSnapshot {
        TaskSnapshot(
            key: key, number: number ?? String(key.split(separator: ".").last ?? ""), sections: ["一、重点工作"],
            text: text, leaders: leaders, units: [.lead: lead], deadline: deadline)
    }

    static let published = [
        task("一.1", "新建5G基站300个，实现城区全覆盖。"),
        task("一.2", "新建养老服务综合体2个，新增养老床位500张。"),
        task("一.3", "建设数字乡村试点村10个。"),
        task("一.4", "开展全民健身活动100场次。"),
    ]

    @Test("An identical document has no changes")
    func identical() {
        #expect(PlanDiff.changes(from: Self.published, to: Self.published).isEmpty)
    }

    @Test("A task removed and the rest renumbered: one removal, the renumbered tasks only change number")
    func renumbered() {
        // setup
        let revised = [
            Self.task("一.1", "新建5G基站300个，实现城区全覆盖。"),
            Self.task("一.2", "建设数字乡村试点村10个。"),
            Self.task("一.3", "开展全民健身活动100场次。"),
        ]
        // act
        let changes = PlanDiff.changes(from: Self.published, to: revised)
        // assert
        #expect(changes.map(\.id) == ["changed:一.3", "changed:一.4", "removed:一.2"])
        #expect(changes[0].fields == [.number] && changes[1].fields == [.number])
        #expect(changes[2].old?.text == "新建养老服务综合体2个，新增养老床位500张。")
    }

    @Test("Edited words at the same number, a new unit, a new deadline and an added task")
    func editedAndAdded() {
        // setup
        let revised = [
            Self.task("一.1", "新建5G基站500个，实现城区和重点镇全覆盖。"),
            Self.task("一.2", "新建养老服务综合体2个，新增养老床位500张。", lead: ["区民政局"]),
            Self.task("一.3", "建设数字乡村试点村10个。", deadline: "2026年10月"),
            Self.task("一.4", "开展全民健身活动100场次。", leaders: ["孙丽"]),
            Self.task("一.5", "新增公共停车泊位2000个。"),
        ]
        // act
        let changes = PlanDiff.changes(from: Self.published, to: revised)
        // assert
        #expect(changes.map(\.kind) == [.changed, .changed, .changed, .changed, .added])
        #expect(changes.map(\.fields) == [[.text], [.units], [.deadline], [.leaders], []])
        #expect(changes.last?.id == "added:一.5")
    }

    @Test("An edited task that was also renumbered is paired by its words, not reported as removed and added")
    func editedAndMoved() {
        // setup: task 2 dropped, task 3 edited and now numbered 2
        let revised = [
            Self.task("一.1", "新建5G基站300个，实现城区全覆盖。"),
            Self.task("一.2", "建设数字乡村试点村12个。"),
            Self.task("一.3", "开展全民健身活动100场次。"),
        ]
        // act
        let pairs = PlanDiff.pair(Self.published, revised)
        // assert
        #expect(pairs == [0: 0, 1: 2, 2: 3])
    }

    @Test("A different task under a reused number is a removal and an addition")
    func reusedNumber() {
        // setup
        let revised = Array(Self.published.prefix(3)) + [Self.task("一.4", "实施老旧小区改造项目18个。")]
        // act
        let changes = PlanDiff.changes(from: Self.published, to: revised)
        // assert
        #expect(changes.map(\.id) == ["added:一.4", "removed:一.4"])
    }
}
