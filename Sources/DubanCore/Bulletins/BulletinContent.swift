/// The editable text of a 督查通报, block by block: drafted from `BulletinFacts` by `BulletinComposer`, then
/// changed by the 督查室 in the browser. Lines that name units (laggards, praise, findings) can each be edited
/// or left out; the ones kept when the bulletin is issued are the units it names.
public struct BulletinContent: Sendable, Hashable, Codable {
    /// A line naming a task and its units.
    public struct Line: Sendable, Hashable, Codable {
        public var text: String
        public var taskID: String
        public var unitIDs: [String]
        /// False when the 督查室 left it out of the bulletin.
        public var kept: Bool

        public init(text: String, taskID: String, unitIDs: [String], kept: Bool = true) {
            self.text = text
            self.taskID = taskID
            self.unitIDs = unitIDs
            self.kept = kept
        }
    }

    /// 一、总体情况.
    public var overall: String
    /// 二、进展滞后和存在问题: one line per task behind 序时 or not reported.
    public var laggards: [Line]
    /// What a round found, for a round bulletin; "" otherwise.
    public var findings: String
    /// The findings still open past their deadline, one line each.
    public var findingLines: [Line]
    /// The 表扬 paragraph; "" when nobody is ahead.
    public var praise: String
    /// Who is praised for which task.
    public var praised: [Line]
    /// 三、下一步要求.
    public var requirements: String
    /// What the checks found in the period's reports; "" when nothing stands.
    public var quality: String
    /// One line per report with a quality flag.
    public var qualityLines: [Line]

    public init(
        overall: String, laggards: [Line], findings: String = "", findingLines: [Line] = [], praise: String,
        praised: [Line], requirements: String, quality: String = "", qualityLines: [Line] = []
    ) {
        self.overall = overall
        self.laggards = laggards
        self.findings = findings
        self.findingLines = findingLines
        self.praise = praise
        self.praised = praised
        self.requirements = requirements
        self.quality = quality
        self.qualityLines = qualityLines
    }

    private enum CodingKeys: String, CodingKey {
        case overall, laggards, findings, findingLines, praise, praised, requirements, quality, qualityLines
    }

    /// Decodes a stored bulletin; one drafted before the quality checks existed has no quality block.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        overall = try container.decode(String.self, forKey: .overall)
        laggards = try container.decode([Line].self, forKey: .laggards)
        findings = try container.decodeIfPresent(String.self, forKey: .findings) ?? ""
        findingLines = try container.decodeIfPresent([Line].self, forKey: .findingLines) ?? []
        praise = try container.decode(String.self, forKey: .praise)
        praised = try container.decode([Line].self, forKey: .praised)
        requirements = try container.decode(String.self, forKey: .requirements)
        quality = try container.decodeIfPresent(String.self, forKey: .quality) ?? ""
        qualityLines = try container.decodeIfPresent([Line].self, forKey: .qualityLines) ?? []
    }
}
