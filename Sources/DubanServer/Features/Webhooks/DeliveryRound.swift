/// What one round of the dispatcher did, for the job's log line and for tests.
struct DeliveryRound: Sendable, Equatable, CustomStringConvertible {
    /// Answered 2xx.
    var delivered = 0
    /// Failed this time, with another attempt scheduled.
    var retried = 0
    /// Given up: the last attempt failed, or the webhook was disabled.
    var failed = 0

    /// True when the round found nothing to do (or lost every delivery to another replica).
    var isEmpty: Bool { delivered + retried + failed == 0 }

    var description: String { "delivered \(delivered), retried \(retried), failed \(failed)" }
}
