import Foundation

/// The rules for usernames, display names and passwords, shared by the admin page and the command line.
enum UserRules {
    static let minimumPasswordLength = 8
    /// bcrypt reads at most 72 bytes; a longer password would be silently cut, so it is refused instead.
    static let maximumPasswordBytes = 72

    /// The username in its stored form: trimmed and lower-cased. Only ASCII letters, digits and `._-` are
    /// allowed — full-width and look-alike characters would make two accounts appear the same.
    static func normalizedUsername(_ raw: String) throws(AccountError) -> String {
        let name = raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789._-")
        guard (3...32).contains(name.count), name.allSatisfy(allowed.contains),
            let first = name.first, first.isLetter || first.isNumber
        else { throw .usernameInvalid }
        return name
    }

    /// The display name, trimmed; it may not be empty. Lengths count code points, as the API document's
    /// JSON Schema does, so what the document allows the server accepts.
    static func displayName(_ raw: String) throws(AccountError) -> String {
        let name = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.unicodeScalars.count <= 40 else { throw .displayNameInvalid }
        return name
    }

    /// Checks a new password: long enough, within bcrypt's limit, not the username.
    static func checkPassword(_ password: String, username: String) throws(AccountError) {
        guard password.unicodeScalars.count >= minimumPasswordLength else { throw .passwordTooShort }
        guard password.utf8.count <= maximumPasswordBytes else { throw .passwordTooLong }
        guard password.lowercased() != username.lowercased() else { throw .passwordIsUsername }
    }
}
