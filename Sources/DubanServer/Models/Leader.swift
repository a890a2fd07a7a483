import Fluent
import Foundation

/// A responsible leader (责任领导 / 分管领导) with the portfolio they supervise.
///
/// `@unchecked Sendable`: Fluent models are mutable reference types; each instance is used by one request.
final class Leader: Model, @unchecked Sendable {
    static let schema = "leaders"

    // managed
    @ID(key: .id) var id: UUID?

    // data
    @Field(key: "name") var name: String
    /// 职务, e.g. "副区长"; empty when a plan named the leader without a title.
    @Field(key: "title") var title: String
    /// 分管工作, e.g. "发展改革、财政、统计".
    @Field(key: "portfolio") var portfolio: String
    /// Order of precedence in lists.
    @Field(key: "position") var position: Int

    // relationships
    @Parent(key: "government_id") var government: Government

    init() {}

    init(
        id: UUID? = nil, governmentID: UUID, name: String, title: String = "", portfolio: String = "", position: Int = 0
    ) {
        self.id = id
        self.$government.id = governmentID
        self.name = name
        self.title = title
        self.portfolio = portfolio
        self.position = position
    }
}
