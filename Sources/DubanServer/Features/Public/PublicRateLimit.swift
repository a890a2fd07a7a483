import Vapor

/// How often one address may open public pages: a window of requests per minute, counted in this process. A
/// public page needs no sign-in, so this keeps one client from loading the server; a reverse proxy in front of
/// several processes should limit too.
actor PublicRateLimit {
    /// Requests allowed per address per window.
    let limit: Int
    let window: TimeInterval
    private var counts: [String: (start: Date, count: Int)] = [:]

    init(limit: Int = 60, window: TimeInterval = 60) {
        self.limit = limit
        self.window = window
    }

    /// True when the address may have one more page now.
    func admit(_ address: String, at now: Date) -> Bool {
        if counts.count > 10_000 { counts = counts.filter { now.timeIntervalSince($0.value.start) < window } }
        var entry = counts[address] ?? (now, 0)
        if now.timeIntervalSince(entry.start) >= window { entry = (now, 0) }
        entry.count += 1
        counts[address] = entry
        return entry.count <= limit
    }
}

extension Application {
    private struct PublicRateLimitKey: StorageKey {
        typealias Value = PublicRateLimit
    }

    /// The public pages' limit, one per application (set by `configure`).
    var publicRateLimit: PublicRateLimit {
        get { storage[PublicRateLimitKey.self] ?? PublicRateLimit() }
        set { storage[PublicRateLimitKey.self] = newValue }
    }
}
