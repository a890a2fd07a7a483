import Vapor

/// Why a work plan, report or review was refused, in words the clerk or the 督查室 can act on.
enum ReportFilingError: AbortError, Equatable {
    case notAUnitOfTask
    case periodNotExpected(String)
    case reasonRequired(String)
    case narrativeRequired
    case emptyFile(String)
    case fileTooLarge(String, limitMB: Int)
    case fileTypeRefused(String)
    case tooManyFiles(Int)
    case alreadyAccepted
    case notCurrentVersion
    case notAwaitingReview
    case commentRequired
    case decisionMissing
    case invalidActual(String)
    case workPlanEmpty
    case workPlanItem(Int, String)
    case taskWithdrawn
    case notFound
    case dismissReasonRequired
    case dismissReasonTooLong(Int)

    var status: HTTPResponseStatus {
        switch self {
        case .notAUnitOfTask: .forbidden
        case .alreadyAccepted, .notCurrentVersion, .notAwaitingReview: .conflict
        case .notFound: .notFound
        default: .unprocessableEntity
        }
    }

    var reason: String {
        switch self {
        case .notAUnitOfTask: "本单位不是这项任务的责任单位，不能为它报送材料。"
        case .periodNotExpected(let label): "本方案的报送规则中没有“\(label)”这一期报告。"
        case .reasonRequired(let status): "进展状态为“\(status)”时，须填写原因。"
        case .narrativeRequired: "请填写工作进展情况。"
        case .emptyFile(let name): "附件“\(name)”是空文件。"
        case .fileTooLarge(let name, let limit): "附件“\(name)”超过 \(limit) MB，请压缩后再上传。"
        case .fileTypeRefused(let name): "附件“\(name)”的类型不受支持。请上传 PDF、Word、Excel、图片（JPG/PNG）或 TXT 文件。"
        case .tooManyFiles(let limit): "每次报送最多附 \(limit) 个附件。"
        case .alreadyAccepted: "这份材料已经审核通过，不能再修改。如需更正，请联系督查室退回。"
        case .notCurrentVersion: "这不是最新版本，已有更新的版本，请刷新页面后再操作。"
        case .notAwaitingReview: "这份材料不在待审核状态。"
        case .commentRequired: "退回时请写明需要修改的地方。"
        case .decisionMissing: "请选择“审核通过”或“退回修改”。"
        case .invalidActual(let label): "“\(label)”的完成数须为数字。"
        case .workPlanEmpty: "办理方案至少要有一项具体工作。"
        case .workPlanItem(let row, let problem): "第 \(row) 项工作：\(problem)"
        case .taskWithdrawn: "这项任务已撤销（方案修订时删去，或整份方案已撤回），不再报送。"
        case .notFound: "没有找到这份材料，可能属于其他政府或已被删除。"
        case .dismissReasonRequired: "排除质量提示时，请写明理由。"
        case .dismissReasonTooLong(let limit): "理由不能超过 \(limit) 字。"
        }
    }
}
