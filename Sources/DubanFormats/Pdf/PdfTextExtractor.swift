import Foundation

/// Extracts the text layer of PDF plan documents with poppler's `pdftotext`.
///
/// Writing a PDF parser is out of scope; `pdftotext` is the standard, robust
/// tool on servers. Without `-layout` it emits text in reading order, which
/// suits line-based parsing better than a column-faithful layout.
public enum PdfTextExtractor {
    /// Name of the poppler tool looked up on the search path.
    public static let toolName = "pdftotext"

    /// Extracts text from the PDF at `url`.
    ///
    /// `searchPath` (":"-separated, like PATH) defaults to the process PATH;
    /// pass another list to use a bundled poppler or, in tests, to simulate
    /// a missing tool.
    public static func read(
        fileAt url: URL, fileName: String, searchPath: String? = nil, limits: ChildLimits = .standard
    ) throws(FormatError) -> DecodedDocument {
        let tool = try locateTool(searchPath: searchPath)
        let output: ProcessOutput
        do {
            output = try ProcessRunner.run(tool, arguments: ["-enc", "UTF-8", url.path, "-"], limits: limits)
        } catch {
            throw .pdfFailed(name: fileName, reason: "could not start pdftotext: \(error.localizedDescription)")
        }
        switch output.stopped {
        case .timedOut: throw .pdfTooSlow(name: fileName, seconds: Int(limits.seconds))
        case .outputTooLarge: throw .pdfTooLarge(name: fileName, megabytes: limits.outputBytes / 1_048_576)
        case nil: break
        }
        guard output.status == 0 else {
            throw .pdfFailed(name: fileName, reason: failureReason(output))
        }
        let raw =
            StrictUnicode.decodeUTF8(output.standardOutput)
            ?? String(decoding: output.standardOutput, as: UTF8.self)
        let text = TextDecoding.normalizeLineEndings(raw)
        guard !TextDecoding.isBlank(text) else { throw .pdfNoText(name: fileName) }
        return DecodedDocument(text: text, format: .pdf, encoding: TextDecoding.utf8Label)
    }

    /// Extracts text from PDF bytes by way of a temporary file, which is
    /// always removed afterwards (pdftotext needs a seekable file).
    public static func read(
        data: Data, fileName: String, searchPath: String? = nil, limits: ChildLimits = .standard
    ) throws(FormatError) -> DecodedDocument {
        _ = try locateTool(searchPath: searchPath)
        let temporary = FileManager.default.temporaryDirectory
            .appendingPathComponent("duban-\(UUID().uuidString).pdf")
        defer { try? FileManager.default.removeItem(at: temporary) }
        do {
            try data.write(to: temporary, options: .atomic)
        } catch {
            throw .pdfFailed(name: fileName, reason: "could not write a temporary copy: \(error.localizedDescription)")
        }
        return try read(fileAt: temporary, fileName: fileName, searchPath: searchPath, limits: limits)
    }

    private static func locateTool(searchPath: String?) throws(FormatError) -> URL {
        let path = searchPath ?? ExecutableLocator.processSearchPath
        guard let tool = ExecutableLocator.locate(toolName, searchPath: path) else { throw .pdfToolMissing }
        return tool
    }

    /// Picks the most telling stderr line: the first error, else the first line.
    private static func failureReason(_ output: ProcessOutput) -> String {
        let lines = String(decoding: output.standardError, as: UTF8.self)
            .split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        let chosen = lines.first { $0.localizedCaseInsensitiveContains("error") } ?? lines.first
        return chosen ?? "pdftotext exited with status \(output.status)"
    }
}
