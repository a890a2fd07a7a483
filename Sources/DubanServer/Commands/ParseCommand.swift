import ArgumentParser
import DubanCore
import DubanFormats
import Foundation

/// `duban parse FILE [--json]`: reads one plan document (text, Word or PDF) and prints the tasks found.
struct ParseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Read a plan document (.txt/.md in UTF-8 or GB18030, .docx, .pdf) and print its tasks."
    )

    @Argument(help: "The document to read.")
    var file: String

    @Flag(help: "Print the result as JSON (the parse-output contract).")
    var json = false

    func run() async throws {
        let outcome = ParseRunner.run(path: file, json: json)
        if !outcome.standardOutput.isEmpty { FileHandle.standardOutput.write(Data(outcome.standardOutput.utf8)) }
        if !outcome.standardError.isEmpty { FileHandle.standardError.write(Data(outcome.standardError.utf8)) }
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
    }
}
