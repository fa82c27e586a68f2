import Baselines
import TabularNAS

/// The algorithm settings of `tabnas search`: each applies to the algorithms
/// ``SearchAlgorithm/settings`` names and is a usage error for the others.
enum SearchSettingOptions {
  static let usage = """
    algorithm settings (defaults in brackets):
      --population N         evolution, srm-evolution: population size [10]
      --sample N             evolution, srm-evolution: members sampled per cycle [3]
      --eta η                hyperband, f-hyperband, successive-halving, asha, async-hyperband:
                             halving rate, 1.5…100 [3]
      --max-epochs R         the same: full training length, the top rung [the last epoch]
      --min-epochs r         asha, async-hyperband: the lowest rung [the first trained epoch]
      --rungs LIST           asha, async-hyperband: the rungs in epochs, ascending, e.g. 1,3,9,12
                             [r, rη, rη², … below R, then R]
      --asha-type T          asha, async-hyperband: promotion (pause at rungs, promote the best
                             later) or stopping (go on at once if in the top 1/η, else stop)
                             [promotion]
      --iterations N         hyperband, f-hyperband, successive-halving: stop after N passes
                             over all brackets; bohb: after N iterations (the reference: 40);
                             without --budget, the budget is then unlimited; bohb-then-rea: the
                             hyperparameter stage's iterations [4]
      --threshold Δ          srm-*, f-hyperband: stop when P(worse than the reference) ≥ Δ
                             [0.99 srm, 0.95 f-hyperband]
      --burn-in d            f-hyperband: configurations trained to rᵢ before its models [100]
      --kappa κ              f-hyperband: proportion of each round trained fully [0.1]
      --policy-lr α          reinforce: Adam's learning rate [0.01]
      --baseline-momentum m  reinforce: the reward baseline's momentum, in [0, 1) [0.9]
      --samples N            bohb, bohb-then-rea: candidates per model proposal [4; 5]
      --top-percent P        bohb*: percentage of observations in the good density [15]
      --min-points N         bohb*: observations a budget needs for a model [coordinates + 1]
      --random-fraction F    bohb*: fraction of uniform proposals, in [0, 1] [0]
      --bandwidth-factor F   bohb*: how much wider candidates are drawn [3]
      --min-bandwidth B      bohb*: the smallest bandwidth [0.3]
      --partial-training T   bohb*: resume (pay only new epochs) or scratch (the reference)
                             [resume]
      --min-epochs r         bohb*: also the smallest budget [the first trained epoch]
      --hpo-budget B         rs-then-rea, bohb-then-rea: the hyperparameter stage's cost
                             [rs-then-rea: a quarter of --budget; bohb-then-rea: its iterations]
    early-stopping settings (srm-*, f-hyperband; --fully-trained: srm-* only):
    \(EarlyStoppingOptions.usage)
    """

  /// Parses the settings and refuses those that do not apply to `algorithm`.
  static func parse(_ arguments: inout Arguments, for algorithm: SearchAlgorithm) throws -> SearchSettings {
    var settings = SearchSettings()
    var given: [SearchSetting] = []
    func take<T>(_ setting: SearchSetting, _ parse: (String) -> T?, _ kind: String) throws -> T? {
      let value = try arguments.option(setting.rawValue, as: parse, expecting: kind)
      if value != nil { given.append(setting) }
      return value
    }
    settings.population = try take(.population, { OptionValue.positiveInteger($0, atMost: 1_000_000) }, "an integer in 1…1000000")
    settings.sample = try take(.sample, { OptionValue.positiveInteger($0, atMost: 1_000_000) }, "an integer in 1…1000000")
    settings.eta = try take(.eta, { Double($0).flatMap { $0 >= 1.5 && $0 <= 100 ? $0 : nil } }, "a number in 1.5…100")
    settings.maximumEpochs = try take(.maximumEpochs, OptionValue.positiveInteger, "a positive integer")
    settings.minimumEpochs = try take(.minimumEpochs, OptionValue.positiveInteger, "a positive integer")
    settings.rungs = try arguments.list(SearchSetting.rungs.rawValue, as: { OptionValue.positiveInteger(String($0)) }, expecting: "positive integers")
    if settings.rungs != nil { given.append(.rungs) }
    settings.halvingRule = try take(.halvingRule, HalvingRule.init(rawValue:), "promotion or stopping")
    settings.iterations = try take(.iterations, { OptionValue.positiveInteger($0, atMost: 100_000) }, "an integer in 1…100000")
    settings.threshold = try take(.threshold, OptionValue.openFraction, "a probability in (0, 1)")
    let earlyStopping = try EarlyStoppingOptions(parsing: &arguments)
    earlyStopping.apply(to: &settings)
    given += earlyStopping.given
    settings.burnIn = try take(.burnIn, { Int($0).flatMap { $0 >= 5 ? $0 : nil } }, "an integer ≥ 5")
    settings.kappa = try take(.kappa, { Double($0).flatMap { $0 > 0 && $0 <= 1 ? $0 : nil } }, "a proportion in (0, 1]")
    settings.policyLearningRate = try take(.policyLearningRate, OptionValue.positiveNumber, "a positive finite number")
    settings.baselineMomentum = try take(
      .baselineMomentum, { Double($0).flatMap { $0 >= 0 && $0 < 1 ? $0 : nil } }, "a number in [0, 1)")
    settings.samples = try take(.samples, { OptionValue.positiveInteger($0, atMost: 100_000) }, "an integer in 1…100000")
    if let percent = try take(.topPercent, { Double($0).flatMap { $0 > 0 && $0 < 100 ? $0 : nil } }, "a percentage in (0, 100)") {
      settings.bohbModel.topPercent = percent
    }
    settings.bohbModel.minimumPoints = try take(
      .minimumPoints, { OptionValue.positiveInteger($0, atMost: 100_000) }, "an integer in 1…100000")
    if let fraction = try take(.randomFraction, { Double($0).flatMap { $0 >= 0 && $0 <= 1 ? $0 : nil } }, "a fraction in [0, 1]") {
      settings.bohbModel.randomFraction = fraction
    }
    if let factor = try take(.bandwidthFactor, OptionValue.positiveNumber, "a positive finite number") {
      settings.bohbModel.bandwidthFactor = factor
    }
    if let bandwidth = try take(.minimumBandwidth, OptionValue.positiveNumber, "a positive finite number") {
      settings.bohbModel.minimumBandwidth = bandwidth
    }
    settings.partialTraining = try take(.partialTraining, PartialTraining.init(rawValue:), "resume or scratch")
    settings.hyperparameterBudget = try take(.hyperparameterBudget, OptionValue.positiveNumber, "a positive finite number")
    if let setting = SearchSetting.allCases.first(where: { given.contains($0) && !algorithm.settings.contains($0) }) {
      throw UsageError.notForAlgorithm(option: setting.rawValue, algorithm: algorithm.rawValue)
    }
    return settings
  }
}
