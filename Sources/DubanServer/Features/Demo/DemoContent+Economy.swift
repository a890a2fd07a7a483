/// This year's headline targets and the economic half of its key work: invented phrases with figure slots
/// (see `PhraseTemplate`), grouped the way district plans group them.
extension DemoContent {
    static let targetsHeading = DemoHeading.top("一", "主要预期目标")
    static let keyWorkHeading = DemoHeading.top("二", "重点工作")

    /// 一、主要预期目标: one group per target, each with its own unit and leader.
    static let targets: [DemoTaskGroup] = [
        target("地区生产总值增长{5.5-6.5}%左右", "周建国", ["区发改局"]),
        target("规模以上工业增加值增长{7-9}%", "郑婉清", ["区科经局"], assisting: ["高新区管委会", "临港经开区管委会"]),
        target("固定资产投资增长{6-8}%", "周建国", ["区发改局"], assisting: ["各街道办事处"]),
        target("社会消费品零售总额增长{6-8}%", "郑婉清", ["区商务局"]),
        target("一般公共预算收入增长{4-6}%", "周建国", ["区财政局"]),
        target("城镇常住居民人均可支配收入增长{5-7}%", "何晓梅", ["区人社局"]),
        target("农村常住居民人均可支配收入增长{7-9}%", "许海涛", ["区农业农村局"]),
        target("新增城镇就业{1.0-1.3}万人", "何晓梅", ["区人社局"], assisting: ["各街道办事处"]),
        target("单位地区生产总值能耗下降完成市下达目标", "许海涛", ["区发改局", "区生态环境分局"]),
        target("居民消费价格涨幅控制在{2-3}%左右", "周建国", ["区发改局", "区市场监管局"]),
    ]

    private static func target(_ phrase: String, _ leader: String, _ units: [String], assisting: [String] = [])
        -> DemoTaskGroup
    {
        DemoTaskGroup(
            headings: [targetsHeading], kind: .target, leader: leader, responsible: units,
            assisting: assisting, deadlineChance: 0, phrases: [phrase])
    }

    static let industry = DemoHeading.sub("一", "坚持创新驱动，加快构建现代化产业体系")
    static let demand = DemoHeading.sub("二", "扩大有效需求，推动经济稳中向好")
    static let reform = DemoHeading.sub("三", "深化改革开放，持续优化营商环境")

