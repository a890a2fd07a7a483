import Foundation
import ZIPFoundation

/// Packs an official document's parts into a .docx.
///
/// Besides the main document the package carries styles (the typefaces), settings (separate odd and even
/// page footers), a font table (fallbacks for missing Chinese fonts) and the two page-number footers.
enum OfficialPackage {
    /// The .docx bytes for a finished `word/document.xml` and the document's title.
    static func data(documentXML: String, title: String) throws -> Data {
        let parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", DocxPackageParts.relationships),
            ("docProps/core.xml", DocxPackageParts.coreProperties(title: title)),
            ("word/document.xml", documentXML),
            ("word/_rels/document.xml.rels", documentRelationships),
            ("word/styles.xml", OfficialStyles.xml),
            ("word/settings.xml", OfficialPackageParts.settings),
            ("word/fontTable.xml", OfficialPackageParts.fontTable),
            ("word/footer1.xml", OfficialPackageParts.footer(odd: true)),
            ("word/footer2.xml", OfficialPackageParts.footer(odd: false)),
        ]
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, contents) in parts {
            let bytes = Data(contents.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: fixedDate,
                compressionMethod: .deflate
            ) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw DocxWriterError.archiveUnavailable }
        return data
    }

    /// Wraps body markup in `word/document.xml` with the GB/T 9704 page set-up.
    static func document(body: String) -> String {
        let layout = OfficialLayout.self
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="\(DocxMarkup.wordNamespace)" xmlns:r="\(relationshipNamespace)"><w:body>\(body)\
            <w:sectPr><w:footerReference w:type="default" r:id="rIdFooterOdd"/>\
            <w:footerReference w:type="even" r:id="rIdFooterEven"/>\
            <w:pgSz w:w="\(layout.pageWidth)" w:h="\(layout.pageHeight)"/>\
            <w:pgMar w:top="\(layout.marginTop)" w:right="\(layout.marginRight)" w:bottom="\(layout.marginBottom)" \
            w:left="\(layout.marginLeft)" w:header="\(layout.headerDistance)" w:footer="\(layout.footerDistance)" \
            w:gutter="0"/><w:cols w:space="425"/></w:sectPr></w:body></w:document>
            """
    }

    /// A fixed timestamp keeps documents byte-for-byte reproducible.
    private static let fixedDate = Date(timeIntervalSince1970: 1_704_067_200)

    private static let relationshipNamespace =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    private static let contentTypes: String = {
        let main = "application/vnd.openxmlformats-officedocument.wordprocessingml"
        let overrides = [
            ("/word/document.xml", "\(main).document.main+xml"),
            ("/word/styles.xml", "\(main).styles+xml"),
            ("/word/settings.xml", "\(main).settings+xml"),
            ("/word/fontTable.xml", "\(main).fontTable+xml"),
            ("/word/footer1.xml", "\(main).footer+xml"),
            ("/word/footer2.xml", "\(main).footer+xml"),
            ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
        ].map { "<Override PartName=\"\($0.0)\" ContentType=\"\($0.1)\"/>" }
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\(overrides.joined())</Types>
            """
    }()

    private static let documentRelationships: String = {
        let targets = [
            ("rIdStyles", "styles", "styles.xml"),
            ("rIdSettings", "settings", "settings.xml"),
            ("rIdFontTable", "fontTable", "fontTable.xml"),
            ("rIdFooterOdd", "footer", "footer1.xml"),
            ("rIdFooterEven", "footer", "footer2.xml"),
        ].map { "<Relationship Id=\"\($0.0)\" Type=\"\(relationshipNamespace)/\($0.1)\" Target=\"\($0.2)\"/>" }
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            \(targets.joined())</Relationships>
            """
    }()
}
