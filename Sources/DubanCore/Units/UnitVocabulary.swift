/// The words government plans use to build unit names.
///
/// Everything here is general Chinese administrative vocabulary (organisation suffixes, level prefixes,
/// collective phrasing); no single document's unit names are listed, so the rules carry over to plans
/// from any government level.
enum UnitVocabulary {
    /// Administrative levels a unit name may start with: "区发改局", "市科技局", "省财政厅", "县教育局".
    static let levelCharacters: Set<Character> = ["区", "市", "省", "县"]

    /// Words that start with a level character without naming a level ("市场监管局" is the market
    /// regulator, not the city's "场监管局").
    static let levelLookalikeStarts: [String] = ["市场", "区域", "县域", "区级", "市级", "县级", "省级"]

    /// Everyday words containing a level character; they do not show that a name already carries its place.
    static let levelLookalikeWords: [String] = [
        "市场", "城市", "都市", "超市", "社区", "小区", "片区", "区域", "县域",
        "区级", "市级", "县级", "省级", "节省",
    ]

    /// Endings that make a name a complete organisation ("区财政局", "团区委", "区档案馆").
    /// Single characters that are also common abbreviation endings (社 in 人社, 台 in 台办) are listed
    /// only inside longer words.
    static let organisationSuffixes: [String] = [
        "局", "委", "办", "府", "会", "处", "院", "部", "室", "所", "队", "站", "馆", "联", "厅", "署", "组", "协",
        "中心", "集团", "公司", "专班", "单位", "部门", "企业", "机构", "学校", "大学", "党校", "监狱",
        "银行", "人行", "分行", "支行", "电视台", "气象台", "电台", "供销社", "联社", "合作社", "报社",
        "出版社", "杂志社", "共青团",
    ]

    /// Endings that name a place which is itself a unit in a plain list ("阳逻开发区", "邾城街", "相关街镇").
    static let placeSuffixes: [String] = ["区", "街道", "街", "镇", "乡"]

    /// Words ending in a place suffix that are not places.
    static let placeLookalikes: [String] = ["城乡", "社区", "小区", "片区"]

    /// Organs that belong to a place; only these complete a place item in a shared-suffix group
    /// ("洪山、江夏区人民政府", "东湖高新区、武汉经开区管委会", "郑店、五里界街道办事处").
    static let placeOrganSuffixes: [String] = [
        "区人民政府", "县人民政府", "市人民政府", "镇人民政府", "乡人民政府", "人民政府",
        "区政府", "县政府", "市政府", "政府", "管理委员会", "管委会", "街道办事处", "办事处",
        "党工委", "工委", "派出所", "司法所",
    ]

    /// Suffixes a 、-group can share, besides the organisation and place-organ suffixes; the longest one
    /// that ends the group's complete item is used.
    static let sharedSuffixExtras: [String] = [
        "委员会", "办公室", "工作专班", "有限公司", "分公司", "分局", "指挥部", "领导小组", "小组",
    ]

    /// Every suffix that may be shared, longest first.
    static let sharedSuffixes: [String] = {
        let all = Set(placeOrganSuffixes + sharedSuffixExtras + organisationSuffixes)
        return all.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
    }()

    /// Words that only ever end a name; a line-wrapped chunk made only of these belongs to the name before it
    /// ("区国家安全委员会 办公室").
    /// Words containing a level ("区人民政府") are left out: they are complete units on their own.
    static let dependentWords: Set<String> = {
        let levelFree = sharedSuffixes.filter { suffix in !suffix.contains { levelCharacters.contains($0) } }
        return Set(levelFree + ["大队", "支队", "中队", "分行", "支行", "分院", "员会", "公室", "事处", "委会", "部门"])
    }()

    /// Multi-character words that a wrap may cut in two ("区网络安全和信息化委 员会办公室").
    static let wrappableWords: [String] = [
        "委员会", "管委会", "办公室", "办事处", "街道办事处", "人民政府", "部门", "中心", "集团", "公司",
        "指挥部", "小组", "专班", "大队", "支队", "分局", "分公司", "单位",
    ]

    /// Endings of branch offices, which are written after their parent ("邮政公司 新洲分公司").
    static let branchSuffixes: [String] = ["分公司", "分行", "支行", "分理处", "营业部", "分社"]

    /// Characters that join two names in running text, or continue a wrapped name ("区企业 和人才服务中心").
    static let conjunctions: [String] = ["以及", "和", "及", "与"]

    /// Starts of names that already say which government they belong to and never take a level prefix.
    static let selfPlacedStarts: [String] = [
        "国家", "国务院", "中国", "中华", "中共", "中央", "全国", "人行", "人民银行", "共青团",
    ]

    /// Province-level regions and large cities whose names head enterprises and local branches
    /// ("武汉城建集团", "湖北港口集团"); such names never take a level prefix from their neighbour.
    static let wellKnownPlaces: [String] = [
        "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽",
        "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西",
        "甘肃", "青海", "台湾", "内蒙古", "广西", "西藏", "宁夏", "新疆", "香港", "澳门",
        "石家庄", "太原", "沈阳", "长春", "哈尔滨", "南京", "杭州", "合肥", "福州", "南昌", "济南", "郑州",
        "武汉", "长沙", "广州", "海口", "成都", "贵阳", "昆明", "西安", "兰州", "西宁", "呼和浩特", "南宁",
        "拉萨", "银川", "乌鲁木齐", "大连", "青岛", "宁波", "厦门", "深圳", "苏州",
    ]

    /// Starts of names that stand for many units ("各街道办事处", "相关街镇", "其他区直相关部门").
    static let collectiveStarts: [String] = ["各", "相关", "其他", "其它", "有关", "所有", "全体"]

    /// Phrases that make a name collective wherever they occur ("区人民政府各部门", "区直单位", "省直有关部门").
    static let collectiveInfixes: [String] = [
        "各", "直单位", "直部门", "直相关", "直有关", "直属单位", "直属部门", "相关部门", "有关部门",
        "相关单位", "有关单位", "成员单位",
    ]

    /// Openings of bracketed text that is a note about the list, not another name for the unit.
    static let noteStarts: [String] = [
        "含", "包括", "包含", "不含", "不包括", "除", "下同", "注", "以下同", "见", "详见", "牵头", "配合",
        "负责", "按", "其中",
    ]

    /// Phrases anywhere in bracketed text that make it a note ("…,下同").
    static let noteInfixes: [String] = ["下同", "牵头", "为主"]

    /// Lead-ins of a bracketed alias that are not part of the alias ("（简称区科经局）").
    static let aliasLeadIns: [String] = ["以下简称", "简称", "原", "即"]

    /// Trailing duty phrases of national plans ("财政部等按职责分工负责"); units never end with them.
    static let dutyEndings: [String] = [
        "按职责分工负责", "按职责分别负责", "按职责负责", "分别负责", "负责落实", "负责", "牵头", "配合",
    ]

    /// Trailing words meaning "and others", dropped from the last name of a list ("区发改局等").
    static let etceteraEndings: [String] = [
        "等相关单位", "等有关单位", "等相关部门", "等有关部门", "等单位", "等部门", "等",
    ]
}
