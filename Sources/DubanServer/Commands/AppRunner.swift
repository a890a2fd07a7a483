import Vapor

/// Starting and stopping the application outside Vapor's own command line.
enum AppRunner {
    /// Builds the application, migrates, runs `prepare` (e.g. filling demo data), and serves until interrupted.
    /// `announce` runs once the server is listening, so what it prints (the address) is already true.
    static func serve(
        config: AppConfig,
        prepare: (Application) async throws -> Void = { _ in },
        announce: (Application) async throws -> Void
    ) async throws {
        var environment = try serveEnvironment()
        try LoggingSystem.bootstrap(from: &environment)
        let app = try await Application.make(environment)
        do {
            try await configure(app, config: config)
            try await app.autoMigrate()
            try await prepare(app)
            try await app.startup()
            try await announce(app)
            try await app.running?.onStop.get()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.drainAndShutdown()
    }

    /// The environment a served application runs in: production, unless `VAPOR_ENV` names another. In
    /// development Leaf reads and parses every template again on every request, which cost a busy page a fifth
    /// of its time; editing templates against a running server is the one reason to ask for it.
    static func serveEnvironment(_ process: [String: String] = ProcessInfo.processInfo.environment) throws
        -> Environment
    {
        guard let named = process["VAPOR_ENV"], !named.isEmpty else {
            return Environment(name: "production", arguments: ["duban", "serve"])
        }
        var environment = try Environment.detect(arguments: ["duban", "serve", "--env", named])
        environment.arguments = ["duban", "serve"]
        return environment
    }

    /// Builds the application without serving, for one-off work (migrations, imports, demo data).
    static func withApplication<T>(config: AppConfig, _ body: (Application) async throws -> T) async throws -> T {
        let app = try await Application.make(Environment(name: "production", arguments: ["duban"]))
        app.logger.logLevel = .warning
        do {
            try await configure(app, config: config)
            let result = try await body(app)
            try await app.asyncShutdown()
            return result
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    /// Brings the schema up to date.
    static func migrate(config: AppConfig) async throws {
        try await withApplication(config: config) { app in try await app.autoMigrate() }
    }
}
