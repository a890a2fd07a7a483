import Foundation

/// What a webhook's name and address must look like, and how an address is shown where a secret in it
/// should not be (group-chat robots put their key in the query: `…/send?key=…`).
enum WebhookRules {
    static let maximumNameLength = 40
    /// Longer than any robot address; keeps a pasted document out of the column.
    static let maximumURLLength = 2000

    /// The trimmed name, or why it cannot be used.
    static func checkedName(_ text: String) throws(WebhookError) -> String {
        let name = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw .nameMissing }
        guard name.count <= maximumNameLength else { throw .nameTooLong }
        return name
    }

    /// The trimmed address when it is an absolute http or https URL with a host, or why not.
    static func checkedURL(_ text: String) throws(WebhookError) -> String {
        let url = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !url.isEmpty else { throw .urlMissing }
        guard url.count <= maximumURLLength, !url.contains(where: \.isWhitespace),
            let components = URLComponents(string: url),
            let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = components.host, !host.isEmpty
        else { throw .urlInvalid }
        return url
    }

    /// The address with its likely secrets cut to their first four characters, for the page and the audit
    /// log: every query value longer than four characters (`?key=…`, `?access_token=…`) and every path segment
    /// longer than sixteen (robots that put the token in the path: `/bot/v2/hook/…`).
    static func redacted(_ url: String) -> String {
        let address = url.prefix { $0 != "?" && $0 != "#" }
        let segments = address.split(separator: "/", omittingEmptySubsequences: false).enumerated().map {
            index, segment in
            // The first three are the scheme, the empty part between the slashes, and the host.
            index >= 3 && segment.count > 16 ? shortened(segment) : String(segment)
        }
        var result = segments.joined(separator: "/")
        guard address.endIndex < url.endIndex, url[address.endIndex] == "?" else { return result }
        let query = url[url.index(after: address.endIndex)...].prefix { $0 != "#" }
        let pairs = query.split(separator: "&", omittingEmptySubsequences: false).map { pair -> String in
            guard let equals = pair.firstIndex(of: "=") else { return String(pair) }
            let value = pair[pair.index(after: equals)...]
            return value.count > 4 ? String(pair[...equals]) + shortened(value) : String(pair)
        }
        result += "?" + pairs.joined(separator: "&")
        return result
    }

    private static func shortened(_ text: Substring) -> String { String(text.prefix(4)) + "…" }
}
