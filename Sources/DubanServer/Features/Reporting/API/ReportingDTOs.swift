import DubanCore
import Foundation
import Vapor

/// A task's reporting through the API: each reporting unit's light, the current work plans, the current
/// reports and contributions, and the leaders' 批示 with their answers.
struct TaskReportingDTO: Content {
    var taskId: UUID
    var lights: [LightDTO]
    var workPlans: [WorkPlanDTO]
    var reports: [ReportDTO]
    var instructions: [InstructionDTO]
}

/// One reporting unit's light today.
struct LightDTO: Content {
    var unitId: UUID
    var unitName: String
    /// "green", "yellow", "red".
    var light: String
    /// True when the latest report waits for the 督查室 (the pages draw it as 待审核).
    var awaitingReview: Bool
    var reasons: [String]
}

/// One version of a unit's work plan.
struct WorkPlanDTO: Content {
    var id: UUID
    var unitId: UUID
    var unitName: String
    var version: Int
    /// "submitted", "accepted", "returned", "superseded".
    var state: String
    var daysLate: Int
    var submittedAt: Date
    var reviewComment: String
    var items: [WorkPlanItemDTO]

    init(_ plan: WorkPlan) throws {
        id = try plan.requireID()
        unitId = plan.$unit.id
        unitName = plan.unit.name
        version = plan.version
        state = plan.state.rawValue
        daysLate = plan.daysLate
        submittedAt = plan.submittedAt
        reviewComment = plan.reviewComment
        items = plan.items.sorted { $0.position < $1.position }.map {
            WorkPlanItemDTO(
                content: $0.content, plannedMonth: $0.plannedMonth, leader: $0.leader, department: $0.department)
        }
    }
}

/// One work item.
struct WorkPlanItemDTO: Content {
    var content: String
    /// 1–12.
    var plannedMonth: Int
    var leader: String
    var department: String
}

/// One version of a report (the reporting unit's) or contribution (a co-unit's).
struct ReportDTO: Content {
    var id: UUID
    var unitId: UUID
    var unitName: String
    /// "report" or "contribution".
    var kind: String
    /// "2026-Q1".
    var period: String
    var version: Int
    /// "completed", "on_schedule", "behind", "not_started", "impossible".
    var status: String
    var reason: String
    var narrative: String
    var state: String
    var daysLate: Int
    var submittedAt: Date
    var reviewComment: String
    var actuals: [ActualDTO]
    var attachments: [AttachmentDTO]
    /// What the checks found in this version.
    var flags: [FlagDTO]

    /// The report, its figures measured against the task's `targets` at its period under `pace` (the plan's
    /// 序时 rule) when given.
    init(_ report: ProgressReport, targets: [QuantifiedTarget] = [], pace: PaceRule? = nil) throws {
        id = try report.requireID()
        unitId = report.$unit.id
        unitName = report.unit.name
        kind = report.kind.rawValue
        period = report.period
        version = report.version
        status = report.status.rawValue
        reason = report.reason
        narrative = report.narrative
        state = report.state.rawValue
        daysLate = report.daysLate
        submittedAt = report.submittedAt
        reviewComment = report.reviewComment
        let period = ReportingPeriod(key: report.period)
        actuals = report.actuals.sorted { $0.position < $1.position }.map { figure in
            var attainment: PaceAttainment?
            if let pace, let period, let actual = figure.actualValue {
                attainment = PaceAttainment.assess(
                    actual: actual, label: figure.label, unit: figure.unitOfMeasure, among: targets, at: period,
                    rule: pace)
            }
            return ActualDTO(
                label: figure.label, unitOfMeasure: figure.unitOfMeasure, target: figure.targetValue,
                actual: figure.actualValue, pace: attainment.map(PaceDTO.init), source: figure.source)
        }
        attachments = try report.attachments.map {
            AttachmentDTO(
                id: try $0.requireID(), fileName: $0.fileName, contentType: $0.contentType, byteCount: $0.byteCount)
        }
        flags = try (report.$flags.value ?? []).sorted { $0.createdAt < $1.createdAt }.map(FlagDTO.init)
    }
}

