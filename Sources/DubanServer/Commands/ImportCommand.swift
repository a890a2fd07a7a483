import ArgumentParser
import Foundation

/// `duban import FILE --government … [--year …]`: imports a plan document without the web wizard. Units the
/// directory does not know are reported, not silently created, unless `--create-units` is given.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a plan document (.txt/.md/.docx/.pdf) as a plan of a government."
    )

    @Argument(help: "The plan document.")
    var file: String

    @Option(help: "The government, by full or short name (see `duban government list`).")
    var government: String

    @Option(help: "The plan year (default: the year the document states).")
    var year: Int?

    @Option(help: "When the file holds several plans, import only this one (1-based).")
    var document: Int?

    @Flag(help: "Create units the directory does not know, as the document writes them.")
    var createUnits = false

    @OptionGroup var database: DatabaseOptions

    func validate() throws {
        if let year, !(1990...2100).contains(year) { throw ValidationError("--year must be between 1990 and 2100") }
        if let document, document < 1 { throw ValidationError("--document counts from 1") }
    }

    func run() async throws {
        let importer = FileImport(config: try database.resolve(), output: { line in print(line) })
        let request = FileImport.Request(
            path: file, government: government, year: year, document: document,
            createUnits: createUnits)
        do {
            try await importer.run(request)
        } catch let refusal as FileImportRefusal {
            FileHandle.standardError.write(Data("duban: \(refusal.message)\n".utf8))
            throw ExitCode(1)
        } catch let error as ImportCommandError {
            FileHandle.standardError.write(Data("duban: \(error.description)\n".utf8))
            throw ExitCode(1)
        }
    }
}
