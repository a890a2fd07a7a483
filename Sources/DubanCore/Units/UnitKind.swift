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
        if name.bytesHasSuffix("人民政府") { return .government }
        if name.bytesHasSuffix("管委会") || name.bytesHasSuffix("管理委员会") || name.bytesHasSuffix("开发区") {
            return .managementCommittee
        }
        if name.bytesHasSuffix("街道办事处") || name.bytesHasSuffix("街道") || name.bytesHasSuffix("镇人民政府")
            || name.bytesHasSuffix("街")
            || name.bytesHasSuffix("镇") || name.bytesHasSuffix("乡") || name.bytesHasSuffix("办事处")
        {
            return .subdistrict
        }
        if ["集团", "公司", "银行", "分行", "支行"].contains(where: { name.bytesHasSuffix($0) }) { return .enterprise }
        let party = ["区委", "市委", "团区委", "团市委", "妇联", "总工会", "残联", "工商联", "科协", "侨联", "文联", "红十字会"]
        if party.contains(where: { name.bytesHasPrefix($0) || name.bytesHasSuffix($0) || name.bytesContain("委员会办公室") })
        {
            return .partyOrgan
        }
        if ["中心", "院", "馆", "站", "所", "队", "台", "指挥部"].contains(where: { name.bytesHasSuffix($0) }) {
            return .institution
        }
        if ["局", "委", "办", "分局", "厅", "部", "处"].contains(where: { name.bytesHasSuffix($0) }) { return .bureau }
        return .other
    }

    /// The kinds of unit a collective name stands for; nil when it names no kind Duban can resolve
    /// ("相关单位", "区安委会各成员单位").
    public static func membersOfCollective(_ name: String) -> Set<UnitKind>? {
        if name.bytesContain("街道") || name.bytesContain("街镇") || name.bytesHasSuffix("各镇") || name.bytesContain("乡镇") {
            return [.subdistrict]
        }
        if name.bytesContain("管委会") { return [.managementCommittee] }
        if name.bytesContain("人民政府") && !name.bytesContain("各部门") { return [.government] }
        if name.bytesContain("区直") || name.bytesContain("市直") || name.bytesContain("各部门") || name.bytesContain("直属单位") {
            return [.bureau, .institution]
        }
        if name.bytesContain("国有企业") || name.bytesContain("国企") { return [.enterprise] }
        return nil
    }
}
