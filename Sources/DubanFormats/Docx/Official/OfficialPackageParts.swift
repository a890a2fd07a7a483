import Foundation

/// The settings, font table and footers of an official document.
///
/// GB/T 9704 puts odd page numbers at the right and even ones at the left, each one character in from the
/// margin, so the package turns on separate even-page footers and carries one footer for each side.
enum OfficialPackageParts {
    /// Document settings: separate odd/even footers, full-width punctuation kept uncompressed (the
    /// standard counts characters per line) and current-Word layout rather than compatibility mode.
    static let settings = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:settings xmlns:w="\(DocxMarkup.wordNamespace)"><w:defaultTabStop w:val="420"/>\
        <w:evenAndOddHeaders/><w:characterSpacingControl w:val="doNotCompress"/>\
        <w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" \
        w:val="15"/></w:compat></w:settings>
        """

    /// The Chinese typefaces with their English names and the GB2312 character set, so an application
    /// without a font substitutes another Chinese face instead of a Latin one.
    static let fontTable: String = {
        let fonts = [
            (OfficialLayout.fangSong, "FangSong_GB2312", "modern", "fixed"),
            (OfficialLayout.heiTi, "SimHei", "modern", "fixed"),
            (OfficialLayout.kaiTi, "KaiTi_GB2312", "modern", "fixed"),
            (OfficialLayout.xiaoBiaoSong, "FZXiaoBiaoSong-B05S", "roman", "variable"),
            (OfficialLayout.songTi, "SimSun", "auto", "variable"),
        ].map { name, english, family, pitch in
            "<w:font w:name=\"\(name)\"><w:altName w:val=\"\(english)\"/><w:charset w:val=\"86\"/>"
                + "<w:family w:val=\"\(family)\"/><w:pitch w:val=\"\(pitch)\"/></w:font>"
        }
        let latin =
            "<w:font w:name=\"\(OfficialLayout.latin)\"><w:charset w:val=\"00\"/>"
            + "<w:family w:val=\"roman\"/><w:pitch w:val=\"variable\"/></w:font>"
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:fonts xmlns:w="\(DocxMarkup.wordNamespace)">\(fonts.joined())\(latin)</w:fonts>
            """
    }()

    /// A footer with the page number as "— N —": at the right for odd pages, at the left for even ones.
    static func footer(odd: Bool) -> String {
        let placement = odd ? "<w:jc w:val=\"right\"/>" : "<w:jc w:val=\"left\"/>"
        let indent =
            odd ? "<w:ind w:rightChars=\"100\" w:right=\"280\"/>" : "<w:ind w:leftChars=\"100\" w:left=\"280\"/>"
        let field = [
            "<w:r><w:t xml:space=\"preserve\">— </w:t></w:r>",
            "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r>",
            "<w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>",
            "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>",
            "<w:r><w:t>1</w:t></w:r>",
            "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>",
            "<w:r><w:t xml:space=\"preserve\"> —</w:t></w:r>",
        ].joined()
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:ftr xmlns:w="\(DocxMarkup.wordNamespace)"><w:p><w:pPr><w:pStyle w:val="\(OfficialStyles.footer)"/>\
            \(indent)\(placement)</w:pPr>\(field)</w:p></w:ftr>
            """
    }
}
