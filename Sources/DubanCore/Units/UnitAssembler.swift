/// Turns completed items into the final list of units.
///
/// This is where aliases get their level prefix, bracket-only items are folded into the unit before
/// them, fragments too short to be names are dropped and duplicates are merged in first-seen order.
enum UnitAssembler {
    /// The units of `items`, in order, without duplicates.
    static func assemble(_ items: [PendingUnit]) -> [UnitName] {
        var units: [UnitName] = []
        var positions: [String: Int] = [:]
        for item in items {
            guard item.base.count >= 2 else {
                // "（区园林局）" on its own is another name of the unit before it, never a unit.
                if item.base.isEmpty, let last = units.indices.last {
                    units[last].aliases = merged(units[last].aliases, completedAliases(item.aliases, of: units[last]))
                }
                continue
            }
            let collective = NameShape.isCollective(item.base)
            var unit = UnitName(name: item.base, aliases: [], isCollective: collective)
            unit.aliases = completedAliases(item.aliases, of: unit)
            if let position = positions[unit.name] {
                units[position].aliases = merged(units[position].aliases, unit.aliases)
            } else {
                positions[unit.name] = units.count
                units.append(unit)
            }
        }
        return units
    }

    /// Aliases with the unit's level prefix added where they have none ("体育局" → "区体育局"), without
    /// repeats and without the unit's own name.
    static func completedAliases(_ aliases: [String], of unit: UnitName) -> [String] {
        let level = NameShape.levelPrefix(of: unit.name)?.first.map(String.init)
        let completed = aliases.map { alias -> String in
            guard let level, !unit.isCollective, !NameShape.carriesOwnPlace(alias) else { return alias }
            return level + alias
        }
        return merged([], completed).filter { $0 != unit.name }
    }

    /// `existing` followed by the members of `extra` it does not already hold.
    private static func merged(_ existing: [String], _ extra: [String]) -> [String] {
        var result = existing
        for alias in extra where !result.contains(alias) { result.append(alias) }
        return result
    }
}
