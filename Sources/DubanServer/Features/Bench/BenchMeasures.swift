import Foundation

/// The process's peak resident memory, as the kernel counts it (`ru_maxrss`, kilobytes on Linux).
enum PeakMemory {
    static func megabytes() -> Int {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Int(usage.ru_maxrss) / 1024
    }
}

extension Duration {
    /// The duration in seconds, fractions included, for the benchmarks' reports.
    var inSeconds: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }

    /// The duration in milliseconds.
    var inMilliseconds: Double { inSeconds * 1000 }
}
