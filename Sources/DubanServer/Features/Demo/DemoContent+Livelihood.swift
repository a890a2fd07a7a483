/// 三、民生实事: the projects the district promises its residents, each with its own units and a deadline.
extension DemoContent {
    static let livelihoodHeading = DemoHeading.top("三", "民生实事")

    static let livelihood: [DemoTaskGroup] = [
        project(
            "新建街道综合养老服务中心{2-3}个，为{300-500}户困难老年人家庭实施居家适老化改造", "何晓梅",
            lead: ["区民政局"], responsible: ["各街道办事处"], assisting: ["区财政局"]),
        project(
            "改造城镇老旧小区{15-20}个，惠及居民{6000-9000}户", "唐立军",
            lead: ["区住建局"], responsible: ["区城投集团", "各街道办事处"]),
        project(
            "新增公办幼儿园学位{1000-1500}个，新建、改造学校食堂{3-5}个", "何晓梅",
            lead: ["区教育局"], responsible: ["区住建局", "区财政局"]),
        project(
            "新增公共停车泊位{1500-2000}个，建设新能源汽车充电桩{300-500}个", "唐立军",
            lead: ["区交通局"], responsible: ["区城管执法局", "区城投集团"], assisting: ["各街道办事处"]),
        project(
            "建设社区嵌入式托育点{6-10}个，新增普惠托位{300-500}个", "何晓梅",
            lead: ["区卫健局"], responsible: ["各街道办事处"], assisting: ["区妇联"]),
        project(
            "实施农村供水保障提升工程，惠及群众{2-4}万人", "许海涛",
            lead: ["区农业农村局"], responsible: ["梅岭街道办事处", "白鹭洲街道办事处"]),
        project(
            "新建、改造标准化农贸市场{4-6}个", "郑婉清",
            lead: ["区商务局"], responsible: ["区市场监管局", "各街道办事处"]),
        project(
            "为适龄妇女免费开展“两癌”筛查{8000-12000}人次", "何晓梅",
            lead: ["区卫健局"], responsible: ["区妇联"]),
        project(
            "新增城市书房{4-6}个，开展送戏进社区进乡村{100-150}场", "何晓梅",
            lead: ["区文旅局"], responsible: ["区文旅集团", "各街道办事处"]),
        project(
            "建设青溪河滨河绿道{8-12}公里，新建口袋公园{5-8}个", "唐立军",
            lead: ["区住建局"], responsible: ["区城管执法局", "区资规局"], assisting: ["南浦街道办事处"]),
    ]

    private static func project(
        _ phrase: String, _ leader: String, lead: [String], responsible: [String],
        assisting: [String] = []
    ) -> DemoTaskGroup {
        DemoTaskGroup(
            headings: [livelihoodHeading], kind: .livelihood, leader: leader, lead: lead,
            responsible: responsible, assisting: assisting, deadlineChance: 1, phrases: [phrase])
    }
}
