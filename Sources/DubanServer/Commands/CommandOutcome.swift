import ArgumentParser
import Foundation

/// What a command printed and how it exits, built apart from the terminal so tests compare it exactly.
struct CommandOutcome: Equatable, Sendable {
    var exitCode: Int32
    var standardOutput: String
    var standardError: String

    /// Success with this output.
    static func success(_ output: String) -> CommandOutcome {
        CommandOutcome(exitCode: 0, standardOutput: output, standardError: "")
    }

    /// Failure with one line on standard error.
    static func failure(_ message: String) -> CommandOutcome {
        CommandOutcome(exitCode: 1, standardOutput: "", standardError: "duban: \(message)\n")
    }

    /// The failure for an error a command expects (a bad name, a taken username), in its own words; anything
    /// else is rethrown for ArgumentParser to report.
    static func failure(for error: any Error) throws -> CommandOutcome {
        switch error {
        case let error as AccountError: failure(error.reason)
        case let error as AccountLookupError: failure(error.description)
        case let error as ImportCommandError: failure(error.description)
        default: throw error
        }
    }

    /// Writes the output and exits non-zero on failure.
    func emit() throws {
        if !standardOutput.isEmpty { FileHandle.standardOutput.write(Data(standardOutput.utf8)) }
        if !standardError.isEmpty { FileHandle.standardError.write(Data(standardError.utf8)) }
        if exitCode != 0 { throw ExitCode(exitCode) }
    }
}
