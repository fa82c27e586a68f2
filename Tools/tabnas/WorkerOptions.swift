import Baselines

/// `tabnas search`'s budget and simulated-worker options: one of --budget, --budget-time and
/// --trials, and --workers with --overhead.
struct WorkerOptions {
  /// The most simulated workers.
  static let maximumWorkers = 4096

  static let usage = """
    budget and workers:
      --budget B             cost budget per run (default 20000 for nashpobench2, else 10 ×
                             the longest training; unlimited with --iterations)
      --budget-time T        simulated wall-clock budget per run, in the cost unit: trials
                             start before T and those ending after T are cut
      --trials K             start K trials per run (a promoted trial counts once)
      --workers N            simulated parallel workers, 1…\(maximumWorkers) (default: one sequential
                             worker); results are told in order of completion, each
                             per-run file gets a timeline and the summary worker utilisation
      --overhead D|measured  charge each decision D (cost unit) or its measured seconds to
                             the simulated clock [none]
    """

  /// What ends each run (`nil`: the dataset's default cost budget).
  var budget: WorkerBudget?
  /// The simulated workers (`nil`: sequential, unless a time or trials budget asks for them).
  var workers: Int?
  /// How decision time is charged.
  var overhead: DecisionOverhead

  /// Whether the runs go on simulated workers (and so have timelines).
  var isSimulated: Bool { workers != nil || (budget.map { $0.kind != "cost" } ?? false) || overhead != .none }

  init(parsing arguments: inout Arguments) throws {
    let cost = try arguments.option("budget", as: OptionValue.positiveNumber, expecting: "a positive finite number")
    let time = try arguments.option("budget-time", as: OptionValue.positiveNumber, expecting: "a positive finite number")
    let trials = try arguments.option(
      "trials", as: { OptionValue.positiveInteger($0, atMost: SearchRunner.maximumTrials) },
      expecting: "an integer in 1…\(SearchRunner.maximumTrials)")
    let given = [("budget", cost != nil), ("budget-time", time != nil), ("trials", trials != nil)].filter(\.1).map(\.0)
    if given.count > 1 { throw UsageError.exclusiveOptions(given[0], given[1]) }
    budget = cost.map(WorkerBudget.cost) ?? time.map(WorkerBudget.time) ?? trials.map(WorkerBudget.trials)
    workers = try arguments.option(
      "workers", as: { OptionValue.positiveInteger($0, atMost: Self.maximumWorkers) },
      expecting: "an integer in 1…\(Self.maximumWorkers)")
    overhead =
      try arguments.option(
        "overhead",
        as: { text in
          text == "measured" ? .measured : Double(text).flatMap { $0 >= 0 && $0.isFinite ? ($0 == 0 ? DecisionOverhead.none : .fixed($0)) : nil }
        }, expecting: "a non-negative finite number or 'measured'") ?? DecisionOverhead.none
  }
}
