import Vapor

/// A page asked for something the current government does not have: a mistyped or stale link, a merged unit.
/// The reason names what was looked for, so the reader knows which link to fix.
enum PageError: AbortError, Equatable {
    case planNotFound
    case taskNotFound
    case unitNotFound
    case leaderNotFound

    /// Always 404: the thing is not there for this government.
    var status: HTTPResponseStatus { .notFound }

    /// The sentence the error page shows.
    var reason: String {
        switch self {
        case .planNotFound: "没有找到这个方案，可能已被删除。请从方案列表重新进入。"
        case .taskNotFound: "没有找到这项任务，可能所属方案已被删除。"
        case .unitNotFound: "没有找到这个单位，可能已被合并或删除。请从单位目录重新进入。"
        case .leaderNotFound: "没有找到这位领导。请从领导列表重新进入。"
        }
    }
}

/// Reading ids from the path.
extension Request {
    /// The id in a path parameter; a malformed id is the same as an unknown one.
    func requireID(_ name: String, orThrow error: PageError) throws -> UUID {
        guard let id = parameters.get(name, as: UUID.self) else { throw error }
        return id
    }
}
