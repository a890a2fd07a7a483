import Fluent
import Foundation
import SQLKit

extension PlanOutline.Section {
    /// The plan's sections, the four columns the outline uses, in one statement. A province plan has hundreds of
    /// sections, and every plan and task page reads them all: decoding them as Fluent models was a tenth of the
    /// plan page's time.
    static func load(planID: UUID, on database: any Database) async throws -> [Self] {
        try await database.requireSQL().raw(
            "SELECT id, parent_id, title, position FROM plan_sections WHERE plan_id = \(bind: planID)"
        ).all().map { row in
            Self(
                id: try row.decode(column: "id", as: UUID.self),
                parentID: try row.decode(column: "parent_id", as: UUID?.self),
                title: try row.decode(column: "title", as: String.self),
                position: try row.decode(column: "position", as: Int.self))
        }
    }
}
