import TabularNAS

/// The options every dataset-reading command shares: `--data`, `--synthetic-seed`, `--json`.
struct DatasetOptions {
  static let usage = """
      --data PATH            NAS-HPO-Bench-II: a folder with bench12.pkl, cellinfo.pkl and
                             avgaccs200.pkl, or a native file from 'tabnas convert'
                             (default: the built-in synthetic table)
      --synthetic-seed N     seed of the synthetic table (default 0)
      --json                 print JSON instead of text
    """

  var dataPath: String?
  var syntheticSeed: UInt64
  var json: Bool

  init(parsing arguments: inout Arguments) throws {
    dataPath = try arguments.option("data")
    syntheticSeed = try arguments.option("synthetic-seed", as: { UInt64($0) }, expecting: "a non-negative integer") ?? 0
    json = arguments.flag("json")
  }

  /// Opens the benchmark the options name: a folder of the original pickles, a native file,
  /// or the built-in synthetic table.
  func openNASHPOBench2() throws -> NASHPOBench2 {
    guard let dataPath else { return .synthetic(seed: syntheticSeed) }
    return try NASHPOBench2(contentsOf: dataPath)
  }
}
