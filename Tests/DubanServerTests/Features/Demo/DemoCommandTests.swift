@testable import DubanServer
import ArgumentParser
import Testing

/// What `duban demo` prints and which options it accepts.
@Suite("duban demo command")
struct DemoCommandTests {
    @Test("The summary line says whether the demo was created or reused")
    func summaryLine() {
        var summary = DemoGenerator.Summary(created: true, plans: 3, tasks: 181, units: 35, leaders: 6, accounts: 4)
        #expect(
            DemoCommand.describe(summary, path: "duban-demo.sqlite")
                == "Created the demo in duban-demo.sqlite: 3 plans, 181 tasks, 35 units, 6 leaders, 4 accounts.")
        summary.created = false
        #expect(
            DemoCommand.describe(summary, path: "x.sqlite")
                == "Reusing the demo in x.sqlite: 3 plans, 181 tasks, 35 units, 6 leaders, 4 accounts.")
    }

    @Test("The login lines name every demo account with its role and the shared password")
    func loginLines() {
        #expect(
            DemoAccounts.loginLines == [
                "Sign in with one of these accounts (password qingxi-2026 for all):",
                "  admin        督查室管理员",
                "  fagai        单位经办人 · 区发展和改革局",
                "  zhoujianguo  领导 · 周建国",
                "  viewer       查看",
                "  shi          督查室管理员 · 云州市",
                "  shi-zhujian  单位经办人 · 云州市 · 市住房和城乡建设局",
                "  baisha       督查室管理员 · 白沙区",
            ])
    }

    @Test("Defaults: duban-demo.sqlite on 127.0.0.1:8080")
    func defaults() throws {
        let command = try DemoCommand.parse([])
        #expect(command.sqlite == "duban-demo.sqlite")
        #expect(command.hostname == "127.0.0.1")
        #expect(command.port == 8080)
    }

    @Test(
        "A bad port or log level is refused before anything is created",
        arguments: [
            ["--port", "70000"], ["--log-level", "loud"], ["--sqlite", ""],
        ])
    func refusesBadOptions(arguments: [String]) {
        #expect(throws: (any Error).self) { try DemoCommand.parse(arguments) }
    }
}
