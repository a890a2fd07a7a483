import DubanCore
import DubanFormats
import Foundation
import Testing

/// The localised targets of seed 004, whose rows quote the province's and the city's task beside the district's
/// own target: what each comparison makes of real rows.
@Suite("Localised targets in a real cascade")
struct SeedLocalisationTests {
    @Test(
        "Seed 004's rows compare with the targets they quote",
        .enabled(
            if: TestPaths.seedsFolder != nil,
            "../shared/seeds is not beside this clone; the real cascade is checked only where it is present"))
    func seed004() throws {
        let folder = try #require(TestPaths.seedsFolder)
        let decoded = try DocumentReader.read(fileAt: folder.appendingPathComponent("004_c63438cecac099c4.txt"))
        let tasks = PlanParser.parse(text: decoded.text).flatMap(\.tasks).filter { $0.parent != nil }
        func kinds(_ parentStart: String) throws -> [String] {
            let task = try #require(tasks.first { $0.parent?.text.hasPrefix(parentStart) == true }, "\(parentStart)")
            return TargetLocalisation.compare(parentText: task.parent?.text ?? "", localText: task.text).map {
                "\($0.kind.rawValue):\($0.parent?.label ?? $0.local?.label ?? "")"
            }
        }
        #expect(try kinds("地区生产总值增长") == ["lower:地区生产总值增长"])
        #expect(try kinds("城镇新增就业") == ["slice:城镇新增就业"])
        #expect(try kinds("社会消费品零售总额增长") == ["higher:社会消费品零售总额增长"])
        #expect(try kinds("固定资产投资增长") == ["same:固定资产投资增长"])
        let land = try #require(tasks.first { $0.parent?.text.contains("新增建设用地2500公顷") == true })
        let landItems = TargetLocalisation.compare(parentText: land.parent?.text ?? "", localText: land.text)
        let landItem = try #require(landItems.first)
        #expect(landItem.kind == .slice && landItem.valueInParentUnit == 100)
        let housing = try kinds("推动保障性住房建设")
        #expect(housing.contains("pending:完成适老化改造"))
        #expect(housing.contains("notLocalised:改造棚户区住房"))
    }
}
