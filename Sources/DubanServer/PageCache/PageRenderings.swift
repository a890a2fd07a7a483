import NIOConcurrencyHelpers

/// The renderings of cacheable pages under way, so that requests for the same page at the same version wait for
/// one rendering instead of each making its own.
///
/// Without it every entry's end — a commit, the turn of the minute — found all of a busy page's readers missing at
/// once, and each rendered the page: sixty-four renderings of a 180 KB plan page held two cores for over a
/// second. A request that joins sees the page as of a version read after it arrived (the key holds the version),
/// so the page it is given is the one it would have rendered.
final class PageRenderings: Sendable {
    /// What `join` tells a request.
    enum Turn: Sendable {
        /// Render the page, then call `finish` with what may be kept.
        case render
        /// Another request rendered it: the entry, or nil when it could not be kept (render it yourself).
        case rendered(PageCache.Entry?)
    }

    private let waiting = NIOLockedValueBox<[String: [CheckedContinuation<Turn, Never>]]>([:])

    /// The first request for `flight` renders; those that come while it does wait for its result.
    func join(_ flight: String) async -> Turn {
        await withCheckedContinuation { continuation in
            let leads = waiting.withLockedValue { waiting -> Bool in
                guard waiting[flight] != nil else {
                    waiting[flight] = []
                    return true
                }
                waiting[flight]?.append(continuation)
                return false
            }
            if leads { continuation.resume(returning: .render) }
        }
    }

    /// Ends the rendering of `flight`, handing `entry` to everyone who waited for it. Must follow every `.render`,
    /// whether rendering succeeded or threw.
    func finish(_ flight: String, with entry: PageCache.Entry?) {
        let waiters = waiting.withLockedValue { $0.removeValue(forKey: flight) } ?? []
        for waiter in waiters { waiter.resume(returning: .rendered(entry)) }
    }
}
