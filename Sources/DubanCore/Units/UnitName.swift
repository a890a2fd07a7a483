/// One unit as a plan names it.
///
/// Plans write units in compressed lists; every other part of Duban (parser, unit directory, reports)
/// works with this fully written form so that "区科经、商务局" and "区科经局 区商务局" mean the same units.
public struct UnitName: Hashable, Sendable, Codable {
    /// Full, normalised name, e.g. "区科经局".
    public var name: String
    /// Other names the document gives for the same unit in brackets, completed with the same level
    /// prefix: "区行政审批局（政务服务和大数据管理局）" has the alias "区政务服务和大数据管理局".
    public var aliases: [String]
    /// True for names that stand for a set of units ("各街道办事处", "区直各单位"); such names are
    /// kept as written and never get a shared prefix or suffix.
    public var isCollective: Bool

    /// Creates a unit name; `isCollective` defaults to what the name itself says.
    public init(name: String, aliases: [String] = [], isCollective: Bool? = nil) {
        self.name = name
        self.aliases = aliases
        self.isCollective = isCollective ?? UnitNames.isCollective(name)
    }
}

extension UnitName: CustomStringConvertible {
    /// The name with its aliases, for logs and test failure messages.
    public var description: String {
        let marker = isCollective ? "*" : ""
        return aliases.isEmpty ? name + marker : "\(name)\(marker)（\(aliases.joined(separator: "、"))）"
    }
}
