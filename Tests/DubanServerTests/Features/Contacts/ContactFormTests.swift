@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import Testing

/// The rules of the 督办联系人 form without HTTP, and the demo's lists.
@Suite("Contact form rules")
struct ContactFormTests {
    @Test("Values are trimmed, phones normalized, empty roles left out, in role order")
    func entries() throws {
        // setup
        var form = ContactForm()
        form[.clerk, .name] = "  张伟\n"
        form[.clerk, .mobile] = "１３９ ０７１５ ０３２１"
        form[.leaderInCharge, .name] = "王建华"
        form[.leaderInCharge, .title] = " 副局长 "
        form[.leaderInCharge, .officePhone] = "027 8555 1234 转 8"
        form[.officeHead, .title] = "   "
        // act
        let entries = try form.entries()
        // assert
        #expect(
            entries == [
                ContactEntry(
                    role: .leaderInCharge, name: "王建华", title: "副局长", officePhone: "027-85551234转8", mobile: ""),
                ContactEntry(role: .clerk, name: "张伟", title: "", officePhone: "", mobile: "13907150321"),
            ])
    }

    @Test("Every mistake is reported at once, keyed by its field")
    func mistakes() {
        // setup
        var form = ContactForm()
        form[.leaderInCharge, .name] = String(repeating: "长", count: ContactForm.maximumLength + 1)
        form[.leaderInCharge, .mobile] = "13812345678"
        form[.officeHead, .name] = "李芳"
        form[.officeHead, .officePhone] = "+1 415 555 0100"
        form[.clerk, .title] = "科员"
        // act
        let error = #expect(throws: ContactBookError.self) { try form.entries() }
        // assert
        #expect(error?.message(for: ContactField(role: .leaderInCharge, part: .name)) == "姓名不能超过40个字。")
        #expect(error?.message(for: ContactField(role: .officeHead, part: .officePhone)) == "只支持中国大陆的电话号码（+86）。")
        #expect(error?.message(for: ContactField(role: .clerk, part: .name)).hasPrefix("请填写经办人的姓名") == true)
        #expect(error?.message(for: ContactField(role: .clerk, part: .phones)) == "请至少填写一个联系电话（办公电话或手机）。")
        #expect(error?.status == .unprocessableEntity)
        #expect(error?.reason.hasPrefix("联系人名单有 4 处需要修改") == true)
    }

    @Test("Posted inputs are read by their names; other fields are ignored")
    func posted() {
        // act
        let form = ContactForm(posted: ["clerk-name": "张伟", "clerk-office_phone": "027-85551234", "_csrf": "x"])
        // assert
        #expect(form[.clerk, .name] == "张伟")
        #expect(form[.clerk, .officePhone] == "027-85551234")
        #expect(form[.leaderInCharge, .name] == "")
    }

    @Test("A landline's tel: link dials the extension after a pause")
    func telLinks() {
        #expect(ContactLine.Phone(label: "办公电话", number: "027-85551234转123").href == "tel:027-85551234,123")
        #expect(ContactLine.Phone(label: "手机", number: "13812345678").href == "tel:13812345678")
    }

    @Test(
        "The demo gives its units valid contacts, the clerk account's unit among them",
        arguments: TestDatabase.available)
    func demoContacts(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // act
            _ = try await DemoGenerator(database: app.db, hasher: PasswordHashing(cost: 4)).populate()
            // assert
            let rows = try await UnitContact.query(on: app.db).with(\.$unit).all()
            #expect(Set(rows.map(\.unit.name)) == Set(DemoContacts.lists.map(\.unit)))
            #expect(rows.count == DemoContacts.lists.map(\.people.count).reduce(0, +))
            let fagai = rows.filter { $0.unit.name == "区发展和改革局" }
            #expect(fagai.contains { $0.role == .clerk && $0.name == "李娜" })
            for row in rows {
                for number in [row.officePhone, row.mobile] where !number.isEmpty {
                    #expect(try ContactPhone.normalize(number) == number)
                }
            }
        }
    }
}
