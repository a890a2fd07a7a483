/// The small vocabularies that shape a target's label.
enum LabelWords {
    /// Verbs that open a target phrase. A label of an enumeration ("建成A、B等7个医疗卫生项目") keeps only its verb,
    /// and a list continued after "、" ("新增充电桩1700个、集中式充电站5个") borrows the first item's verb.
    static let verbs = WordList([
        "新改扩建", "新建改建", "新(改)建", "新（改）建", "新(改、扩)建", "新（改、扩）建", "改扩建", "新改建",
        "新建", "新增", "净增", "新开工", "新开办", "新开业", "新引进", "新认证", "新签约", "新注册", "新登记",
        "建成投用", "建成投产", "建成开放", "建成", "启动建设", "开工建设", "规划建设", "布局建设", "建设", "完成", "改造提升",
        "提升改造", "提档升级", "改造", "打造", "创建", "争创", "创成", "引进培育", "培育", "引进", "招引", "开工",
        "续建", "滚动实施", "实施", "推进", "推动", "加快", "启动", "开展", "举办", "组织", "提升", "整治", "打通",
        "发放", "配置", "设置", "筹集", "筹建", "疏捞", "认证", "扶持", "吸引", "培训", "安装", "设立", "开通",
        "开行", "修复", "治理", "拆除", "签约", "做好", "保障", "提供", "支持", "征集", "接入", "推广", "建立",
    ])

    /// Narrower verbs after which a Chinese numeral counts things ("新建两所", "打造一个"); slogans such as
    /// "增强“四个意识”" or "民生三个项目库" lack them.
    static let chineseNumeralVerbs = WordList([
        "新建", "新增", "建成", "建设", "完成", "打造", "创建", "培育", "引进", "新开办", "新改扩建", "改扩建",
        "新改建", "改造", "创成", "争创", "开工",
    ])

    /// Words that open a clause without naming what is measured; the brief's list plus their near synonyms.
    static let leadingConnectives = WordList([
        "和", "及", "以及", "并", "并且", "同时", "其中", "力争", "力保", "确保", "保证", "争取", "努力", "全年", "年内",
        "今年", "当年", "实现", "为", "使", "要", "将", "共计", "合计", "总计", "另外", "此外", "进一步", "、",
    ])

    /// Words left at the end of a label once the comparison is cut off ("综合利用率分别达到95%").
    static let trailingWords = WordList([
        "分别", "各", "均", "共", "共计", "合计", "总计", "为", "是", "约", "在", "至", "稳步", "逐步", "、", "和", "及", "与",
    ])

    /// Words that make a percentage a growth rate rather than a level when the label ends with them.
    static let changeWords = WordList([
        "增长", "下降", "增幅", "涨幅", "降幅", "增速", "提高", "提升", "降低", "减少", "压减", "压降", "增加", "上涨",
        "回落", "削减", "减排", "扩大", "缩减",
    ])

    /// Label endings that make a bare time a target ("办结时限3个工作日"); other times qualify a noun
    /// ("打造中心城区10分钟、新城区12分钟医疗急救圈") unless a comparison bounds them.
    static let timeMeasures = WordList(["时限", "时间", "时长", "天数", "日数", "周期", "用时", "办结", "办理"])
}
