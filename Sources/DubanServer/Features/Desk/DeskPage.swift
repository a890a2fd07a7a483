import DubanCore

/// A unit's desk (工作台): its reporting tasks by light, what is due next, what was returned, the tasks it
/// assists on, and its latest notifications.
struct DeskPage: Encodable {
    var page: PageChrome
    var unitName: String
    var unitHref: String
    var today: String
    var tally: [LightCount]
    var returned: [DeskRow]
    var dueSoon: [DeskRow]
    var rows: [DeskRow]
    var assisting: [AssistRow]
    var notifications: [NotificationLine]
    var unread: Int
    var notificationsHref: String
    var contactsHref: String
    /// 督查 findings the unit has not seen closed, the nearest deadline first.
    var findings: [FindingLine] = []
    /// The unit's explained score in each plan in force it holds tasks of.
    var scores: [LinkItem] = []

    /// How many tasks show a light.
    struct LightCount: Encodable {
        var light: String
        var label: String
        var count: Int

        /// Red, yellow and green with how many of `statuses` show each: the chips above a board.
        static func tally(_ statuses: [DutyStatus]) -> [LightCount] {
            TrafficLight.allCases.reversed().map { light in
                LightCount(
                    light: light.rawValue, label: light.label, count: statuses.filter { $0.light == light }.count)
            }
        }
    }

    /// One task the unit reports on.
    struct DeskRow: Encodable {
        var light: String
        var lightLabel: String
        var reasons: String
        var number: String
        var text: String
        var planTitle: String
        var href: String
        var next: String
        var lastReport: String
        var workPlan: String
        /// "12月3日 09:30 张主任（admin）催办：…", the latest 催办 of the task to the unit; "" when never urged.
        var urged: String = ""
    }

    /// One task the unit contributes to.
    struct AssistRow: Encodable {
        var number: String
        var text: String
        var planTitle: String
        var href: String
        var reporters: String
    }
}

/// A notification as lists show it.
struct NotificationLine: Encodable {
    var kind: String
    var kindLabel: String
    var title: String
    var body: String
    var href: String
    var sender: String
    var time: String
    var unread: Bool
}
