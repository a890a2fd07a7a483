@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import Testing
import VaporTesting

/// A unit's 督办联系人 (附表2) through its form and on the unit page, on every available database engine.
@Suite("Unit contacts")
struct ContactTests {
    /// One role's four inputs as typed: name, title, office phone, mobile.
    typealias Typed = (name: String, title: String, office: String, mobile: String)

    /// The whole form as a browser posts it: all twelve inputs, empty unless given.
    static func form(_ typed: [ContactRole: Typed]) -> [String: String] {
        var fields: [String: String] = [:]
        for role in ContactRole.allCases {
            let entry = typed[role] ?? ("", "", "", "")
            fields[ContactField(role: role, part: .name).formName] = entry.name
            fields[ContactField(role: role, part: .title).formName] = entry.title
            fields[ContactField(role: role, part: .officePhone).formName] = entry.office
            fields[ContactField(role: role, part: .mobile).formName] = entry.mobile
        }
        return fields
    }

    /// A valid list of all three roles, typed the untidy ways clerks type numbers.
    static let fullList: [ContactRole: Typed] = [
        .leaderInCharge: (" 王建华 ", "副局长", "(027)8555 1234-12", "+86 138 1234 5678"),
        .officeHead: ("李芳", "办公室主任", "13912345678", ""),
        .clerk: ("张伟", "", "", "139 0715 0321"),
    ]

