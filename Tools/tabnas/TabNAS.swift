@preconcurrency import Glibc

/// The `tabnas` command-line tool: a thin layer over the TabularNAS library.
@main
enum TabNAS {
  /// Every subcommand, in the order `tabnas --help` lists them.
  static let commands: [any Command.Type] = [InfoCommand.self, QueryCommand.self, ReplayCommand.self, ConvertCommand.self, PredictCommand.self, SearchCommand.self, MergeCommand.self, PlotCommand.self, SpeedupCommand.self, ServeCommand.self]

  static let usage = """
    usage: tabnas <command> [options]

    Query tabular NAS and HPO benchmarks instead of training networks.

    commands:
    \(commands.map { "  " + $0.name.padding(toLength: 10, withPad: " ", startingAt: 0) + $0.abstract }.joined(separator: "\n"))

    Run 'tabnas <command> --help' for a command's options.
    """

  static func main() {
    exit(run(Array(CommandLine.arguments.dropFirst()), console: .standard))
  }

  /// Runs the tool on its arguments (without the program name) and returns the exit status:
  /// 0 on success, 64 with the usage on a usage error, 1 with one line on other failures.
  static func run(_ words: [String], console: Console) -> Int32 {
    var arguments = Arguments(words)
    guard let name = arguments.positional() else {
      if (try? arguments.flag("help")) == true { console.print(usage); return 0 }
      console.printError("error: \(UsageError.missingCommand)\n\n\(usage)")
      return 64
    }
    let lookup = name == "help" ? arguments.positional() : name
    guard let command = commands.first(where: { $0.name == (lookup ?? "") }) else {
      if name == "help" && lookup == nil { console.print(usage); return 0 }
      console.printError("error: \(UsageError.unknownCommand(lookup ?? name))\n\n\(usage)")
      return 64
    }
    if name == "help" || (try? arguments.flag("help")) == true {
      console.print(command.usage)
      return 0
    }
    do {
      let parsed = try command.init(parsing: &arguments)
      try arguments.finish()
      try parsed.run(console: console)
      return 0
    } catch let error as UsageError {
      console.printError("error: \(error)\n\n\(command.usage)")
      return 64
    } catch {
      console.printError("error: \(error)")
      return 1
    }
  }
}
