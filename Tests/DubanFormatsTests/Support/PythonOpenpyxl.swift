import Foundation
@testable import DubanFormats

/// Reads .xlsx files with openpyxl, an independent implementation, to prove our writer's output opens
/// outside our own reader.
enum PythonOpenpyxl {
    private static let script = """
        import json, sys, openpyxl
        book = openpyxl.load_workbook(sys.argv[1])
        print(json.dumps([{"name": s.title, "rows": [["" if v is None else str(v) for v in row]
            for row in s.iter_rows(values_only=True)], "merged": sorted(str(r) for r in s.merged_cells.ranges),
            "freeze": s.freeze_panes} for s in book.worksheets], ensure_ascii=False))
        """

    struct Sheet: Decodable, Equatable {
        var name: String
        var rows: [[String]]
        /// Merged ranges, "A1:M1".
        var merged: [String] = []
        /// The top-left cell below and right of the frozen panes ("A3"); nil when nothing is frozen.
        var freeze: String?
    }

    /// True when python3 with the `openpyxl` module is installed (CI installs it).
    static let isAvailable: Bool = {
        guard let python = PythonDocx.python else { return false }
        let output = try? ProcessRunner.run(python, arguments: ["-c", "import openpyxl"])
        return output?.status == 0
    }()

    /// Opens the workbook at `url` with openpyxl.
    static func read(_ url: URL) throws -> [Sheet] {
        guard let python = PythonDocx.python else { throw TestSupportError.processFailed("python3 not found") }
        let output = try ProcessRunner.run(python, arguments: ["-c", script, url.path])
        guard output.status == 0 else {
            throw TestSupportError.processFailed(String(decoding: output.standardError, as: UTF8.self))
        }
        return try JSONDecoder().decode([Sheet].self, from: output.standardOutput)
    }
}
