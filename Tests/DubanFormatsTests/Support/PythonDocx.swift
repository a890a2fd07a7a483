import Foundation
@testable import DubanFormats

/// Reads .docx files with python-docx, an independent implementation, to
/// prove our writer's output opens outside our own reader.
enum PythonDocx {
    /// What python-docx sees in a document.
    struct Contents: Decodable, Equatable {
        var paragraphs: [String]
        var tables: [[[String]]]
        var title: String
    }

    private static let script = """
        import json, sys, docx
        d = docx.Document(sys.argv[1])
        print(json.dumps({
            "paragraphs": [p.text for p in d.paragraphs],
            "tables": [[[c.text for c in r.cells] for r in t.rows] for t in d.tables],
            "title": d.core_properties.title or "",
        }, ensure_ascii=False))
        """

    static var python: URL? {
        ExecutableLocator.locate("python3", searchPath: ExecutableLocator.processSearchPath)
    }

    /// True when python3 with the `docx` module is installed (CI installs it).
    static let isAvailable: Bool = {
        guard let python else { return false }
        let output = try? ProcessRunner.run(python, arguments: ["-c", "import docx"])
        return output?.status == 0
    }()

    /// Opens the .docx at `url` with python-docx.
    static func read(_ url: URL) throws -> Contents {
        guard let python else { throw TestSupportError.processFailed("python3 not found") }
        let output = try ProcessRunner.run(python, arguments: ["-c", script, url.path])
        guard output.status == 0 else {
            throw TestSupportError.processFailed(String(decoding: output.standardError, as: UTF8.self))
        }
        return try JSONDecoder().decode(Contents.self, from: output.standardOutput)
    }
}
