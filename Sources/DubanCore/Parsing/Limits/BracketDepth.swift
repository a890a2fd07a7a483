/// Caps how deep brackets nest in one line, before any reader sees it.
///
/// Plans nest brackets two or three deep ("（区发改局〔区数据局〕）"); tens of thousands deep is an attack on every
/// rule that looks inside brackets. The brackets past the cap are dropped, the text between them kept, so
/// "（（（…张三…）））" still reads as 张三.
enum BracketDepth {
    /// Deeper than any plan writes, shallow enough that every bracket rule stays cheap.
    static let maximum = 8

    /// Opening brackets of every width and shape plans use; a switch, as this runs on every scalar of a file.
    private static func isOpening(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x28, 0x3C, 0x5B, 0x7B, 0xFF08, 0xFF1C, 0xFF3B, 0xFF5B, 0x27E8, 0xFE59: true
        case 0x3008, 0x300A, 0x300C, 0x300E, 0x3010, 0x3014, 0x3016: true
        default: false
        }
    }

    /// The closing counterparts of `isOpening`.
    private static func isClosing(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x29, 0x3E, 0x5D, 0x7D, 0xFF09, 0xFF1E, 0xFF3D, 0xFF5D, 0x27E9, 0xFE5A: true
        case 0x3009, 0x300B, 0x300D, 0x300F, 0x3011, 0x3015, 0x3017: true
        default: false
        }
    }

    /// `raw` unchanged when its brackets nest at most `maximum` deep (the common case, checked without
    /// copying); otherwise a copy without the brackets beyond that depth.
    static func capped(_ raw: Substring, maximum: Int = maximum) -> Substring {
        guard exceeds(raw, maximum: maximum) else { return raw }
        var kept = String.UnicodeScalarView()
        var depth = 0
        for scalar in raw.unicodeScalars {
            if isOpening(scalar) {
                depth += 1
                if depth > maximum { continue }
            } else if isClosing(scalar), depth > 0 {
                depth -= 1
                if depth >= maximum { continue }
            }
            kept.append(scalar)
        }
        return Substring(String(kept))
    }

    private static func exceeds(_ raw: Substring, maximum: Int) -> Bool {
        var depth = 0
        for scalar in raw.unicodeScalars {
            if isOpening(scalar) {
                depth += 1
                if depth > maximum { return true }
            } else if isClosing(scalar), depth > 0 {
                depth -= 1
            }
        }
        return false
    }
}
