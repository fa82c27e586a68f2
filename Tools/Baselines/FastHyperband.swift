import Foundation
import TabularNAS

/// f-Hyperband (Baker et al. 2018, §4.2.1): Hyperband whose successive-halving rounds stop
/// configurations early with sequential regression models that predict the value at the
/// round's epochs rᵢ.
///
/// It starts exactly as ``Hyperband``. Once `burnIn` (the paper's 100, our d) configurations
/// have been trained fully to some rᵢ, a model per checkpoint is fitted on them to predict
/// y_{rᵢ}, and every later round that trains to rᵢ stops a configuration at a checkpoint when
/// P(ŷ_{rᵢ} ≤ y_ref − δ) ≥ Δ. The reference y_ref is the ⌈κ nᵢ⌉-th best value at rᵢ among the
/// round's configurations trained fully so far (κ: the proportion of the nᵢ that must train
/// fully); until that many have, nobody stops. Stopped configurations rank by their predicted
/// value. Checkpoints are fractions of the curve up to rᵢ. Learning-curve datasets only (the
/// models read their features).
public struct FastHyperband: SearchStrategy {
  /// The halving rate η.
  public var eta: Double
  /// R, the full training length (default: the dataset's last epoch).
  public var maximumEpochs: Int?
  /// The probability threshold Δ.
  public var threshold: Double
  /// The margin δ, in metric units.
  public var margin: Double
  /// d: configurations trained fully to rᵢ before its models are fitted.
  public var burnIn: Int
  /// κ: the proportion of each round's configurations that must train fully.
  public var kappa: Double
  /// Checkpoints as fractions of the curve up to rᵢ.
  public var checkpoints: [Double]
  /// The regression family.
  public var family: ModelFamily
  /// Random-search draws when tuning each model.
  public var draws: Int

  /// Creates the strategy.
  public init(
    eta: Double = 3, maximumEpochs: Int? = nil, threshold: Double = 0.95, margin: Double = 0, burnIn: Int = 100,
    kappa: Double = 0.5, checkpoints: [Double] = [0.1, 0.25, 0.5, 0.75], family: ModelFamily = .nuSVRRBF, draws: Int = 10
  ) {
    precondition(eta > 1 && kappa > 0 && kappa <= 1 && burnIn >= 5, "η > 1, κ in (0, 1], d ≥ 5")
    self.eta = eta
    self.maximumEpochs = maximumEpochs
    self.threshold = threshold
    self.margin = margin
    self.burnIn = burnIn
    self.kappa = kappa
    self.checkpoints = checkpoints
    self.family = family
    self.draws = draws
  }

  /// `f-hyperband`.
  public var name: String { "f-hyperband" }

  /// Runs brackets while the total cost is below the budget.
  public func run(on dataset: LearningCurveDataset, budget: Double, seed: UInt64) throws -> BenchmarkRun<LearningCurveDataset> {
    var run = BenchmarkRun(benchmark: dataset)
    var generator = SplitMix64(seed: seed)
    let first = dataset.epochs.lowerBound
    let full = min(maximumEpochs ?? dataset.epochs.upperBound, dataset.epochs.upperBound)
    let lowest = max(first, 1)
    let sMax = Int((log(Double(full) / Double(lowest)) / log(eta)).rounded(.down) + 1e-9)
    var trainedTo: [Int: [LearningCurveKey]] = [:]
    var models: [Int: SequentialRegressionModel] = [:]
    while run.totalCost < budget {
      for s in stride(from: sMax, through: 0, by: -1) {
        let count = Int((Double(sMax + 1) / Double(s + 1) * pow(eta, Double(s))).rounded(.up))
        var survivors = (0..<count).map { _ in dataset.randomConfiguration(using: &generator) }
        var trained = [Int](repeating: 0, count: survivors.count)
        for round in 0...s {
          let epochs = min(full, max(lowest, Int((Double(full) * pow(eta, Double(round - s))).rounded())))
          let reference = max(1, Int((kappa * Double(survivors.count)).rounded(.up)))
          let length = epochs - first + 1
          let counts = Array(Set(checkpoints.map { max(1, Int(($0 * Double(length)).rounded())) })).filter { $0 < length }.sorted()
          var fullValues: [Double] = []
          var scored: [(position: Int, value: Double)] = []
          for position in survivors.indices {
            guard run.totalCost < budget else { return run }
            let key = survivors[position]
            var predicted: Double?
            if let model = models[epochs], fullValues.count >= reference {
              let sorted = fullValues.sorted { dataset.direction.isImprovement($0, over: $1) }
              let incumbent = sorted[reference - 1]
              let curve = try dataset.curve(of: key)
              for tau in counts {
                let epoch = first + tau - 1
                if epoch > trained[position] {
                  guard run.totalCost < budget else { return run }
                  try run.resume(key, from: trained[position], to: epoch)
                  trained[position] = epoch
                }
                let prediction = try model.predict(key, observedCurve: Array(curve.prefix(tau)))
                let unlikely =
                  dataset.direction == .higherIsBetter
                  ? prediction.probability(atMost: incumbent - margin)
                  : 1 - prediction.probability(atMost: incumbent + margin)
                if unlikely >= threshold {
                  predicted = prediction.mean
                  break
                }
              }
            }
            if let predicted {
              scored.append((position, predicted))
              continue
            }
            let value: Double
            if epochs > trained[position] {
              guard run.totalCost < budget else { return run }
              value = try run.resume(key, from: trained[position], to: epochs).value
              trained[position] = epochs
            } else {
              value = try dataset.query(key, epoch: epochs).value
            }
            fullValues.append(value)
            scored.append((position, value))
            trainedTo[epochs, default: []].append(key)
            if models[epochs] == nil, !counts.isEmpty, let keys = trainedTo[epochs], keys.count >= burnIn {
              models[epochs] = try SequentialRegressionModel(
                dataset: dataset, configurations: keys, observedCounts: counts, family: family, draws: draws,
                uncertainty: .folds(5), target: .value(afterEpochs: epochs), seed: seed)
            }
          }
          guard round < s else { break }
          let keep = max(1, Int(Double(survivors.count) / eta))
          scored.sort { dataset.direction.isImprovement($0.value, over: $1.value) }
          let kept = scored.prefix(keep).map(\.position)
          survivors = kept.map { survivors[$0] }
          trained = kept.map { trained[$0] }
        }
      }
    }
    return run
  }
}