    /// The unit's stored rows by role.
    static func stored(_ unitID: UUID, on database: any Database) async throws -> [ContactRole: UnitContact] {
        let rows = try await UnitContact.query(on: database).filter(\.$unit.$id == unitID).all()
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.role, $0) })
    }

    @Test(
        "A clerk saves its own unit's contacts: normalized phones are stored, listed as tel: links, and audited",
        arguments: TestDatabase.available)
    func clerkSavesOwnUnit(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            let unitID = try await sample.unit(SampleData.clerkUnit, on: app.db).requireID()
            let empty = try await app.page(SiteURL.unit(unitID).path, as: .clerk)
            let formPage = try await app.page(SiteURL.unitContacts(unitID).path, as: .clerk)
            // act
            let saved = try await app.page(
                SiteURL.unitContacts(unitID).path, method: .POST, form: Self.form(Self.fullList), as: .clerk)
            // assert
            #expect(empty.html.contains("还没有填写督办联系人。请填写分管领导"))
            #expect(empty.html.contains("href=\"\(SiteURL.unitContacts(unitID).path)\""))
            #expect(formPage.status == .ok)
            #expect(formPage.occurrences(of: "<fieldset") == 3)
            #expect(formPage.occurrences(of: "type=\"tel\"") == 6)
            #expect(formPage.html.contains("<legend>办公室/统筹科室负责人</legend>"))
            #expect(saved.status == .seeOther)
            #expect(saved.location == SiteURL.unitContactsSaved(unitID).path)
            let rows = try await Self.stored(unitID, on: app.db)
            let leader = try #require(rows[.leaderInCharge])
            #expect(leader.name == "王建华")
            #expect(leader.officePhone == "027-85551234转12")
            #expect(leader.mobile == "13812345678")
            #expect(rows[.officeHead]?.officePhone == "13912345678")
            #expect(rows[.clerk]?.mobile == "13907150321")
            #expect(rows[.clerk]?.officePhone == "")
            let page = try await app.page(try #require(saved.location), as: .clerk)
            #expect(page.html.contains("督办联系人已保存。"))
            #expect(page.html.contains("<strong>王建华</strong> <span class=\"muted\">副局长</span>"))
            #expect(page.html.contains("href=\"tel:027-85551234,12\""))
            #expect(page.html.contains("href=\"tel:13812345678\""))
            #expect(page.html.contains("027-85551234转12</a>"))
            #expect(page.html.contains(">编辑</a>"))
            let event = try #require(
                try await AuditEvent.query(on: app.db).filter(\.$action == AuditAction.contactsChanged.rawValue)
                    .first())
            #expect(event.entityID == unitID)
            #expect(event.actorName.contains("clerk"))
            #expect(event.summary == "修改“区财政局”的督办联系人：分管领导、办公室/统筹科室负责人、经办人")
            #expect(event.beforeState == "{\"contacts\":[]}")
            #expect(event.afterState?.contains("\"officePhone\":\"027-85551234转12\"") == true)
        }
    }

    @Test(
        "Invalid phones answer 422 with the messages beside the fields, and nothing is stored",
        arguments: TestDatabase.available)
    func invalidPhones(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            let unitID = try await sample.unit(SampleData.clerkUnit, on: app.db).requireID()
            var typed = Self.fullList
            typed[.leaderInCharge] = ("王建华", "副局长", "8555123", "1381234567")
            typed[.clerk] = ("张伟", "", "", "027-85551234")
            // act
            let page = try await app.page(
                SiteURL.unitContacts(unitID).path, method: .POST, form: Self.form(typed), as: .clerk)
            // assert
            #expect(page.status == .unprocessableEntity)
            #expect(page.html.contains("联系人名单有 3 处需要修改"))
            #expect(page.html.contains("座机号码请加区号，如027-85551234。"))
            #expect(page.html.contains("手机号码应为11位，当前为10位。"))
            #expect(page.html.contains("“手机”一栏只能填写手机号码；座机号码请填在“办公电话”一栏。"))
            #expect(page.occurrences(of: "aria-invalid=\"true\"") == 3)
            #expect(page.html.contains("value=\"1381234567\""))
            #expect(page.html.contains("value=\"李芳\""))
            #expect(try await UnitContact.query(on: app.db).count() == 0)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$action == "unit.contacts").count() == 0)
        }
    }

    @Test(
        "A role with a name but no phone, or a phone but no name, is refused",
        arguments: TestDatabase.available)
    func partialRole(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            let unitID = try await sample.unit(SampleData.clerkUnit, on: app.db).requireID()
            let path = SiteURL.unitContacts(unitID).path
            let nameOnly: [ContactRole: Typed] = [.leaderInCharge: ("王建华", "副局长", "", "")]
            let phoneOnly: [ContactRole: Typed] = [.clerk: ("", "", "027-85551234", "")]
            // act
            let first = try await app.page(path, method: .POST, form: Self.form(nameOnly), as: .clerk)
            let second = try await app.page(path, method: .POST, form: Self.form(phoneOnly), as: .clerk)
            // assert
            #expect(first.status == .unprocessableEntity)
            #expect(first.html.contains("请至少填写一个联系电话（办公电话或手机）。"))
            #expect(second.status == .unprocessableEntity)
            #expect(second.html.contains("请填写经办人的姓名；如不需要这一项，请把这一组全部清空。"))
            #expect(second.html.contains("value=\"027-85551234\""))
            #expect(try await UnitContact.query(on: app.db).count() == 0)
        }
    }

    @Test(
        "Clearing a role removes it; a refused save leaves the stored list as it was",
        arguments: TestDatabase.available)
    func clearingRemoves(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            let unitID = try await sample.unit(SampleData.clerkUnit, on: app.db).requireID()
            let path = SiteURL.unitContacts(unitID).path
            _ = try await app.page(path, method: .POST, form: Self.form(Self.fullList), as: .clerk)
            var withoutClerk = Self.fullList
            withoutClerk[.clerk] = nil
            var refused = withoutClerk
            refused[.officeHead] = ("李芳", "办公室主任", "12345", "")
            // act
            let refusedPage = try await app.page(path, method: .POST, form: Self.form(refused), as: .clerk)
            let cleared = try await app.page(path, method: .POST, form: Self.form(withoutClerk), as: .clerk)
            let unchanged = try await app.page(path, method: .POST, form: Self.form(withoutClerk), as: .clerk)
            // assert
            #expect(refusedPage.status == .unprocessableEntity)
            #expect(cleared.status == .seeOther)
            #expect(unchanged.status == .seeOther)
            let rows = try await Self.stored(unitID, on: app.db)
            #expect(Set(rows.keys) == [.leaderInCharge, .officeHead])
            #expect(rows[.officeHead]?.officePhone == "13912345678")
            let page = try await app.page(SiteURL.unit(unitID).path, as: .clerk)
            #expect(page.occurrences(of: "<div class=\"contact-row\">") == 2)
            #expect(!page.html.contains("张伟"))
            let summaries = try await AuditEvent.query(on: app.db).filter(\.$action == "unit.contacts").all()
                .map(\.summary)
            #expect(
                Set(summaries) == [
                    "修改“区财政局”的督办联系人：分管领导、办公室/统筹科室负责人、经办人", "修改“区财政局”的督办联系人：经办人",
                ])
            // The form shows what is stored now.
            let form = try await app.page(path, as: .clerk)
            #expect(form.html.contains("value=\"027-85551234转12\""))
        }
    }

    @Test(
        "A clerk may not see or edit another unit's contacts, nor leaders or viewers edit any; a leader is sent to the panel",
        arguments: TestDatabase.available)
    func othersRefused(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            let otherID = try await sample.unit("区民政局", on: app.db).requireID()
            let path = SiteURL.unitContacts(otherID).path
            // act
            let clerkForm = try await app.page(path, as: .clerk)
            let clerkPost = try await app.page(path, method: .POST, form: Self.form(Self.fullList), as: .clerk)
            let viewerPost = try await app.page(path, method: .POST, form: Self.form(Self.fullList), as: .viewer)
            let leaderForm = try await app.page(path, as: .leader)
            let unitPage = try await app.page(SiteURL.unit(otherID).path, as: .clerk)
            // assert
            #expect(clerkForm.status == .forbidden)
            #expect(clerkPost.status == .forbidden)
            #expect(viewerPost.status == .forbidden)
            #expect(leaderForm.status == .seeOther && leaderForm.location == SiteURL.unitContactsPanel(otherID).path)
            #expect(try await UnitContact.query(on: app.db).count() == 0)
            // another unit's contacts are not shown to a clerk at all (see `PolicyAction.viewContacts`)
            #expect(!unitPage.html.contains("督办联系人"))
            #expect(!unitPage.html.contains(path))
        }
    }

    @Test(
        "The administrator edits any unit's contacts; a collective name has none",
        arguments: TestDatabase.available)
    func adminEditsAnyUnit(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup
            let sample = try await SampleData.create(on: app.db)
            let otherID = try await sample.unit("区民政局", on: app.db).requireID()
            let collectiveID = try await sample.unit("各街道办事处", on: app.db).requireID()
            // act
            let saved = try await app.page(
                SiteURL.unitContacts(otherID).path, method: .POST, form: Self.form(Self.fullList))
            let collective = try await app.page(SiteURL.unitContacts(collectiveID).path)
            let collectivePage = try await app.page(SiteURL.unit(collectiveID).path)
            // assert
            #expect(saved.status == .seeOther)
            #expect(try await Self.stored(otherID, on: app.db).count == 3)
            let page = try await app.page(SiteURL.unit(otherID).path, as: .leader)
            #expect(page.html.contains("href=\"tel:13907150321\""))
            #expect(!page.html.contains(">编辑</a>"))
            let viewerPage = try await app.page(SiteURL.unit(otherID).path, as: .viewer)
            #expect(!viewerPage.html.contains("13907150321"))
            #expect(collective.status == .unprocessableEntity)
            #expect(collective.html.contains("是多个单位的统称"))
            #expect(!collectivePage.html.contains("督办联系人"))
        }
    }
}
