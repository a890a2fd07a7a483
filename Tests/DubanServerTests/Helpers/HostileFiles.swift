import Foundation

/// Files an attacker or an unlucky user sends, shared by the CLI, API and wizard tests.
enum HostileFiles {
    /// The 145-byte .docx whose directory points its local header past the end of the file (kept with the
    /// format tests, which build it byte by byte).
    static var localHeaderPastEnd: URL {
        RepositoryPaths.root.appendingPathComponent(
            "Tests/DubanFormatsTests/Fixtures/hostile/local-header-past-end.docx")
    }

    /// A plain-text plan of `tasks` numbered tasks under 50 headings, each with a unit the sample directory knows.
    static func plan(tasks: Int) -> Data {
        var lines = ["2026年区政府工作报告重点工作责任分解方案"]
        for number in 1...tasks {
            if (number - 1) % 100 == 0 {
                lines.append("\(ChineseHeading.numeral((number - 1) / 100 + 1))、第\((number - 1) / 100 + 1)部分")
            }
            lines.append("\((number - 1) % 100 + 1).推进第\(number)项重点工作落地见效。（责任单位：区发改局）")
        }
        return Data(lines.joined(separator: "\n").utf8)
    }
}

/// Chinese numerals for section headings (一 … 九十九).
enum ChineseHeading {
    static func numeral(_ value: Int) -> String {
        let digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        if value < 10 { return digits[value] }
        let tens = value / 10 == 1 ? "十" : digits[value / 10] + "十"
        return tens + digits[value % 10]
    }
}
