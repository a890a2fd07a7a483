import Fluent

/// Every migration, in the order they run. Landed migrations are never edited; changes are new migrations.
enum Migrations {
    static let all: [any Migration] = [
        CreateGovernments(),
        CreateUnits(),
        CreateLeaders(),
        CreatePlans(),
        CreateTasks(),
        CreateQueryIndexes(),
        CreateTaskSearchIndex(),
        CreateAuditEvents(),
        CreateUsers(),
        CreateLoginAttempts(),
        SessionRecord.migration,
        CreateAPITokens(),
        CreateImportDrafts(),
        AddPlanRevisions(),
        CreateReporting(),
        CreateSessions(),
        AddInternalWebhooksToGovernments(),
        AddHandWorkToImportDrafts(),
        AddPlanWithdrawal(),
        AddWorkPlanDelay(),
        CreateTaskUrges(),
        CreateInstructions(),
        CreateSupervisionRounds(),
        CreateScoring(),
        CreateBulletins(),
        CreateReportFlags(),
        AddPublicPages(),
        CreateTaskLinks(),
        AddFigureSources(),
        CreateReferenceIndexes(),
        CreateDutyStates(),
        AddScoreGenerations(),
    ]
}
