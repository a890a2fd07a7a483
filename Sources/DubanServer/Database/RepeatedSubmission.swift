import Foundation

/// A message sent twice with the same words to the same place within `window` is one click sent twice — a
/// double click, a reload that posts again, two tabs — and is not sent again. Writes whose effect is a message
/// to people (a 催办, a 批示) use this rule; writes that change a record's state take turns on its row instead
/// (`RowLock`).
enum RepeatedSubmission {
    /// Two minutes: longer than any retry of one click, shorter than a deliberate second message.
    static let window: TimeInterval = 120
}
