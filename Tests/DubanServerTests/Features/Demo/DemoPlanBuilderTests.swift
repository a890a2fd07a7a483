@testable import DubanServer
import DubanCore
import Testing

/// The generated demo plans without a database: fixed, fully filled, and written so the real parser reads
/// their text back into the same tasks.
@Suite("Demo plan builder")
struct DemoPlanBuilderTests {
    private func build(_ blueprint: DemoPlanBlueprint) -> DemoPlanBuilder.Output {
        var builder = DemoPlanBuilder(seed: UInt64(blueprint.year))
        return builder.build(blueprint)
    }

    @Test("The same seed builds the same plan")
    func deterministic() {
        #expect(build(DemoContent.thisYear).document == build(DemoContent.thisYear).document)
        #expect(build(DemoContent.lastYear).text == build(DemoContent.lastYear).text)
    }

    @Test("Every figure slot is filled and task keys are unique")
    func slotsFilled() {
        for blueprint in [DemoContent.thisYear, DemoContent.lastYear] {
            let tasks = build(blueprint).document.tasks
            #expect(tasks.allSatisfy { !$0.text.contains("{") && !$0.text.contains("}") })
            #expect(Set(tasks.map(\.key)).count == tasks.count)
        }
    }

    @Test("Figures differ between the years")
    func yearsDiffer() {
        let thisYear = Set(build(DemoContent.thisYear).document.tasks.map(\.text))
        let lastYear = build(DemoContent.lastYear).document.tasks.map(\.text)
        #expect(lastYear.filter(thisYear.contains).count < lastYear.count / 2)
    }

    @Test("The plan's text parses back into the same tasks", arguments: [2026, 2025])
    func textParsesBack(year: Int) throws {
        // setup
        let blueprint = year == DemoContent.thisYearNumber ? DemoContent.thisYear : DemoContent.lastYear
        let output = build(blueprint)
        // act
        let parsed = try #require(PlanParser.parse(text: output.text).first)
        // assert
        #expect(parsed.title == blueprint.title)
        #expect(parsed.docNumber == blueprint.docNumber)
        #expect(parsed.warnings.isEmpty)
        try #require(parsed.tasks.count == output.document.tasks.count)
        for (built, read) in zip(output.document.tasks, parsed.tasks) {
            #expect(read.key == built.key)
            #expect(read.kind == built.kind)
            #expect(read.text == built.text)
            #expect(read.line == built.line)
            #expect(read.sections == built.sections)
            #expect(read.roles.leaders == built.roles.leaders)
            #expect(read.roles.deadline == built.roles.deadline)
            for role in AssignmentRole.allCases {
                #expect(
                    read.roles.units(role).map(\.name) == built.roles.units(role).map(\.name), "\(built.key) \(role)")
            }
        }
    }

    @Test("The bundled document reads as twenty cascaded tasks with leaders and deadlines")
    func bundledPlan() throws {
        let (document, source) = try BundledDemoPlan.load()
        #expect(document.year == 2026)
        #expect(document.tasks.count == 20)
        #expect(document.tasks.allSatisfy { $0.kind == .cascaded && $0.parent != nil && !$0.roles.leaders.isEmpty })
        #expect(source.text.contains("市级下达的责任事项"))
    }
}
