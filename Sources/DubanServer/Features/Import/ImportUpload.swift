import Vapor

/// What `POST /api/v1/imports` was sent: the file's bytes and name, and the import options — either as a
/// multipart form (field `file`, options as fields or in the query) or as the raw body (options and `fileName`
/// in the query), whichever a script finds easier.
struct ImportUpload: Sendable {
    var data: Data
    var fileName: String
    var year: Int?
    var document: Int?
    var createUnits: Bool
    /// The published plan this file revises (the wizard's "修订已发布的方案").
    var revisesPlanID: UUID?

    /// The multipart form's fields, all text so a bad value answers in Chinese, not with a decoding error.
    private struct Form: Content {
        var file: File?
        var year: String?
        var document: String?
        var createUnits: String?
        var revises: String?
    }

    /// The options in the query string.
    private struct Options: Content {
        var fileName: String?
        var year: String?
        var document: String?
        var createUnits: String?
    }

    /// Reads the request; a missing or empty file and malformed options are 400s, an oversized file 413.
    init(_ req: Request) throws {
        let options = (try? req.query.decode(Options.self)) ?? Options()
        let form = try Self.form(of: req)
        data = try Self.bytes(form.file.map { $0.data } ?? req.body.data)
        fileName = Self.cleanName(form.file?.filename ?? options.fileName)
        year = try Self.number(form.year ?? options.year, name: "year", in: 1990...2100)
        document = try Self.number(form.document ?? options.document, name: "document", in: 1...1000)
        createUnits = try Self.flag(form.createUnits ?? options.createUnits)
        if let revises = form.revises, !revises.isEmpty {
            guard let id = UUID(uuidString: revises) else { throw APIError.invalidRequest("要修订的方案编号无效。") }
            revisesPlanID = id
        }
    }

    /// The multipart form's fields; empty for a raw upload.
    private static func form(of req: Request) throws -> Form {
        guard req.headers.contentType == .formData else { return Form() }
        guard let form = try? req.content.decode(Form.self, as: .formData) else {
            throw APIError.invalidRequest("无法读取上传的表单，请以 multipart/form-data 的 file 字段上传文件。")
        }
        return form
    }

    /// The uploaded bytes, checked for presence and size. The route collects at most the limit, but a body
    /// that arrived already collected (an in-process request) is checked here.
    private static func bytes(_ buffer: ByteBuffer?) throws -> Data {
        let bytes = buffer.map { Data(buffer: $0) } ?? Data()
        guard !bytes.isEmpty else {
            throw APIError.invalidRequest("请上传方案文件（.txt、.md、.docx、.xlsx、.html 或 .pdf）：multipart 表单的 file 字段，或直接作为请求正文。")
        }
        guard bytes.count <= APIImportController.maxUploadMegabytes * 1024 * 1024 else {
            throw APIError(
                .payloadTooLarge, .invalidRequest,
                "上传的文件超过了大小上限（\(APIImportController.maxUploadMegabytes) MB）。")
        }
        return bytes
    }

    /// The file name as shown in the plan and the audit log, without any path a browser may have sent.
    private static func cleanName(_ raw: String?) -> String {
        let name = (raw ?? "").split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? "上传文件" : String(trimmed.prefix(200))
    }

    private static func number(_ raw: String?, name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let raw, !raw.isEmpty else { return nil }
        guard let value = Int(raw), range.contains(value) else {
            throw APIError.invalidRequest("\(name) 须为 \(range.lowerBound) 到 \(range.upperBound) 之间的整数。")
        }
        return value
    }

    private static func flag(_ raw: String?) throws -> Bool {
        switch raw?.lowercased() {
        case nil, "", "false", "0", "no": return false
        case "true", "1", "yes": return true
        default: throw APIError.invalidRequest("createUnits 须为 true 或 false。")
        }
    }
}
