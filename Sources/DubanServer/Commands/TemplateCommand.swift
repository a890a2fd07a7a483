import ArgumentParser
import DubanCore
import DubanFormats
import Foundation

/// `duban template [FILE] --output PATH`: writes Duban's Excel template — blank, or filled with what the
/// reader found in FILE so a clerk can correct the reading in a spreadsheet and import it back.
struct TemplateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Write the Excel import template, blank or filled with the tasks read from a plan document."
    )

    @Argument(help: "A plan document to fill the template from; leave out for a blank template.")
    var file: String?

    @Option(name: .shortAndLong, help: "Where to write the .xlsx workbook.")
    var output: String

    @Option(help: "The year in a blank template's title (default: this year).")
    var year: Int?

    func run() async throws {
        try outcome().emit()
    }

    /// What the command prints and its exit status: a file that cannot be read or written is a failure in
    /// the command's own words (`duban: …`, exit 1), not a usage error.
    func outcome() -> CommandOutcome {
        let sheets: [PlanTemplate.Sheet]
        if let file {
            let url = URL(fileURLWithPath: file)
            let documents: [PlanDocument]
            do {
                documents = try PlanFileReading.documents(of: try DocumentReader.read(fileAt: url))
            } catch let error as FormatError {
                return .failure(error.message)
            } catch let error as PlanParseError {
                return .failure("cannot read \(url.lastPathComponent): \(error.message)")
            } catch {
                return .failure("cannot read \(url.lastPathComponent): \(error.localizedDescription)")
            }
            guard let document = documents.first(where: { !$0.tasks.isEmpty }) else {
                return .failure("no task found in \(url.lastPathComponent); write a blank template instead")
            }
            sheets = PlanTemplate.filled(document)
        } else {
            sheets = PlanTemplate.blank(year: year ?? PlanYear.current())
        }
        do {
            try TemplateWorkbook.data(sheets).write(to: URL(fileURLWithPath: output))
        } catch {
            return .failure("could not write \(output): \(error.localizedDescription)")
        }
        return .success("wrote \(output)\n")
    }
}
