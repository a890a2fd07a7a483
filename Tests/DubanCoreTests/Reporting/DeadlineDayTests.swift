import DubanCore
import Testing

/// The last day a task's printed 完成时限 allows, as plans write it.
@Suite("Deadline day")
struct DeadlineDayTests {
    static let cases: [(String?, String?)] = [
        (nil, "2026-12-31"),
        ("", "2026-12-31"),
        ("12月", "2026-12-31"),
        ("6月底", "2026-06-30"),
        ("2026年6月底前", "2026-06-30"),
        ("2027年3月", "2027-03-31"),
        ("1—12月", "2026-12-31"),
        ("10月8日", "2026-10-08"),
        ("9月中旬", "2026-09-20"),
        ("5月10月8月12月", "2026-12-31"),
        ("年底前", "2026-12-31"),
        ("全年", "2026-12-31"),
        ("上半年", "2026-06-30"),
        ("第三季度", "2026-09-30"),
        ("三季度末", "2026-09-30"),
        ("十一月底", "2026-11-30"),
        ("２０２６年１０月", "2026-10-31"),
        ("2月", "2026-02-28"),
        ("长期坚持", nil),
        ("持续推进", nil),
        ("按上级要求", nil),
    ]

    @Test("Each way of writing a deadline gives its last day", arguments: cases)
    func lastDay(text: String?, expected: String?) {
        #expect(DeadlineDay.lastDay(of: text, planYear: 2026)?.description == expected)
    }
}
