import Vapor

/// Registers every route, grouped by who may reach it. The groups are where sign-in is required and where a
/// role is checked; handlers ask the same `Policy` about actions on particular records.
func routes(_ app: Application) throws {
    // Open to everyone: the health check for monitors, signing in and out.
    app.get("healthz") { _ in "ok" }
    try app.register(collection: AuthController())
    // A plan's public progress page, while the 督查室 publishes it: no sign-in, limited per address.
    try app.register(collection: PublicPageController())

    // Every signed-in role reads the plans and the directory, and manages its own account.
    let readers = app.grouped(RequirePermission(.read))
    try readers.register(collection: PageController())
    try readers.register(collection: PlanController())
    try readers.register(collection: PlanExportController())
    try readers.register(collection: TargetTableController())
    try readers.register(collection: UnitController())
    // A unit's contacts: the handlers ask the policy for `.manageUnit` on the unit itself.
    try readers.register(collection: UnitContactController())
    try readers.register(collection: LeaderController())
    try readers.register(collection: SearchController())
    try readers.register(collection: TaskReportingController())
    // 批示: the handler asks the policy for `.instruct`, which only a leader's account has.
    try readers.register(collection: InstructionController())
    try readers.register(collection: DeskController())
    // 督查: the handlers ask the policy for `.readRounds`, `.superviseReporting` or the finding's unit.
    try readers.register(collection: RoundController())
    try readers.register(collection: FindingController())
    // 绩效考核: the handlers ask `ScoreAccess` or the policy.
    try readers.register(collection: ScoreController())
    // 督查通报: issued ones for every role; drafts and changes ask the policy for `.superviseReporting`.
    try readers.register(collection: BulletinController())
    let ownAccount = app.grouped(RequirePermission(.manageOwnAccount))
    try ownAccount.register(collection: AccountController())
    try ownAccount.register(collection: APITokenPageController())

    // The 督查室 administrator only.
    try app.grouped(RequirePermission(.viewAuditLog)).register(collection: AuditController())
    try app.grouped(RequirePermission(.manageUsers)).register(collection: UserAdminController())
    try app.grouped(RequirePermission(.superviseReporting)).register(collection: WebhookAdminController())
    try app.grouped(RequirePermission(.importPlans)).register(collection: ImportController())
    try app.grouped(RequirePermission(.importPlans)).register(collection: PlanWithdrawalController())
    try app.grouped(RequirePermission(.importPlans)).register(collection: ParentLinkController())
    let supervisors = app.grouped(RequirePermission(.superviseReporting))
    try supervisors.register(collection: OversightController())
    try supervisors.register(collection: ReviewQueueController())
    try supervisors.register(collection: PlanRulesController())
    try supervisors.register(collection: PublicSharingController())

    try apiRoutes(app)
}

/// `/api/v1`: authenticated by bearer token only (never by the session cookie), refused in JSON, authorized by
/// the same `Policy` as the pages. The OpenAPI document is open to everyone.
private func apiRoutes(_ app: Application) throws {
    let api = app.grouped("api", "v1")
    try api.register(collection: APIDocumentController())
    let authenticated = api.grouped(APITokenAuthenticator())
    let readers = authenticated.grouped(APIPermission(.read), APIPeriodParameter())
    try readers.register(collection: APIPlanController())
    try readers.register(collection: APIDirectoryController())
    try readers.register(collection: APISearchController())
    // The reporting cycle: each handler asks the policy about the task or record at hand.
    try readers.register(collection: APIReportingController())
    try readers.register(collection: APINotificationController())
    // Exports, scores and bulletins: each handler asks the policy, as the pages do.
    try readers.register(collection: APIExportController())
    try readers.register(collection: APIScoreController())
    try readers.register(collection: APIBulletinController())
    try authenticated.grouped(APIPermission(.manageOwnAccount)).register(collection: APITokenController())
    try authenticated.grouped(APIPermission(.mergeUnits)).register(collection: APIUnitMergeController())
    try authenticated.grouped(APIPermission(.importPlans)).register(collection: APIImportController())
    try authenticated.grouped(APIPermission(.manageUsers)).register(collection: APIUserController())
    registerMethodNotAllowed(app)
}

/// Marks the routes `registerMethodNotAllowed` adds: they answer only 405 and are no operation of the API.
enum MethodNotAllowedKey {
    static let key = AnySendableHashable("duban.methodNotAllowed")
}

/// Every API path answers the methods it does not take with 405 and an `Allow` header, as its OpenAPI
/// document implies, instead of the 404 an unknown path gets. HEAD is left to Vapor where the path has a GET.
private func registerMethodNotAllowed(_ app: Application) {
    let apiRoutes = app.routes.all.filter { $0.path.count >= 2 && $0.path[0] == "api" && $0.path[1] == "v1" }
    var methods: [String: (path: [PathComponent], allowed: [HTTPMethod])] = [:]
    for route in apiRoutes {
        let key = route.path.map(\.description).joined(separator: "/")
        methods[key, default: (route.path, [])].allowed.append(route.method)
    }
    let candidates: [HTTPMethod] = [.GET, .POST, .PUT, .PATCH, .DELETE, .OPTIONS, .TRACE, .HEAD, .RAW(value: "QUERY")]
    for (_, entry) in methods {
        let allowed = entry.allowed
        for method in candidates where !allowed.contains(method) && !(method == .HEAD && allowed.contains(.GET)) {
            let route = app.on(method, entry.path) { _ -> Response in throw APIError.methodNotAllowed(allowed: allowed)
            }
            route.userInfo[MethodNotAllowedKey.key] = true
        }
    }
}
