import Foundation
import Vapor

/// The pages the benchmark asks for, grouped by what they exercise.
struct WebBenchEndpoint: Sendable {
    var name: String
    /// Paths with query strings, requested in turn.
    var paths: [String]
}

/// The endpoints of a run: the plan page, search by 3+ and by 2 characters, without and with filters
/// (2-character terms cannot use a trigram index, so they take the slower path and are measured apart), and the
/// reporting pages that work out every task's light: the 督办 overview, the busiest unit's desk, a task's
/// reporting page.
enum WebBenchEndpoints {
    static func all(_ targets: WebBenchLoad.Targets) -> [WebBenchEndpoint] {
        let plan = targets.planID.uuidString.lowercased()
        let unit = targets.unitID.uuidString.lowercased()
        return [
            WebBenchEndpoint(name: "plan page /plans/:id", paths: [SiteURL.plan(targets.planID).path]),
            WebBenchEndpoint(
                name: "search, 3+ characters",
                paths: [
                    search("老旧小区"), search("高标准农田"), search("新能源"), search("营商环境"),
                ]),
            WebBenchEndpoint(name: "search, 2 characters", paths: [search("养老"), search("就业"), search("学位")]),
            WebBenchEndpoint(
                name: "search with filters (3+ and 2 chars)",
                paths: [
                    search("老旧小区", ("plan", plan)), search("养老", ("kind", "task")), search("就业", ("unit", unit)),
                    search("新能源", ("plan", plan), ("kind", "task")),
                ]),
            WebBenchEndpoint(name: "督办 overview /oversight (every task's light)", paths: [SiteURL.oversight.path]),
            WebBenchEndpoint(name: "unit desk /units/:id/desk", paths: [SiteURL.unitDesk(targets.unitID).path]),
            WebBenchEndpoint(
                name: "task reporting /tasks/:id/reporting", paths: [SiteURL.taskReporting(targets.taskID).path]),
        ]
    }

    /// The pages of a generated installation, as the top government's 督查室 administrator reads them: every page
    /// the office opens in a day, over the whole year's data.
    static func scale(_ targets: ScaleLoad.Targets) -> [WebBenchEndpoint] {
        let plan = targets.planID.uuidString.lowercased()
        return [
            WebBenchEndpoint(name: "plans list /plans", paths: [SiteURL.plans.path]),
            WebBenchEndpoint(name: "plan page, first page", paths: [SiteURL.plan(targets.planID).path]),
            WebBenchEndpoint(name: "plan page, a later page", paths: [SiteURL.planPage(targets.planID, page: 5).path]),
            WebBenchEndpoint(name: "task page /tasks/:id", paths: [SiteURL.task(targets.taskID).path]),
            WebBenchEndpoint(
                name: "task reporting /tasks/:id/reporting", paths: [SiteURL.taskReporting(targets.taskID).path]),
            WebBenchEndpoint(name: "unit desk /units/:id/desk", paths: [SiteURL.unitDesk(targets.unitID).path]),
            WebBenchEndpoint(name: "unit page /units/:id", paths: [SiteURL.unit(targets.unitID).path]),
            WebBenchEndpoint(name: "督办 overview /oversight", paths: [SiteURL.oversight.path]),
            WebBenchEndpoint(name: "review queue", paths: [SiteURL.reviewQueue.path]),
            WebBenchEndpoint(name: "leaders /leaders", paths: [SiteURL.leaders.path]),
            WebBenchEndpoint(name: "leader board /leaders/:id", paths: [SiteURL.leader(targets.leaderID).path]),
            WebBenchEndpoint(name: "target table", paths: [SiteURL.planTargets(targets.planID).path]),
            WebBenchEndpoint(
                name: "search (3+ and 2 chars, filtered)",
                paths: [search("老旧小区"), search("养老"), search("新能源", ("plan", plan))]),
            WebBenchEndpoint(name: "audit log /audit", paths: [SiteURL.audit.path]),
            WebBenchEndpoint(name: "notifications (督查室)", paths: [SiteURL.notifications.path]),
            WebBenchEndpoint(name: "scores", paths: [SiteURL.scores(plan: targets.planID, period: nil).path]),
            WebBenchEndpoint(name: "bulletins", paths: [SiteURL.bulletins.path]),
        ]
    }

    /// The pages a clerk of the busiest unit opens.
    static func clerk(_ targets: ScaleLoad.Targets) -> [WebBenchEndpoint] {
        [
            WebBenchEndpoint(name: "clerk: own desk", paths: [SiteURL.unitDesk(targets.unitID).path]),
            WebBenchEndpoint(name: "clerk: notifications", paths: [SiteURL.notifications.path]),
            WebBenchEndpoint(
                name: "clerk: task reporting", paths: [SiteURL.taskReporting(targets.taskID).path]),
        ]
    }

    private static func search(_ text: String, _ filters: (String, String)...) -> String {
        SiteURL.searchWith([("q", text)] + filters.map { (name: $0.0, value: $0.1) }).path
    }
}

/// Sends requests one at a time over loopback and times each from send to full body.
struct WebBenchClient {
    let client: any Client
    let base: String
    /// The signed-in session's cookie, sent with every request once `signIn` succeeded.
    var sessionCookie: HTTPCookies.Value?

    /// Counts the statements of each of the endpoint's paths once (with `counting`, the server's switch), then
    /// warms up and times `requests` requests with counting off, cycling through the paths. A status other than
    /// 200 or a transport error counts as a failure and is not timed.
    func measure(_ endpoint: WebBenchEndpoint, warmup: Int, requests: Int, counting: QueryCountingSwitch?) async
        -> LatencySample
    {
        var sample = LatencySample(name: endpoint.name)
        if let counting {
            counting.isOn = true
            for path in endpoint.paths {
                if case .success(_, let queries?) = await fetch(path) {
                    sample.mostQueries = max(sample.mostQueries ?? 0, queries)
                }
            }
            counting.isOn = false
        }
        for index in 0..<(warmup + requests) {
            let path = endpoint.paths[index % endpoint.paths.count]
            let started = ContinuousClock.now
            let outcome = await fetch(path)
            let elapsed = started.duration(to: .now)
            guard index >= warmup else { continue }
            switch outcome {
            case .failure(let reason):
                sample.failures += 1
                if sample.firstFailure == nil { sample.firstFailure = "\(path): \(reason)" }
            case .success(let bytes, let queries):
                sample.milliseconds.append(elapsed.inMilliseconds)
                sample.largestBody = max(sample.largestBody, bytes)
                if let queries { sample.mostQueries = max(sample.mostQueries ?? 0, queries) }
            }
        }
        return sample
    }

    /// What one request gave: the body size, or what went wrong.
    private enum Outcome {
        case success(bytes: Int, queries: Int?)
        case failure(String)
    }

    private func fetch(_ path: String) async -> Outcome {
        do {
            let response = try await client.get(URI(string: base + path)) { request in
                if let sessionCookie { request.headers.cookie = [AccountSettings.cookieName: sessionCookie] }
            }
            guard response.status == .ok else { return .failure("HTTP \(response.status.code)") }
            let queries = response.headers.first(name: QueryCountingMiddleware.header).flatMap { Int($0) }
            return .success(bytes: response.body?.readableBytes ?? 0, queries: queries)
        } catch {
            return .failure(String(describing: error))
        }
    }
}
