import DubanFormats
import Testing

/// Runs `body` and returns the `FormatError` it threw, or nil if it succeeded.
///
/// Lets tests assert on the error's associated values and messages, not only
/// its case. Any other error type is a test failure: the module promises
/// that everything it throws is a `FormatError`.
func capturedError<T>(_ body: () throws -> T) -> FormatError? {
    do {
        _ = try body()
        return nil
    } catch let error as FormatError {
        return error
    } catch {
        Issue.record("expected a FormatError, got \(error)")
        return nil
    }
}
