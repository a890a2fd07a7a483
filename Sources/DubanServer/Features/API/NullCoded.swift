/// An optional DTO field written as `null` when absent instead of being left out, so every API object has the
/// same keys every time (the parse contract's habit) and clients need not tell "missing" from "none".
@propertyWrapper
struct NullCoded<Value: Codable & Sendable>: Codable, Sendable {
    var wrappedValue: Value?

    init(wrappedValue: Value?) {
        self.wrappedValue = wrappedValue
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        wrappedValue = container.decodeNil() ? nil : try container.decode(Value.self)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}

extension NullCoded: Equatable where Value: Equatable {}

extension KeyedDecodingContainer {
    /// A `null` field may also be missing altogether when a client sends it.
    func decode<Value>(_ type: NullCoded<Value>.Type, forKey key: Key) throws -> NullCoded<Value> {
        try decodeIfPresent(type, forKey: key) ?? NullCoded(wrappedValue: nil)
    }
}
