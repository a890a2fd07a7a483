/// Text as it goes into a chart: escaped for XML, measured roughly (there is no font at hand on the server), and
/// shortened or wrapped to fit, since a 区直单位 name can be longer than a phone is wide.
enum SvgText {
    /// `text` safe both as element content and inside a double- or single-quoted attribute. Characters XML 1.0
    /// forbids (controls, U+FFFE, U+FFFF) and line breaks become spaces, so any input stays well-formed.
    static func escaped(_ text: String) -> String {
        XMLText.escaped(text, forbidden: " ", keepsLayout: false)
    }

    /// An estimate of the drawn width: Han characters and full-width punctuation take a full em, Latin letters
    /// and digits a little over half. Close enough to decide where a label goes and when to shorten it.
    static func width(of text: String, fontSize: Double) -> Double {
        text.unicodeScalars.reduce(0) { sum, scalar in
            sum + fontSize * (scalar.value < 0x0300 ? 0.6 : 1.0)
        }
    }

    /// `text` if it fits in `width`, otherwise as much as fits followed by "…". The full text stays in the
    /// element's tooltip and in the chart's table.
    static func fitted(_ text: String, width: Double, fontSize: Double) -> String {
        guard Self.width(of: text, fontSize: fontSize) > width else { return text }
        let room = width - fontSize
        var kept = ""
        var used = 0.0
        for character in text {
            let next = Self.width(of: String(character), fontSize: fontSize)
            if used + next > room { break }
            kept.append(character)
            used += next
        }
        return kept + "…"
    }

    /// `text` broken into at most `maxLines` lines of `width`, the last one shortened if text is left over.
    static func wrapped(_ text: String, width: Double, fontSize: Double, maxLines: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        var rest = Substring(text)
        while let character = rest.first, lines.count < maxLines - 1 {
            if Self.width(of: line + String(character), fontSize: fontSize) > width, !line.isEmpty {
                lines.append(line)
                line = ""
            } else {
                line.append(character)
                rest = rest.dropFirst()
            }
        }
        let last = line + rest
        if !last.isEmpty { lines.append(fitted(last, width: width, fontSize: fontSize)) }
        return lines
    }

    /// `raw` as an id safe in XML, HTML and CSS: ASCII letters, digits and "-" stay, anything else becomes
    /// "_" and its hex code, so two different ids never become the same one. An id not starting with a letter
    /// gets a "chart-" prefix.
    static func identifier(_ raw: String) -> String {
        var out = ""
        for scalar in raw.unicodeScalars {
            let isSafe =
                scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-")
            out += isSafe ? String(scalar) : "_" + String(scalar.value, radix: 16)
        }
        guard let first = out.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic else {
            return "chart-" + out
        }
        return out
    }
}

/// Numbers as a chart prints them: at most one decimal, "." as the separator, no grouping, whatever the server's
/// locale, so the same figures always give the same bytes.
enum SvgNumber {
    /// `value` rounded to one decimal, without a trailing ".0"; NaN and infinities print as "0".
    static func text(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let tenths = (value * 10).rounded()
        guard abs(tenths) < 1e15 else { return String(describing: value.rounded()) }
        let whole = Int(tenths)
        let sign = whole < 0 ? "-" : ""
        let magnitude = whole.magnitude
        let decimals = magnitude % 10 == 0 ? "" : ".\(magnitude % 10)"
        return "\(sign)\(magnitude / 10)\(decimals)"
    }

    /// `part` as a percentage of `whole` ("37.5%"), "0%" when the whole is zero.
    static func percent(_ part: Double, of whole: Double) -> String {
        guard whole > 0 else { return "0%" }
        return text(part / whole * 100) + "%"
    }

    /// A value as the caller passed it, made drawable: NaN and infinities count as nothing.
    static func finite(_ value: Double?) -> Double? {
        guard let value, value.isFinite else { return nil }
        return value
    }
}
