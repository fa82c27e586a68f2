import TabularNAS

/// The options every dataset-reading command shares: `--data`, `--synthetic-seed`, `--json`.
struct DatasetOptions {
  static let usage = """
      --data PATH            NAS-HPO-Bench-II data (default: the built-in synthetic table)
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

  /// Opens the benchmark the options name.
  func openNASHPOBench2() throws -> NASHPOBench2 {
    guard let dataPath else { return .synthetic(seed: syntheticSeed) }
    throw DataLocationError.unsupportedFormat(path: dataPath)
  }
}

/// A data path the CLI cannot open.
enum DataLocationError: Error, CustomStringConvertible {
  case unsupportedFormat(path: String)

  var description: String {
    switch self {
    case .unsupportedFormat(let path):
      "cannot open \(path): reading the original NAS-HPO-Bench-II pickles is not available in this build; "
        + "omit --data to use the built-in synthetic table"
    }
  }
}
