import Foundation
import Vapor

#if canImport(Glibc)
    import Glibc
#endif

/// The reverse proxies whose `X-Forwarded-For` the server believes (DUBAN_TRUSTED_PROXIES: addresses or CIDR
/// ranges, comma-separated, e.g. "127.0.0.1, 10.0.0.0/8"). Behind nginx every request comes from the proxy's
/// address, so without this the login throttle and the public page's rate limit would count the whole city as
/// one client; with it they count the address the proxy saw. A header from anyone else is ignored, so a client
/// cannot pick the address it is counted under.
public struct TrustedProxies: Sendable, Equatable {
    /// One address range: the address's bytes (4 for IPv4, 16 for IPv6) and how many leading bits count.
    struct Network: Sendable, Equatable {
        var bytes: [UInt8]
        var prefix: Int

        func contains(_ address: [UInt8]) -> Bool {
            guard address.count == bytes.count else { return false }
            var remaining = prefix
            for (own, other) in zip(bytes, address) where remaining > 0 {
                let bits = min(8, remaining)
                let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
                if own & mask != other & mask { return false }
                remaining -= bits
            }
            return true
        }
    }

    var networks: [Network]

    /// No proxy is trusted: the client is the connection's peer (the default, right for a server reached directly).
    public static let none = TrustedProxies(networks: [])

    init(networks: [Network]) {
        self.networks = networks
    }

    /// Reads "127.0.0.1, 10.0.0.0/8, ::1"; nil when an entry is not an address or a range.
    public static func parse(_ text: String) -> TrustedProxies? {
        var networks: [Network] = []
        for entry in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !entry.isEmpty {
            let parts = entry.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard let bytes = address(parts[0]) else { return nil }
            let prefix: Int
            if parts.count == 2 {
                guard let bits = Int(parts[1]), (0...bytes.count * 8).contains(bits) else { return nil }
                prefix = bits
            } else {
                prefix = bytes.count * 8
            }
            networks.append(Network(bytes: bytes, prefix: prefix))
        }
        return TrustedProxies(networks: networks)
    }

    /// Whether `address` is one of the trusted proxies.
    func trusts(_ address: String) -> Bool {
        guard let bytes = Self.address(address) else { return false }
        return networks.contains { $0.contains(bytes) }
    }

    /// The client's address: the peer when it is not a trusted proxy; otherwise, reading `X-Forwarded-For` from
    /// the right (each proxy appends the address it saw), the first address that is not a trusted proxy.
    /// "unknown" when there is no peer address (a socket without one).
    func client(peer: String?, forwardedFor: [String]) -> String {
        guard let peer else { return "unknown" }
        guard trusts(peer) else { return peer }
        let chain = forwardedFor.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        for hop in chain.reversed() {
            guard Self.address(hop) != nil else { return peer }
            if !trusts(hop) { return hop }
        }
        return chain.first.flatMap { Self.address($0) != nil ? $0 : nil } ?? peer
    }

    /// The bytes of an IPv4 or IPv6 address in text form, an IPv4-mapped one as IPv4; nil for anything else.
    static func address(_ text: String) -> [UInt8]? { IPAddressText.bytes(text) }
}

extension Application {
    private struct TrustedProxiesKey: StorageKey {
        typealias Value = TrustedProxies
    }

    /// The proxies whose `X-Forwarded-For` is believed (`AppConfig.trustedProxies`).
    var trustedProxies: TrustedProxies {
        get { storage[TrustedProxiesKey.self] ?? .none }
        set { storage[TrustedProxiesKey.self] = newValue }
    }
}

extension Request {
    /// The address the request is counted under by the login throttle and the public page's rate limit.
    var clientAddress: String {
        application.trustedProxies.client(
            peer: remoteAddress?.ipAddress, forwardedFor: headers[.xForwardedFor])
    }
}
