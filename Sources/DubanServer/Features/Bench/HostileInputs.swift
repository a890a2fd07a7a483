import Foundation
import ZIPFoundation

/// The files that once stalled or crashed the reader, made in memory for `duban bench hostile`: each must now
/// end — read, or refused with a reason — within seconds, whatever it is.
enum HostileInputs {
    /// One input: a name for the report and its bytes.
    struct Input: Sendable {
        var name: String
        var data: Data
    }

    static func all() throws -> [Input] {
        [
            Input(name: "leader-in-40000-brackets.txt", data: Data(deepBrackets(depth: 40_000).utf8)),
            Input(name: "5-mb-single-line.txt", data: Data(singleLine(megabytes: 5).utf8)),
            Input(name: "10-mb-numbered-plan.txt", data: Data(numberedPlan(megabytes: 10).utf8)),
            Input(name: "10-mb-gazette-of-many-plans.txt", data: Data(gazette(megabytes: 10).utf8)),
            Input(name: "4-mib-utf8-cut-last-character.txt", data: truncatedUTF8(mebibytes: 4)),
            Input(name: "zip-bomb-80-mb-declared-1-kb.docx", data: try zipBomb(megabytes: 80)),
        ]
    }

    static func deepBrackets(depth: Int) -> String {
        "一、重点工作\n1.推进项目建设。\n责任领导：" + String(repeating: "（", count: depth) + "张三"
            + String(repeating: "）", count: depth) + "\n责任单位：区发改局\n"
    }

    static func singleLine(megabytes: Int) -> String {
        let phrase = "加快推进重点项目建设，"
        let count = megabytes * 1_048_576 / phrase.utf8.count
        return "一、重点工作\n1.推进项目建设，" + String(repeating: phrase, count: count) + "。（责任单位：区发改局）\n"
    }

    static func numberedPlan(megabytes: Int) -> String {
        var lines = ["一、重点工作"]
        var size = 0
        var number = 0
        while size < megabytes * 1_048_576 {
            number += 1
            let line = "\(number).加快推进第\(number)个重点项目建设，确保年内完成投资\(number % 90 + 10)亿元。（责任单位：区发改局、区财政局）"
            size += line.utf8.count + 1
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }

    static func gazette(megabytes: Int) -> String {
        var parts: [String] = []
        var size = 0
        var index = 0
        while size < megabytes * 1_048_576 {
            index += 1
            let part =
                "青政办〔2026〕\(index)号\n关于印发第\(index)项工作方案的通知\n一、重点工作\n"
                + (1...60).map { "\($0).推进第\(index)-\($0)项工作。（责任单位：区发改局）" }.joined(separator: "\n")
            size += part.utf8.count + 1
            parts.append(part)
        }
        return parts.joined(separator: "\n")
    }

    static func truncatedUTF8(mebibytes: Int) -> Data {
        let paragraph = "1.推进政务服务“一网通办”，全年新增可网办事项120项。（责任单位：区政务服务局）\n"
        let text = String(repeating: paragraph, count: mebibytes * 1_048_576 / paragraph.utf8.count) + "完成"
        return Data(Array(text.utf8).dropLast(2))
    }

    /// A .docx whose document.xml inflates to `megabytes` MB while its directory claims 1 KB.
    static func zipBomb(megabytes: Int) throws -> Data {
        let chunk = Data(repeating: UInt8(ascii: "a"), count: 64 * 1024)
        var payload = Data()
        let crc = try Data.compress(
            size: Int64(megabytes * 1_048_576), bufferSize: chunk.count,
            provider: { _, length in chunk.prefix(length) },
            consumer: { payload.append($0) })
        let name = Data("word/document.xml".utf8)
        func le16(_ value: Int) -> Data { Data([UInt8(value & 0xFF), UInt8((value >> 8) & 0xFF)]) }
        func le32(_ value: Int) -> Data { le16(value & 0xFFFF) + le16((value >> 16) & 0xFFFF) }
        var file = le32(0x0403_4B50) + le16(20) + le16(0) + le16(8) + le16(0) + le16(0)
        file += le32(Int(crc)) + le32(payload.count) + le32(1024) + le16(name.count) + le16(0) + name + payload
        let directoryStart = file.count
        var directory = le32(0x0201_4B50) + le16(20) + le16(20) + le16(0) + le16(8) + le16(0) + le16(0)
        directory += le32(Int(crc)) + le32(payload.count) + le32(1024) + le16(name.count) + le16(0) + le16(0)
        directory += le16(0) + le16(0) + le32(0) + le32(0) + name
        file += directory
        file +=
            le32(0x0605_4B50) + le16(0) + le16(0) + le16(1) + le16(1) + le32(directory.count)
            + le32(directoryStart) + le16(0)
        return file
    }
}
