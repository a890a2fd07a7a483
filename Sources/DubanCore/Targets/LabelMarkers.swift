/// Leading words of a label that are layout or time, not what is measured.
enum LabelMarkers {
    /// Drops a leading item marker: "1.", "2、", "(3)", "（3）", "①", "一是".
    static func droppingListMarker(_ label: [Character]) -> [Character] {
        guard let first = label.first else { return label }
        if let scalar = first.unicodeScalars.first, (0x2460...0x2473).contains(scalar.value) {
            return Array(label.dropFirst())
        }
        var position = 0
        let opened = first == "(" || first == "（"
        if opened { position += 1 }
        let digitsStart = position
        while position < label.count, CharacterClass.digitValue(label[position]) != nil { position += 1 }
        if position > digitsStart, position < label.count {
            let mark = label[position]
            if opened ? (mark == ")" || mark == "）") : [".", "．", "、", ")", "）"].contains(mark) {
                return Array(label.dropFirst(position + 1))
            }
        }
        if label.count > 2, ChineseNumeral.isNumeralCharacter(label[0]), label[1] == "是" || label[1] == "、" {
            return Array(label.dropFirst(2))
        }
        return label
    }

    private static let dateOpeners = WordList(["截止到", "截至", "截止", "到", "至", "在", "于"])
    private static let dateTails = WordList(["度", "底前", "底", "末", "前", "内", "起", "以来", "上半年", "下半年", "全年"])

    /// Drops a leading year or date: "2023年", "到2025年底", "2023年9月".
    static func droppingLeadingDate(_ label: [Character]) -> [Character] {
        var position = dateOpeners.prefix(of: label)?.count ?? 0
        let digitsStart = position
        while position < label.count, CharacterClass.digitValue(label[position]) != nil { position += 1 }
        guard position - digitsStart == 4, position < label.count, label[position] == "年" else { return label }
        position += 1
        let monthStart = position
        while position < label.count, CharacterClass.digitValue(label[position]) != nil { position += 1 }
        if position > monthStart, position < label.count, label[position] == "月" { position += 1 }
        let rest = Array(label[position...])
        if let tail = dateTails.prefix(of: rest) { return Array(rest.dropFirst(tail.count)) }
        return rest
    }
}
