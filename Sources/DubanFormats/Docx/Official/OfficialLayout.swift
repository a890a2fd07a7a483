import Foundation

/// The measurements and typefaces GB/T 9704-2012 prescribes for Party and government documents.
///
/// Every part of the package (styles, section, footers, tables) reads them from here, so the page a
/// reviewer measures with a ruler and the numbers in the code can be compared in one place.
/// Lengths are in twips (1/20 pt), font sizes in half-points, as WordprocessingML stores them.
enum OfficialLayout {
    // Page: A4 with the standard's margins (上 37 mm, 下 35 mm, 左 28 mm, 右 26 mm).
    static let pageWidth = 11906
    static let pageHeight = 16838
    static let marginTop = 2098
    static let marginBottom = 1984
    static let marginLeft = 1587
    static let marginRight = 1474
    /// The 156 mm wide text block (版心).
    static let textWidth = pageWidth - marginLeft - marginRight
    /// The page number's dash sits 7 mm below the text block; a 四号 line is about 6 mm tall, so its
    /// bottom is about 22 mm above the page edge.
    static let footerDistance = 1247
    static let headerDistance = 851

    /// 22 lines to the page: every body line is exactly 28.95 pt.
    static let linePitch = 579

    // Font sizes (字号) in half-points.
    static let sizeChuHao = 84
    static let sizeErHao = 44
    static let sizeSanHao = 32
    static let sizeSiHao = 28
    static let sizeXiaoSi = 24

    /// One 三号 character, the unit of the standard's "空二字" indents.
    static let characterWidth = 320

    // Typefaces. Chinese text takes `w:eastAsia`; digits and Latin letters fall back to Times New Roman.
    static let fangSong = "仿宋_GB2312"
    static let heiTi = "黑体"
    static let kaiTi = "楷体_GB2312"
    static let xiaoBiaoSong = "方正小标宋简体"
    static let songTi = "宋体"
    static let latin = "Times New Roman"

    /// The red of the masthead name and rule.
    static let red = "FF0000"

    /// `w:rFonts` with a Chinese typeface and the Latin fallback.
    static func fonts(eastAsia: String, latin: String = latin) -> String {
        "<w:rFonts w:ascii=\"\(latin)\" w:hAnsi=\"\(latin)\" w:eastAsia=\"\(eastAsia)\" w:cs=\"\(latin)\"/>"
    }

    /// `w:spacing` with an exact line height, so direct spacing never falls back to another rule.
    static func spacing(before: Int = 0, after: Int = 0, line: Int = linePitch) -> String {
        "<w:spacing w:before=\"\(before)\" w:after=\"\(after)\" w:line=\"\(line)\" w:lineRule=\"exact\"/>"
    }

    /// `w:ind` in hundredths of a character (what Word and WPS keep when the font size changes) with the
    /// equivalent twips for readers that ignore the character units; empty when there is no indent.
    static func indent(leftChars: Int = 0, rightChars: Int = 0, firstLineChars: Int = 0, hangingChars: Int = 0)
        -> String
    {
        var attributes = ""
        if leftChars > 0 { attributes += " w:leftChars=\"\(leftChars)\" w:left=\"\(twips(leftChars))\"" }
        if rightChars > 0 { attributes += " w:rightChars=\"\(rightChars)\" w:right=\"\(twips(rightChars))\"" }
        if firstLineChars > 0 {
            attributes += " w:firstLineChars=\"\(firstLineChars)\" w:firstLine=\"\(twips(firstLineChars))\""
        }
        if hangingChars > 0 { attributes += " w:hangingChars=\"\(hangingChars)\" w:hanging=\"\(twips(hangingChars))\"" }
        return attributes.isEmpty ? "" : "<w:ind\(attributes)/>"
    }

    private static func twips(_ hundredthsOfCharacter: Int) -> Int {
        hundredthsOfCharacter * characterWidth / 100
    }
}
