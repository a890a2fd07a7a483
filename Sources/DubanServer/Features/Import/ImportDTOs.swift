import Foundation
import Vapor

/// The answer to a successful import: the plans created.
struct ImportResultDTO: Content, Equatable {
    var plans: [ImportedPlanDTO]
    /// Unit names the directory did not know, created as written (only with `createUnits`).
    var createdUnits: [String]
}

/// One plan created by an import.
struct ImportedPlanDTO: Content, Equatable {
    var id: UUID
    var title: String
    var year: Int
    var taskCount: Int
    /// What the parser asks a person to look at (a task without units, a count that does not match).
    var warnings: [ImportWarningDTO]
}

/// A parser warning: the line of the decoded text and a Chinese sentence.
struct ImportWarningDTO: Content, Equatable {
    var line: Int
    var message: String
}

/// A unit name the directory does not know, in an `unknown_units` error.
struct UnknownUnitDTO: Content, Equatable {
    var name: String
    /// Directory units it probably means, best first; empty when nothing is alike.
    var suggestions: [UnitSuggestionDTO]
}

/// A directory unit offered for an unknown name.
struct UnitSuggestionDTO: Content, Equatable {
    var id: UUID
    var name: String
    /// Similarity from 0.5 to 1.
    var score: Double
}
