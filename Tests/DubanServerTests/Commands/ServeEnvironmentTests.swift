@testable import DubanServer
import Leaf
import Testing
import Vapor

/// `duban serve` and `duban demo` run in production, where Leaf keeps parsed templates; only `VAPOR_ENV` asks for
/// another environment.
@Suite("Serve environment")
struct ServeEnvironmentTests {
    @Test("Served in production with Leaf's template cache on, unless VAPOR_ENV names development")
    func productionUnlessAsked() async throws {
        let served = try AppRunner.serveEnvironment([:])
        #expect(served == .production)
        let app = try await Application.make(served)
        app.views.use(.leaf)
        let cached = app.leaf.renderer.cache.isEnabled
        try await app.asyncShutdown()
        #expect(cached)

        let asked = try AppRunner.serveEnvironment(["VAPOR_ENV": "development"])
        #expect(asked == .development)
        let editing = try await Application.make(asked)
        editing.views.use(.leaf)
        let reread = !editing.leaf.renderer.cache.isEnabled
        try await editing.asyncShutdown()
        #expect(reread)
    }
}
