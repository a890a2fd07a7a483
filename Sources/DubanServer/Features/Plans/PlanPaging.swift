import DubanCore
import Foundation

/// A plan's tasks in reading order cut into pages, worked out from each section's number of tasks alone — the
/// database counts them — so a page of a 50,000-task plan loads its own 200 tasks and no others. Pure: the
/// query supplies sections and counts, tests need no database.
struct PlanPaging {
    /// Tasks per page: a long screen on a phone, a few seconds of scrolling on a desk.
    static let pageSize = 200

    /// How many tasks of one kind sit directly in one section; `kind` nil for withdrawn tasks (listed, not
    /// counted). A section id the plan does not know counts with the tasks outside any section.
    struct Count {
        var sectionID: UUID?
        var kind: TaskKind?
        var count: Int
    }

    /// One section in reading order, with where its own tasks start among all the plan's tasks.
    struct Placement {
        var sectionID: UUID?
        var parentIndex: Int?
        var title: String
        var depth: Int
        /// Its tasks and all its descendants', withdrawn ones left out.
        var tally: KindTally
        /// Tasks directly in it, withdrawn ones included.
        var direct: Int
        /// The reading-order index of its first direct task.
        var start: Int
    }

    /// A placement shown on a page, with the run of its direct tasks the page holds.
    struct Piece: Equatable {
        var index: Int
        var offset: Int
        var limit: Int
        /// A heading shown only to say where the page's first tasks belong (its tasks are on earlier pages).
        var isContext: Bool
        /// True when the page holds all of the section's direct tasks.
        var isWhole: Bool
    }

    let placements: [Placement]
    /// Every task listed, withdrawn ones included.
    let total: Int
    /// The whole plan's tasks by kind, withdrawn ones left out.
    let planTally: KindTally
    let pageSize: Int

    /// The sections depth first, siblings by position, tasks outside any section last under "未分节" — the same
    /// reading order as `PlanOutline.arrange`.
    init(sections: [PlanOutline.Section], counts: [Count], pageSize: Int = Self.pageSize) {
        self.pageSize = max(1, pageSize)
        let known = Set(sections.map(\.id))
        var direct: [UUID?: Int] = [:]
        var tallies: [UUID?: KindTally] = [:]
        var whole = KindTally()
        let parents = Dictionary(sections.map { ($0.id, $0.parentID) }, uniquingKeysWith: { first, _ in first })
        for count in counts {
            let section = count.sectionID.flatMap { known.contains($0) ? $0 : nil }
            direct[section, default: 0] += count.count
            guard let kind = count.kind else { continue }
            whole.add(kind, count: count.count)
            if section == nil { tallies[nil, default: KindTally()].add(kind, count: count.count) }
            var current = section
            var visited = Set<UUID>()
            // `visited` guards against a cycle in stored data, which would otherwise loop forever.
            while let id = current, visited.insert(id).inserted {
                tallies[id, default: KindTally()].add(kind, count: count.count)
                current = parents[id] ?? nil
            }
        }
        var children: [UUID?: [PlanOutline.Section]] = [:]
        for section in sections {
            children[section.parentID.flatMap { known.contains($0) ? $0 : nil }, default: []].append(section)
        }
        var placements: [Placement] = []
        var start = 0
        var visited = Set<UUID>()
        func visit(_ parent: UUID?, parentIndex: Int?, depth: Int) {
            for section in (children[parent] ?? []).sorted(by: { $0.position < $1.position })
            where visited.insert(section.id).inserted {
                let own = direct[section.id] ?? 0
                placements.append(
                    Placement(
                        sectionID: section.id, parentIndex: parentIndex, title: section.title, depth: depth,
                        tally: tallies[section.id] ?? KindTally(), direct: own, start: start))
                start += own
                visit(section.id, parentIndex: placements.count - 1, depth: depth + 1)
            }
        }
        visit(nil, parentIndex: nil, depth: 1)
        if let loose = direct[nil], loose > 0 {
            placements.append(
                Placement(
                    sectionID: nil, parentIndex: nil, title: "未分节", depth: 1, tally: tallies[nil] ?? KindTally(),
                    direct: loose, start: start))
            start += loose
        }
        self.placements = placements
        total = start
        planTally = whole
    }

    /// At least one page, so an empty plan still has one to show.
    var pageCount: Int { Pager.pageCount(total: total, perPage: pageSize) }

    /// The page (0-based) that shows a placement's first task, or its heading when it holds none directly.
    func page(of index: Int) -> Int {
        guard placements.indices.contains(index) else { return 0 }
        return min(placements[index].start / pageSize, pageCount - 1)
    }

    /// What page `page` (clamped to the pages there are) shows: the sections whose tasks fall on it, in reading
    /// order, each with its run of tasks, preceded by the headings above the first one when those began on an
    /// earlier page.
    func pieces(onPage page: Int) -> [Piece] {
        let page = min(max(page, 0), pageCount - 1)
        let low = page * pageSize
        let high = min(low + pageSize, total)
        let isLast = page == pageCount - 1
        var pieces: [Piece] = []
        for (index, placement) in placements.enumerated() {
            if placement.direct == 0 {
                if placement.start >= low, placement.start < high || isLast {
                    pieces.append(Piece(index: index, offset: 0, limit: 0, isContext: false, isWhole: true))
                }
                continue
            }
            let from = max(low, placement.start)
            let to = min(high, placement.start + placement.direct)
            guard from < to else { continue }
            pieces.append(
                Piece(
                    index: index, offset: from - placement.start, limit: to - from, isContext: false,
                    isWhole: to - from == placement.direct))
        }
        guard let first = pieces.first else { return pieces }
        var context: [Piece] = []
        var parent = placements[first.index].parentIndex
        while let index = parent {
            context.insert(Piece(index: index, offset: 0, limit: 0, isContext: true, isWhole: false), at: 0)
            parent = placements[index].parentIndex
        }
        return context + pieces
    }

    /// The placement of a section by its page anchor (`PlanPageQuery.anchor`).
    func index(ofAnchor anchor: String) -> Int? {
        placements.firstIndex { PlanPageQuery.anchor(for: $0.sectionID) == anchor }
    }
}
