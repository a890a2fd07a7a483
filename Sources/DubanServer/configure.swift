import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Leaf
import LeafKit
import Vapor

/// Builds the application from its configuration: database, migrations, views, middleware, routes. Tests
/// build the same application on in-memory SQLite or on the PostgreSQL server CI starts.
public func configure(_ app: Application, config: AppConfig) async throws {
    app.logger.logLevel = config.logLevel
    app.http.server.configuration.hostname = config.hostname
    app.http.server.configuration.port = config.port
    // Plan pages of large plans are long tables; compressed they load quickly on a phone.
    app.http.server.configuration.responseCompression = .enabled(initialByteBufferCapacity: 1024)

    // Blocking work (SQLite calls, bcrypt, parsing) runs here; more threads than connections, so a statement
    // waiting for SQLite's write lock never holds up the transaction that has it.
    app.threadPool = NIOThreadPool(numberOfThreads: max(4, System.coreCount * 2))
    switch config.storage {
    case .sqliteFile(let path):
        app.databases.use(.sqlite(.file(path), connectionPoolTimeout: .seconds(30)), as: .sqlite)
        app.databases.use(
            .sqlite(.file(path), connectionPoolTimeout: .seconds(30)), as: .sqliteJobs, isDefault: false)
        app.databases.use(.sqlite(.file(path)), as: .sqliteVersion, isDefault: false)
    case .sqliteMemory:
        app.databases.use(.sqlite(.memory, connectionPoolTimeout: .seconds(30)), as: .sqlite)
    case .postgres(let url):
        // A request waits up to a minute for a free connection, as SQLite's writers wait for the lock: a surge
        // queues rather than fails.
        app.databases.use(
            try .postgres(
                url: url, maxConnectionsPerEventLoop: config.postgresConnectionsPerLoop,
                connectionPoolTimeout: .seconds(60)), as: .psql)
    }
    if config.storage.isSQLite { try await SQLiteTuning.apply(to: app) }
    app.migrations.add(Migrations.all)

    // Templates and static files ship inside the module's bundle, so the app runs from any directory.
    app.directory = DirectoryConfiguration(workingDirectory: Resources.bundle)
    app.directory.publicDirectory = Resources.public
    app.views.use(.leaf)
    // The bundle sits under .build when run from a checkout; hidden folders must be allowed on its path.
    app.leaf.sources = .singleSource(
        NIOLeafFiles(
            fileio: app.fileio, limits: [.requireExtensions, .onlyLeafExtensions],
            sandboxDirectory: Resources.bundle, viewDirectory: app.directory.viewsDirectory))

    // Sessions live in the database, so sign-in survives restarts and works across several server processes.
    app.accounts = AccountSettings(config: config)
    app.sessions.use { _ in DatabaseSessions() }
    app.sessions.configuration = app.accounts.sessionsConfiguration()

    app.middleware = Middlewares()
    // First, so stopping waits for every request that got in (`drainAndShutdown`).
    app.middleware.use(InFlightMiddleware(requests: app.inFlightRequests))
    app.middleware.use(RouteLoggingMiddleware(logLevel: .info))
    if config.countQueries {
        let counting = QueryCountingSwitch()
        app.queryCounting = counting
        app.middleware.use(QueryCountingMiddleware(switch: counting))
    }
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(SiteErrorMiddleware())
    // Forms are small; upload routes name their own limit. A larger body is refused before it is read.
    app.routes.defaultMaxBodySize = "256kb"
    app.middleware.use(BodyLimitMiddleware())
    // Static files before sessions: a stylesheet needs no session lookup.
    app.middleware.use(FileMiddleware(publicDirectory: app.directory.publicDirectory))
    // Before sessions: a page shown again unchanged needs no session lookup either.
    app.pageCache = PageCache.make(for: config, on: app)
    app.middleware.use(PageCacheMiddleware())
    app.middleware.use(app.sessions.middleware)
    app.middleware.use(SessionAuthenticationMiddleware())
    app.middleware.use(UnreadNotificationsMiddleware())
    app.middleware.use(CSRFMiddleware())

    // Reminders and webhook delivery, in background rounds only while serving (see `ReportingJobs.Loop`).
    DutyStateJob.register(on: app)
    ReminderJob.register(on: app)
    SessionCleanupJob.register(on: app)
    DraftExpiry.register(on: app, environment: Environment.get("DUBAN_DRAFT_DAYS"))
    app.publicURL = config.publicURL
    app.trustedProxies = config.trustedProxies
    app.publicRateLimit = PublicRateLimit()
    // The HTTP client posts only to webhooks; a redirect could lead past the check on internal addresses.
    app.http.client.configuration.redirectConfiguration = .disallow
    app.lifecycle.use(ReportingJobs.Loop(interval: config.jobsInterval))

    try routes(app)
}

/// Where the bundled templates (Resources/Views) and static files (Resources/Public) are.
enum Resources {
    static let bundle = Bundle.module.bundleURL.path + "/"
    static let `public` = bundle + "Resources/Public/"
}
