import DubanCore

/// Fills the slots of a hand-written task phrase, so one phrase list gives plausible, different figures for
/// different years: `{6-12}` becomes a whole number, `{1.0-1.5}` a number with one decimal, `{甲|乙}` one of the
/// words.
enum PhraseTemplate {
    /// The phrase with every slot filled; text outside slots is kept as written.
    static func fill(_ template: String, using random: inout SeededRandom) -> String {
        var result = ""
        var slot: String?
        for character in template {
            if character == "{" {
                slot = ""
            } else if character == "}", let body = slot {
                result += value(of: body, using: &random)
                slot = nil
            } else if slot != nil {
                slot?.append(character)
            } else {
                result.append(character)
            }
        }
        return result
    }

    private static func value(of slot: String, using random: inout SeededRandom) -> String {
        if slot.contains("|") {
            let words = slot.split(separator: "|").map(String.init)
            return random.element(of: words) ?? ""
        }
        let bounds = slot.split(separator: "-").map(String.init)
        guard bounds.count == 2 else { return slot }
        if bounds[0].contains("."), let low = Double(bounds[0]), let high = Double(bounds[1]) {
            let tenths = random.int(in: Int((low * 10).rounded())...Int((high * 10).rounded()))
            return tenths % 10 == 0 ? String(tenths / 10) : "\(tenths / 10).\(tenths % 10)"
        }
        guard let low = Int(bounds[0]), let high = Int(bounds[1]), low <= high else { return slot }
        return String(random.int(in: low...high))
    }
}
