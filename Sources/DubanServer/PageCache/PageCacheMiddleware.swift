import Vapor

/// Answers a signed-in page GET from `PageCache` when the same session asked for the same address before and
/// nothing has been committed since; otherwise renders it as usual and keeps the result.
///
/// It sits before the session and sign-in middleware, so a page served from the cache costs the version
/// question only — not the session row, the account, the unread count and the page's own queries. That is safe
/// because everything those would decide is in the database or the clock: a sign-out, a password change, a
/// disabled account or a role change is a commit and empties the cache, and an entry never outlives the minute
/// it was rendered in or its session's lifetime. The key is the session cookie itself, so one person's page is
/// never shown to another.
struct PageCacheMiddleware: AsyncMiddleware {
    /// Says on every page answered or kept whether it came from the cache: "hit", or "stored".
    static let header = "X-Duban-Page-Cache"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let app = request.application
        guard let cache = app.pageCache, cache.isEnabled, request.method == .GET, Self.isPage(request.url.path),
            let session = request.cookies[AccountSettings.cookieName]?.string, !session.isEmpty
        else { return try await next.respond(to: request) }
        let version: String
        do {
            version = try await cache.version.current(app)
        } catch {
            request.logger.warning("page cache: no database version (\(String(reflecting: error))); rendering")
            return try await next.respond(to: request)
        }
        let key = session + " " + request.url.string
        let minute = Self.minute(app.clock.now())
        if let entry = cache.entry(for: key, version: version, minute: minute, now: app.accounts.clock.now) {
            return Self.answer(entry, to: request)
        }
        let flight = "\(key) \(version) \(minute)"
        let turn = await cache.renderings.join(flight)
        if case .rendered(let entry?) = turn { return Self.answer(entry, to: request) }
        // Leading the rendering, or rendering alone after the leader's page could not be kept.
        let leads = if case .render = turn { true } else { false }
        let response: Response
        do {
            response = try await next.respond(to: request)
        } catch {
            if leads { cache.renderings.finish(flight, with: nil) }
            throw error
        }
        let entry = Self.keepable(response, of: request, session: session, version: version, minute: minute)
        // Kept before the waiters go, so a request arriving in between finds it rather than rendering again.
        if let entry { cache.store(entry, for: key) }
        if leads { cache.renderings.finish(flight, with: entry) }
        if entry != nil { response.headers.replaceOrAdd(name: Self.header, value: "stored") }
        return response
    }

    /// A kept page as this request's answer.
    private static func answer(_ entry: PageCache.Entry, to request: Request) -> Response {
        var headers = entry.headers
        headers.replaceOrAdd(name: header, value: "hit")
        return Response(status: .ok, version: request.version, headers: headers, body: .init(buffer: entry.body))
    }

    /// Pages only: not the API (its own tokens and JSON), not the health check.
    static func isPage(_ path: String) -> Bool {
        !path.hasPrefix("/api/") && path != "/api" && path != "/healthz"
    }

    /// Whole minutes since 1970.
    static func minute(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 / 60).rounded(.down))
    }

    /// The response as an entry, when it is a complete HTML page shown to a signed-in user whose session the
    /// request did not change: not a redirect, an error, a download, or a page that set a new cookie or consumed
    /// something kept in the session. (Every answer repeats the session's own cookie; that one is kept as it is.)
    private static func keepable(
        _ response: Response, of request: Request, session: String, version: String, minute: Int64
    ) -> PageCache.Entry? {
        let cookies = response.cookies.all
        guard response.status == .ok, let type = response.headers.contentType, type.type == "text",
            type.subType == "html", cookies.allSatisfy({ $0.key == AccountSettings.cookieName }),
            cookies.values.allSatisfy({ $0.string == session }), let body = response.body.buffer,
            request.auth.has(CurrentUser.self),
            DatabaseSessions.isUnchanged(request), let claim = UserSession.Claim(request.session.data)
        else { return nil }
        let ends = claim.since.addingTimeInterval(request.application.accounts.sessionLifetime)
        // A rendered body's buffer grew by doubling; the kept copy is as long as the page, which is what the
        // cache's capacity counts.
        var kept = ByteBufferAllocator().buffer(capacity: body.readableBytes)
        kept.writeImmutableBuffer(body)
        return PageCache.Entry(
            headers: response.headers, body: kept, version: version, minute: minute, sessionEnds: ends)
    }
}
