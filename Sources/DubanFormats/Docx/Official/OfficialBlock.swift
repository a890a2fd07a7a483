import Foundation

/// One piece of an official document's body, in reading order.
///
/// 公文 bodies have a fixed hierarchy of headings (一、 then （一） then plain paragraphs) with their own
/// typefaces, so the blocks say what a piece is and the writer decides how it looks.
public enum OfficialBlock: Sendable, Equatable {
    /// A first-level heading such as "一、总体情况", set in 黑体 三号.
    case heading1(String)
    /// A second-level heading such as "（一）进展较快的工作", set in 楷体 三号.
    case heading2(String)
    /// Body text in 仿宋 三号 with the first line indented two characters; each "\n" starts a new
    /// paragraph (every 公文 paragraph is indented) and empty lines are dropped, as the layout has no blank
    /// lines between paragraphs.
    case paragraph(String)
    /// A bordered table with a repeated header row.
    case table(OfficialTable)
    /// Starts the next block on a new page.
    case pageBreak
}
