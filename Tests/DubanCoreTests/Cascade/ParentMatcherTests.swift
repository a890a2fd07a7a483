import DubanCore
import Testing

/// Finding the higher task a cascaded task quotes.
@Suite("Parent matching")
struct ParentMatcherTests {
    static let cityTasks = [
        ParentMatcher.Candidate(id: "c1", number: "1", text: "地区生产总值增长7%左右，城镇新增就业20万人以上。"),
        ParentMatcher.Candidate(
            id: "c2", number: "2", text: "实施项目攻坚行动，开工建设亿元以上项目800个，推进市级重大项目400个。"),
        ParentMatcher.Candidate(id: "c3", number: "3", text: "着力振兴传统纺织服装产业。"),
        ParentMatcher.Candidate(
            id: "c4", number: "4", text: "推动保障性住房建设，建设筹集保障性租赁住房8万套，改造城镇老旧小区3000个以上。"),
    ]

    @Test("A quotation with its number finds the task, even abridged to one sentence")
    func quotedWithNumber() throws {
        let match = try #require(
            ParentMatcher.suggest(
                quote: ParentTask(number: "2", text: "开工建设亿元以上项目800个"), ownText: "开工亿元以上项目40个。",
                among: Self.cityTasks))
        #expect(match.id == "c2" && match.score >= 0.9)
        let abridged = ParentMatcher.suggest(
            quote: ParentTask(number: "", text: "城镇新增就业20万人以上。"), ownText: "城镇新增就业6000人。", among: Self.cityTasks)
        #expect(abridged?.id == "c1")
    }

    @Test("A row whose own words quote the higher task is matched on them")
    func ownWords() {
        let match = ParentMatcher.suggest(
            quote: nil, ownText: "推动保障性住房建设，建设筹集保障性租赁住房8万套。（责任单位：区住房和城乡建设局）",
            among: Self.cityTasks)
        #expect(match?.id == "c4")
    }

    @Test("A short higher task is found in a longer quotation; an unrelated task matches nothing")
    func shortAndUnrelated() {
        #expect(
            ParentMatcher.suggest(
                quote: ParentTask(number: "3", text: "着力振兴传统纺织服装产业。"), ownText: "推进纺织企业技术改造。",
                among: Self.cityTasks)?.id == "c3")
        #expect(
            ParentMatcher.suggest(
                quote: nil, ownText: "开展全民阅读活动，建设城市书房12个。", among: Self.cityTasks) == nil)
        #expect(ParentMatcher.rank(quote: nil, ownText: "", among: Self.cityTasks).isEmpty)
    }

    @Test("The ranking offers the other candidates to pick from, best first")
    func ranking() {
        let ranked = ParentMatcher.rank(
            quote: ParentTask(number: "", text: "改造城镇老旧小区3000个以上，建设亿元以上项目"), ownText: "",
            among: Self.cityTasks)
        #expect(ranked.first?.id == "c4")
        #expect(ranked.map(\.id).contains("c2"))
    }
}

/// Governments as a tree.
@Suite("Government tree")
struct GovernmentTreeTests {
    @Test("Descendants at any depth, ancestors nearest first, siblings apart, a cycle harmless")
    func tree() {
        let tree = GovernmentTree<String>(parents: [
            "province": nil, "city": "province", "east": "city", "west": "city", "street": "east",
        ])
        #expect(tree.descendants(of: "city") == ["east", "west", "street"])
        #expect(tree.descendants(of: "east") == ["street"])
        #expect(tree.descendants(of: "west").isEmpty)
        #expect(tree.ancestors(of: "street") == ["east", "city", "province"])
        #expect(tree.parent(of: "west") == "city")
        let cycle = GovernmentTree<String>(parents: ["a": "b", "b": "a"])
        #expect(cycle.descendants(of: "a") == ["b"])
        #expect(cycle.ancestors(of: "a") == ["b"])
    }
}

extension ParentMatcherTests {
    @Test("When two tasks contain the quoted words alike, the quoted number decides")
    func numberDecides() {
        let tasks = [
            ParentMatcher.Candidate(id: "t1", number: "1", text: "全市地区生产总值增长5.5%左右，一般公共预算收入增长4%。"),
            ParentMatcher.Candidate(id: "t3", number: "3", text: "全市地区生产总值增长5.5%左右。"),
        ]
        let match = ParentMatcher.suggest(
            quote: ParentTask(number: "3", text: "全市地区生产总值增长5.5%左右。"), ownText: "地区生产总值增长5%左右。", among: tasks)
        #expect(match?.id == "t3" && match?.score == 1)
    }
}
