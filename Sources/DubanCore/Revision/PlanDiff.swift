/// Compares a published plan with a revised version of its document, task by task.
///
/// Tasks are paired in three passes, most certain first: identical words (a task renumbered or moved keeps its
/// identity), then the same key (a task whose words were edited), then words alike enough (an edited task that
/// was also renumbered). Whatever stays unpaired is added or removed. Pairing by identity rather than by
/// position is what lets a revision keep every report filed against an unchanged or edited task.
public enum PlanDiff {
    /// How alike two task texts must be (bigram Dice) to count as one edited task.
    public static let similarTextThreshold = 0.6

    /// The changes that turn `old` into `new`, in the revised document's order, removed tasks last in their
    /// published order. Unchanged tasks are not listed.
    public static func changes(from old: [TaskSnapshot], to new: [TaskSnapshot]) -> [TaskChange] {
        let pairs = pair(old, new)
        var changes: [TaskChange] = []
        for (newIndex, task) in new.enumerated() {
            guard let oldIndex = pairs[newIndex] else {
                changes.append(TaskChange(kind: .added, old: nil, new: task, fields: []))
                continue
            }
            let fields = differences(old[oldIndex], task)
            if !fields.isEmpty {
                changes.append(TaskChange(kind: .changed, old: old[oldIndex], new: task, fields: fields))
            }
        }
        let paired = Set(pairs.values)
        for (index, task) in old.enumerated() where !paired.contains(index) {
            changes.append(TaskChange(kind: .removed, old: task, new: nil, fields: []))
        }
        return changes
    }

    /// Which old task each new task continues: new index → old index.
    public static func pair(_ old: [TaskSnapshot], _ new: [TaskSnapshot]) -> [Int: Int] {
        var result: [Int: Int] = [:]
        var freeOld = Set(old.indices)
        func claim(_ newIndex: Int, _ oldIndex: Int) {
            result[newIndex] = oldIndex
            freeOld.remove(oldIndex)
        }
        // 1. Same words: the first free old task with identical text (and, among several, the same key).
        var oldByText: [String: [Int]] = [:]
        for (index, task) in old.enumerated() { oldByText[task.text, default: []].append(index) }
        for (newIndex, task) in new.enumerated() {
            let candidates = (oldByText[task.text] ?? []).filter { freeOld.contains($0) }
            if let match = candidates.first(where: { old[$0].key == task.key }) ?? candidates.first {
                claim(newIndex, match)
            }
        }
        // 2. Same key, words edited.
        var oldByKey: [String: Int] = [:]
        for (index, task) in old.enumerated() { oldByKey[task.key] = index }
        for (newIndex, task) in new.enumerated() where result[newIndex] == nil {
            if let match = oldByKey[task.key], freeOld.contains(match),
                NameSimilarity.score(old[match].text, task.text) >= similarTextThreshold / 2
            {
                claim(newIndex, match)
            }
        }
        // 3. Words alike, anywhere: the best free old task above the threshold.
        for (newIndex, task) in new.enumerated() where result[newIndex] == nil {
            var best: (index: Int, score: Double)?
            for index in freeOld.sorted() {
                let score = NameSimilarity.score(old[index].text, task.text)
                if score >= similarTextThreshold, score > (best?.score ?? 0) { best = (index, score) }
            }
            if let best { claim(newIndex, best.index) }
        }
        return result
    }

    /// The fields in which two versions of one task differ.
    public static func differences(_ old: TaskSnapshot, _ new: TaskSnapshot) -> [TaskChange.Field] {
        var fields: [TaskChange.Field] = []
        if old.number != new.number { fields.append(.number) }
        if old.sections != new.sections { fields.append(.section) }
        if old.text != new.text { fields.append(.text) }
        if old.leaders != new.leaders { fields.append(.leaders) }
        if AssignmentRole.allCases.contains(where: { old.units($0) != new.units($0) }) { fields.append(.units) }
        if old.deadline != new.deadline { fields.append(.deadline) }
        return fields
    }
}
