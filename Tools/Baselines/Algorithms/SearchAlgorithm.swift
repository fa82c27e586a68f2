/// The baseline searches, by the names the command line and result files use; each declares
/// the settings that apply to it. Random search, regularized evolution and REINFORCE are
/// asynchronous on simulated workers; Hyperband, f-Hyperband and successive halving are
/// synchronous; BOHB starts its next iteration when every running one waits (hpbandster's form).
public enum SearchAlgorithm: String, CaseIterable, Sendable {
  /// Uniformly random configurations, fully trained (``UniformRandomSearch``).
  case random
  /// Regularized evolution (``RegularizedEvolution``).
  case evolution
  /// Hyperband (``Hyperband``).
  case hyperband
  /// f-Hyperband (``FastHyperband``).
  case fastHyperband = "f-hyperband"
  /// Random order with early stopping by sequential regression models (``EarlyStoppingSearch``).
  case earlyStoppingRandom = "srm-random"
  /// Regularized evolution with the same early stopping.
  case earlyStoppingEvolution = "srm-evolution"
  /// Synchronous successive halving: Hyperband's most aggressive bracket, repeated.
  case successiveHalving = "successive-halving"
  /// Asynchronous successive halving (``AsynchronousHyperband`` with one bracket).
  case asha
  /// Asynchronous Hyperband: ASHA brackets (``AsynchronousHyperband``).
  case asynchronousHyperband = "async-hyperband"
  /// REINFORCE over the configuration's choices (``Reinforce``).
  case reinforce
  /// BOHB (``BOHB``).
  case bohb
  /// Random hyperparameter search, then evolution of the architecture (``TwoStageSearch``).
  case randomThenEvolution = "rs-then-rea"
  /// BOHB over the hyperparameters, then evolution of the architecture (``TwoStageSearch``).
  case bohbThenEvolution = "bohb-then-rea"

  /// The settings that apply; any other is refused.
  public var settings: Set<SearchSetting> {
    switch self {
    case .random: []
    case .evolution: [.population, .sample]
    case .hyperband: [.eta, .maximumEpochs, .iterations]
    case .fastHyperband: [.eta, .maximumEpochs, .iterations, .threshold, .margin, .checkpoints, .model, .burnIn, .kappa]
    case .earlyStoppingRandom: [.threshold, .margin, .checkpoints, .model, .fullyTrained]
    case .earlyStoppingEvolution: [.population, .sample, .threshold, .margin, .checkpoints, .model, .fullyTrained]
    case .successiveHalving: [.eta, .maximumEpochs, .iterations]
    case .asha, .asynchronousHyperband: [.eta, .minimumEpochs, .maximumEpochs, .rungs, .halvingRule]
    case .reinforce: [.policyLearningRate, .baselineMomentum]
    case .bohb: Self.bohbSettings
    case .randomThenEvolution: [.population, .sample, .hyperparameterBudget]
    case .bohbThenEvolution: Self.bohbSettings.union([.population, .sample, .hyperparameterBudget])
    }
  }

  /// BOHB's settings.
  private static let bohbSettings: Set<SearchSetting> = [
    .eta, .minimumEpochs, .maximumEpochs, .iterations, .topPercent, .minimumPoints, .samples, .randomFraction,
    .bandwidthFactor, .minimumBandwidth, .partialTraining,
  ]

  /// One paragraph of help.
  public var help: String {
    switch self {
    case .random: "uniformly random configurations, fully trained"
    case .evolution:
      """
      regularized evolution: population 10, sample 3; NAS-HPO-Bench-II
      mutates one edge, the learning rate or the batch size (as the
      reference); learning curves move to one of the 8 nearest
      configurations in standardised feature space
      """
    case .hyperband:
      """
      Hyperband (Li et al. 2018), η = 3, R = the full training length;
      configurations resume training between rounds
      """
    case .fastHyperband:
      """
      Hyperband whose rounds stop configurations early by models of the
      value at the round's epochs (Baker et al. 2018 §4.2.1)
      """
    case .earlyStoppingRandom:
      """
      random order with early stopping by sequential regression models
      (Baker et al. 2018 §4)
      """
    case .earlyStoppingEvolution:
      """
      regularized evolution with the same early stopping; a stopped
      configuration's fitness is its predicted final value
      """
    case .successiveHalving:
      """
      successive halving (Jamieson & Talwalkar 2016): Hyperband's most
      aggressive bracket, repeated; synchronous, so workers wait for a rung
      """
    case .asha:
      """
      asynchronous successive halving (Li et al. 2020): promote the best
      ⌊n/η⌋ of a rung whenever a worker is free, else start a new
      configuration; paused trials resume
      """
    case .asynchronousHyperband:
      """
      asynchronous Hyperband: ASHA brackets, each new decision in a bracket
      drawn in proportion to synchronous Hyperband's configurations
      """
    case .reinforce:
      """
      REINFORCE (the NAS-HPO-Bench-II reference): a softmax policy per edge,
      learning rate and batch size, Adam 0.01, moving-average baseline 0.9;
      NAS-HPO-Bench-II only
      """
    case .bohb:
      """
      BOHB (Falkner et al. 2018) as the reference runs it through hpbandster:
      η = 3, budgets 1, 4, 12 epochs, 4 samples, minimum bandwidth 0.3, no
      random fraction; promoted configurations resume (--partial-training)
      """
    case .randomThenEvolution:
      """
      random search over the learning rate and batch size of a random cell
      until --hpo-budget [a quarter of the budget], then evolution of the
      cell with the best of them; NAS-HPO-Bench-II only
      """
    case .bohbThenEvolution:
      """
      BOHB over the learning rate and batch size of a random cell for 4
      iterations (5 samples), then evolution of the cell; NAS-HPO-Bench-II only
      """
    }
  }

  /// `random, evolution, …, or srm-evolution`, for usage texts.
  public static var names: String {
    let names = allCases.map(\.rawValue)
    return names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
  }
}
