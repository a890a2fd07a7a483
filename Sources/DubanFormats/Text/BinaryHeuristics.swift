import Foundation

/// Decides whether decoded content is really text.
///
/// Real plan files contain almost no C0 control characters besides tab and
/// line breaks; executables, archives and images contain many. A small
/// share is tolerated because some exported files carry a stray control byte.
enum BinaryHeuristics {
    /// Share of control characters above which content counts as binary.
    static let maximumControlShare = 0.05

    /// True when more than `maximumControlShare` of the code points are
    /// control characters other than tab, line feed, form feed and carriage return.
    static func isMostlyControl(_ codePoints: some Sequence<UInt32>) -> Bool {
        var total = 0
        var controls = 0
        for value in codePoints {
            total += 1
            if isSuspiciousControl(value) { controls += 1 }
        }
        guard total > 0 else { return false }
        return Double(controls) / Double(total) > maximumControlShare
    }

    private static func isSuspiciousControl(_ value: UInt32) -> Bool {
        switch value {
        case 0x09, 0x0A, 0x0C, 0x0D: return false
        case 0x00..<0x20, 0x7F: return true
        default: return false
        }
    }
}
