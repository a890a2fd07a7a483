@testable import DubanServer
import DubanCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// A unit's 督办联系人 are personal data: the unit page and the contacts page agree on who sees them (see
/// `PolicyAction.viewContacts`), and so do the "whom to call" hints of a task's reporting page.
@Suite("Contact visibility")
struct ContactVisibilityTests {
    @Test("Names and mobiles show to the 督查室, leaders and the unit's own clerk only", arguments: TestDatabase.available)
    func whoSeesContacts(database: TestDatabase) async throws {
        try await withTestApp(database) { app in
            // setup: the clerk's own unit (区财政局) and another unit (区民政局) both named a 经办人
            let sample = try await SampleData.create(on: app.db)
            let own = try await sample.unit(SampleData.clerkUnit, on: app.db).requireID()
            let other = try await sample.unit("区民政局", on: app.db).requireID()
            try await UnitContact(
                unitID: own, role: .clerk, name: "张伟", title: "科员", officePhone: "",
                mobile: "13907150321"
            ).create(on: app.db)
            try await UnitContact(
                unitID: other, role: .clerk, name: "李娜", title: "科员", officePhone: "",
                mobile: "13871234567"
            ).create(on: app.db)
            let task = try await sample.task("新建社区食堂", on: app.db).requireID()
            // act / assert: the unit page and the contacts page, role by role
            for (account, seesOther) in [
                (SampleData.Account.admin, true), (.leader, true), (.clerk, false), (.viewer, false),
            ] {
                let unitPage = try await app.page(SiteURL.unit(other).path, as: account)
                let contactsPage = try await app.page(SiteURL.unitContacts(other).path, as: account)
                let reporting = try await app.page(SiteURL.taskReporting(task).path, as: account)
                #expect(unitPage.status == .ok)
                #expect(unitPage.html.contains("13871234567") == seesOther, "\(account) unit page")
                #expect(unitPage.html.contains("李娜") == seesOther, "\(account) unit page")
                #expect(contactsPage.status != .forbidden || !seesOther, "\(account) contacts page")
                #expect(contactsPage.status == .forbidden || seesOther, "\(account) contacts page")
                #expect(reporting.html.contains("13871234567") == seesOther, "\(account) reporting page")
            }
            let ownPage = try await app.page(SiteURL.unit(own).path, as: .clerk)
            #expect(ownPage.html.contains("13907150321") && ownPage.html.contains("张伟"))
            #expect(try await app.page(SiteURL.unitContacts(own).path, as: .clerk).status == .ok)
        }
    }
}
