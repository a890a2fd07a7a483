import DubanCore
import DubanFormats
import Fluent
import Vapor

/// `POST /api/v1/imports`: uploads a plan document and imports it under the rules of `duban import` — the type
/// recognised from the content, unknown units refused (422, with suggestions) unless `createUnits`, all plans of
/// the file in one transaction with their audit entries.
struct APIImportController: RouteCollection {
    /// The largest upload accepted; a gazette PDF of several plans stays well below.
    static let maxUploadMegabytes = 20

    /// Registers the route; it sits behind `APIPermission(.importPlans)`.
    func boot(routes: any RoutesBuilder) throws {
        let limit = ByteCount(value: Self.maxUploadMegabytes * 1024 * 1024)
        routes.upload(.POST, "imports", limit: limit, use: create)
    }

    /// Reads, parses, checks and imports the upload; 201 with the new plans.
    @Sendable func create(req: Request) async throws -> Response {
        let upload = try ImportUpload(req)
        let prepared = try await Self.prepare(upload, on: req.application.threadPool)
        let governmentID = try req.currentUser().governmentID
        let unknown = try await prepared.unknownUnits(governmentID: governmentID, on: req.db)
        if !unknown.isEmpty, !upload.createUnits { throw Self.unknownUnitsError(unknown) }
        let plans = try await prepared.importAll(
            governmentID: governmentID, year: upload.year, actor: req.auditActor, requestID: req.requestID,
            on: req.db)
        let result = ImportResultDTO(
            plans: try zip(plans, prepared.documents).map { plan, document in
                ImportedPlanDTO(
                    id: try plan.requireID(), title: plan.title, year: plan.year, taskCount: document.tasks.count,
                    warnings: document.warnings.map { ImportWarningDTO(line: $0.line, message: $0.message) })
            },
            createdUnits: unknown.map(\.name))
        return try await result.encodeResponse(status: .created, for: req)
    }

    /// Decodes and parses off the event loop: a long PDF or docx takes long enough to stall other requests.
    private static func prepare(_ upload: ImportUpload, on pool: NIOThreadPool) async throws -> DocumentImport {
        let outcome: Result<DocumentImport, APIError> = try await pool.runIfActive {
            do {
                let decoded = try DocumentReader.read(data: upload.data, fileName: upload.fileName)
                return .success(
                    try DocumentImport.prepare(decoded, fileName: upload.fileName, document: upload.document))
            } catch let error as FormatError {
                return .failure(Self.apiError(error))
            } catch let error as ImportCommandError {
                return .failure(Self.apiError(error))
            }
        }
        return try outcome.get()
    }

    /// A file that cannot be read: 415 for a type Duban does not read, 422 for a damaged or empty one.
    static func apiError(_ error: FormatError) -> APIError {
        switch error {
        case .unsupportedType, .binary: APIError(.unsupportedMediaType, .unsupportedFile, error.chineseMessage)
        case .pdfToolMissing: APIError(.internalServerError, .internal, error.chineseMessage)
        default: APIError(.unprocessableEntity, .unsupportedFile, error.chineseMessage)
        }
    }

    /// A readable file that is not what was asked for.
    static func apiError(_ error: ImportCommandError) -> APIError {
        switch error {
        case .noPlan(let file):
            APIError(.unprocessableEntity, .unsupportedFile, "文件“\(file)”中没有找到任务，它看起来不是责任分解方案。")
        case .documentOutOfRange(let index, let count):
            .invalidRequest("document=\(index) 超出范围：该文件只包含 \(count) 个方案。")
        case .overLimit(_, let limit):
            APIError(.unprocessableEntity, .unsupportedFile, limit.chineseMessage)
        default:
            APIError(.internalServerError, .internal, "系统出现错误，请稍后重试。")
        }
    }

    /// 422 naming every unknown unit with the directory units it probably means.
    static func unknownUnitsError(_ unknown: [(name: String, match: UnitMatch)]) -> APIError {
        let units = unknown.map { name, match in
            var suggestions: [UnitSuggestionDTO] = []
            if case .suggested(let candidates) = match {
                suggestions = candidates.map { UnitSuggestionDTO(id: $0.unitID, name: $0.name, score: $0.score) }
            }
            return UnknownUnitDTO(name: name, suggestions: suggestions)
        }
        return APIError(
            .unprocessableEntity, .unknownUnits,
            "文件中有 \(units.count) 个单位不在本级单位目录中，未导入任何内容。请先在单位目录中补充这些单位或其简称，"
                + "或设置 createUnits=true 按文件中的写法新建。",
            unknownUnits: units)
    }
}
