/// What the lower governments' localised targets come to against one higher target: for a count or sum, the
/// slices added up in the parent's unit and their share of it; for a rate or level, the range they span. Only
/// figures that convert exactly are counted; the rest are counted as left out, so a page can say so.
public struct LocalisedTotal: Sendable, Equatable {
    /// The higher task's target.
    public var parent: QuantifiedTarget
    /// The sum of the slices in the parent's unit; nil for a rate or level.
    public var sum: Double?
    /// `sum` over the parent's value.
    public var share: Double?
    /// The lowest and highest local value in the parent's unit, for a rate or level.
    public var range: ClosedRange<Double>?
    /// Local targets counted.
    public var counted: Int
    /// Local targets left out: in another unit, or still pending.
    public var leftOut: Int

    /// One total per parent target, in the order the parent targets first appear.
    public static func totals(_ localisations: [[TargetLocalisation]]) -> [LocalisedTotal] {
        var order: [QuantifiedTarget] = []
        var groups: [QuantifiedTarget: [TargetLocalisation]] = [:]
        for item in localisations.joined() {
            guard let parent = item.parent else { continue }
            if groups[parent] == nil { order.append(parent) }
            groups[parent, default: []].append(item)
        }
        return order.map { parent in
            let items = groups[parent] ?? []
            let values = items.compactMap { item in item.local == nil ? nil : item.valueInParentUnit }
            let leftOut = items.count - values.count
            if items.contains(where: { $0.share != nil }) {
                let sum = items.compactMap { $0.share == nil ? nil : $0.valueInParentUnit }.reduce(0, +)
                return LocalisedTotal(
                    parent: parent, sum: sum, share: parent.value > 0 ? sum / parent.value : nil, range: nil,
                    counted: items.filter { $0.share != nil }.count,
                    leftOut: items.count - items.filter { $0.share != nil }.count)
            }
            let range = values.min().flatMap { low in values.max().map { low...$0 } }
            return LocalisedTotal(
                parent: parent, sum: nil, share: nil, range: range, counted: values.count, leftOut: leftOut)
        }
    }
}
