@testable import DubanCore
import Testing

/// Rule 7: any input, however broken, yields a list and never a trap.
@Suite("Unit lists: robustness")
struct UnitRobustnessTests {
    /// Characters that exercise every branch of the grammar: separators, brackets, spaces, markup,
    /// conjunctions, suffix and prefix characters.
    static let alphabet: [Character] = Array(
        "、，,；;。:： \u{3000}\t\n()（）〈〉<>[]【】《》&;/p区市局委办街道办事处人民政府管委会各相关等和及含下同发改科经开发区集团a１"
    )

    /// Characters that must never survive inside a parsed name.
    static let forbidden: Set<Character> = ["、", ",", ";", "（", "）", "<", ">"]

    /// The name without balanced bracketed parts; an unbalanced bracket stays and fails the check.
    static func outsideBrackets(_ name: String) -> String {
        var depth = 0
        var kept = ""
        var pending = ""
        for character in name {
            if character == "（" {
                depth += 1
                pending.append(character)
            } else if character == "）", depth > 0 {
                depth -= 1
                if depth == 0 { pending = "" } else { pending.append(character) }
            } else if depth > 0 {
                if character.isWhitespace || [",", ";", "<", ">"].contains(character) { kept.append(character) }
                pending.append(character)
            } else {
                kept.append(character)
            }
        }
        return kept + pending
    }

    /// A small deterministic generator so failures reproduce.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return value ^ (value >> 31)
        }
    }

    @Test("random strings from the separator and bracket alphabet parse into clean names")
    func randomInputs() {
        var generator = SplitMix(state: 20_240_601)
        for _ in 0..<2_000 {
            let length = Int.random(in: 0...40, using: &generator)
            let text = String((0..<length).map { _ in Self.alphabet.randomElement(using: &generator) ?? "区" })
            let units = UnitNames.parseList(text)
            let names = units.map(\.name)
            #expect(Set(names).count == names.count, "duplicates for \(text)")
            for unit in units {
                #expect(unit.name.count >= 2, "fragment for \(text)")
                // A collective name may keep its own bracketed words ("各县（市、区）政府"); nothing else may.
                let outside = unit.isCollective ? Self.outsideBrackets(unit.name) : unit.name
                let unclean = outside.contains { $0.isWhitespace || Self.forbidden.contains($0) }
                #expect(!unclean, "unclean \(unit.name) for \(text)")
                #expect(!unit.aliases.contains(unit.name))
            }
        }
    }

    @Test("degenerate inputs give an empty list", arguments: ["", " ", "、", "（）", "((((", "))))", "<p></p>", "等", "区"])
    func degenerateInputs(_ text: String) {
        #expect(UnitNames.parseList(text).isEmpty)
        #expect(UnitNames.parseCell(text).isEmpty)
    }

    @Test("very long inputs finish and keep every unit")
    func longInput() {
        let list = Array(repeating: "区发改、科经、商务局", count: 2_000).joined(separator: ",")
        #expect(UnitTestSupport.names(list) == ["区发改局", "区科经局", "区商务局"])
        let cell = (0..<3_000).map { "区第\($0)工作专班" }.joined(separator: " ")
        #expect(UnitTestSupport.cellNames(cell).count == 3_000)
        let unbroken = String(repeating: "区文化和", count: 5_000)
        #expect(UnitTestSupport.names(unbroken).count == 1)
    }

    @Test("deeply nested and unbalanced brackets do not exhaust the stack")
    func deepBrackets() {
        let nested = String(repeating: "（", count: 5_000) + "区园林局" + String(repeating: "）", count: 5_000)
        #expect(UnitTestSupport.names("区住建局" + nested) == ["区住建局"])
        let open = "区财政局" + String(repeating: "（", count: 5_000)
        #expect(UnitTestSupport.names(open) == ["区财政局"])
    }
}
