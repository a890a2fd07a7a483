/// A unit contact's phone number, checked and written one way: "13812345678" for a mobile, "027-85551234"
/// (with "转123" for an extension) for a landline.
///
/// Clerks type numbers every way there is — "+86 138 1234 5678", "（027）8555-1234", full-width digits pasted
/// from Word — and the 督查室 must be able to call them, so a number is kept only once it is certainly dialable.
public struct ContactPhone: Sendable, Hashable {
    /// Mobile or landline.
    public enum Kind: String, Sendable, Codable {
        case mobile
        case landline
    }

    /// Mobile or landline.
    public let kind: Kind
    /// The normalized number.
    public let number: String

    /// Reads a number as typed; throws the reason it is not a usable mainland number.
    public init(_ text: String) throws(ContactError) {
        self = try PhoneReader.read(text)
    }

    init(kind: Kind, number: String) {
        self.kind = kind
        self.number = number
    }

    /// The normalized form of a number as typed, e.g. "(027)8555 1234-12" → "027-85551234转12".
    public static func normalize(_ text: String) throws(ContactError) -> String {
        try ContactPhone(text).number
    }
}

extension ContactPhone: CustomStringConvertible {
    /// The normalized number.
    public var description: String { number }
}

extension ContactPhone: Codable {
    /// Decodes the stored string, checking it again.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do throws(ContactError) {
            self = try ContactPhone(text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
        }
    }

    /// Encodes the normalized string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(number)
    }
}
