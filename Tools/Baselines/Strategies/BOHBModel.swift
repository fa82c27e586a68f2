import Foundation
import TabularNAS

/// The settings of BOHB's model (Falkner et al. 2018), named as in hpbandster.
public struct BOHBModelSettings: Sendable, Equatable {
  /// The percentage of observations that form the good density (hpbandster: 15).
  public var topPercent: Double = 15
  /// Observations a budget needs before its model is fitted (`nil`: coordinates + 1).
  public var minimumPoints: Int?
  /// Candidates drawn from the good density per proposal; the one with the best ratio wins
  /// (hpbandster: 64; the NAS-HPO-Bench-II reference: 4).
  public var samples: Int = 4
  /// The fraction of proposals drawn uniformly even with a model (hpbandster: ⅓; reference: 0).
  public var randomFraction: Double = 0
  /// How much wider candidates are drawn than the good density's continuous bandwidths (3).
  public var bandwidthFactor: Double = 3
  /// The smallest bandwidth (hpbandster: 10⁻³; reference: 0.3).
  public var minimumBandwidth: Double = 0.3

  /// The NAS-HPO-Bench-II reference's settings (`bench_algos/bohb.py`).
  public init() {}
}

/// BOHB's model: per budget, the observed vectors and losses; once a budget has enough, a good
/// and a bad density (the best `topPercent` and the rest); proposals from the largest modelled
/// budget maximise good/bad density over candidates drawn around good observations.
///
/// Follows hpbandster's `BOHB` config generator: observations at a budget below one already
/// modelled are dropped; a model needs more points than coordinates in both densities.
struct BOHBModel: Sendable {
  let settings: BOHBModelSettings
  let dimensions: [VectorDimension]
  /// The coordinates proposals vary; the others keep `base`'s values and are not modelled.
  let free: [Int]
  let base: [Double]
  private let minimumPoints: Int
  private var observations: [Int: [(vector: [Double], loss: Double)]] = [:]
  private var models: [Int: (good: ProductKernelDensity, bad: ProductKernelDensity)] = [:]

  /// - Parameter extraPoints: Coordinates the space holds beyond `free` (the reference's
  ///   hyperparameter search counts its one-value cell choice).
  init(settings: BOHBModelSettings, dimensions: [VectorDimension], free: [Int], base: [Double], extraPoints: Int = 0) {
    self.settings = settings
    self.dimensions = dimensions
    self.free = free
    self.base = base
    minimumPoints = max(settings.minimumPoints ?? 0, free.count + extraPoints + 1)
  }

  /// Whether any budget has a model.
  var hasModel: Bool { !models.isEmpty }

  /// Records a result and refits that budget's model when it has enough observations.
  mutating func observe(_ vector: [Double], loss: Double, budget: Int) {
    if let largest = models.keys.max(), largest > budget { return }
    let point = free.map { vector[$0] }
    observations[budget, default: []].append((point, loss.isFinite ? loss : .infinity))
    guard let observed = observations[budget], observed.count >= minimumPoints else { return }
    let ranked = observed.indices.sorted { observed[$0].loss < observed[$1].loss }
    let goodCount = max(minimumPoints, Int(settings.topPercent * Double(observed.count) / 100))
    let badCount = max(minimumPoints, Int((100 - settings.topPercent) * Double(observed.count) / 100))
    let good = ranked.prefix(goodCount).map { observed[$0].vector }
    let bad = ranked.dropFirst(goodCount).prefix(badCount).map { observed[$0].vector }
    guard good.count > free.count, bad.count > free.count else { return }
    let continuous = free.map { dimensions[$0] == .continuous }
    models[budget] = (
      ProductKernelDensity(data: good, isContinuous: continuous, minimumBandwidth: settings.minimumBandwidth),
      ProductKernelDensity(data: bad, isContinuous: continuous, minimumBandwidth: settings.minimumBandwidth)
    )
  }

  /// The next vector to evaluate: uniform without a model (or with probability
  /// `randomFraction`), else the best of `samples` candidates by bad/good density.
  func propose(using generator: inout SplitMix64) -> [Double] {
    guard let budget = models.keys.max(), let (good, bad) = models[budget],
      settings.randomFraction <= 0 || generator.nextUnitInterval() >= settings.randomFraction
    else { return dimensions.randomVector(over: free, base: base, using: &generator) }
    func ratio(_ point: [Double]) -> Double {
      max(1e-32, bad.density(at: point)) / max(good.density(at: point), 1e-32)
    }
    var best = Double.infinity, bestPoint: [Double]?
    for _ in 0..<settings.samples {
      let datum = good.data[Int.random(in: 0..<good.data.count, using: &generator)]
      var point: [Double] = []
      for (index, coordinate) in free.enumerated() {
        let bandwidth = max(good.bandwidths[index], settings.minimumBandwidth)
        switch dimensions[coordinate] {
        case .continuous:
          point.append(truncatedNormal(mean: datum[index], scale: settings.bandwidthFactor * bandwidth, using: &generator))
        case .categorical(let choices):
          point.append(
            generator.nextUnitInterval() < 1 - bandwidth ? datum[index] : Double(Int.random(in: 0..<choices, using: &generator)))
        }
      }
      let value = ratio(point)
      // A candidate the bad density cannot explain (an unseen categorical value) is taken at
      // once when the good density is finite there, as the reference does.
      if !value.isFinite {
        if good.density(at: point).isFinite {
          bestPoint = point
          break
        }
      }
      if value < best { (best, bestPoint) = (value, point) }
    }
    guard let bestPoint else { return dimensions.randomVector(over: free, base: base, using: &generator) }
    var vector = base
    for (index, coordinate) in free.enumerated() { vector[coordinate] = bestPoint[index] }
    return vector
  }

  /// A draw from N(mean, scale²) truncated to 0…1 (rejection; uniform after 100 misses).
  private func truncatedNormal(mean: Double, scale: Double, using generator: inout SplitMix64) -> Double {
    for _ in 0..<100 {
      let value = generator.nextGaussian(mean: mean, standardDeviation: scale)
      if (0...1).contains(value) { return value }
    }
    return generator.nextUnitInterval()
  }
}
