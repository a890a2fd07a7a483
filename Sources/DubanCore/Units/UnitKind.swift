/// What kind of body a unit is, read from its name. The unit directory groups by it, and collective names
/// ("各街道办事处", "区直各单位") are resolved to the units of the kinds they stand for.
public enum UnitKind: String, Sendable, Codable, CaseIterable {
    case government
    case bureau
    case partyOrgan = "party_organ"
    case subdistrict
    case managementCommittee = "management_committee"
    case institution
    case enterprise
    case collective
    case other

    /// The Chinese label shown to users.
    public var label: String {
        switch self {
        case .government: "人民政府"
        case .bureau: "政府部门"
        case .partyOrgan: "党群部门"
        case .subdistrict: "街道 / 镇"
        case .managementCommittee: "管委会"
        case .institution: "事业单位"
        case .enterprise: "国有企业"
        case .collective: "集合称谓"
        case .other: "其他"
        }
    }

    /// Infers the kind from a full name by its characteristic parts.
    public static func infer(from name: String) -> UnitKind {
        if UnitNames.isCollective(name) { return .collective }
        if name.hasSuffix("人民政府") { return .government }
        if name.hasSuffix("管委会") || name.hasSuffix("管理委员会") || name.hasSuffix("开发区") { return .managementCommittee }
        if name.hasSuffix("街道办事处") || name.hasSuffix("街道") || name.hasSuffix("镇人民政府") || name.hasSuffix("街")
            || name.hasSuffix("镇") || name.hasSuffix("乡") || name.hasSuffix("办事处")
        {
            return .subdistrict
        }
        if ["集团", "公司", "银行", "分行", "支行"].contains(where: name.hasSuffix) { return .enterprise }
        let party = ["区委", "市委", "团区委", "团市委", "妇联", "总工会", "残联", "工商联", "科协", "侨联", "文联", "红十字会"]
        if party.contains(where: { name.hasPrefix($0) || name.hasSuffix($0) || name.contains("委员会办公室") }) { return .partyOrgan }
        if ["中心", "院", "馆", "站", "所", "队", "台", "指挥部"].contains(where: name.hasSuffix) { return .institution }
        if ["局", "委", "办", "分局", "厅", "部", "处"].contains(where: name.hasSuffix) { return .bureau }
        return .other
    }

    /// The kinds of unit a collective name stands for; nil when it names no kind Duban can resolve
    /// ("相关单位", "区安委会各成员单位").
    public static func membersOfCollective(_ name: String) -> Set<UnitKind>? {
        if name.contains("街道") || name.contains("街镇") || name.hasSuffix("各镇") || name.contains("乡镇") {
            return [.subdistrict]
        }
        if name.contains("管委会") { return [.managementCommittee] }
        if name.contains("人民政府") && !name.contains("各部门") { return [.government] }
        if name.contains("区直") || name.contains("市直") || name.contains("各部门") || name.contains("直属单位") {
            return [.bureau, .institution]
        }
        if name.contains("国有企业") || name.contains("国企") { return [.enterprise] }
        return nil
    }
}
