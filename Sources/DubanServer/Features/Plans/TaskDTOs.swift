import Foundation
import Vapor

/// A unit as tasks and groups name it.
struct UnitRefDTO: Content, Equatable, Hashable {
    var id: UUID
    var name: String
}

/// A leader as tasks name them.
struct LeaderRefDTO: Content, Equatable {
    var id: UUID
    var name: String
    /// 职务; empty when the plan gave none.
    var title: String
}

/// The units holding a task in one role, in printed order.
struct TaskRoleDTO: Content, Equatable {
    /// "overallLead", "lead", "responsible" or "assisting".
    var role: String
    /// "总牵头单位", "牵头单位", "责任单位" or "协办单位".
    var label: String
    var units: [UnitRefDTO]
}

/// A task in a list: everything but its place in the source document.
struct TaskSummaryDTO: Content, Equatable {
    var id: UUID
    var planId: UUID
    var planTitle: String
    @NullCoded var sectionId: UUID?
    /// Unique inside the plan: section path plus number ("二.7").
    var key: String
    var number: String
    /// "target", "task", "livelihood", "continued" or "cascaded".
    var kind: String
    var text: String
    /// 完成时限 as printed ("2025年12月").
    @NullCoded var deadline: String?
    /// Roles in the order of responsibility; roles without units are left out.
    var roles: [TaskRoleDTO]
    var leaders: [LeaderRefDTO]
}

/// One task in full.
struct TaskDTO: Content, Equatable {
    var id: UUID
    var planId: UUID
    var planTitle: String
    var key: String
    var number: String
    var kind: String
    var kindLabel: String
    var text: String
    @NullCoded var deadline: String?
    /// The headings above the task, outermost first.
    var sections: [SectionRefDTO]
    /// For cascaded tasks: the higher government's task this one localises.
    @NullCoded var parent: ParentTaskDTO?
    var roles: [TaskRoleDTO]
    var leaders: [LeaderRefDTO]
    /// 1-based line of the task's first line in the imported text.
    var sourceLine: Int
    /// The lines around `sourceLine`; null when the plan was stored without its source.
    @NullCoded var source: TaskSourceDTO?
}

/// A heading in a task's section path.
struct SectionRefDTO: Content, Equatable {
    var id: UUID
    var title: String
}

/// The higher level's task of a cascaded row.
struct ParentTaskDTO: Content, Equatable {
    @NullCoded var number: String?
    @NullCoded var text: String?
}

/// Where a task was read from.
struct TaskSourceDTO: Content, Equatable {
    var fileName: String
    var lines: [SourceLineDTO]
}

/// A numbered line of the source text.
struct SourceLineDTO: Content, Equatable {
    var number: Int
    var text: String
}
