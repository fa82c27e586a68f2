import TabularNAS

/// The options every dataset-reading command shares: `--dataset`, `--data`, `--synthetic-seed`,
/// `--cost`, `--surrogate-cost`, `--cache-dir`, `--no-cache`, `--json`. Which of them a dataset accepts, and how it opens,
/// the library's ``DatasetChoice`` says.
struct DatasetOptions {
  static let usage = """
      --dataset NAME         nashpobench2 (default), naap440, baker:FILE (\(DatasetChoice.bakerFileNames);
                             the two cudaconvnet files are not published with the others),
                             or csv:PATH for any learning-curve CSV
      --data PATH            nashpobench2: a folder with bench12.pkl, cellinfo.pkl and
                             avgaccs200.pkl, or a native file from 'tabnas convert'
                             (default: the built-in synthetic table); learning curves:
                             the data folder holding baker/ and naap440/ (default: $TABNAS_DATA,
                             else ./Data, else ../shared/data)
      --synthetic-seed N     nashpobench2: seed of the synthetic table (default 0)
      --surrogate-cost R     nashpobench2: cost of epoch-200 queries: unavailable (default) or extrapolated
      --cache-dir DIR        nashpobench2: where a pickle folder's native form is cached on its first
                             open and mapped on later ones (default: $TABNAS_CACHE_DIR, else
                             $XDG_CACHE_HOME/tabularnas, else ~/.cache/tabularnas)
      --no-cache             nashpobench2: read the pickles every time (or set TABNAS_NO_CACHE=1)
      --cost RULE            learning curves: epochs (default) or COLUMN*epochs, e.g. NumMACs*epochs
      --json                 print JSON instead of text
    """

  /// The dataset named.
  var choice: DatasetChoice
  /// How to open it.
  var options: DatasetOpenOptions
  /// Whether to print JSON.
  var json: Bool

  /// The name as given.
  var datasetName: String { choice.name }

  /// Parses the options; `--json` only for commands that print JSON.
  init(parsing arguments: inout Arguments, acceptsJSON: Bool = true) throws {
    let name = try arguments.option("dataset") ?? DatasetChoice.defaultName
    do {
      choice = try DatasetChoice(parsing: name)
    } catch {
      throw UsageError.invalidValue(option: "dataset", value: name, expected: DatasetChoice.allowedNames)
    }
    options = DatasetOpenOptions()
    options.dataPath = try arguments.option(DatasetOption.data.rawValue)
    options.syntheticSeed = try arguments.option(
      DatasetOption.syntheticSeed.rawValue, as: { UInt64($0) }, expecting: "a non-negative integer")
    options.cost = try arguments.option(DatasetOption.cost.rawValue)
    options.surrogateCost = try arguments.option(DatasetOption.surrogateCost.rawValue)
    options.cacheDirectory = try arguments.option(DatasetOption.cacheDirectory.rawValue)
    options.noCache = try arguments.flag(DatasetOption.noCache.rawValue)
    json = acceptsJSON ? try arguments.flag("json") : false
    if let cost = options.cost, let expected = DatasetChoice.expectation(of: .cost, for: cost) {
      throw UsageError.invalidValue(option: DatasetOption.cost.rawValue, value: cost, expected: expected)
    }
    if let option = options.given.first(where: { !choice.accepts($0) }) {
      throw UsageError.notApplicable(option: option.rawValue, dataset: name)
    }
    if options.dataPath != nil && options.syntheticSeed != nil {
      throw UsageError.exclusiveOptions(DatasetOption.data.rawValue, DatasetOption.syntheticSeed.rawValue)
    }
    if options.cacheDirectory != nil && options.noCache {
      throw UsageError.exclusiveOptions(DatasetOption.cacheDirectory.rawValue, DatasetOption.noCache.rawValue)
    }
  }

  /// Opens the dataset, printing any warning (such as an unwritable cache) to standard error;
  /// pass it to a function generic over ``RegisteredBenchmark``.
  func open(console: Console) throws -> any RegisteredBenchmark {
    try choice.open(options) { console.printError($0) }
  }
}
