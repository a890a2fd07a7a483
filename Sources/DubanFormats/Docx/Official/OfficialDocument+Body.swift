import Foundation

/// Lays the document's parts out in the order GB/T 9704 gives them.
extension OfficialDocument {
    /// The body markup of `word/document.xml`.
    func bodyMarkup() -> String {
        var writer = OfficialBodyWriter()
        let layout = OfficialLayout.self
        if let masthead {
            writer.masthead(masthead)
        }
        // Under a masthead the title sits two lines below the red rule.
        let titleSpacing =
            masthead == nil ? "" : layout.spacing(before: 2 * layout.linePitch, after: layout.linePitch)
        writer.paragraph(title, style: OfficialStyles.title, properties: titleSpacing)
        if let addressee {
            writer.paragraph(addressee, style: OfficialStyles.addressee)
        }
        writer.blocks(blocks)
        writer.attachmentList(attachments.map(\.title))
        if let signature {
            writer.signature(signature)
        }
        for attachment in attachments {
            writer.attachment(attachment)
        }
        return writer.xml
    }
}
