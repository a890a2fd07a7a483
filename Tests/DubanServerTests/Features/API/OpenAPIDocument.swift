@testable import DubanServer
import Foundation
import Testing
import Yams

/// The bundled OpenAPI document, read with Yams, and a small checker of JSON answers against its schemas: the
/// keys a schema requires are present, no key is undocumented, and values have the documented type and enum.
/// Enough to catch a DTO and the document drifting apart; the full specification is checked by
/// `scripts/check_openapi.py`.
struct OpenAPIDocument {
    let root: [String: Any]

    /// Loads the document the server serves.
    static func load() throws -> OpenAPIDocument {
        let text = try String(contentsOfFile: APIDocumentController.path, encoding: .utf8)
        let root = try #require(try Yams.load(yaml: text) as? [String: Any], "openapi.yaml is not a mapping")
        return OpenAPIDocument(root: root)
    }

    /// Every documented operation as "METHOD /api/v1/path/{param}".
    var operations: Set<String> {
        let paths = root["paths"] as? [String: Any] ?? [:]
        var found = Set<String>()
        for (path, item) in paths {
            for method in (item as? [String: Any] ?? [:]).keys where Self.methods.contains(method) {
                found.insert("\(method.uppercased()) /api/v1\(path)")
            }
        }
        return found
    }

    static let methods: Set<String> = ["get", "put", "post", "delete", "patch", "head", "options"]

    /// The value at a `#/a/b/c` reference.
    func resolve(_ reference: String) -> Any? {
        guard reference.hasPrefix("#/") else { return nil }
        var current: Any? = root
        for key in reference.dropFirst(2).split(separator: "/") {
            current = (current as? [String: Any])?[String(key)]
        }
        return current
    }

    /// Problems of `value` against the component schema `name`; empty when it conforms.
    func problems(_ value: JSONValue, against name: String) -> [String] {
        problems(value, schema: ["$ref": "#/components/schemas/\(name)"], at: name)
    }

    private func problems(_ value: JSONValue, schema: [String: Any], at path: String) -> [String] {
        if let reference = schema["$ref"] as? String {
            guard let target = resolve(reference) as? [String: Any] else { return ["\(path): bad $ref \(reference)"] }
            return problems(value, schema: target, at: path)
        }
        if let options = schema["oneOf"] as? [[String: Any]] {
            let matching = options.filter { problems(value, schema: $0, at: path).isEmpty }
            return matching.count == 1 ? [] : ["\(path): matches \(matching.count) of oneOf"]
        }
        let types = (schema["type"] as? [String]) ?? (schema["type"] as? String).map { [$0] } ?? []
        guard types.isEmpty || types.contains(where: value.has(type:)) else {
            return ["\(path): \(value) is not \(types)"]
        }
        if let allowed = schema["enum"] as? [Any], case .string(let text) = value,
            !allowed.contains(where: { "\($0)" == text })
        {
            return ["\(path): \(text) is not one of \(allowed)"]
        }
        switch value {
        case .array(let array):
            guard let items = schema["items"] as? [String: Any] else { return [] }
            return array.enumerated().flatMap { problems($1, schema: items, at: "\(path)[\($0)]") }
        case .object(let object):
            return objectProblems(object, schema: schema, at: path)
        default:
            return []
        }
    }

    private func objectProblems(_ object: [String: JSONValue], schema: [String: Any], at path: String) -> [String] {
        let properties = schema["properties"] as? [String: Any] ?? [:]
        let required = schema["required"] as? [String] ?? []
        var found = required.filter { object[$0] == nil }.map { "\(path): missing \($0)" }
        for (key, value) in object {
            if let property = properties[key] as? [String: Any] {
                found += problems(value, schema: property, at: "\(path).\(key)")
            } else if let extra = schema["additionalProperties"] as? [String: Any] {
                found += problems(value, schema: extra, at: "\(path).\(key)")
            } else {
                found.append("\(path): undocumented key \(key)")
            }
        }
        return found
    }
}

/// A JSON value as decoded strictly (a number is never a boolean), for checking answers against schemas.
enum JSONValue: Decodable, Equatable, CustomStringConvertible {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// Whether the value has a JSON Schema type.
    func has(type: String) -> Bool {
        switch (self, type) {
        case (.null, "null"), (.bool, "boolean"), (.integer, "integer"), (.integer, "number"), (.number, "number"),
            (.string, "string"), (.array, "array"), (.object, "object"):
            true
        default: false
        }
    }

    /// The member `key` of an object; nil otherwise.
    subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    var description: String {
        switch self {
        case .null: "null"
        case .bool(let value): "\(value)"
        case .integer(let value): "\(value)"
        case .number(let value): "\(value)"
        case .string(let value): "\"\(value)\""
        case .array(let value): "[\(value.count) items]"
        case .object(let value): "{\(value.keys.sorted().joined(separator: ", "))}"
        }
    }
}
