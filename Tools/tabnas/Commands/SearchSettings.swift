import Baselines
import TabularNAS

/// The algorithm settings of `tabnas search`; each option applies to some algorithms only and
/// is a usage error elsewhere.
struct SearchSettings {
  static let usage = """
    algorithm settings (defaults in brackets):
      --population N         evolution, srm-evolution: population size [10]
      --sample N             evolution, srm-evolution: members sampled per cycle [3]
      --eta η                hyperband, f-hyperband: halving rate [3]
      --max-epochs R         hyperband, f-hyperband: full training length [the last epoch]
      --iterations N         hyperband, f-hyperband: stop after N passes over all brackets
                             (without --budget, the budget is then unlimited)
      --threshold Δ          srm-*, f-hyperband: stop when P(worse than the reference) ≥ Δ
                             [0.99 srm, 0.95 f-hyperband]
      --margin δ             srm-*, f-hyperband: margin in metric units [0]
      --checkpoints LIST     srm-*, f-hyperband: fractions of the curve (f-hyperband: up to rᵢ)
                             where a configuration may stop [srm 0.05,0.1,…,0.9; f 0.1,0.25,0.5,0.75]
      --model NAME           srm-*, f-hyperband: regression family [nu-svr-rbf]
      --fully-trained N      srm-*: configurations trained fully before fitting [50]
      --burn-in d            f-hyperband: configurations trained to rᵢ before its models [100]
      --kappa κ              f-hyperband: proportion of each round trained fully [0.1]
    """

  /// Which algorithms each option applies to.
  private static let appliesTo: [String: Set<String>] = [
    "population": ["evolution", "srm-evolution"], "sample": ["evolution", "srm-evolution"],
    "eta": ["hyperband", "f-hyperband"], "max-epochs": ["hyperband", "f-hyperband"],
    "iterations": ["hyperband", "f-hyperband"],
    "threshold": ["srm-random", "srm-evolution", "f-hyperband"], "margin": ["srm-random", "srm-evolution", "f-hyperband"],
    "checkpoints": ["srm-random", "srm-evolution", "f-hyperband"], "model": ["srm-random", "srm-evolution", "f-hyperband"],
    "fully-trained": ["srm-random", "srm-evolution"], "burn-in": ["f-hyperband"], "kappa": ["f-hyperband"],
  ]

  var population: Int?
  var sample: Int?
  var eta: Double?
  var maximumEpochs: Int?
  var iterations: Int?
  var threshold: Double?
  var margin: Double?
  var checkpoints: [Double]?
  var model: ModelFamily?
  var fullyTrained: Int?
  var burnIn: Int?
  var kappa: Double?

  /// Parses the settings and refuses those that do not apply to `algorithm`.
  init(parsing arguments: inout Arguments, algorithm: String) throws {
    var given: [String] = []
    func take<T>(_ name: String, _ parse: (String) -> T?, _ kind: String) throws -> T? {
      let value = try arguments.option(name, as: parse, expecting: kind)
      if value != nil { given.append(name) }
      return value
    }
    population = try take("population", OptionValue.positiveInteger, "a positive integer")
    sample = try take("sample", OptionValue.positiveInteger, "a positive integer")
    eta = try take("eta", { Double($0).flatMap { $0 > 1 && $0.isFinite ? $0 : nil } }, "a number above 1")
    maximumEpochs = try take("max-epochs", OptionValue.positiveInteger, "a positive integer")
    iterations = try take("iterations", OptionValue.positiveInteger, "a positive integer")
    threshold = try take("threshold", OptionValue.openFraction, "a probability in (0, 1)")
    margin = try take("margin", { Double($0).flatMap { $0 >= 0 && $0.isFinite ? $0 : nil } }, "a number ≥ 0")
    checkpoints = try arguments.list(
      "checkpoints", as: { OptionValue.openFraction(String($0)) }, expecting: "fractions in (0, 1)")
    if checkpoints != nil { given.append("checkpoints") }
    model = try take("model", ModelFamily.init(rawValue:), ModelFamily.allCases.map(\.rawValue).joined(separator: ", "))
    fullyTrained = try take("fully-trained", { Int($0).flatMap { $0 >= 5 ? $0 : nil } }, "an integer ≥ 5")
    burnIn = try take("burn-in", { Int($0).flatMap { $0 >= 5 ? $0 : nil } }, "an integer ≥ 5")
    kappa = try take("kappa", { Double($0).flatMap { $0 > 0 && $0 <= 1 ? $0 : nil } }, "a proportion in (0, 1]")
    if let name = given.first(where: { !(Self.appliesTo[$0]?.contains(algorithm) ?? false) }) {
      throw UsageError.notForAlgorithm(option: name, algorithm: algorithm)
    }
  }

  /// Hyperband with these settings.
  func hyperband<B: TabularBenchmark>() -> Hyperband<B> {
    Hyperband(eta: eta ?? 3, maximumEpochs: maximumEpochs, iterations: iterations)
  }

  /// f-Hyperband with these settings.
  func fastHyperband<B: LearningCurveBenchmark>() -> FastHyperband<B> {
    let defaults = FastHyperband<B>()
    return FastHyperband(
      eta: eta ?? defaults.eta, maximumEpochs: maximumEpochs, iterations: iterations,
      threshold: threshold ?? defaults.threshold, margin: margin ?? defaults.margin, burnIn: burnIn ?? defaults.burnIn,
      kappa: kappa ?? defaults.kappa, checkpoints: checkpoints ?? defaults.checkpoints, family: model ?? defaults.family)
  }

  /// Regularized evolution with these settings.
  func evolution<Rule: NeighbourRule>(rule: Rule) -> RegularizedEvolution<Rule> {
    RegularizedEvolution(populationSize: population ?? 10, sampleSize: sample ?? 3, rule: rule)
  }

  /// The early-stopping search with these settings, in random order or (given a rule) by
  /// regularized evolution.
  func earlyStopping<B: LearningCurveBenchmark>(rule: (any NeighbourRule<B>)?) -> EarlyStoppingSearch<B> {
    let defaults = EarlyStoppingSearch<B>()
    let order: EarlyStoppingSearch<B>.Order =
      rule.map { .evolution(populationSize: population ?? 10, sampleSize: sample ?? 3, rule: $0) } ?? .random
    return EarlyStoppingSearch(
      threshold: threshold ?? defaults.threshold, margin: margin ?? defaults.margin,
      fullyTrained: fullyTrained ?? defaults.fullyTrained, checkpoints: checkpoints ?? defaults.checkpoints,
      family: model ?? defaults.family, order: order)
  }
}
