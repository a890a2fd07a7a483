import DubanCore
import Foundation
import Testing

/// Contact phone numbers as clerks type them: accepted and normalized, or refused with the reason.
@Suite("Contact phones")
struct ContactPhoneTests {
    @Test(
        "Accepted and normalized",
        arguments: [
            ("13812345678", "13812345678", ContactPhone.Kind.mobile),
            ("138 1234 5678", "13812345678", .mobile),
            ("138-1234-5678", "13812345678", .mobile),
            ("+86 138 1234 5678", "13812345678", .mobile),
            ("+8613812345678", "13812345678", .mobile),
            ("(+86)13812345678", "13812345678", .mobile),
            ("0086 13812345678", "13812345678", .mobile),
            ("8613812345678", "13812345678", .mobile),
            ("１３８１２３４５６７８", "13812345678", .mobile),
            ("  19912345678\u{3000}", "19912345678", .mobile),
            ("027-85551234", "027-85551234", .landline),
            ("02785551234", "027-85551234", .landline),
            ("(027)85551234", "027-85551234", .landline),
            ("（０２７）８５５５－１２３４", "027-85551234", .landline),
            ("027 8555 1234", "027-85551234", .landline),
            ("027—85551234", "027-85551234", .landline),
            ("027-8555-1234", "027-85551234", .landline),
            ("010-62345678", "010-62345678", .landline),
            ("0755-88889999", "0755-88889999", .landline),
            ("0311-8765432", "0311-8765432", .landline),
            ("027-85551234转123", "027-85551234转123", .landline),
            ("027-85551234 转 123", "027-85551234转123", .landline),
            ("027-85551234分机8", "027-85551234转8", .landline),
            ("027-85551234-123", "027-85551234转123", .landline),
            ("02785551234-123", "027-85551234转123", .landline),
            ("+86 27 8555 1234", "027-85551234", .landline),
        ])
    func accepted(typed: String, normalized: String, kind: ContactPhone.Kind) throws {
        let phone = try ContactPhone(typed)
        #expect(phone.number == normalized)
        #expect(phone.kind == kind)
        #expect(try ContactPhone.normalize(typed) == normalized)
    }

    @Test(
        "Refused with the reason",
        arguments: [
            ("", ContactError.empty),
            ("   ", .empty),
            ("1381234567", .mobileLength(10)),
            ("138123456789", .mobileLength(12)),
            ("12812345678", .mobilePrefix),
            ("13812345678转1", .extensionOnMobile),
            ("85551234", .missingAreaCode),
            ("0278-5551234", .areaCode("0278")),
            ("011-85551234", .areaCode("011")),
            ("0085551234", .areaCode("0085")),
            ("027-555123", .localLength(6)),
            ("027-855512345", .localLength(9)),
            ("027-05551234", .localPrefix),
            ("010-12345678", .localPrefix),
            ("027-85551234转", .extensionNumber("")),
            ("027-85551234转1234567", .extensionNumber("1234567")),
            ("027-85551234-12-3", .extensionNumber("12-3")),
            ("+1 415 555 0100", .foreignNumber),
            ("138abc12345", .invalidCharacters("138abc12345")),
            ("电话13812345678", .invalidCharacters("电话13812345678")),
        ])
    func refused(typed: String, error: ContactError) {
        #expect(throws: error) { try ContactPhone(typed) }
    }

    @Test("Errors carry a Chinese message")
    func messages() {
        #expect(ContactError.missingAreaCode.message == "座机号码请加区号，如027-85551234。")
        #expect(ContactError.mobileLength(10).message == "手机号码应为11位，当前为10位。")
        #expect(ContactError.areaCode("0278").message.contains("0278"))
    }

    @Test("Stored as the normalized string and checked again when read")
    func codable() throws {
        let data = try JSONEncoder().encode([try ContactPhone("(027) 8555 1234")])
        #expect(String(decoding: data, as: UTF8.self) == #"["027-85551234"]"#)
        #expect(try JSONDecoder().decode([ContactPhone].self, from: data).first?.number == "027-85551234")
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([ContactPhone].self, from: Data(#"["12345"]"#.utf8))
        }
    }

    @Test("Contact roles")
    func roles() {
        #expect(ContactRole.allCases.map(\.label) == ["分管领导", "办公室/统筹科室负责人", "经办人"])
        #expect(ContactRole.allCases.map(\.rawValue) == ["leader_in_charge", "office_head", "clerk"])
    }
}
