/// The administrative level a unit name states — "区商务局" is a district's, "市发展改革委" a city's — and what
/// that allows when a plan's names meet a government's directory. Plans cascade between levels, so a
/// district's document names city units too; they are other bodies, never the district's own.
public enum UnitLevel {
    /// The level character a name starts with (区, 市, 省, 县), nil when it states none ("市场监管局",
    /// "东坡街道办事处", "团区委").
    public static func stated(by name: String) -> Character? {
        NameShape.levelPrefix(of: name)?.first
    }

    /// The level of a government as its record gives it ("区", "县级市" → 市), nil when unknown.
    public static func ofGovernment(_ level: String) -> Character? {
        level.last { UnitVocabulary.levelCharacters.contains($0) }
    }

    /// May the directory unit `directoryName` of a government at `governmentLevel` be offered for the
    /// document's `documentName`? Not when the two state different levels, and not when the document names
    /// another level's unit and the directory one states none (it is the government's own): "市发展改革委"
    /// is never offered "区发展和改革局" or "发展改革局".
    public static func mayMatch(documentName: String, directoryName: String, governmentLevel: Character?) -> Bool {
        guard let wanted = stated(by: documentName) else { return true }
        let offered = stated(by: directoryName) ?? governmentLevel
        guard let offered else { return true }
        return offered == wanted
    }

    /// Does a collective name stand for units of this government? "区直各单位" and "各街道办事处" do in a
    /// district; "市人民政府各部门" and "省直有关部门" name a higher government's bodies and take in none of the
    /// district's units.
    public static func collectiveIsOwn(_ name: String, governmentLevel: Character?) -> Bool {
        guard let stated = stated(by: name), let governmentLevel else { return true }
        return stated == governmentLevel
    }
}
