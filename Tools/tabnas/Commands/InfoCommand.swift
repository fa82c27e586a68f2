import TabularNAS

/// `tabnas info`: what a dataset holds.
struct InfoCommand: Command {
  static let name = "info"
  static let abstract = "Describe a dataset: search space, columns, size and best configuration."
  static let usage = """
    usage: tabnas info [--dataset NAME] [--data PATH] [--synthetic-seed N] [--json]

    Describes a dataset: NAS-HPO-Bench-II (the built-in synthetic table unless --data is
    given) by default, or a learning-curve dataset: its epochs, metric and direction, fields,
    final-value and cost rules, and its best configuration.

    options:
    \(DatasetOptions.usage)
      --help                 show this help
    """

  var dataset: DatasetOptions

  init(parsing arguments: inout Arguments) throws {
    dataset = try DatasetOptions(parsing: &arguments)
  }

  func run(console: Console) throws {
    let information = try dataset.open(console: console).information()
    console.print(dataset.json ? information.json.text : information.text.joined(separator: "\n"))
  }
}
