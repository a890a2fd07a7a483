import DubanCore
import Fluent
import Foundation

/// The 督办联系人 of a few demo units, so the unit pages show a filled-in list next to units still waiting for
/// theirs. Names are invented; numbers have the shapes clerks really type (027 landlines with extensions,
/// mobiles) and are saved through `ContactBook`, so each is checked and normalized like a clerk's.
enum DemoContacts {
    /// One person of a unit's list.
    struct Person: Sendable {
        var role: ContactRole
        var name: String
        var title: String
        var officePhone: String = ""
        var mobile: String = ""
    }

    /// The lists by unit (full name); units not named here start empty.
    static let lists: [(unit: String, people: [Person])] = [
        (
            "区发展和改革局",
            [
                Person(
                    role: .leaderInCharge, name: "陈志远", title: "党组成员、副局长", officePhone: "027-85561201",
                    mobile: "13907150321"),
                Person(role: .officeHead, name: "黄晓梅", title: "办公室主任", officePhone: "027-85561208转802"),
                // The clerk of the demo account "fagai".
                Person(
                    role: .clerk, name: "李娜", title: "综合科科员", officePhone: "027-85561210",
                    mobile: "15827416630"),
            ]
        ),
        (
            "区财政局",
            [
                Person(role: .leaderInCharge, name: "刘建军", title: "副局长", officePhone: "027-85573302"),
                Person(
                    role: .officeHead, name: "吴静", title: "预算科科长", officePhone: "027-85573315",
                    mobile: "13659871204"),
                Person(role: .clerk, name: "张子豪", title: "科员", mobile: "18971035527"),
            ]
        ),
        (
            "区住房和城乡建设局",
            [
                Person(
                    role: .leaderInCharge, name: "周卫东", title: "党委委员、副局长", officePhone: "027-85590016",
                    mobile: "13807195562"),
                Person(role: .clerk, name: "何雨婷", title: "办公室科员", officePhone: "027-85590021转6021"),
            ]
        ),
        (
            "东坡街道办事处",
            [
                Person(role: .leaderInCharge, name: "郑海波", title: "党工委委员、副主任", mobile: "13971288406"),
                Person(role: .officeHead, name: "罗敏", title: "党政办主任", officePhone: "027-86620011"),
                Person(
                    role: .clerk, name: "谢文", title: "党政办工作人员", officePhone: "027-86620013",
                    mobile: "17786512093"),
            ]
        ),
        (
            "青溪高新技术产业开发区管理委员会",
            [
                Person(
                    role: .leaderInCharge, name: "杨帆", title: "管委会副主任", officePhone: "027-87701100",
                    mobile: "13986057718"),
                Person(role: .officeHead, name: "许丽华", title: "综合办公室主任", officePhone: "027-87701102"),
                Person(role: .clerk, name: "宋嘉怡", title: "综合办公室干部", mobile: "18672905316"),
            ]
        ),
    ]

    /// Saves the lists of the demo government's units; a unit missing from the directory is a mistake in the
    /// demo data and stops the demo.
    static func seed(governmentID: UUID, on database: any Database) async throws {
        let book = ContactBook(database: database)
        for list in lists {
            guard
                let unit = try await Unit.query(on: database).filter(\.$government.$id == governmentID)
                    .filter(\.$name == list.unit).first()
            else { throw DemoError.contactUnitMissing(list.unit) }
            try await book.save(form(of: list.people), for: unit)
        }
    }

    /// The people as the form would carry them.
    private static func form(of people: [Person]) -> ContactForm {
        var form = ContactForm()
        for person in people {
            form[person.role, .name] = person.name
            form[person.role, .title] = person.title
            form[person.role, .officePhone] = person.officePhone
            form[person.role, .mobile] = person.mobile
        }
        return form
    }
}
