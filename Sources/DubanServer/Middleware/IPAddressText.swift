import Foundation

/// IP addresses in text form, read once for everything that judges them: the trusted proxies and the webhook
/// address check. An IPv4-mapped IPv6 address (`::ffff:10.0.0.1`, what a dual-stack listener reports for an
/// IPv4 peer) is the IPv4 address it carries.
enum IPAddressText {
    /// The 4 bytes of an IPv4 address, the 16 of an IPv6 one, or the 4 an IPv4-mapped IPv6 address carries;
    /// nil for anything else.
    static func bytes(_ text: String) -> [UInt8]? {
        if let v4 = ipv4(text) { return v4 }
        guard let v6 = ipv6(text) else { return nil }
        return unmapped(v6)
    }

    /// The bytes of an IPv4 address in dotted form.
    static func ipv4(_ text: String) -> [UInt8]? {
        var address = in_addr()
        guard inet_pton(AF_INET, text, &address) == 1 else { return nil }
        let value = UInt32(bigEndian: address.s_addr)
        return [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: value >> $0) }
    }

    /// The 16 bytes of an IPv6 address.
    static func ipv6(_ text: String) -> [UInt8]? {
        var address = in6_addr()
        guard inet_pton(AF_INET6, text, &address) == 1 else { return nil }
        return withUnsafeBytes(of: &address) { Array($0) }
    }

    /// The IPv4 address inside `::ffff:a.b.c.d`, else the bytes unchanged.
    static func unmapped(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.count == 16, bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xFF, bytes[11] == 0xFF else {
            return bytes
        }
        return Array(bytes[12..<16])
    }
}
