import Foundation
import NIOCore

/// Reads one small text field out of a multipart body without decoding the rest. Decoding a whole upload
/// of ten evidence files only to find the CSRF token took seconds; searching the bytes for the field's part
/// header takes milliseconds. Browsers send the hidden token first, but any position is found.
enum MultipartField {
    /// The value of the part named `name`, if the body has one.
    static func value(named name: String, in body: ByteBuffer, boundary: String) -> String? {
        let bytes = Data(body.readableBytesView)
        let header = Data("Content-Disposition: form-data; name=\"\(name)\"".utf8)
        guard let nameEnd = bytes.range(of: header)?.upperBound,
            let valueStart = bytes.range(of: Data("\r\n\r\n".utf8), in: nameEnd..<bytes.endIndex)?.upperBound,
            let valueEnd = bytes.range(of: Data("\r\n--\(boundary)".utf8), in: valueStart..<bytes.endIndex)?.lowerBound,
            valueEnd - valueStart <= 256
        else { return nil }
        return String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self)
    }
}
