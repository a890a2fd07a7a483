import Foundation

/// Every link the site makes, from one typed place, so templates never spell a path.
enum SiteURL {
    case home
    case plans
    case plan(UUID)
    case task(UUID)
    case units
    case unit(UUID)
    case unitMerge(UUID)
    case leaders
    case leader(UUID)
    case search
    case stylesheet

    /// The path, starting with "/".
    var path: String {
        switch self {
        case .home: "/"
        case .plans: "/plans"
        case .plan(let id): "/plans/\(id.uuidString.lowercased())"
        case .task(let id): "/tasks/\(id.uuidString.lowercased())"
        case .units: "/units"
        case .unit(let id): "/units/\(id.uuidString.lowercased())"
        case .unitMerge(let id): "/units/\(id.uuidString.lowercased())/merge"
        case .leaders: "/leaders"
        case .leader(let id): "/leaders/\(id.uuidString.lowercased())"
        case .search: "/search"
        case .stylesheet: "/css/duban.css"
        }
    }
}
