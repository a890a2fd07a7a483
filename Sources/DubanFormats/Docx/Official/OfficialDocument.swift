import Foundation

/// A Chinese official document (公文) such as a 督查通报, laid out to GB/T 9704-2012 and written as .docx.
///
/// The 督查室 issues its bulletins as Word files that other offices print, sign off and file, so the
/// output must follow the national layout (page, margins, typefaces, line pitch, page numbers) rather
/// than the plain export `DocxWriter` makes. Fields follow the standard's order: 版头, 标题, 主送机关,
/// 正文, 附件说明, 落款, then the 附件 themselves.
public struct OfficialDocument: Sendable, Equatable {
    /// The red masthead (版头) at the top of the first page; nil for a document without one.
    public var masthead: Masthead?
    /// The title (标题); "\n" breaks it where the drafter wants the line to turn.
    public var title: String
    /// The addressee line (主送机关), e.g. "各区人民政府，市政府各部门："; nil for none.
    public var addressee: String?
    /// The body (正文).
    public var blocks: [OfficialBlock]
    /// The issuing organ and date (落款) after the body; nil for none.
    public var signature: Signature?
    /// Attachments (附件), each on its own pages after the main text and listed at the end of the body.
    public var attachments: [Attachment]

    /// Describes a document; only the title is required.
    public init(
        masthead: Masthead? = nil, title: String, addressee: String? = nil, blocks: [OfficialBlock] = [],
        signature: Signature? = nil, attachments: [Attachment] = []
    ) {
        self.masthead = masthead
        self.title = title
        self.addressee = addressee
        self.blocks = blocks
        self.signature = signature
        self.attachments = attachments
    }

    /// The .docx file's bytes, identical for identical documents.
    ///
    /// Any text is safe: XML specials are escaped and characters XML cannot carry are dropped.
    public func data() throws -> Data {
        try OfficialPackage.data(
            documentXML: OfficialPackage.document(body: bodyMarkup()),
            title: TextDecoding.normalizeLineEndings(title).replacingOccurrences(of: "\n", with: "")
        )
    }
}

extension OfficialDocument {
    /// The 版头 of a bulletin: the red document name, the issue number, and the issuing organ and date
    /// above a red rule.
    public struct Masthead: Sendable, Equatable {
        /// The issuing organ, e.g. "云州市人民政府督查室", set at the left of the line above the rule.
        public var organ: String
        /// The document name, e.g. "督查通报", drawn large and red.
        public var name: String
        /// The issue line, e.g. "第3期"; nil for none.
        public var issue: String?
        /// The date, e.g. "2026年10月25日", set at the right of the organ's line; nil for none.
        public var date: String?

        /// Describes a masthead.
        public init(organ: String, name: String, issue: String? = nil, date: String? = nil) {
            self.organ = organ
            self.name = name
            self.issue = issue
            self.date = date
        }
    }

    /// The 落款: the issuing organ with the date (成文日期) under it, at the right.
    public struct Signature: Sendable, Equatable {
        /// The issuing organ, centred over the date.
        public var organ: String
        /// The date, e.g. "2026年10月25日", four characters from the right margin.
        public var date: String

        /// Describes a signature.
        public init(organ: String, date: String) {
            self.organ = organ
            self.date = date
        }
    }

    /// One 附件: a label such as "附件1", a title and its own body, starting on a new page.
    public struct Attachment: Sendable, Equatable {
        /// The label in the top left corner, e.g. "附件1" (or "附件" when there is only one).
        public var label: String
        /// The attachment's title, also named in the body's 附件说明.
        public var title: String
        /// The attachment's content.
        public var blocks: [OfficialBlock]

        /// Describes an attachment.
        public init(label: String, title: String, blocks: [OfficialBlock] = []) {
            self.label = label
            self.title = title
            self.blocks = blocks
        }
    }
}
