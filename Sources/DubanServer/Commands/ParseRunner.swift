import DubanCore
import DubanFormats
import Foundation

/// What `duban parse` does, separated from the terminal so tests can check exact output and exit status.
public enum ParseRunner {
    /// The printed result of one run.
    public struct Outcome: Sendable, Equatable {
        public var exitCode: Int32
        public var standardOutput: String
        public var standardError: String

        /// Creates an outcome.
        public init(exitCode: Int32, standardOutput: String, standardError: String) {
            self.exitCode = exitCode
            self.standardOutput = standardOutput
            self.standardError = standardError
        }
    }

    /// Reads and parses `path` within the standard limits; exit 0 when at least one task was found, else 1 with one
    /// line on stderr.
    public static func run(path: String, json: Bool) -> Outcome {
        let url = URL(fileURLWithPath: path)
        let decoded: DecodedDocument
        do {
            decoded = try DocumentReader.read(fileAt: url)
        } catch {
            return Outcome(exitCode: 1, standardOutput: "", standardError: "duban: \(error.message)\n")
        }
        let documents: [PlanDocument]
        do {
            documents = try PlanFileReading.documents(of: decoded)
        } catch {
            return Outcome(
                exitCode: 1, standardOutput: "",
                standardError: "duban: cannot read \(url.lastPathComponent): \(error.message)\n")
        }
        guard documents.contains(where: { !$0.tasks.isEmpty }) else {
            return Outcome(
                exitCode: 1, standardOutput: "",
                standardError:
                    "duban: no task found in \(url.lastPathComponent): it does not look like a responsibility decomposition plan\n"
            )
        }
        let output = ParseOutput(source: url.lastPathComponent, documents: documents)
        if json {
            guard let data = try? output.jsonData(), let text = String(data: data, encoding: .utf8) else {
                return Outcome(
                    exitCode: 1, standardOutput: "", standardError: "duban: could not encode the result as JSON\n")
            }
            return Outcome(exitCode: 0, standardOutput: text + "\n", standardError: "")
        }
        return Outcome(
            exitCode: 0, standardOutput: ParseSummary.text(output, encoding: decoded.encoding), standardError: "")
    }
}
