/// Why a ZIP container could not be read. Each case is a reason a person can act on; `DocumentReader` turns
/// it into the user's message for the file.
enum ZipError: Error, Sendable, Equatable {
    /// The container's structure is inconsistent: a number points outside the file, a signature is missing.
    case damaged(String)
    /// A part would inflate past the limit set for it (a ZIP bomb, or a document far beyond any plan's size).
    case tooLarge(limit: Int)
    /// The part is encrypted (a password-protected Word file).
    case encrypted
    /// The part uses a compression method other than stored or deflate.
    case unsupportedMethod(UInt16)

    /// An English phrase for `FormatError.invalidDocx`'s reason.
    var reason: String {
        switch self {
        case .damaged(let detail): "the ZIP container is damaged (\(detail))"
        case .tooLarge(let limit): "a part would expand beyond \(limit / 1_048_576) MB"
        case .encrypted: "it is password-protected"
        case .unsupportedMethod(let method): "it uses an unsupported compression method (\(method))"
        }
    }
}
