import Foundation
import Vapor

/// A plan in the list: its identity and how many tasks it holds.
struct PlanSummaryDTO: Content, Equatable {
    var id: UUID
    var title: String
    var year: Int
    @NullCoded var docNumber: String?
    @NullCoded var issuer: String?
    /// Signing date, "yyyy-MM-dd".
    @NullCoded var issuedOn: String?
    var taskCount: Int
    @NullCoded var createdAt: Date?
}

/// One plan with its section tree (flat, in reading order; `parentId` links the tree) and counts by kind.
struct PlanDTO: Content, Equatable {
    var id: UUID
    var title: String
    var year: Int
    @NullCoded var docNumber: String?
    @NullCoded var issuer: String?
    @NullCoded var issuedOn: String?
    @NullCoded var createdAt: Date?
    /// The file the plan was imported from.
    @NullCoded var sourceFileName: String?
    var taskCount: Int
    /// Task count per kind, every kind present (zero included).
    var taskCountsByKind: [String: Int]
    var sections: [SectionDTO]
}

/// A heading of a plan.
struct SectionDTO: Content, Equatable {
    var id: UUID
    @NullCoded var parentId: UUID?
    var title: String
    /// 1 for the outermost headings.
    var depth: Int
    /// Tasks in this section and every section below it.
    var taskCount: Int
}
