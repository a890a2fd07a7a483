import Foundation
import DubanCore
import Fluent

/// The choices of the search form: the government's plans, units and leaders, and the sections of a plan.
enum SearchOptionsQuery {
    /// Choices as (id, label), in the order the form lists them.
    struct Options {
        var plans: [(id: UUID, label: String)] = []
        var sections: [(id: UUID, label: String)] = []
        var units: [(id: UUID, label: String)] = []
        var leaders: [(id: UUID, label: String)] = []

        /// The plans' ids, to accept only a plan of the government as a filter.
        var planIDs: Set<UUID> { Set(plans.map(\.id)) }
    }

    /// Plans (newest first), units (by name) and leaders (by precedence) of the government; sections are loaded
    /// once a plan is chosen.
    static func options(governmentID: UUID, on database: any Database) async throws -> Options {
        var options = Options()
        options.plans = try await Plan.query(on: database).filter(\.$government.$id == governmentID)
            .filter(\.$withdrawnAt == nil).sort(\.$year, .descending).sort(\.$createdAt, .descending).all()
            .map { (id: try $0.requireID(), label: "\($0.year)年 · \($0.title)") }
        options.units = try await Unit.query(on: database).filter(\.$government.$id == governmentID).sort(\.$name).all()
            .map { (id: try $0.requireID(), label: $0.name) }
        options.leaders = try await Leader.query(on: database).filter(\.$government.$id == governmentID)
            .sort(\.$position).sort(\.$name).all()
            .map { (id: try $0.requireID(), label: $0.title.isEmpty ? $0.name : "\($0.name)（\($0.title)）") }
        return options
    }

    /// The sections of a plan in reading order, indented by depth so the tree shows inside a `<select>`.
    static func sections(planID: UUID, on database: any Database) async throws -> [(id: UUID, label: String)] {
        let sections = try await PlanSection.query(on: database).filter(\.$plan.$id == planID).all()
            .map {
                PlanOutline.Section(
                    id: try $0.requireID(), parentID: $0.$parent.id, title: $0.title, position: $0.position)
            }
        let entries = PlanOutline.arrange(
            sections: sections, tasks: [TaskKind](), sectionOf: { _ in nil },
            kindOf: { $0 })
        return entries.compactMap { entry in
            entry.sectionID.map { (id: $0, label: String(repeating: "　", count: entry.depth - 1) + entry.title) }
        }
    }
}
