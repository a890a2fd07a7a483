@testable import DubanServer
import Foundation
import Testing

/// Whose address a request is counted under behind a reverse proxy: the proxy's X-Forwarded-For only when the
/// connection comes from a proxy the configuration trusts.
@Suite("Trusted proxies")
struct TrustedProxiesTests {
    static let proxies = TrustedProxies.parse("127.0.0.1, 10.0.0.0/8, fd00::/8")

    @Test("Behind a trusted proxy the client is the last address it did not add itself")
    func behindProxy() throws {
        let proxies = try #require(Self.proxies)
        #expect(proxies.client(peer: "127.0.0.1", forwardedFor: ["203.0.113.7"]) == "203.0.113.7")
        // nginx in front of an internal balancer: both hops are ours, the client is the first untrusted one
        #expect(
            proxies.client(peer: "10.1.2.3", forwardedFor: ["198.51.100.4, 203.0.113.7, 10.0.0.9"]) == "203.0.113.7")
        // several header lines read as one list
        #expect(proxies.client(peer: "127.0.0.1", forwardedFor: ["198.51.100.4", "203.0.113.8"]) == "203.0.113.8")
        #expect(proxies.client(peer: "fd12::1", forwardedFor: ["2001:db8::5"]) == "2001:db8::5")
    }

    @Test("A dual-stack listener's IPv4-mapped peer is the IPv4 proxy it carries")
    func mappedPeer() throws {
        let proxies = try #require(TrustedProxies.parse("127.0.0.1, 10.0.0.0/8"))
        #expect(proxies.client(peer: "::ffff:127.0.0.1", forwardedFor: ["203.0.113.7"]) == "203.0.113.7")
        #expect(proxies.client(peer: "::ffff:10.1.2.3", forwardedFor: ["203.0.113.8"]) == "203.0.113.8")
        #expect(proxies.client(peer: "::ffff:203.0.113.9", forwardedFor: ["10.0.0.1"]) == "::ffff:203.0.113.9")
        #expect(IPAddressText.bytes("::ffff:192.168.0.1") == [192, 168, 0, 1])
        #expect(IPAddressText.bytes("::1")?.count == 16 && IPAddressText.bytes("localhost") == nil)
    }

    @Test("A header from anyone else, or a malformed one, never chooses the address")
    func spoofing() throws {
        let proxies = try #require(Self.proxies)
        #expect(proxies.client(peer: "203.0.113.50", forwardedFor: ["10.0.0.1"]) == "203.0.113.50")
        #expect(proxies.client(peer: "127.0.0.1", forwardedFor: ["<script>"]) == "127.0.0.1")
        #expect(proxies.client(peer: "127.0.0.1", forwardedFor: []) == "127.0.0.1")
        #expect(TrustedProxies.none.client(peer: "127.0.0.1", forwardedFor: ["203.0.113.7"]) == "127.0.0.1")
        #expect(proxies.client(peer: nil, forwardedFor: ["203.0.113.7"]) == "unknown")
        // a range is a range: 11.0.0.1 is outside 10.0.0.0/8
        #expect(proxies.client(peer: "11.0.0.1", forwardedFor: ["203.0.113.7"]) == "11.0.0.1")
    }

    @Test("DUBAN_TRUSTED_PROXIES is read at start-up; a wrong entry stops it with its name")
    func configuration() throws {
        let config = try AppConfig.resolve(environment: ["DUBAN_TRUSTED_PROXIES": "127.0.0.1,::1"])
        #expect(config.trustedProxies == TrustedProxies.parse("127.0.0.1, ::1"))
        #expect(try AppConfig.resolve(environment: [:]).trustedProxies == .none)
        for wrong in ["nginx", "10.0.0.0/33", "127.0.0.1/"] {
            #expect(throws: AppConfigError.self) {
                try AppConfig.resolve(environment: ["DUBAN_TRUSTED_PROXIES": wrong])
            }
        }
    }
}
