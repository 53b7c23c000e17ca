#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A seeded stream of pseudo-random numbers (xoshiro256**, seeded through SplitMix64).
///
/// Each Monte Carlo run gets its own stream derived from the seed and the run index, so a run
/// draws the same numbers whichever thread computes it and in whatever order: same seed, same
/// bytes, on any number of threads.
///
/// ```
/// var stream = RandomStream(seed: 1, run: 17)
/// let u = stream.nextUnit()   // in (0, 1)
/// ```
public struct RandomStream: Sendable, Hashable {
  private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

  /// The stream of run `run` under `seed`.
  public init(seed: UInt64, run: UInt64 = 0) {
    var mix = seed &* 0x9E37_79B9_7F4A_7C15 ^ (run &+ 0x632B_E59B_D9B4_E019) &* 0xD1B5_4A32_D192_ED03
    s0 = Self.splitMix(&mix)
    s1 = Self.splitMix(&mix)
    s2 = Self.splitMix(&mix)
    s3 = Self.splitMix(&mix)
  }

  private static func splitMix(_ state: inout UInt64) -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = s3 << 45 | s3 >> 19
    return result
  }

  /// A uniform number strictly between 0 and 1 (53 random bits).
  public mutating func nextUnit() -> Double {
    (Double(next() >> 11) + 0.5) / 9_007_199_254_740_992.0
  }

  /// A standard normal number (Box–Muller; one pair per call, the second value discarded so
  /// that every draw consumes a fixed amount of the stream).
  public mutating func nextNormal() -> Double {
    let u = nextUnit()
    let v = nextUnit()
    return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
  }
}
