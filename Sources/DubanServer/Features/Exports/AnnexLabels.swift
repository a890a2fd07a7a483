import DubanCore
import Fluent
import Foundation

/// The 附表 numbers a plan's notice gives its forms, read from the plan's source document, so each download
/// carries the number the units were told.
enum AnnexLabels {
    /// The numbering of the plan's notice; the standard one when the plan has no source or the notice numbers
    /// nothing.
    static func of(planID: UUID, on database: any Database) async throws -> AnnexNumbering {
        guard let source = try await PlanSource.query(on: database).filter(\.$plan.$id == planID).first() else {
            return .standard
        }
        return AnnexNumbering.detect(in: source.text)
    }
}
