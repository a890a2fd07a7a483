import ArgumentParser
import DubanCore
import DubanFormats
import Foundation

/// `duban bench hostile`: reads each file that once stalled or crashed the reader (see `HostileInputs`) the way
/// an import does, and reports the time, the outcome and the process's peak memory. Target in a release
/// build: every input ends within 5 seconds, and peak memory stays under 1 GB.
struct HostileBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hostile",
        abstract: "Time reading hostile inputs (deep brackets, huge lines, ZIP bomb, …) as an import reads them."
    )

    func run() async throws {
        print("making the inputs …")
        for input in try HostileInputs.all() {
            let started = ContinuousClock.now
            let outcome = Self.read(input)
            let elapsed = ContinuousClock.now - started
            let seconds = elapsed.inSeconds
            let name = input.name.padding(toLength: 36, withPad: " ", startingAt: 0)
            print(name + String(format: "%8.2f s  ", seconds) + outcome)
        }
        print("peak memory: \(PeakMemory.megabytes()) MB")
    }

    private static func read(_ input: HostileInputs.Input) -> String {
        do {
            let decoded = try DocumentReader.read(data: input.data, fileName: input.name)
            let documents = try PlanFileReading.documents(of: decoded)
            let tasks = documents.reduce(0) { $0 + $1.tasks.count }
            return "read: \(documents.count) plan(s), \(tasks) task(s)" + (decoded.repairs.isEmpty ? "" : ", repaired")
        } catch let error as FormatError {
            return "refused: \(error.message)"
        } catch let error as PlanParseError {
            return "refused: \(error.message)"
        } catch {
            return "refused: \(error)"
        }
    }
}
