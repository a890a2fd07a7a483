import NIOCore

/// Reads one small text field out of a multipart body without decoding the rest. Forms put the CSRF token
/// first; decoding a whole upload of ten evidence files only to find it took seconds.
enum MultipartField {
    /// How far into the body the field is looked for.
    static let searchWindow = 64 * 1024

    /// The value of the part named `name`, when it starts within the first `searchWindow` bytes.
    static func value(named name: String, in body: ByteBuffer, boundary: String) -> String? {
        let window = Array(body.readableBytesView.prefix(searchWindow))
        let header = Array("name=\"\(name)\"".utf8)
        guard let nameEnd = find(header, in: window, from: 0).map({ $0 + header.count }),
            let valueStart = find(Array("\r\n\r\n".utf8), in: window, from: nameEnd).map({ $0 + 4 }),
            let valueEnd = find(Array("\r\n--\(boundary)".utf8), in: window, from: valueStart)
        else { return nil }
        return String(decoding: window[valueStart..<valueEnd], as: UTF8.self)
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, start <= haystack.count - needle.count else {
            return nil
        }
        var index = start
        while index <= haystack.count - needle.count {
            if haystack[index] == needle[0], Array(haystack[index..<index + needle.count]) == needle { return index }
            index += 1
        }
        return nil
    }
}
