/// What a typed search term becomes before it reaches the database: trimmed, with control characters
/// removed. PostgreSQL refuses a NUL byte in text outright, and no one searches for a control character.
enum SearchText {
    static func clean(_ raw: String?) -> String {
        let kept = (raw ?? "").unicodeScalars.filter { $0.properties.generalCategory != .control }
        return String(String.UnicodeScalarView(kept)).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
