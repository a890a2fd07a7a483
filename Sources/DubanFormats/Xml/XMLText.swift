/// Text made safe for any XML part Duban writes (Word, Excel, SVG): the five specials escaped, so it is valid
/// both as element content and inside a quoted attribute, and the characters XML 1.0 forbids never written.
enum XMLText {
    /// `text` escaped. Forbidden characters (controls, U+FFFE, U+FFFF) become `forbidden`; tabs and line breaks
    /// stay when `keepsLayout` (Word turns them into tabs and breaks), else they count as forbidden too.
    static func escaped(_ text: String, forbidden: String = "", keepsLayout: Bool = true) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r":
                if keepsLayout { result.unicodeScalars.append(scalar) } else { result += forbidden }
            default:
                if isAllowed(scalar) { result.unicodeScalars.append(scalar) } else { result += forbidden }
            }
        }
        return result
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}
