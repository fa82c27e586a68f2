import TabularNAS

/// A dataset the baseline searches know how to search: how evolution mutates its
/// configurations and what budget a search gets when the user names none.
public protocol SearchableBenchmark: LearningCurveBenchmark {
  /// The dataset's mutation rule.
  associatedtype Mutation: NeighbourRule where Mutation.Benchmark == Self
  /// The dataset's configurations as vectors.
  associatedtype Vectors: ConfigurationVectors where Vectors.Benchmark == Self

  /// The rule evolution uses (built on demand: some cost O(n²) to prepare).
  ///
  /// - Throws: The dataset's errors reading features.
  func neighbourRule() throws -> Mutation
  /// The configurations as vectors, for the model-based searches (REINFORCE, BOHB).
  ///
  /// - Throws: The dataset's errors reading features.
  func configurationVectors() throws -> Vectors
  /// The budget per run when none is given, in ``TabularBenchmark/costUnit``.
  ///
  /// - Throws: The dataset's query errors.
  func defaultBudget() throws -> Double
}

extension NASHPOBench2: SearchableBenchmark {
  /// The reference mutation, kept inside the files' search space.
  public func neighbourRule() -> NASHPOMutation { NASHPOMutation(space: searchSpace) }
  /// Eight choices per key, over the files' search space.
  public func configurationVectors() -> NASHPOChoices { NASHPOChoices(space: searchSpace) }
  /// 20,000 s, the budget the reference baselines' figures use.
  public func defaultBudget() -> Double { 20_000 }
}

extension LearningCurveDataset: SearchableBenchmark {
  /// One of the 8 nearest configurations in standardised feature space.
  public func neighbourRule() throws -> NearestConfigurations { try NearestConfigurations(dataset: self) }
  /// Features scaled to 0…1.
  public func configurationVectors() throws -> NormalisedFeatures { try NormalisedFeatures(dataset: self) }
  /// Ten full trainings of the first configuration.
  public func defaultBudget() throws -> Double {
    10 * (try query(configuration(at: 0), epochs: epochRange.upperBound).cost ?? Double(epochRange.upperBound))
  }
}
