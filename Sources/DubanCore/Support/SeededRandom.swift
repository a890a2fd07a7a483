/// A small, fixed pseudo-random generator (SplitMix64), so the demo and benchmark data, and the reader's
/// mutation test, are the same on every machine and every run: screenshots, tests and figures stay comparable.
/// Not for anything secret.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator; equal seeds give equal sequences.
    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `range`, computed here rather than by the standard library so the sequence never depends
    /// on its implementation.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        let width = UInt64(range.upperBound - range.lowerBound + 1)
        return range.lowerBound + Int(next() % width)
    }

    /// True with the given probability (0…1).
    public mutating func chance(_ probability: Double) -> Bool {
        Double(next() % 10_000) < probability * 10_000
    }

    /// One element; nil for an empty array.
    public mutating func element<T>(of items: [T]) -> T? {
        items.isEmpty ? nil : items[int(in: 0...(items.count - 1))]
    }

    /// Up to `count` distinct elements, in the order they appear in `items` (plans list units in a fixed order).
    public mutating func sample<T>(_ items: [T], count: Int) -> [T] {
        var indices = Array(items.indices)
        var chosen: [Int] = []
        while chosen.count < min(count, items.count) {
            chosen.append(indices.remove(at: int(in: 0...(indices.count - 1))))
        }
        return chosen.sorted().map { items[$0] }
    }
}
