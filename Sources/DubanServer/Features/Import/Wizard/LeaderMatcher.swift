import DubanCore
import Fluent
import Foundation

/// How a leader name from a document relates to the government's leaders and to the other names of the
/// same upload. Person names go wrong in small ways — a variant character (卢永桢 / 卢永楨), a typo
/// (张晓茵 / 张晓茜), a dropped character (丁力 / 丁力茵) — so a name that is not known exactly gets the
/// leaders and the upload's more frequent names that differ by such a slip as suggestions.
struct LeaderMatcher {
    /// One name's match.
    enum Match: Equatable, Sendable {
        /// The directory has this leader.
        case exact(UUID)
        /// Not known; these are probably meant, best first.
        case suggested([Candidate])
        /// Not known and nothing alike: a new leader.
        case unknown
    }

    /// A suggestion: a directory leader, or another name of the same upload.
    struct Candidate: Equatable, Sendable {
        /// The choice value: a leader id, or `namePrefix` + the other name.
        var value: String
        var label: String
    }

    /// Choice values that point at another name of the upload start with this.
    static let namePrefix = "as:"

    private var byName: [String: UUID] = [:]
    private var leaders: [(id: UUID, name: String, title: String)] = []

    /// Loads the government's leaders.
    static func load(governmentID: UUID, on database: any Database) async throws -> LeaderMatcher {
        var matcher = LeaderMatcher()
        let rows = try await Leader.query(on: database).filter(\.$government.$id == governmentID)
            .sort(\.$position).all()
        for leader in rows {
            let id = try leader.requireID()
            matcher.byName[leader.name] = id
            matcher.leaders.append((id, leader.name, leader.title))
        }
        return matcher
    }

    /// Matches every distinct leader name of the documents, in order of first use. `uses` counts how often
    /// each name occurs; only names used more often (or as often and earlier) are offered as what another
    /// name means, so following suggestions can never go round in a circle.
    func match(names: [String], uses: [String: Int]) -> [(name: String, match: Match)] {
        let order = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        func outranks(_ other: String, _ name: String) -> Bool {
            let (a, b) = (uses[other] ?? 0, uses[name] ?? 0)
            return a != b ? a > b : (order[other] ?? 0) < (order[name] ?? 0)
        }
        return names.map { name in
            if let id = byName[name] { return (name, .exact(id)) }
            var candidates = leaders.filter { Self.isSlip(name, $0.name) }.map {
                Candidate(value: $0.id.uuidString, label: $0.title.isEmpty ? $0.name : "\($0.name)（\($0.title)）")
            }
            candidates += names.filter {
                $0 != name && byName[$0] == nil && outranks($0, name) && Self.isSlip(name, $0)
            }
            .map { Candidate(value: Self.namePrefix + $0, label: "同文件中的“\($0)”") }
            return (name, candidates.isEmpty ? .unknown : .suggested(Array(candidates.prefix(4))))
        }
    }

    /// True when two person names differ by one character replaced, added or dropped (and are not both a
    /// single character).
    static func isSlip(_ first: String, _ second: String) -> Bool {
        let a = Array(first), b = Array(second)
        guard a != b, max(a.count, b.count) >= 2, a.first == b.first else { return false }
        if a.count == b.count { return zip(a, b).filter { $0 != $1 }.count == 1 }
        let (short, long) = a.count < b.count ? (a, b) : (b, a)
        guard long.count - short.count == 1 else { return false }
        return (0..<long.count).contains { skip in
            var trimmed = long
            trimmed.remove(at: skip)
            return trimmed == short
        }
    }
}
