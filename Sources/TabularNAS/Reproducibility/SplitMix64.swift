/// A small, fast, seedable random number generator (Steele, Lea & Flood 2014).
///
/// Every random choice in TabularNAS takes a generator, so a run is reproduced by its seed.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
  /// The generator's internal state; two generators with equal state produce equal streams.
  public private(set) var state: UInt64

  /// Creates a generator whose stream is fully determined by `seed`.
  public init(seed: UInt64) {
    state = seed
  }

  /// Returns the next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    return SplitMix64.mix(state)
  }

  /// The SplitMix64 finaliser: a bijective mix of 64 bits, also used to derive child seeds.
  public static func mix(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// Derives an independent seed from a parent seed and a list of integers (e.g. run indices).
  public static func derivedSeed(_ seed: UInt64, _ components: Int...) -> UInt64 {
    var value = mix(seed)
    for component in components {
      value = mix(value ^ UInt64(bitPattern: Int64(component)) &+ 0x9E37_79B9_7F4A_7C15)
    }
    return value
  }
}
