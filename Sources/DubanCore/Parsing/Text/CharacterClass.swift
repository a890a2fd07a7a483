/// Character tests the parser needs many thousands of times per document; scalar range checks are much
/// cheaper than `Regex` or `CharacterSet` lookups on Linux.
enum CharacterClass {
    /// Han ideographs, CJK punctuation, full-width forms and Chinese quotation marks: characters next to which a
    /// space is a typesetting artefact, never a word break.
    static func isCJK(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        switch scalar.value {
        case 0x2E80...0x9FFF, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFFEF, 0x20000...0x3FFFF: return true
        case 0x2014, 0x2026, 0x2018, 0x2019, 0x201C, 0x201D, 0x00B7: return true
        default: return false
        }
    }

    /// True for a Han ideograph only (not punctuation).
    static func isHan(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF: return true
        default: return false
        }
    }

    /// ASCII or full-width decimal digit value.
    static func digitValue(_ character: Character) -> Int? {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else { return nil }
        switch scalar.value {
        case 0x30...0x39: return Int(scalar.value - 0x30)
        case 0xFF10...0xFF19: return Int(scalar.value - 0xFF10)
        default: return nil
        }
    }

    /// Any kind of horizontal white space, including the ideographic space and NBSP that PDFs and Word emit.
    static func isSpace(_ character: Character) -> Bool {
        character == " " || character == "\u{3000}" || character == "\u{00A0}" || character == "\t"
            || character == "\u{2002}" || character == "\u{2003}" || character == "\u{200B}" || character == "\u{FEFF}"
    }

    static let openBrackets: Set<Character> = ["(", "（", "〈", "<", "《", "[", "［", "【", "〔", "﹙"]
    static let closeBrackets: Set<Character> = [")", "）", "〉", ">", "》", "]", "］", "】", "〕", "﹚"]

    /// Round brackets in either width — the ones role clauses use.
    static func isOpenParen(_ character: Character) -> Bool { character == "(" || character == "（" }
    /// Round closing brackets in either width.
    static func isCloseParen(_ character: Character) -> Bool { character == ")" || character == "）" }

    /// Sentence-ending punctuation: a line ending in one of these is complete, not wrapped by a PDF.
    static func isSentenceEnd(_ character: Character) -> Bool {
        "。；;！？!?：:".contains(character)
    }
}
