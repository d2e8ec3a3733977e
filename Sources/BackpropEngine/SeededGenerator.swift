import Foundation

/// A seeded, reproducible random number generator: xoshiro256** (Blackman & Vigna),
/// its 256-bit state filled from the seed by SplitMix64.
///
/// Same seed ⇒ same stream, bit for bit, on every run. Everything random in
/// BackpropLab (initial weights, shuffling, sampling) draws from one of these.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    /// The seed this generator started from, for printing ("seed: 42").
    public let seed: UInt64
    private var state: (UInt64, UInt64, UInt64, UInt64)
    /// A second Box–Muller normal kept for the next `nextGaussian()` call.
    private var spareGaussian: Double?

    /// A generator whose stream is fixed by `seed`.
    public init(seed: UInt64) {
        self.seed = seed
        var splitMix = seed
        func nextSplitMix() -> UInt64 {
            splitMix &+= 0x9E37_79B9_7F4A_7C15
            var z = splitMix
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        state = (nextSplitMix(), nextSplitMix(), nextSplitMix(), nextSplitMix())
    }

    /// The next 64 random bits (xoshiro256**).
    public mutating func next() -> UInt64 {
        let result = rotateLeft(state.1 &* 5, 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = rotateLeft(state.3, 45)
        return result
    }

    /// A uniform Double in [0, 1) with 53 random bits.
    public mutating func nextUniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A standard normal N(0, 1) sample (NumPy's `np.random.randn()`), by the
    /// Box–Muller transform; samples come in pairs and the second is kept for the next call.
    public mutating func nextGaussian() -> Double {
        if let spare = spareGaussian {
            spareGaussian = nil
            return spare
        }
        // u1 in (0, 1] so that log(u1) is finite.
        let u1 = 1 - nextUniform()
        let u2 = nextUniform()
        let radius = (-2 * log(u1)).squareRoot()
        let angle = 2 * Double.pi * u2
        spareGaussian = radius * sin(angle)
        return radius * cos(angle)
    }

    /// `count` independent N(0, 1) samples.
    public mutating func gaussians(_ count: Int) -> [Double] {
        (0..<count).map { _ in nextGaussian() }
    }

    private func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }
}
