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

    static let xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    static let csv = "text/csv; charset=utf-8"
}
