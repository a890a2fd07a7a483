/// Character tests the parser needs many thousands of times per document; scalar range checks are much
/// cheaper than `Regex` or `CharacterSet` lookups on Linux.
enum CharacterClass {
    /// Han ideographs, CJK punctuation, full-width forms and Chinese quotation marks: characters next to which a
    /// space is a typesetting artefact, never a word break.
    static func isCJK(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        return isCJK(scalar)
    }

    /// True for a Han ideograph only (not punctuation).
    static func isHan(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        return isHan(scalar)
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
        guard let scalar = character.unicodeScalars.first else { return false }
        return isSpace(scalar)
    }

    /// The scalar form of `isSpace`, for loops that walk scalars (much cheaper than comparing Characters).
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0D, 0xA0, 0x3000, 0x2002, 0x2003, 0x200B, 0xFEFF: true
        default: false
        }
    }

    /// The scalar form of `isCJK`.
    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2E80...0x9FFF, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFFEF, 0x20000...0x3FFFF: true
        case 0x2014, 0x2026, 0x2018, 0x2019, 0x201C, 0x201D, 0x00B7: true
        default: false
        }
    }

    /// The scalar form of `isHan`.
    static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF: true
        default: false
        }
    }

    static let openBrackets: Set<Character> = ["(", "（", "〈", "<", "《", "[", "［", "【", "〔", "﹙"]
    static let closeBrackets: Set<Character> = [")", "）", "〉", ">", "》", "]", "］", "】", "〕", "﹚"]

    /// Round brackets in either width — the ones role clauses use.
    static func isOpenParen(_ character: Character) -> Bool {
        scalarValue(character) == 0x28 || scalarValue(character) == 0xFF08
    }
    /// Round closing brackets in either width.
    static func isCloseParen(_ character: Character) -> Bool {
        scalarValue(character) == 0x29 || scalarValue(character) == 0xFF09
    }

    /// Sentence-ending punctuation: a line ending in one of these is complete, not wrapped by a PDF.
    static func isSentenceEnd(_ character: Character) -> Bool {
        switch scalarValue(character) {
        case 0x3002, 0xFF1B, 0x3B, 0xFF01, 0xFF1F, 0x21, 0x3F, 0xFF1A, 0x3A: true
        default: false
        }
    }

    /// The first scalar's value: comparing numbers avoids the Unicode-aware Character comparison.
    @inline(__always)
    static func scalarValue(_ character: Character) -> UInt32 { character.unicodeScalars.first?.value ?? 0 }
}