    /// (一)–(三): industry, demand, reform.
    static let economyGroups: [DemoTaskGroup] = [
        DemoTaskGroup(
            headings: [keyWorkHeading, industry, .dash("壮大先进制造业", overallLead: ["区科经局"])],
            leader: "郑婉清", lead: ["区科经局"],
            responsible: ["区发改局", "区商务局", "区财政局", "区资规局", "高新区管委会", "临港经开区管委会"],
            assisting: ["区市场监管局", "区城投集团", "东坡街道办事处", "西湖街道办事处"],
            phrases: [
                "推进新能源电池产业园二期建设，年内新增规模以上工业企业{12-18}家",
                "实施技术改造项目{35-50}个以上，工业技改投资增长{10-15}%",
                "支持龙头企业延链补链，培育产值过十亿元企业{3-5}家",
                "推动智能网联汽车零部件产业集聚，引进配套企业{8-15}家",
                "新认定省级专精特新“小巨人”企业{6-10}家、市级专精特新企业{20-30}家",
                "建设智能工厂{3-5}个、数字化车间{10-16}个",
                "推进临港装备制造产业园标准厂房建设，新建厂房{15-25}万平方米",
                "开展“亩均论英雄”改革，盘活低效工业用地{300-600}亩",
            ]),
        DemoTaskGroup(
            headings: [keyWorkHeading, industry, .dash("培育数字经济和科技创新", overallLead: ["区科经局"])],
            leader: "郑婉清", lead: ["区科经局", "高新区管委会"],
            responsible: ["区发改局", "区财政局", "区人社局", "区行政审批局"], assisting: ["团区委", "区委组织部"],
            phrases: [
                "新增高新技术企业{40-60}家，高新技术产业增加值增长{10-14}%",
                "建设科技企业孵化器和众创空间{2-4}个，新增孵化面积{3-6}万平方米",
                "新建5G基站{200-320}个，实现重点园区5G网络全覆盖",
                "引进高层次人才{20-40}名、大学毕业生{3000-4500}名",
                "推动规模以上工业企业研发活动全覆盖，全社会研发投入强度达到{2.6-3.2}%",
                "建设青溪数据产业园，培育数据服务企业{10-20}家",
                "组织科技成果转化对接活动{6-10}场，技术合同成交额突破{20-30}亿元",
            ]),
        DemoTaskGroup(
            headings: [keyWorkHeading, industry, .dash("提升现代服务业", overallLead: ["区商务局"])],
            leader: "郑婉清", lead: ["区商务局", "区文旅局"],
            responsible: ["区发改局", "区市场监管局", "区文旅集团", "柳岸街道办事处", "桂园街道办事处"],
            assisting: ["区交通局", "区城管执法局"],
            phrases: [
                "推进柳岸商圈提档升级，新引进品牌首店{8-15}家",
                "培育现代物流企业，新增A级物流企业{3-6}家",
                "发展楼宇经济，新增税收超千万元楼宇{2-4}栋",
                "打造南浦滨江夜间消费街区，举办夜间消费活动{20-30}场",
                "推动生产性服务业集聚发展，服务业增加值增长{6-8}%",
                "发展会展经济，举办各类展会活动{10-15}场",
                "引进金融机构{3-5}家，新增境内外上市及挂牌企业{2-4}家",
            ]),
        DemoTaskGroup(
            headings: [keyWorkHeading, demand, .dash("扩大有效投资", overallLead: ["区发改局", "区财政局"])],
            leader: "周建国", lead: ["区发改局"],
            responsible: ["区财政局", "区资规局", "区住建局", "区城投集团", "各街道办事处"],
            assisting: ["区行政审批局", "区生态环境分局"],
            phrases: [
                "全年完成固定资产投资{320-380}亿元，亿元以上项目新开工{25-35}个",
                "谋划储备重大项目{80-120}个，争取超长期特别国债和地方政府专项债券资金{15-25}亿元",
                "实行重点项目“专班+清单”推进机制，重点项目年度投资完成率达到{100-110}%",
                "推进青溪大道快速化改造，建成城市道路{8-15}公里",
                "推动民间投资增长{5-8}%，向民间资本推介项目{20-30}个",
                "完成征地拆迁{1500-2500}亩，保障重点项目用地需求",
                "推进国土空间规划实施，完成重点片区控制性详细规划修编{3-5}个",
            ]),
        DemoTaskGroup(
            headings: [keyWorkHeading, demand, .dash("促进消费提质扩容", overallLead: ["区商务局"])],
            leader: "郑婉清", lead: ["区商务局"],
            responsible: ["区文旅局", "区市场监管局", "区财政局", "各街道办事处"], assisting: ["区城管执法局", "区文旅集团"],
            phrases: [
                "社会消费品零售总额增长{6-8}%，新增限额以上商贸企业{60-90}家",
                "开展“惠享青溪”促消费活动{30-50}场，发放消费券{1000-2000}万元",
                "推进汽车、家电以旧换新，带动消费{5-10}亿元",
                "建设一刻钟便民生活圈{5-8}个，新增社区便民网点{30-50}个",
                "培育文旅消费新场景，全年接待游客{800-1000}万人次",
                "发展直播电商，网络零售额增长{12-18}%",
            ]),
        DemoTaskGroup(
            headings: [keyWorkHeading, reform, .dash("打造一流营商环境", overallLead: ["区行政审批局"])],
            leader: "周建国", lead: ["区行政审批局"],
            responsible: ["区市场监管局", "区发改局", "区财政局", "区直各单位"], assisting: ["区人社局"],
            phrases: [
                "推行企业开办“一网通办”，办理时限压缩至{1-2}个工作日以内",
                "推动“高效办成一件事”，上线集成服务事项{12-20}个",
                "建立涉企政策“免申即享”清单，年内兑现奖补资金不少于{5000-8000}万元",
                "开展营商环境“体检”，每季度发布一次评价报告",
                "深化工程建设项目审批制度改革，社会投资项目审批时间压减{20-30}%",
                "建立企业诉求“直通车”，企业诉求办结率保持在{95-99}%以上",
            ]),
        DemoTaskGroup(
            headings: [keyWorkHeading, reform, .dash("深化重点领域改革", overallLead: ["区发改局", "区财政局"])],
            leader: "周建国", lead: ["区财政局", "区发改局"],
            responsible: ["区城投集团", "区文旅集团", "区人社局", "区资规局"], assisting: ["区委组织部"],
            phrases: [
                "深化区属国有企业改革，完成{2-3}家国有企业整合重组",
                "推进零基预算改革，压减一般性支出{5-10}%",
                "盘活存量资产{10-20}亿元，拓宽项目建设资金渠道",
                "深化园区管理体制改革，推行“管委会+公司”运营模式",
                "开展招商引资“双月赛”，引进亿元以上项目{40-60}个、到位资金{150-200}亿元",
                "扩大对外贸易，进出口总额增长{5-10}%，新增外贸实绩企业{20-35}家",
            ]),
    ]
}
