import DubanFuzzing
import Foundation

/// The fuzzer's starting corpus: every plan text as it is, and again as a Word document and an Excel workbook
/// (`SeedDocuments`), so mutations start from real ZIP and XML structure and not only from text.
enum FuzzSeeds {
    /// Writes the seeds made from the `.txt` and `.md` files in `folders` into `output`; returns how many.
    static func write(into output: String, from folders: [String]) throws -> Int {
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        var written = 0
        for folder in folders {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for name in names.sorted() where name.hasSuffix(".txt") || name.hasSuffix(".md") {
                let path = (folder as NSString).appendingPathComponent(name)
                let data = try Data(contentsOf: URL(fileURLWithPath: path))
                let stem = (name as NSString).deletingPathExtension
                try save(data, as: "\(stem).txt", in: output)
                written += 1
                guard let text = String(data: data, encoding: .utf8) else { continue }
                // The fuzzer reads at most 64 KB of an input; a plan's first 120 lines hold every structure it has.
                let lines = Array(text.components(separatedBy: "\n").prefix(120))
                try save(try SeedDocuments.docx(lines: lines), as: "\(stem).docx", in: output)
                try save(try SeedDocuments.xlsx(lines: lines), as: "\(stem).xlsx", in: output)
                written += 2
            }
        }
        return written
    }

    private static func save(_ data: Data, as name: String, in folder: String) throws {
        try data.write(to: URL(fileURLWithPath: (folder as NSString).appendingPathComponent(name)))
    }
}