/// A quality flag on a report version.
struct FlagDTO: Content {
    var id: UUID
    /// "repeated_text", "shared_text", "completed_below_target", "on_schedule_behind_pace", "reused_evidence",
    /// "contradicts_other_level".
    var kind: String
    var label: String
    var evidence: String
    @NullCoded var similarity: Double?
    /// True once the 督查室 dismissed it.
    var dismissed: Bool
    /// Why it was dismissed; "" while it stands.
    var dismissReason: String

    init(_ flag: ReportFlag) throws {
        id = try flag.requireID()
        kind = flag.kind.rawValue
        label = flag.kind.label
        evidence = flag.evidence
        similarity = flag.similarity
        dismissed = flag.dismissedAt != nil
        dismissReason = flag.dismissReason ?? ""
    }
}

/// A figure against its target.
struct ActualDTO: Content {
    var label: String
    var unitOfMeasure: String
    @NullCoded var target: Double?
    @NullCoded var actual: Double?
    /// Where the figure stands against 序时; null without a figure or a matching target.
    @NullCoded var pace: PaceDTO?
    /// Where the figure came from ("各下级同期报送合计：…"); null when typed in on its own.
    @NullCoded var source: String?
}

/// A figure's 序时 class, as bulletins print it.
struct PaceDTO: Content {
    /// "exceeded", "completed", "onPace", "behindPace".
    var standing: String
    /// "超额", "已完成", "达到序时", "未达序时".
    var label: String
    /// What the figure was measured against at its period.
    var expected: Double
    /// The expected share of the year in percent, for a count; null where the target itself is the measure.
    @NullCoded var expectedShare: Double?
    /// "低于序时进度 250 万元"; "" unless behind.
    var gap: String

    init(_ attainment: PaceAttainment) {
        standing = attainment.standing.rawValue
        label = attainment.standing.label
        expected = attainment.expected
        expectedShare = attainment.expectedShare
        gap = attainment.gap
    }
}

/// An evidence file; its bytes are at `GET /attachments/{id}`.
struct AttachmentDTO: Content {
    var id: UUID
    var fileName: String
    var contentType: String
    var byteCount: Int
}

/// A leader's 批示 with the units' answers.
struct InstructionDTO: Content {
    var id: UUID
    var author: String
    var text: String
    /// The report it was written on; null for one on the task.
    @NullCoded var reportId: UUID?
    var createdAt: Date
    var replies: [InstructionReplyDTO]

    init(_ instruction: Instruction) throws {
        id = try instruction.requireID()
        author = instruction.author
        text = instruction.text
        reportId = instruction.$report.id
        createdAt = instruction.createdAt
        // A new instruction has no answers loaded (nor any to load).
        replies = (instruction.$replies.value ?? []).sorted { $0.createdAt < $1.createdAt }.map {
            InstructionReplyDTO(
                unitId: $0.$unit.id, unitName: $0.$unit.value?.name ?? "", text: $0.text, createdAt: $0.createdAt)
        }
    }
}

/// A unit's answer to a 批示.
struct InstructionReplyDTO: Content {
    var unitId: UUID
    var unitName: String
    var text: String
    var createdAt: Date
}

/// `POST /tasks/{id}/workplans`.
struct NewWorkPlanRequest: Content {
    var items: [WorkPlanItemRequest]
}

/// One item as sent; leader and department may be left out.
struct WorkPlanItemRequest: Content {
    var content: String
    var plannedMonth: Int
    var leader: String?
    var department: String?
}

/// `POST /reports/{id}/review` and `/workplans/{id}/review`.
struct ReviewRequest: Content {
    /// "accept" or "return".
    var decision: String
    var comment: String?
}

/// `POST /tasks/{id}/instructions`.
struct NewInstructionRequest: Content {
    var text: String
    var reportId: UUID?
}

/// One notification of the caller's inbox.
struct NotificationDTO: Content {
    var id: UUID
    var kind: String
    var kindLabel: String
    var title: String
    var body: String
    /// A path of the site to act on it.
    var link: String
    var sender: String
    var createdAt: Date
    var read: Bool

    init(_ notification: Notification) throws {
        id = try notification.requireID()
        kind = notification.kind.rawValue
        kindLabel = notification.kind.label
        title = notification.title
        body = notification.body
        link = notification.link
        sender = notification.sender
        createdAt = notification.createdAt
        read = notification.readAt != nil
    }
}
