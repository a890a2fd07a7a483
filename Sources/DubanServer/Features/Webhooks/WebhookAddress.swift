import Foundation
import NIOPosix
#if canImport(Glibc)
    import Glibc
#endif

/// Whether a webhook address leads into the server's own network. The server posts to whatever an
/// administrator registered; an address on loopback or a private network would let that form reach
/// services no one outside may reach (a database's HTTP port, a cloud metadata address, an intranet
/// system). Such addresses are refused unless the government's 督查室 allowed them — as an office that
/// deploys Duban inside the government intranet, beside its own chat server, must.
enum WebhookAddress {
    /// True for a host that is, or can only be, internal: an IP literal in a loopback, private, link-local,
    /// shared or unspecified range, and names such as localhost.
    static func isInternal(host rawHost: String) -> Bool {
        let host = rawHost.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]."))
        if host == "localhost" || host.hasSuffix(".localhost") || host.hasSuffix(".local")
            || host.hasSuffix(".internal") || host.isEmpty
        {
            return true
        }
        if let v4 = IPAddressText.ipv4(host) { return isInternal(v4: v4) }
        if let v6 = IPAddressText.ipv6(host) { return isInternal(v6: v6) }
        return false
    }

    /// Where a host leads, as far as the server's resolver tells.
    enum Reach: Sendable, Equatable {
        case external
        /// Some address of the host is internal.
        case `internal`
        /// The name does not resolve (now); sending will fail on its own and say so.
        case unresolved
    }

    /// Resolves `host` (blocking: call it off the event loops) and says where it leads. Asked at registration
    /// and again before every delivery, so a name that later points inside is caught then.
    static func reach(of host: String) -> Reach {
        if isInternal(host: host) { return .internal }
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var result: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &result) == 0, let first = result else { return .unresolved }
        defer { freeaddrinfo(first) }
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let entry = cursor {
            if let address = entry.pointee.ai_addr, isInternal(socketAddress: address) { return .internal }
            cursor = entry.pointee.ai_next
        }
        return .external
    }

    /// Where the host of `url` leads, resolved on the blocking thread pool.
    static func reachOffLoop(_ url: String) async -> Reach {
        guard let host = URLComponents(string: url)?.host else { return .unresolved }
        return (try? await NIOThreadPool.singleton.runIfActive { reach(of: host) }) ?? .unresolved
    }

    private static func isInternal(socketAddress: UnsafeMutablePointer<sockaddr>) -> Bool {
        switch Int32(socketAddress.pointee.sa_family) {
        case AF_INET:
            return socketAddress.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { pointer in
                let value = UInt32(bigEndian: pointer.pointee.sin_addr.s_addr)
                return isInternal(v4: [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: value >> $0) })
            }
        case AF_INET6:
            return socketAddress.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { pointer in
                var address = pointer.pointee.sin6_addr
                return isInternal(v6: withUnsafeBytes(of: &address) { Array($0) })
            }
        default:
            return true
        }
    }

    static func isInternal(v4 bytes: [UInt8]) -> Bool {
        guard bytes.count == 4 else { return true }
        let (a, b) = (bytes[0], bytes[1])
        return a == 0 || a == 10 || a == 127 || (a == 169 && b == 254) || (a == 172 && (16...31).contains(b))
            || (a == 192 && b == 168) || (a == 100 && (64...127).contains(b)) || (a == 198 && (18...19).contains(b))
            || a >= 224
    }

    static func isInternal(v6 bytes: [UInt8]) -> Bool {
        guard bytes.count == 16 else { return true }
        if bytes[0..<15].allSatisfy({ $0 == 0 }) { return true }  // :: and ::1
        if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF {
            return isInternal(v4: Array(bytes[12..<16]))  // ::ffff:a.b.c.d
        }
        return (bytes[0] & 0xFE) == 0xFC || (bytes[0] == 0xFE && (bytes[1] & 0xC0) == 0x80) || bytes[0] == 0xFF
    }
}
