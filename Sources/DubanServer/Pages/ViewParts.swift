import DubanCore
import Foundation

/// A labelled link, the smallest piece most pages list: a unit, a leader, a breadcrumb.
struct LinkItem: Encodable, Equatable {
    var label: String
    var href: String
}

/// One option of a `<select>`, with its selected state decided by the page, not the template.
struct SelectOption: Encodable, Equatable {
    var value: String
    var label: String
    var selected = false
}

/// How many tasks of one kind: a badge on plan and section headings.
struct KindCount: Encodable, Equatable {
    /// `TaskKind` raw value, used as the badge's CSS class.
    var kind: String
    var label: String
    var count: Int
}

/// Task counts by kind, added up as tasks are seen; sections tally their own tasks and their descendants'.
struct KindTally: Equatable {
    private(set) var counts: [TaskKind: Int] = [:]

    /// All tasks counted.
    var total: Int { counts.values.reduce(0, +) }

    /// Counts one more task of `kind`.
    mutating func add(_ kind: TaskKind, count: Int = 1) { counts[kind, default: 0] += count }

    /// The count of one kind.
    subscript(kind: TaskKind) -> Int { counts[kind] ?? 0 }

    /// Every kind in the domain's order, zeros included: the plan heading shows the full picture.
    var allKinds: [KindCount] {
        TaskKind.allCases.map { KindCount(kind: $0.rawValue, label: $0.label, count: self[$0]) }
    }

    /// Only the kinds present: a section badge row stays short.
    var presentKinds: [KindCount] { allKinds.filter { $0.count > 0 } }
}

/// A run of text that either matches the search query or not; the template wraps matches in `<mark>`, so the
/// highlight needs no raw HTML and Leaf escapes every character.
struct TextSegment: Encodable, Equatable {
    var text: String
    var isMatch: Bool

    /// Splits `text` around every occurrence of any of `terms`, ignoring case (Latin letters in 5G, PM2.5 …);
    /// where terms overlap, the earliest, then the longest, wins.
    static func highlight(_ text: String, terms: [String]) -> [TextSegment] {
        let terms = terms.filter { !$0.isEmpty }
        var segments: [TextSegment] = []
        var rest = text[...]
        while let range = earliestMatch(of: terms, in: rest) {
            if range.lowerBound > rest.startIndex {
                segments.append(TextSegment(text: String(rest[..<range.lowerBound]), isMatch: false))
            }
            segments.append(TextSegment(text: String(rest[range]), isMatch: true))
            rest = rest[range.upperBound...]
        }
        if !rest.isEmpty { segments.append(TextSegment(text: String(rest), isMatch: false)) }
        return segments
    }

    /// The first place any term occurs; at one place, the longest term.
    private static func earliestMatch(of terms: [String], in text: Substring) -> Range<Substring.Index>? {
        terms.compactMap { text.range(of: $0, options: [.caseInsensitive]) }
            .min { a, b in a.lowerBound != b.lowerBound ? a.lowerBound < b.lowerBound : a.upperBound > b.upperBound }
    }
}

/// A task as every list shows it: number, kind, the start of its words, who leads it.
///
/// Each part a task may lack comes with a `has…` flag for the template: a plan page lists thousands of tasks,
/// and Leaf tests a `Bool` far faster than it compares strings (`!= ""`) or converts a string to a condition.
struct TaskLine: Encodable {
    var number: String
    /// `TaskKind` raw value, for the badge's CSS class.
    var kind: String
    var kindLabel: String
    var excerpt: String
    var href: String
    /// 牵头单位, shortened ("A、B、C 等5个").
    var leadUnits: String
    /// 责任单位, shortened.
    var responsibleUnits: String
    var leaders: String
    /// The plan's title where a list mixes plans; empty on a plan's own page.
    var planTitle: String
    var hasLeadUnits: Bool
    var hasResponsibleUnits: Bool
    var hasLeaders: Bool
    var hasPlanTitle: Bool
    /// True for a task a revision of its plan withdrew; lists show it struck through, marked 已撤销.
    var withdrawn: Bool
    /// The task's traffic light ("green", "yellow", "red": the worst of its reporting units), with its label and
    /// reasons; empty where the list does not show lights.
    var light = ""
    var lightLabel = ""
    var lightReasons = ""

    /// A list entry; the flags follow from the texts.
    init(
        number: String, kind: String, kindLabel: String, excerpt: String, href: String, leadUnits: String,
        responsibleUnits: String, leaders: String, planTitle: String = "", withdrawn: Bool = false
    ) {
        self.withdrawn = withdrawn
        self.number = number
        self.kind = kind
        self.kindLabel = kindLabel
        self.excerpt = excerpt
        self.href = href
        self.leadUnits = leadUnits
        self.responsibleUnits = responsibleUnits
        self.leaders = leaders
        self.planTitle = planTitle
        hasLeadUnits = !leadUnits.isEmpty
        hasResponsibleUnits = !responsibleUnits.isEmpty
        hasLeaders = !leaders.isEmpty
        hasPlanTitle = !planTitle.isEmpty
    }
}

/// Small text rules shared by the pages, kept out of templates.
enum DisplayText {
    /// Characters of task text that lists show; the task page shows everything.
    static let excerptLength = 80

    /// The first `excerptLength` characters, with an ellipsis when something was cut.
    static func excerpt(_ text: String) -> String {
        text.count > excerptLength ? String(text.prefix(excerptLength)) + "…" : text
    }

    /// Names joined with "、", at most `limit` of them, the rest summarised as a count.
    static func names(_ names: [String], limit: Int = 3) -> String {
        guard names.count > limit else { return names.joined(separator: "、") }
        return names.prefix(limit).joined(separator: "、") + " 等\(names.count)个"
    }

    /// The kind label of a stored raw value; unknown values (from a newer version) show as written.
    static func kindLabel(_ raw: String) -> String { TaskKind(rawValue: raw)?.label ?? raw }
}
