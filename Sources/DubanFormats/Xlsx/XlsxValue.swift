import Foundation

/// How a date cell is shown: a day, or a month only ("2026年6月").
enum XlsxDateFormat: Sendable, Equatable {
    case day
    case month

    /// The format of a number format id: Excel's built-in date formats, or a custom code that writes a year,
    /// month or day (outside quoted text and brackets).
    init?(builtin id: Int, code: String?) {
        switch id {
        case 14...22, 27...36, 45...47, 50...58:
            self = (id == 17 || id == 55 || id == 31) ? .month : .day
            return
        default:
            break
        }
        guard let code else { return nil }
        var plain = ""
        var quoted = false
        var bracket = false
        for character in code {
            if character == "\"" {
                quoted.toggle()
            } else if character == "[" {
                bracket = true
            } else if character == "]" {
                bracket = false
            } else if !quoted, !bracket {
                plain.append(character)
            }
        }
        let lower = plain.lowercased()
        guard lower.contains("y") || lower.contains("d") || (lower.contains("m") && code.contains("月")) else {
            return nil
        }
        self = lower.contains("d") || code.contains("日") ? .day : .month
    }
}

/// A cell's value as Excel shows it.
enum XlsxValue {
    static func shown(_ cell: XlsxSheetHandler.Cell, shared: [String], dateStyles: [Int: XlsxDateFormat]) -> String {
        let raw = cell.value
        switch cell.type {
        case "s":
            return Int(raw.trimmingCharacters(in: .whitespaces)).flatMap {
                shared.indices.contains($0) ? shared[$0] : nil
            } ?? ""
        case "inlineStr", "str": return raw
        case "b": return raw == "1" ? "TRUE" : "FALSE"
        case "e": return ""
        default:
            guard let number = Double(raw.trimmingCharacters(in: .whitespaces)), number.isFinite else { return raw }
            if let style = cell.style, let format = dateStyles[style], let date = date(serial: number, format) {
                return date
            }
            return plain(number)
        }
    }

    /// 1 for 1.0, 0.35 for 0.35000000000000003: Excel's general format, at most 10 significant decimals.
    static func plain(_ number: Double) -> String {
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        var text = String(format: "%.10f", number)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// A date serial of the 1900 system as "2026年6月30日" (or "2026年6月").
    static func date(serial: Double, _ format: XlsxDateFormat) -> String? {
        guard serial >= 1, serial < 2_958_466 else { return nil }
        // Excel counts 1900-02-29, which never was; serials from 61 on are one day ahead.
        let days = Int(serial) - (serial >= 61 ? 2 : 1)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        guard let base = calendar.date(from: DateComponents(year: 1900, month: 1, day: 1)),
            let date = calendar.date(byAdding: .day, value: days, to: base)
        else { return nil }
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        guard let year = parts.year, let month = parts.month, let day = parts.day else { return nil }
        return format == .month ? "\(year)年\(month)月" : "\(year)年\(month)月\(day)日"
    }
}
