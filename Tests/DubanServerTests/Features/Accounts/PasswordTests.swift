@testable import DubanServer
import Foundation
import Testing

/// Password hashing and the rules for usernames and passwords.
@Suite("Passwords and usernames")
struct PasswordTests {
    @Test("A hash is bcrypt, differs from the password and between two hashes, and verifies only the password")
    func hashing() async throws {
        // setup
        let hasher = PasswordHashing(cost: 4)
        // act
        let first = try await hasher.hash("correct horse")
        let second = try await hasher.hash("correct horse")
        // assert
        #expect(first != "correct horse")
        #expect(first.hasPrefix("$2b$04$"))
        #expect(first != second)
        #expect(await hasher.verify("correct horse", against: first))
        #expect(await hasher.verify("correct horse", against: second))
        #expect(!(await hasher.verify("correct horsE", against: first)))
        #expect(!(await hasher.verify("correct horse", against: "not a hash")))
    }

    @Test("The production cost is at least 10 and is the default")
    func productionCost() {
        #expect(PasswordHashing.productionMinimumCost >= 10)
        #expect(AppConfig(storage: .sqliteMemory).passwordCost >= PasswordHashing.productionMinimumCost)
    }

    @Test(
        "Usernames are trimmed and lower-cased; other characters are refused",
        arguments: [
            ("  Zhang.Min ", "zhang.min"), ("admin", "admin"), ("li_na-2", "li_na-2"), ("007", "007"),
        ])
    func goodUsernames(raw: String, stored: String) throws {
        #expect(try UserRules.normalizedUsername(raw) == stored)
    }

    @Test(
        "Bad usernames are refused",
        arguments: ["ab", "张敏", "ｚｈａｎｇ", "a b c", ".admin", "-x-y", String(repeating: "a", count: 33)])
    func badUsernames(raw: String) {
        #expect(throws: AccountError.usernameInvalid) { try UserRules.normalizedUsername(raw) }
    }

    @Test("Passwords: at least 8 characters, at most 72 bytes, never the username")
    func passwordRules() throws {
        #expect(throws: AccountError.passwordTooShort) { try UserRules.checkPassword("1234567", username: "zhang") }
        #expect(throws: AccountError.passwordTooLong) {
            try UserRules.checkPassword(String(repeating: "密", count: 25), username: "zhang")
        }
        #expect(throws: AccountError.passwordIsUsername) {
            try UserRules.checkPassword("Zhangmin", username: "zhangmin")
        }
        try UserRules.checkPassword("督办系统登录密码", username: "zhang")
        try UserRules.checkPassword("12345678", username: "zhang")
    }
}
