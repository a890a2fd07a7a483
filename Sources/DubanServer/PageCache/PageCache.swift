import NIOConcurrencyHelpers
import Vapor

/// Signed-in pages as last rendered, kept in memory so that looking at the same page again — a leader
/// refreshing the 督办 overview, a clerk going back to a plan — costs one question to the database instead of a
/// dozen queries and a template.
///
/// A page is served from here only while nothing at all has been committed to the database since it was
/// rendered: every entry carries the `DataVersion` read before its rendering began, and the first request that
/// sees another version empties the cache. That rule is coarse — any write anywhere drops every page — but it is
/// exact without any write path having to say what it changed, it holds for writes by other server processes
/// and by the command line, and a new feature cannot forget to invalidate. Pages also depend on the time
/// (today's lights, "3 天后到期"), so an entry lasts only within the minute it was rendered, and never past
/// its session's end.
final class PageCache: Sendable {
    /// One rendered page.
    struct Entry: Sendable {
        var headers: HTTPHeaders
        var body: ByteBuffer
        /// The database's version when the rendering began.
        var version: String
        /// The minute (of the application's clock) it was rendered in.
        var minute: Int64
        /// When its session's sign-in lapses.
        var sessionEnds: Date
    }

    private struct State {
        var version: String?
        var entries: [String: (entry: Entry, sequence: Int)] = [:]
        var bytes = 0
        var sequence = 0
        var enabled = true
        var hits = 0
        var stores = 0

        mutating func removeAll() {
            entries.removeAll(keepingCapacity: true)
            bytes = 0
        }

        mutating func remove(_ key: String) {
            guard let old = entries.removeValue(forKey: key) else { return }
            bytes -= old.entry.body.readableBytes
        }

        /// Drops the oldest entries until the bodies fit in `target` bytes; in one pass, so a full cache sorts its
        /// entries once per quarter of its capacity, not once per page.
        mutating func evictOldest(downTo target: Int) {
            for (key, value) in entries.sorted(by: { $0.value.sequence < $1.value.sequence }) {
                guard bytes > target else { return }
                entries.removeValue(forKey: key)
                bytes -= value.entry.body.readableBytes
            }
        }
    }

    /// Most bytes of page bodies kept; the oldest entries go first beyond it.
    let capacity: Int
    /// The largest page kept. A page bigger than this is rare and cheap to lose.
    let entryLimit: Int
    /// Where the version comes from.
    let version: DataVersionReader
    /// The renderings under way, shared by requests for the same page.
    let renderings = PageRenderings()
    private let state = NIOLockedValueBox(State())

    init(capacity: Int, entryLimit: Int = 1 << 20, version: DataVersion) {
        self.capacity = capacity
        self.entryLimit = min(entryLimit, capacity)
        self.version = DataVersionReader(version)
    }

    /// Whether pages are served from and kept in the cache. The benchmark turns it off to time rendering.
    var isEnabled: Bool {
        get { state.withLockedValue { $0.enabled } }
        set {
            state.withLockedValue {
                $0.enabled = newValue
                if !newValue { $0.removeAll() }
            }
        }
    }

    /// Pages served from the cache and pages kept, since start: for tests and the benchmark.
    var counts: (hits: Int, stores: Int) { state.withLockedValue { ($0.hits, $0.stores) } }

    /// The page kept under `key` if it is still what a rendering would give: the database is at `version`,
    /// the clock in the same `minute`, and the session not over at `now`. Seeing a new version empties the cache.
    func entry(for key: String, version: String, minute: Int64, now: Date) -> Entry? {
        state.withLockedValue { state -> Entry? in
            guard state.enabled else { return nil }
            if state.version != version {
                state.removeAll()
                state.version = version
                return nil
            }
            guard let found = state.entries[key]?.entry else { return nil }
            guard found.minute == minute, now < found.sessionEnds else {
                state.remove(key)
                return nil
            }
            state.hits += 1
            return found
        }
    }

    /// Keeps `entry` under `key`, unless the database has moved on since its rendering began or it is too big.
    func store(_ entry: Entry, for key: String) {
        guard entry.body.readableBytes <= entryLimit else { return }
        state.withLockedValue { state in
            guard state.enabled, state.version == nil || state.version == entry.version else { return }
            state.version = entry.version
            state.remove(key)
            state.sequence += 1
            state.entries[key] = (entry, state.sequence)
            state.bytes += entry.body.readableBytes
            state.stores += 1
            if state.bytes > capacity { state.evictOldest(downTo: capacity * 3 / 4) }
        }
    }
}

extension PageCache {
    /// The cache the configuration asks for: none at 0 MB, and none on in-memory SQLite, where every connection
    /// is a database of its own and no connection can watch the others' commits.
    static func make(for config: AppConfig, on app: Application) -> PageCache? {
        guard config.pageCacheMegabytes > 0 else { return nil }
        let version: DataVersion
        switch config.storage {
        case .sqliteMemory: return nil
        case .sqliteFile: version = .sqlite(eventLoop: app.eventLoopGroup.next())
        case .postgres: version = .postgres
        }
        return PageCache(capacity: config.pageCacheMegabytes << 20, version: version)
    }
}

extension Application {
    private struct PageCacheKey: StorageKey {
        typealias Value = PageCache
    }

    /// The rendered-page cache, or nil when it is off (DUBAN_PAGE_CACHE_MB=0, or in-memory SQLite).
    var pageCache: PageCache? {
        get { storage[PageCacheKey.self] }
        set { storage[PageCacheKey.self] = newValue }
    }
}
