import Vapor

/// Registers every route.
func routes(_ app: Application) throws {
    app.get("healthz") { _ in "ok" }
    try app.register(collection: PageController())
}
