import DubanCore
import NIOConcurrencyHelpers

/// A task's quantified targets, read from its text once per process rather than on every page: the 督办 overview
/// reads every task's targets for its lights and charts, and reading them is most of its work. The text is the
/// key, so an edited task is read afresh; the store is emptied when it passes `capacity` texts, which keeps it
/// to about ten megabytes whatever the installation.
enum TaskTargets {
    static let capacity = 20_000

    private static let store = NIOLockedValueBox<[String: [QuantifiedTarget]]>([:])

    /// `QuantifiedTargets.extract(from:)`, remembered.
    static func of(_ text: String) -> [QuantifiedTarget] {
        if let known = store.withLockedValue({ $0[text] }) { return known }
        let targets = QuantifiedTargets.extract(from: text)
        store.withLockedValue { store in
            if store.count >= capacity { store.removeAll(keepingCapacity: true) }
            store[text] = targets
        }
        return targets
    }
}
