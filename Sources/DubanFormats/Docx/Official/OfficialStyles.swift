import Foundation

/// `word/styles.xml`: one named paragraph style for each element of a 公文.
///
/// Styles rather than direct formatting let an editor restyle a bulletin in Word or WPS the way they
/// restyle their own templates, and keep the typefaces (`w:eastAsia` for Chinese, Times New Roman for
/// digits and Latin) in one place.
enum OfficialStyles {
    static let body = "OfficialBody"
    static let heading1 = "OfficialHeading1"
    static let heading2 = "OfficialHeading2"
    static let title = "OfficialTitle"
    static let addressee = "OfficialAddressee"
    static let attachmentList = "OfficialAttachmentList"
    static let signature = "OfficialSignature"
    static let attachmentLabel = "OfficialAttachmentLabel"
    static let attachmentTitle = "OfficialAttachmentTitle"
    static let tableCaption = "OfficialTableCaption"
    static let tableText = "OfficialTableText"
    static let tableHeader = "OfficialTableHeader"
    static let mastheadName = "OfficialMastheadName"
    static let mastheadIssue = "OfficialMastheadIssue"
    static let mastheadLine = "OfficialMastheadLine"
    static let footer = "OfficialFooter"

    /// The complete styles part.
    static let xml: String = {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:styles xmlns:w="\(DocxMarkup.wordNamespace)">\(defaults)\(baseStyles)\
        \(textStyles.joined())\(frameStyles.joined())</w:styles>
        """
    }()

    private typealias Layout = OfficialLayout

    /// 仿宋 三号 for everything unless a style says otherwise.
    private static let defaults = """
        <w:docDefaults><w:rPrDefault><w:rPr>\(Layout.fonts(eastAsia: Layout.fangSong))\
        <w:kern w:val="2"/><w:sz w:val="\(Layout.sizeSanHao)"/><w:szCs w:val="\(Layout.sizeSanHao)"/>\
        <w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>\
        <w:pPrDefault><w:pPr>\(Layout.spacing())</w:pPr></w:pPrDefault></w:docDefaults>
        """

    private static let baseStyles = [
        "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/>",
        // No extra space between Chinese and digits: the standard counts 28 characters to the line.
        "<w:pPr><w:widowControl w:val=\"0\"/><w:autoSpaceDE w:val=\"0\"/><w:autoSpaceDN w:val=\"0\"/>",
        "\(Layout.spacing())<w:jc w:val=\"both\"/></w:pPr></w:style>",
        "<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\">",
        "<w:name w:val=\"Default Paragraph Font\"/><w:uiPriority w:val=\"1\"/><w:semiHidden/></w:style>",
        "<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/>",
        "<w:uiPriority w:val=\"99\"/><w:semiHidden/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar>",
        "<w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>",
        "<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>",
    ].joined()

    /// The running text: title, headings, paragraphs, addressee, attachment list and signature.
    private static let textStyles = [
        style(body, "公文正文", paragraph: Layout.indent(firstLineChars: 200)),
        style(
            heading1, "公文一级标题", basedOn: body, next: body, paragraph: "<w:keepNext/><w:outlineLvl w:val=\"0\"/>",
            run: Layout.fonts(eastAsia: Layout.heiTi)),
        style(
            heading2, "公文二级标题", basedOn: body, next: body, paragraph: "<w:keepNext/><w:outlineLvl w:val=\"1\"/>",
            run: Layout.fonts(eastAsia: Layout.kaiTi)),
        style(
            title, "公文标题",
            paragraph: "<w:keepNext/><w:keepLines/>\(Layout.spacing(after: Layout.linePitch))"
                + "<w:jc w:val=\"center\"/>", run: xiaoBiaoSongErHao),
        style(addressee, "主送机关", paragraph: "<w:jc w:val=\"left\"/>"),
        style(attachmentList, "附件说明", paragraph: "<w:keepLines/>\(Layout.indent(leftChars: 500))"),
        style(signature, "落款", paragraph: "<w:keepLines/><w:jc w:val=\"right\"/>"),
        style(
            attachmentLabel, "附件标识", paragraph: "<w:keepNext/><w:pageBreakBefore/><w:jc w:val=\"left\"/>",
            run: Layout.fonts(eastAsia: Layout.heiTi)),
        style(
            attachmentTitle, "附件标题", basedOn: title,
            paragraph: Layout.spacing(before: Layout.linePitch, after: Layout.linePitch)),
    ]

    /// Tables, the masthead and the footer, which leave the 28.95 pt line pitch.
    private static let frameStyles = [
        style(
            tableCaption, "表格标题", paragraph: "<w:keepNext/><w:jc w:val=\"center\"/>",
            run: Layout.fonts(eastAsia: Layout.heiTi)),
        style(
            tableText, "表格文字", paragraph: singleSpacing,
            run: "<w:sz w:val=\"\(Layout.sizeXiaoSi)\"/><w:szCs w:val=\"\(Layout.sizeXiaoSi)\"/>"),
        style(
            tableHeader, "表头文字", basedOn: tableText, paragraph: "<w:jc w:val=\"center\"/>",
            run: Layout.fonts(eastAsia: Layout.heiTi) + "<w:b/><w:bCs/>"),
        style(
            mastheadName, "版头名称", paragraph: singleSpacing + "<w:jc w:val=\"center\"/>",
            run: Layout.fonts(eastAsia: Layout.xiaoBiaoSong) + "<w:color w:val=\"\(Layout.red)\"/>"
                + "<w:sz w:val=\"\(Layout.sizeChuHao)\"/><w:szCs w:val=\"\(Layout.sizeChuHao)\"/>"),
        style(mastheadIssue, "期号", paragraph: "<w:jc w:val=\"center\"/>"),
        style(
            mastheadLine, "编发单位",
            paragraph: "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"12\" w:space=\"1\" w:color=\"\(Layout.red)\"/>"
                + "</w:pBdr><w:tabs><w:tab w:val=\"right\" w:pos=\"\(Layout.textWidth)\"/></w:tabs>"
                + "<w:jc w:val=\"left\"/>"),
        style(
            footer, "公文页码", paragraph: singleSpacing,
            run: Layout.fonts(eastAsia: Layout.songTi, latin: Layout.songTi)
                + "<w:sz w:val=\"\(Layout.sizeSiHao)\"/><w:szCs w:val=\"\(Layout.sizeSiHao)\"/>"),
    ]

    private static let singleSpacing = "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>"

    private static let xiaoBiaoSongErHao =
        Layout.fonts(eastAsia: Layout.xiaoBiaoSong)
        + "<w:sz w:val=\"\(Layout.sizeErHao)\"/><w:szCs w:val=\"\(Layout.sizeErHao)\"/>"

    /// A paragraph style; `paragraph` and `run` are the contents of its `w:pPr` and `w:rPr`.
    private static func style(
        _ id: String, _ name: String, basedOn: String = "Normal", next: String? = nil, paragraph: String = "",
        run: String = ""
    ) -> String {
        let nextElement = next.map { "<w:next w:val=\"\($0)\"/>" } ?? ""
        let runElement = run.isEmpty ? "" : "<w:rPr>\(run)</w:rPr>"
        return "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"\(id)\"><w:name w:val=\"\(name)\"/>"
            + "<w:basedOn w:val=\"\(basedOn)\"/>\(nextElement)<w:qFormat/><w:pPr>\(paragraph)</w:pPr>\(runElement)"
            + "</w:style>"
    }
}
