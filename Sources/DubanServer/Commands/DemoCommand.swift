import ArgumentParser

/// `duban demo`: will build a demo database and serve it; until the web application lands it says so.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Create a demo database and serve it at http://127.0.0.1:8080 (web application not yet available)."
    )

    func run() async throws {
        print("""
            Duban demo: the web application is not available yet.
            What works today: reading plan documents.
              swift run duban parse path/to/plan.docx          summary of the tasks found
              swift run duban parse path/to/plan.pdf --json    the structured result
            """)
    }
}
