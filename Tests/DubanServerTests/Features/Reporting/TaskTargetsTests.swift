@testable import DubanServer
import DubanCore
import Testing

/// The remembered reading of a task's targets answers exactly what reading the text answers.
@Suite("Task targets")
struct TaskTargetsTests {
    @Test("Remembered targets equal a fresh reading, for the first and every later call and after an edit")
    func sameAsReading() {
        let texts = [
            "新增城镇就业1.2万人以上，城镇调查失业率控制在5.5%以内。",
            "完成老旧小区改造120个，惠及居民1.5万户。",
            "推进政务服务“一网通办”。",
        ]
        for text in texts {
            let fresh = QuantifiedTargets.extract(from: text)
            #expect(TaskTargets.of(text) == fresh)
            #expect(TaskTargets.of(text) == fresh)
        }
        #expect(TaskTargets.of(texts[0]).count == 2 && TaskTargets.of(texts[2]).isEmpty)
        #expect(TaskTargets.of("完成老旧小区改造150个。").first?.value == 150)
    }
}
