import Foundation

/// The JSON shape of `duban parse FILE --json` (see the parse-output contract). The import wizard, the tests
/// and outside checks rely on it, so fields may be added but never renamed.
public struct ParseOutput: Sendable, Codable, Equatable {
    /// The file name the text came from.
    public var source: String
    /// One entry per plan found.
    public var documents: [Document]

    /// Builds the output from parsed documents.
    public init(source: String, documents: [PlanDocument]) {
        self.source = source
        self.documents = documents.map(Document.init)
    }

    /// Encodes as pretty, key-sorted UTF-8 JSON with Chinese left unescaped.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// One plan.
    public struct Document: Sendable, Codable, Equatable {
        public var title: String
        public var issuer: String?
        public var docNumber: String?
        public var date: String?
        public var year: Int?
        public var tasks: [Task]
        public var declaredCounts: [DeclaredCount]
        public var warnings: [ParseWarning]

        init(_ document: PlanDocument) {
            title = document.title
            issuer = document.issuer
            docNumber = document.docNumber
            date = document.date
            year = document.year
            tasks = document.tasks.map(Task.init)
            declaredCounts = document.declaredCounts
            warnings = document.warnings
        }

        // Optional fields are written as explicit nulls, as the contract shows them.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(title, forKey: .title)
            try container.encode(issuer, forKey: .issuer)
            try container.encode(docNumber, forKey: .docNumber)
            try container.encode(date, forKey: .date)
            try container.encode(year, forKey: .year)
            try container.encode(tasks, forKey: .tasks)
            try container.encode(declaredCounts, forKey: .declaredCounts)
            try container.encode(warnings, forKey: .warnings)
        }
    }

    /// One task; unit lists are plain names, written out in full.
    public struct Task: Sendable, Codable, Equatable {
        public var key: String
        public var number: String
        public var kind: TaskKind
        public var sections: [String]
        public var text: String
        public var leaders: [String]
        public var overallLeadUnits: [String]
        public var leadUnits: [String]
        public var responsibleUnits: [String]
        public var assistingUnits: [String]
        public var deadline: String?
        public var parent: ParentTask?
        public var line: Int

        init(_ task: PlanTask) {
            key = task.key
            number = task.number
            kind = task.kind
            sections = task.sections
            text = task.text
            leaders = task.roles.leaders
            overallLeadUnits = task.roles.overallLeadUnits.map(\.name)
            leadUnits = task.roles.leadUnits.map(\.name)
            responsibleUnits = task.roles.responsibleUnits.map(\.name)
            assistingUnits = task.roles.assistingUnits.map(\.name)
            deadline = task.roles.deadline
            parent = task.parent
            line = task.line
        }

        // Optional fields are written as explicit nulls, as the contract shows them.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(key, forKey: .key)
            try container.encode(number, forKey: .number)
            try container.encode(kind, forKey: .kind)
            try container.encode(sections, forKey: .sections)
            try container.encode(text, forKey: .text)
            try container.encode(leaders, forKey: .leaders)
            try container.encode(overallLeadUnits, forKey: .overallLeadUnits)
            try container.encode(leadUnits, forKey: .leadUnits)
            try container.encode(responsibleUnits, forKey: .responsibleUnits)
            try container.encode(assistingUnits, forKey: .assistingUnits)
            try container.encode(deadline, forKey: .deadline)
            try container.encode(parent, forKey: .parent)
            try container.encode(line, forKey: .line)
        }
    }
}
