/// A setting of a baseline search, by its command-line name.
public enum SearchSetting: String, CaseIterable, Sendable {
  /// Evolution's population size.
  case population
  /// Evolution's tournament size.
  case sample
  /// Hyperband's halving rate η.
  case eta
  /// Hyperband's full training length R.
  case maximumEpochs = "max-epochs"
  /// ASHA's lowest rung r, in epochs.
  case minimumEpochs = "min-epochs"
  /// ASHA's rungs, in epochs.
  case rungs
  /// ASHA's rule: promotion or stopping.
  case halvingRule = "asha-type"
  /// Passes over all Hyperband brackets.
  case iterations
  /// The early-stopping probability threshold Δ.
  case threshold
  /// The early-stopping margin δ.
  case margin
  /// The checkpoints where a configuration may stop.
  case checkpoints
  /// The regression family of the stopping models.
  case model
  /// Configurations trained fully before the models are fitted.
  case fullyTrained = "fully-trained"
  /// f-Hyperband's burn-in d.
  case burnIn = "burn-in"
  /// f-Hyperband's κ.
  case kappa
  /// REINFORCE's Adam learning rate.
  case policyLearningRate = "policy-lr"
  /// REINFORCE's reward-baseline momentum.
  case baselineMomentum = "baseline-momentum"
  /// BOHB's percentage of good observations.
  case topPercent = "top-percent"
  /// BOHB's observations before a budget's model.
  case minimumPoints = "min-points"
  /// BOHB's candidates per proposal.
  case samples
  /// BOHB's fraction of uniform proposals.
  case randomFraction = "random-fraction"
  /// BOHB's widening of candidate draws.
  case bandwidthFactor = "bandwidth-factor"
  /// BOHB's smallest bandwidth.
  case minimumBandwidth = "min-bandwidth"
  /// How BOHB trains a promoted configuration: resume or scratch.
  case partialTraining = "partial-training"
  /// The two-stage searches' hyperparameter-search budget.
  case hyperparameterBudget = "hpo-budget"

  /// The algorithms this setting applies to, in ``SearchAlgorithm`` order.
  public var algorithms: [SearchAlgorithm] { SearchAlgorithm.allCases.filter { $0.settings.contains(self) } }
}
