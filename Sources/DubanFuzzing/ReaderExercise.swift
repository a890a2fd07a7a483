import DubanCore
import DubanFormats
import Foundation

/// One input taken the way an uploaded plan travels — bytes, decoded text, plans, targets — with the checks every
/// answer must pass.
///
/// The libFuzzer target (`duban-fuzz`) runs it on millions of generated inputs; the regression test runs it on
/// every input the fuzzer once broke, kept under `Tests/DubanCoreTests/Fixtures/Fuzz/`. Sharing one function is
/// what makes a crash found once a test for good.
public enum ReaderExercise {
    /// What the reader answered. Every case is a proper answer; a broken promise is thrown as `Broken`.
    public enum Outcome: Sendable, Equatable {
        /// The file reader refused the bytes, with this message.
        case refusedFile(String)
        /// The parser stopped at one of its limits, with this message.
        case stoppedParse(String)
        /// A PDF: those go to `pdftotext` in a limited child process, which the fuzzer does not drive.
        case skippedPDF
        /// Plans were read: how many documents and tasks, and how many quantified targets in them.
        case parsed(documents: Int, tasks: Int, targets: Int)
    }

    /// A promise of the reader or the parser that this input broke.
    public struct Broken: Error, Sendable, CustomStringConvertible {
        /// What broke, naming the task or line.
        public let description: String
    }

    /// Smaller than the import's limits, so that one slow input shows up as a stop rather than hiding inside the
    /// fuzzer's timeout; otherwise the same kind of limits every import applies.
    public static let limits = ParseLimits(
        maximumTasks: 5_000, maximumDocuments: 30, timeLimit: .seconds(10), maximumBytes: 2 * 1_048_576)

    /// Reads and parses `data`, and checks what came back.
    public static func run(_ data: Data) throws(Broken) -> Outcome {
        if data.starts(with: Array("%PDF-".utf8)) { return .skippedPDF }
        let decoded: DecodedDocument
        do {
            decoded = try DocumentReader.read(data: data, fileName: "fuzz-input")
        } catch {
            try require(!error.message.isEmpty && !error.chineseMessage.isEmpty, "a file error without a message")
            return .refusedFile(error.message)
        }
        try checkDecoded(decoded)
        let documents: [PlanDocument]
        do {
            documents = try PlanParser.parse(text: decoded.text, limits: limits)
        } catch {
            try require(!error.message.isEmpty && !error.chineseMessage.isEmpty, "a parse stop without a message")
            return .stoppedParse(error.message)
        }
        let lineCount = decoded.lines.count
        var targets = 0
        for document in documents {
            try check(document, lineCount: lineCount)
            for task in document.tasks { targets += QuantifiedTargets.extract(from: task.text).count }
        }
        // The same text parses to the same plans: imports are previewed, then read again when published.
        let again = try? PlanParser.parse(text: decoded.text, limits: limits)
        if let again { try require(again == documents, "a second parse of the same text differs from the first") }
        return .parsed(documents: documents.count, tasks: documents.reduce(0) { $0 + $1.tasks.count }, targets: targets)
    }

    /// The decoded text's contract (see `DecodedDocument`): lines split by "\n" alone, no byte order mark.
    private static func checkDecoded(_ decoded: DecodedDocument) throws(Broken) {
        try require(!decoded.text.unicodeScalars.contains("\r"), "decoded text still holds a carriage return")
        try require(decoded.text.unicodeScalars.first != "\u{FEFF}", "decoded text starts with a byte order mark")
    }

    /// A plan's tasks have unique keys, words, and a first line inside the text; warnings point inside it too.
    private static func check(_ document: PlanDocument, lineCount: Int) throws(Broken) {
        var keys = Set<String>()
        for task in document.tasks {
            try require(keys.insert(task.key).inserted, "task key \(task.key) appears twice")
            try require(!task.text.isEmpty, "task \(task.key) has no words")
            try require((1...max(lineCount, 1)).contains(task.line), "task \(task.key) starts on line \(task.line)")
        }
        for warning in document.warnings {
            try require(!warning.message.isEmpty, "a warning on line \(warning.line) has no message")
        }
    }

    private static func require(_ condition: Bool, _ description: @autoclosure () -> String) throws(Broken) {
        guard condition else { throw Broken(description: description()) }
    }
}
