import DubanCore
import Vapor

/// The report form as posted (multipart, for the evidence files). Everything arrives as text so a bad value
/// comes back to the form with a Chinese message rather than a decoding error.
struct ReportForm: Content {
    var period: String?
    var status: String?
    var reason: String?
    var narrative: String?
    /// One value per quantified target, in the task's target order (`actuals[]`).
    var actuals: [String]?
    /// Attachments of the previous version to keep (`keep[]`).
    var keep: [String]?
    /// New evidence (`files[]`); browsers send one empty part when no file was chosen.
    var files: [File]?
    /// Answers to leaders' 批示: the instruction ids (`answerTo[]`) and, in the same order, what was done
    /// (`answer[]`).
    var answerTo: [String]?
    var answer: [String]?

    /// The typed answer to an instruction, for the form shown again.
    func answer(to instructionID: String) -> String? {
        guard let index = answerTo?.firstIndex(of: instructionID), let answer, answer.indices.contains(index) else {
            return nil
        }
        return answer[index]
    }

    /// The typed value of the `index`-th target, for the form shown again.
    func actual(_ index: Int) -> String? {
        guard let actuals, actuals.indices.contains(index) else { return nil }
        return actuals[index]
    }

    /// The submission, checked: known period and status, numbers where figures are given, files by content.
    func submission(targets: [QuantifiedTarget]) throws(ReportFilingError) -> ReportFiling.Submission {
        guard let period = period.flatMap(ReportingPeriod.init(key:)) else {
            throw .periodNotExpected(period ?? "")
        }
        let status = status.flatMap(ReportStatus.init(rawValue:)) ?? .onSchedule
        var figures: [ReportFiling.Actual] = []
        for (index, target) in targets.enumerated() {
            let typed = (actual(index) ?? "").trimmingCharacters(in: .whitespaces)
                .replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "，", with: "")
            var value: Double?
            if !typed.isEmpty {
                guard let number = Double(typed), number.isFinite else { throw .invalidActual(target.label) }
                value = number
            }
            figures.append(.init(label: target.label, unitOfMeasure: target.unit, target: target.value, actual: value))
        }
        var evidence: [EvidenceFile] = []
        for file in files ?? [] where file.data.readableBytes > 0 || !file.filename.isEmpty {
            evidence.append(try EvidenceFile(fileName: file.filename, data: Data(buffer: file.data)))
        }
        var answers: [UUID: String] = [:]
        for (index, id) in (answerTo ?? []).enumerated() {
            guard let id = UUID(uuidString: id), let answer, answer.indices.contains(index) else { continue }
            answers[id] = answer[index]
        }
        return ReportFiling.Submission(
            period: period, status: status, reason: reason ?? "", narrative: narrative ?? "", actuals: figures,
            newFiles: evidence, keptAttachmentIDs: Set((keep ?? []).compactMap(UUID.init(uuidString:))),
            answers: answers)
    }
}
