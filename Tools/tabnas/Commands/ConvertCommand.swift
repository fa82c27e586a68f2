import TabularNAS

/// `tabnas convert`: writes a dataset once to the compact native format.
struct ConvertCommand: Command {
  static let name = "convert"
  static let abstract = "Write a dataset to one compact, checksummed native file."
  static let usage = """
    usage: tabnas convert [--data PATH] [--synthetic-seed N] --output FILE

    Reads NAS-HPO-Bench-II (original pickles, a native file, or the synthetic table) and writes
    it to FILE in TabularNAS's native format, which every command accepts as --data and opens
    in milliseconds. An existing FILE is never overwritten. Learning-curve files have no
    native format: they load in milliseconds.

    options:
      --output FILE          the native file to create
    \(DatasetOptions.usage)
      --help                 show this help
    """

  var output: String
  var dataset: DatasetOptions

  init(parsing arguments: inout Arguments) throws {
    output = try arguments.required("output")
    dataset = try DatasetOptions(parsing: &arguments, acceptsJSON: false)
  }

  func run(console: Console) throws {
    guard dataset.choice.hasNativeFormat else { throw RegistryError.noNativeFormat(dataset: dataset.datasetName) }
    let benchmark = try dataset.open(console: console)
    try benchmark.writeNativeFile(to: output)
    console.print("wrote \(output): \(benchmark.name)")
  }
}
