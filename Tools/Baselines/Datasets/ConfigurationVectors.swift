import TabularNAS

/// One coordinate of a configuration vector.
public enum VectorDimension: Hashable, Sendable {
  /// One of `choices` unordered values, coded 0, 1, …, choices − 1.
  case categorical(choices: Int)
  /// A number scaled to 0…1.
  case continuous
}

/// A dataset's configurations as vectors a model learns over (REINFORCE's policy, BOHB's
/// densities): categorical choices and continuous values in 0…1.
public protocol ConfigurationVectors<Benchmark>: Sendable {
  /// The dataset type.
  associatedtype Benchmark: TabularBenchmark

  /// The coordinates, in order.
  var dimensions: [VectorDimension] { get }
  /// The coordinates that are training hyperparameters (learning rate, batch size); the others
  /// describe the architecture. Empty when the dataset does not separate them.
  var hyperparameterDimensions: [Int] { get }
  /// Whether every combination of choices is a configuration (a product space), so a vector
  /// names exactly one; otherwise ``configuration(nearest:)`` snaps to the nearest.
  var isProduct: Bool { get }

  /// A configuration's vector.
  func vector(of configuration: Benchmark.Configuration) -> [Double]
  /// The configuration a vector names, or the nearest one.
  func configuration(nearest vector: [Double]) -> Benchmark.Configuration
}

extension ConfigurationVectors {
  /// The coordinates that describe the architecture.
  public var architectureDimensions: [Int] {
    let hyperparameters = Set(hyperparameterDimensions)
    return dimensions.indices.filter { !hyperparameters.contains($0) }
  }
}

extension [VectorDimension] {
  /// A uniformly random vector over the coordinates `free`, `base`'s values elsewhere.
  func randomVector<G: RandomNumberGenerator>(over free: [Int], base: [Double], using generator: inout G) -> [Double] {
    var vector = base
    for index in free {
      switch self[index] {
      case .categorical(let choices): vector[index] = Double(Int.random(in: 0..<choices, using: &generator))
      case .continuous: vector[index] = Double.random(in: 0...1, using: &generator)
      }
    }
    return vector
  }
}
