/// The timings of one benchmarked endpoint: successful latencies and how many requests failed.
struct LatencySample: Sendable {
    var name: String
    var milliseconds: [Double] = []
    /// Size of the largest successful response body, so a slow page can be told apart from a big one.
    var largestBody = 0
    /// The most SQL statements one request ran (`X-Duban-Queries`), when the server counts them.
    var mostQueries: Int?
    var failures = 0
    /// The first failure, so a report says what went wrong (a 404 while a page is missing, a refused connection).
    var firstFailure: String?

    var requests: Int { milliseconds.count + failures }

    /// The nearest-rank percentile (0…1) of the successful requests; nil when none succeeded.
    func percentile(_ fraction: Double) -> Double? {
        guard !milliseconds.isEmpty else { return nil }
        let sorted = milliseconds.sorted()
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }

    /// One row of the report table.
    var row: String {
        func cell(_ value: Double?) -> String {
            value.map { String(format: "%8.2f", $0) } ?? "       -"
        }
        let label = name.padding(toLength: 38, withPad: " ", startingAt: 0)
        return "\(label)\(pad(requests, 9))\(pad(failures, 9))\(cell(percentile(0.5)))\(cell(percentile(0.99)))"
            + cell(milliseconds.max()) + pad(largestBody / 1024, 9) + (mostQueries.map { pad($0, 9) } ?? "        -")
    }

    /// The header matching `row`.
    static let header =
        "endpoint".padding(toLength: 38, withPad: " ", startingAt: 0)
        + " requests failures  p50 ms  p99 ms  max ms  body KB  queries"

    private func pad(_ number: Int, _ width: Int) -> String {
        let text = String(number)
        return String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
