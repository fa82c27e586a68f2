import Foundation

/// An option that tells how to open a dataset; each dataset accepts some of them.
public enum DatasetOption: String, CaseIterable, Sendable {
  /// `--data PATH`: where the files are.
  case data
  /// `--synthetic-seed N`: the seed of a generated table.
  case syntheticSeed = "synthetic-seed"
  /// `--cost RULE`: what a query costs.
  case cost
  /// `--surrogate-cost RULE`: what a surrogate (estimated) query costs.
  case surrogateCost = "surrogate-cost"
  /// `--final-epochs LIST`: the epochs a run's final values are read at.
  case finalEpochs = "final-epochs"
  /// `--cache-dir DIR`: where opened source files are cached in native form.
  case cacheDirectory = "cache-dir"
  /// `--no-cache`: read the source files every time.
  case noCache = "no-cache"
}

/// The values of the ``DatasetOption``s a user gave, still as text.
public struct DatasetOpenOptions: Sendable, Equatable {
  /// `--data`.
  public var dataPath: String?
  /// `--synthetic-seed`.
  public var syntheticSeed: UInt64?
  /// `--cost`.
  public var cost: String?
  /// `--surrogate-cost`.
  public var surrogateCost: String?
  /// `--cache-dir`.
  public var cacheDirectory: String?
  /// `--no-cache`.
  public var noCache: Bool

  /// Creates options; every one absent by default.
  public init(
    dataPath: String? = nil, syntheticSeed: UInt64? = nil, cost: String? = nil, surrogateCost: String? = nil,
    cacheDirectory: String? = nil, noCache: Bool = false
  ) {
    self.dataPath = dataPath
    self.syntheticSeed = syntheticSeed
    self.cost = cost
    self.surrogateCost = surrogateCost
    self.cacheDirectory = cacheDirectory
    self.noCache = noCache
  }

  /// The options given, to check against what a dataset accepts.
  public var given: [DatasetOption] {
    [(DatasetOption.data, dataPath != nil), (.syntheticSeed, syntheticSeed != nil), (.cost, cost != nil),
     (.surrogateCost, surrogateCost != nil), (.cacheDirectory, cacheDirectory != nil), (.noCache, noCache)]
      .filter(\.1).map(\.0)
  }

  /// The cache these options and the environment choose (``NativeFileCache/standard(folder:disabled:environment:)``).
  public func cache(environment: [String: String] = ProcessInfo.processInfo.environment) -> NativeFileCache? {
    NativeFileCache.standard(folder: cacheDirectory, disabled: noCache, environment: environment)
  }
}
