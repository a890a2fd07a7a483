@testable import DubanCore
import Foundation
import Testing

/// The fast reading of plain unit lists must give exactly what the full grammar gives.
@Suite("Plain unit lists")
struct PlainListEquivalenceTests {
    /// Every unit list in a text: the values after role labels and the cells of tab-separated rows.
    private static func lists(in text: String) -> [String] {
        var lists: [String] = []
        for line in text.split(separator: "\n") {
            if line.contains("\t") {
                lists += line.split(separator: "\t").map(String.init)
                continue
            }
            for label in ["单位:", "单位：", "部门:", "部门："] {
                for part in line.components(separatedBy: label).dropFirst() {
                    let value = part.prefix { $0 != ")" && $0 != "）" && $0 != ";" && $0 != "；" }
                    lists.append(String(value))
                }
            }
        }
        return lists
    }

    @Test("Agrees with the grammar on every list of our fixtures and, where present, the seed plans")
    func agreesOnRealLists() throws {
        var texts: [String] = []
        let fixtures = TestPaths.testsFolder.appendingPathComponent("Fixtures")
        // The plan texts; not the expectations, nor the folder of inputs the fuzzer once broke.
        for name in try FileManager.default.contentsOfDirectory(atPath: fixtures.path)
        where name.hasSuffix(".txt") || name.hasSuffix(".md") {
            texts.append(try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8))
        }
        if let seeds = TestPaths.seedsFolder {
            for name in try FileManager.default.contentsOfDirectory(atPath: seeds.path) {
                texts.append(try String(contentsOf: seeds.appendingPathComponent(name), encoding: .utf8))
            }
        }
        var plain = 0
        for list in texts.flatMap(Self.lists) {
            guard let fast = PlainList.units(in: list) else { continue }
            plain += 1
            #expect(fast == UnitNames.readWithGrammar(list), "\(list)")
        }
        #expect(plain > 20)
    }

    @Test("Agrees with the grammar on random lists of complete names, abbreviations and collectives")
    func agreesOnRandomLists() {
        let pieces = [
            "区发改局", "区财政局", "区科经", "商务局", "各街道办事处", "区人民政府各部门", "市发改委", "洪山",
            "江夏区人民政府", "区总工会", "团区委", "妇联", "区委组织部", "区自然资源和规划局", "区财政局和区审计局",
            "区科投集团", "国控集团", "东湖高新区管委会", "区民政局等", "区卫健局牵头", "区", "区园林和", "林业局",
            "区委", "组织部", "区公安分局", "邮政公司", "新洲分公司", "区网络安全和信息化委", "员会办公室",
        ]
        let separators = ["、", "，", ",", "；", "、", " ", "  "]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let count = Int.random(in: 1...4, using: &generator)
            var text = ""
            for index in 0..<count {
                if index > 0 { text += separators.randomElement(using: &generator) ?? "、" }
                text += pieces.randomElement(using: &generator) ?? "区发改局"
            }
            if let fast = PlainList.units(in: text) {
                #expect(fast == UnitNames.readWithGrammar(text), "\(text)")
            }
        }
    }
}
