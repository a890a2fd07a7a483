import Crypto
import Foundation

/// The token string a user copies into a script: `dbn_` and 32 random bytes in URL-safe base64 (43 characters).
/// The prefix lets secret scanners and people recognise a Duban token; 256 random bits cannot be guessed, so a
/// plain SHA-256 (no salt, no slow hash) is enough to store it and lets a request find its token by index.
enum APITokenSecret {
    static let prefix = "dbn_"

    /// A new random token.
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let encoded = Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        return prefix + encoded
    }

    /// The stored form: lower-case hex SHA-256 of the whole token.
    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Whether a presented string can be a token at all, checked before touching the database.
    static func isWellFormed(_ token: String) -> Bool {
        token.hasPrefix(prefix) && token.utf8.count == prefix.utf8.count + 43
            && token.utf8.dropFirst(prefix.utf8.count).allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == 0x2D || byte == 0x5F
            }
    }
}
