import Foundation
import ZIPFoundation

/// Locates fixtures next to the test sources and creates scratch files.
///
/// Fixtures are found through `#filePath` so no resource declaration in
/// Package.swift is needed.
enum TestFiles {
    static var fixturesDirectory: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Fixtures")
    }

    static func fixture(_ name: String) -> URL {
        fixturesDirectory.appendingPathComponent(name)
    }

    /// Writes `data` to a unique temporary file; the caller removes it.
    static func temporaryFile(_ data: Data, suffix: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("duban-formats-test-\(UUID().uuidString)\(suffix)")
        try data.write(to: url)
        return url
    }

    /// Builds a ZIP archive in memory from (path, UTF-8 text) pairs.
    static func zip(_ entries: [(String, String)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in entries {
            let bytes = Data(text.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate
            ) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw TestSupportError.archiveWithoutData }
        return data
    }

    /// Bytes from a hexadecimal string such as "d4f0c8ce".
    static func hex(_ string: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var index = string.startIndex
        while index < string.endIndex {
            let next = string.index(index, offsetBy: 2)
            bytes.append(UInt8(string[index..<next], radix: 16) ?? 0)
            index = next
        }
        return bytes
    }

    /// True when `text` contains at least one CJK ideograph.
    static func containsChinese(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }
}

/// Failures of the test helpers themselves, kept apart from the module's errors.
enum TestSupportError: Error {
    case archiveWithoutData
    case processFailed(String)
}
