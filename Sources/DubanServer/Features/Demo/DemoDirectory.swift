import DubanCore

/// The fictional 青溪区 of the fictional 云州市: its government, units and leaders. Everything here is invented
/// for the demo; names only resemble how real districts name their bodies, so pages look like the real thing.
enum DemoDirectory {
    /// A unit with the abbreviations plans use for it.
    struct UnitEntry: Sendable {
        var name: String
        var kind: UnitKind
        var abbreviations: [String] = []
        /// Another official name printed in brackets ("加挂牌子"), stored as an alias rather than an abbreviation.
        var otherNames: [String] = []
    }

    /// A collective name and the kinds of unit it stands for.
    struct CollectiveEntry: Sendable {
        var name: String
        var memberKinds: Set<UnitKind>
    }

    /// A leader of the district government.
    struct LeaderEntry: Sendable {
        var name: String
        var title: String
        var portfolio: String
    }

    static let governmentName = "青溪区人民政府"
    static let governmentShortName = "青溪区"
    static let issuer = "青溪区人民政府办公室"

    static let units: [UnitEntry] = bureaus + subdistricts + others

    private static let bureaus: [UnitEntry] = [
        UnitEntry(name: "区发展和改革局", kind: .bureau, abbreviations: ["区发改局"]),
        UnitEntry(name: "区科学技术和经济信息化局", kind: .bureau, abbreviations: ["区科经局"]),
        UnitEntry(name: "区住房和城乡建设局", kind: .bureau, abbreviations: ["区住建局"]),
        UnitEntry(name: "区财政局", kind: .bureau),
        UnitEntry(name: "区商务局", kind: .bureau),
        UnitEntry(name: "区教育局", kind: .bureau),
        UnitEntry(name: "区卫生健康局", kind: .bureau, abbreviations: ["区卫健局"]),
        UnitEntry(name: "区人力资源和社会保障局", kind: .bureau, abbreviations: ["区人社局"]),
        UnitEntry(name: "区民政局", kind: .bureau),
        UnitEntry(name: "区自然资源和规划局", kind: .bureau, abbreviations: ["区资规局"]),
        UnitEntry(name: "区交通运输局", kind: .bureau, abbreviations: ["区交通局"]),
        UnitEntry(name: "区农业农村局", kind: .bureau),
        UnitEntry(name: "区文化和旅游局", kind: .bureau, abbreviations: ["区文旅局"], otherNames: ["区体育局"]),
        UnitEntry(name: "区市场监督管理局", kind: .bureau, abbreviations: ["区市场监管局"]),
        UnitEntry(name: "区行政审批局", kind: .bureau, otherNames: ["区政务服务和大数据管理局"]),
        UnitEntry(name: "区应急管理局", kind: .bureau, abbreviations: ["区应急局"]),
        UnitEntry(name: "区城市管理执法局", kind: .bureau, abbreviations: ["区城管执法局"]),
        UnitEntry(name: "云州市生态环境局青溪分局", kind: .bureau, abbreviations: ["区生态环境分局"]),
    ]

    /// The 街道 in the order plans list them.
    static let subdistrictNames = ["东坡", "西湖", "柳岸", "桂园", "南浦", "白鹭洲", "梅岭"]

    private static let subdistricts: [UnitEntry] = subdistrictNames.map { place in
        UnitEntry(name: "\(place)街道办事处", kind: .subdistrict, abbreviations: ["\(place)街"])
    }

    private static let others: [UnitEntry] = [
        UnitEntry(name: "青溪高新技术产业开发区管理委员会", kind: .managementCommittee, abbreviations: ["高新区管委会"]),
        UnitEntry(name: "临港经济开发区管理委员会", kind: .managementCommittee, abbreviations: ["临港经开区管委会"]),
        UnitEntry(name: "区城市建设投资集团有限公司", kind: .enterprise, abbreviations: ["区城投集团"]),
        UnitEntry(name: "区文化旅游发展集团有限公司", kind: .enterprise, abbreviations: ["区文旅集团"]),
        UnitEntry(name: "区委组织部", kind: .partyOrgan),
        UnitEntry(name: "区委宣传部", kind: .partyOrgan),
        UnitEntry(name: "团区委", kind: .partyOrgan),
        UnitEntry(name: "区妇女联合会", kind: .partyOrgan, abbreviations: ["区妇联"]),
    ]

    static let collectives: [CollectiveEntry] = [
        CollectiveEntry(name: "各街道办事处", memberKinds: [.subdistrict]),
        CollectiveEntry(name: "区直各单位", memberKinds: [.bureau]),
    ]

    /// The district's leaders in order of precedence.
    static let leaders: [LeaderEntry] = [
        LeaderEntry(name: "林振华", title: "区长", portfolio: "主持区政府全面工作，分管审计工作"),
        LeaderEntry(name: "周建国", title: "常务副区长", portfolio: "发展改革、财政、行政审批、国有资产、统计"),
        LeaderEntry(name: "郑婉清", title: "副区长", portfolio: "科技、经济信息化、商务、市场监管、招商引资"),
        LeaderEntry(name: "唐立军", title: "副区长", portfolio: "住房和城乡建设、自然资源和规划、交通运输、城市管理"),
        LeaderEntry(name: "何晓梅", title: "副区长", portfolio: "教育、卫生健康、民政、人力资源和社会保障、文化旅游"),
        LeaderEntry(name: "许海涛", title: "副区长", portfolio: "农业农村、生态环境、应急管理、乡村振兴"),
    ]
}
