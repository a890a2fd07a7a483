/// Governments as a tree — province, city, district, street — from each one's parent, so the policy can tell a
/// descendant (whose plans a higher 督查室 reads) from a sibling (which sees nothing of the other).
///
/// Generic over the identifier so the domain stays free of the database's UUIDs in tests.
public struct GovernmentTree<ID: Hashable & Sendable>: Sendable {
    private let parents: [ID: ID]
    private let children: [ID: [ID]]

    /// The tree from each government's parent (absent or nil for a top-level government). A cycle in the data
    /// cannot make the walks below loop: each visits a government once.
    public init(parents: [ID: ID?]) {
        var known: [ID: ID] = [:]
        var children: [ID: [ID]] = [:]
        for (child, parent) in parents {
            guard let parent, parent != child else { continue }
            known[child] = parent
            children[parent, default: []].append(child)
        }
        self.parents = known
        self.children = children
    }

    /// Every government below `id`, at any depth, without `id` itself.
    public func descendants(of id: ID) -> Set<ID> {
        var found = Set<ID>()
        var queue = children[id] ?? []
        while let next = queue.popLast() {
            guard next != id, found.insert(next).inserted else { continue }
            queue += children[next] ?? []
        }
        return found
    }

    /// The governments above `id`, nearest first.
    public func ancestors(of id: ID) -> [ID] {
        var found: [ID] = []
        var seen: Set<ID> = [id]
        var current = id
        while let parent = parents[current], seen.insert(parent).inserted {
            found.append(parent)
            current = parent
        }
        return found
    }

    /// The government directly above `id`, if any.
    public func parent(of id: ID) -> ID? { parents[id] }

    /// The governments directly below `id`.
    public func children(of id: ID) -> [ID] { children[id] ?? [] }
}
