import Vapor

/// A generated file sent as a download: its Chinese name in `filename*` (RFC 5987), an ASCII fallback for old
/// clients, never cached (it holds the government's data as of now).
enum FileDownload {
    static func response(_ data: Data, contentType: String, fileName: String, asciiName: String) -> Response {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: contentType)
        let encoded = fileName.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? asciiName
        headers.replaceOrAdd(
            name: .contentDisposition, value: "attachment; filename=\"\(asciiName)\"; filename*=UTF-8''\(encoded)")
        headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return Response(status: .ok, headers: headers, body: .init(data: data))
    }

    /// An uploaded evidence file: always a download, never shown inline, so a file cannot run in the site's
    /// origin; under the name it was uploaded with.
    static func evidence(_ data: Data, contentType: String, fileName: String) -> Response {
        response(data, contentType: contentType, fileName: fileName, asciiName: "evidence")
    }

    /// A title as a file name: without the characters a file system refuses; `fallback` when nothing is left.
    static func safeName(_ title: String, fallback: String) -> String {
        let safe = title.trimmingCharacters(in: .whitespaces).filter { !"/\\:*?\"<>|".contains($0) }
        return safe.isEmpty ? fallback : safe
    }

    static let xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    static let csv = "text/csv; charset=utf-8"
    static let docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
}
