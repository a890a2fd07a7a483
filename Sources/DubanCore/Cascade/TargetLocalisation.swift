/// How a lower government's localised target stands to the higher task's: the district's "城镇新增就业8000人"
/// under the city's "城镇新增就业22万人以上" is a slice of 3.6 %; "新增建设用地1500亩" under "2500公顷" is a slice
/// after converting 亩 to 公顷; "增长5%以上" under "增长6.5%以上" is lower; a target the city never set is an extra
/// metric; "目标任务暂未下达到各区" leaves the city's target pending.
///
/// Recorded and shown as such. Slices are the only figures a higher level may add up, and only in the parent's
/// unit after an exact conversion — never silently across units.
public struct TargetLocalisation: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Equatable, Codable, CaseIterable {
        /// The same figure as the parent's (a rate or level kept as is).
        case same
        /// A rate or level set below the parent's.
        case lower
        /// A rate or level set above the parent's, or a count beyond the parent's whole.
        case higher
        /// A part of the parent's count or sum, in the same unit or one that converts.
        case slice
        /// A figure in a unit that does not convert to the parent's: shown side by side, never summed.
        case otherUnit
        /// A target the parent does not state.
        case extraMetric
        /// The parent's target, not yet handed down ("暂未下达").
        case pending
        /// The parent's target, not taken up by the localised text.
        case notLocalised

        /// The name a page shows.
        public var label: String {
            switch self {
            case .same: "与上级一致"
            case .lower: "低于上级"
            case .higher: "高于上级"
            case .slice: "分解份额"
            case .otherUnit: "计量单位不同"
            case .extraMetric: "本级新增指标"
            case .pending: "上级暂未下达"
            case .notLocalised: "未分解"
            }
        }
    }

    public var kind: Kind
    /// The higher task's target; nil for an extra metric.
    public var parent: QuantifiedTarget?
    /// The localised target; nil when pending or not localised.
    public var local: QuantifiedTarget?
    /// The local value in the parent's unit, when the units convert ("1500亩" → 100 in 公顷).
    public var valueInParentUnit: Double?
    /// For a slice, the local value's share of the parent's, 0…1.
    public var share: Double?

    public init(
        kind: Kind, parent: QuantifiedTarget?, local: QuantifiedTarget?, valueInParentUnit: Double? = nil,
        share: Double? = nil
    ) {
        self.kind = kind
        self.parent = parent
        self.local = local
        self.valueInParentUnit = valueInParentUnit
        self.share = share
    }

    /// Words saying the higher level has not yet handed a target down.
    static let pendingWords = ["暂未下达", "尚未下达", "待下达", "另行下达", "未下达到"]

    /// Each local target set against the parent's it localises, then the parent's targets nothing localises
    /// (pending when the local text says the target has not been handed down), in the texts' order.
    public static func compare(parentText: String, localText: String) -> [TargetLocalisation] {
        let parents = QuantifiedTargets.extract(from: parentText)
        let locals = QuantifiedTargets.extract(from: localText)
        var used = Set<Int>()
        var result: [TargetLocalisation] = []
        for local in locals {
            guard let index = counterpart(of: local, in: parents, excluding: used) else {
                result.append(TargetLocalisation(kind: .extraMetric, parent: nil, local: local))
                continue
            }
            used.insert(index)
            result.append(classify(local, against: parents[index]))
        }
        let pendingClauses = clauses(of: localText).filter { clause in pendingWords.contains { clause.contains($0) } }
            .map(CharacterPairs.init)
        for (index, parent) in parents.enumerated() where !used.contains(index) {
            let label = CharacterPairs(parent.label)
            // Pending when a clause saying "暂未下达" names the target, or when nothing of the task was handed down.
            let pending =
                pendingClauses.contains { label.containment(in: $0) >= 0.5 }
                || (used.isEmpty && !pendingClauses.isEmpty)
            result.append(TargetLocalisation(kind: pending ? .pending : .notLocalised, parent: parent, local: nil))
        }
        return result
    }

    /// The text's clauses: split at sentence and item ends.
    private static func clauses(of text: String) -> [String] {
        text.split(whereSeparator: { "；;。\n".contains($0) }).map(String.init)
    }

    /// The one comparison of a local target with the parent's it localises.
    public static func classify(_ local: QuantifiedTarget, against parent: QuantifiedTarget) -> TargetLocalisation {
        let localUnit = MeasureUnit(local.unit)
        let parentUnit = MeasureUnit(parent.unit)
        guard let converted = localUnit.convert(local.value, to: parentUnit) else {
            return TargetLocalisation(kind: .otherUnit, parent: parent, local: local)
        }
        let close = abs(converted - parent.value) <= max(abs(parent.value), 1) * 1e-9
        let isPart =
            parent.kind == .count || (parent.kind == .level && parentUnit.base != "%" && local.kind != .growthRate)
        if isPart, parent.value > 0 {
            let kind: Kind = close ? .same : converted < parent.value ? .slice : .higher
            return TargetLocalisation(
                kind: kind, parent: parent, local: local, valueInParentUnit: converted,
                share: converted / parent.value)
        }
        let kind: Kind = close ? .same : converted < parent.value ? .lower : .higher
        return TargetLocalisation(kind: kind, parent: parent, local: local, valueInParentUnit: converted)
    }

    /// The parent target the local one localises: the same sort of quantity in a unit that converts, the label
    /// sharing the most character pairs; a lone parent target of that unit when no label shares any.
    static func counterpart(of local: QuantifiedTarget, in parents: [QuantifiedTarget], excluding used: Set<Int>)
        -> Int?
    {
        let unit = MeasureUnit(local.unit)
        let label = CharacterPairs(local.label)
        var best: (index: Int, score: Double)?
        var sameUnit: [Int] = []
        for (index, parent) in parents.enumerated() where !used.contains(index) {
            guard MeasureUnit(parent.unit).converts(to: unit) || sameSort(parent, local) else { continue }
            if MeasureUnit(parent.unit).converts(to: unit) { sameUnit.append(index) }
            let score = label.overlap(with: CharacterPairs(parent.label))
            if score > (best?.score ?? 0) { best = (index, score) }
        }
        if let best, best.score >= 0.2 { return best.index }
        return sameUnit.count == 1 && parents.count == 1 ? sameUnit[0] : nil
    }

    /// Two counts of things in units that do not convert ("套" and "个") may still be one target in other words.
    private static func sameSort(_ parent: QuantifiedTarget, _ local: QuantifiedTarget) -> Bool {
        parent.kind == local.kind && parent.kind == .count
    }
}
