import Vapor

/// Registers every route.
func routes(_ app: Application) throws {
    app.get("healthz") { _ in "ok" }
    try app.register(collection: PageController())
    try app.register(collection: PlanController())
    try app.register(collection: UnitController())
    try app.register(collection: LeaderController())
    try app.register(collection: SearchController())
    try app.register(collection: AuditController())
}
