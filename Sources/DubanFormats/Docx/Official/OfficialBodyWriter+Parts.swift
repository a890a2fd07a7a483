import Foundation

/// The fixed parts of a 公文 around its body: masthead, 附件说明, 落款 and the attachments' pages.
extension OfficialBodyWriter {
    /// The red document name, the issue line, then the organ at the left and the date at the right
    /// above the red rule.
    mutating func masthead(_ masthead: OfficialDocument.Masthead) {
        paragraph(masthead.name, style: OfficialStyles.mastheadName)
        if let issue = masthead.issue {
            paragraph(issue, style: OfficialStyles.mastheadIssue)
        }
        let line = masthead.date.map { masthead.organ + "\t" + $0 } ?? masthead.organ
        paragraph(line, style: OfficialStyles.mastheadLine)
    }

    /// "附件：1.…", one line per attachment, a line below the body; numbers only when there are several,
    /// later names aligned under the first.
    mutating func attachmentList(_ titles: [String]) {
        let names = titles.map { Self.clean($0).replacingOccurrences(of: "\n", with: "") }
        for (index, name) in names.enumerated() {
            let number = names.count > 1 ? "\(index + 1)." : ""
            if index == 0 {
                let layout = OfficialLayout.self
                let properties =
                    layout.spacing(before: layout.linePitch) + layout.indent(leftChars: 500, hangingChars: 300)
                paragraph("附件：" + number + name, style: OfficialStyles.attachmentList, properties: properties)
            } else {
                paragraph(number + name, style: OfficialStyles.attachmentList)
            }
        }
    }

    /// The organ centred over the date, the date four characters from the right margin, with two lines
    /// above left for the seal.
    mutating func signature(_ signature: OfficialDocument.Signature) {
        let organ = Self.clean(signature.organ)
        let date = Self.clean(signature.date)
        let indents = Self.signatureIndents(organ: organ, date: date)
        let layout = OfficialLayout.self
        paragraph(
            organ, style: OfficialStyles.signature, keepWithNext: true,
            properties: layout.spacing(before: 2 * layout.linePitch) + layout.indent(rightChars: indents.organ))
        paragraph(date, style: OfficialStyles.signature, properties: layout.indent(rightChars: indents.date))
    }

    /// An attachment's label, title and content, starting a new page.
    mutating func attachment(_ attachment: OfficialDocument.Attachment) {
        discardPendingPageBreak()
        paragraph(attachment.label, style: OfficialStyles.attachmentLabel)
        paragraph(attachment.title, style: OfficialStyles.attachmentTitle)
        blocks(attachment.blocks)
    }

    /// Right indents in hundredths of a character that put the date four characters from the margin
    /// and the organ centred over it (never past the margin when the organ is much longer).
    static func signatureIndents(organ: String, date: String) -> (organ: Int, date: Int) {
        let dateIndent = 400
        let difference = displayWidth(date) - displayWidth(organ)
        return (max(dateIndent + difference / 2, 0), dateIndent)
    }

    /// Width in hundredths of a full-width character: digits and Latin letters take half a character.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            width + (scalar.isASCII ? 50 : 100)
        }
    }
}
