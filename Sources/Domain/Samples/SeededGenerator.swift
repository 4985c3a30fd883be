/// A small deterministic pseudo-random generator (SplitMix64) for demo and synthetic data.
///
/// The same seed always gives the same sequence, on every platform and Swift version. The
/// sample generators draw through the helpers below (`int(in:)`, `chance(percent:)`…) rather
/// than the standard library's `random(in:using:)`, whose algorithm is not promised to stay the
/// same between Swift releases. The system generator is never used.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator whose sequence is entirely determined by `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits (SplitMix64, Steele, Lea and Flood 2014).
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension SeededGenerator {
    /// An integer of `range`, drawn uniformly (the modulo bias is negligible for the small
    /// ranges sample data uses).
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) &+ 1
        guard span != 0 else { return Int(truncatingIfNeeded: next()) }
        return range.lowerBound + Int(next() % span)
    }

    /// True with a probability of `percent` in 100.
    public mutating func chance(percent: Int) -> Bool {
        int(in: 0...99) < percent
    }

    /// True with a probability of `perMille` in 1,000.
    public mutating func chance(perMille: Int) -> Bool {
        int(in: 0...999) < perMille
    }

    /// One of `items`, drawn uniformly; nil when `items` is empty.
    public mutating func element<T>(of items: [T]) -> T? {
        items.isEmpty ? nil : items[int(in: 0...(items.count - 1))]
    }

    /// An index drawn according to integer `weights` (all ≥ 0, at least one > 0).
    public mutating func weightedIndex(_ weights: [Int]) -> Int {
        let total = weights.reduce(0, +)
        guard total > 0 else { return 0 }
        var draw = int(in: 0...(total - 1))
        for (index, weight) in weights.enumerated() {
            if draw < weight { return index }
            draw -= weight
        }
        return weights.count - 1
    }

    /// Shuffles `items` in place (Fisher–Yates).
    public mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            let j = int(in: 0...i)
            if i != j { items.swapAt(i, j) }
        }
    }
}
