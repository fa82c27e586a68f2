import TabularNAS

/// REINFORCE (Williams 1992) as the NAS-HPO-Bench-II reference baseline: a factorised softmax
/// policy over every categorical coordinate (the six edge operations, the learning rate and the
/// batch size), logits started at N(0, 10⁻⁶), trained by Adam on −log π(a) × (r − b) where r is
/// the fully trained configuration's metric and b a bias-corrected moving average of rewards
/// (updated with r first, as the reference does).
///
/// On several workers each free worker samples from the policy as it stands, and each result
/// updates it when it arrives (the log-probability is that of the current policy).
public struct Reinforce<Vectors: ConfigurationVectors>: SearchStrategy {
  /// The dataset type.
  public typealias Benchmark = Vectors.Benchmark

  /// The policy's Adam learning rate (reference: 0.01).
  public var learningRate: Double
  /// The reward baseline's momentum (reference: 0.9).
  public var momentum: Double
  /// The dataset's coordinates.
  public let vectors: Vectors

  /// Creates the strategy with the reference's settings.
  public init(vectors: Vectors, learningRate: Double = 0.01, momentum: Double = 0.9) {
    precondition(learningRate > 0 && (0..<1).contains(momentum), "a positive learning rate and a momentum in [0, 1)")
    self.vectors = vectors
    self.learningRate = learningRate
    self.momentum = momentum
  }

  /// `reinforce`.
  public var name: String { "reinforce" }

  /// Starts a run.
  ///
  /// - Throws: ``SearchError/unsupportedSetting(_:reason:)`` on a dataset whose configurations
  ///   are not a product of categorical choices.
  public func start(on benchmark: Benchmark, seed: UInt64) throws -> Search {
    let choices = try vectors.dimensions.map { dimension -> Int in
      guard case .categorical(let count) = dimension, vectors.isProduct else {
        throw SearchError.unsupportedSetting(
          "reinforce", reason: "its policy needs configurations that are every combination of categorical choices; \(benchmark.name)'s are not (rows of a table, or files lacking some cells)")
      }
      return count
    }
    var generator = SplitMix64(seed: seed)
    let policy = SoftmaxPolicy(choices: choices, using: &generator)
    return Search(
      strategy: self, benchmark: benchmark, generator: generator, policy: policy,
      optimizer: AdamOptimizer(parameterCount: policy.logits.count, learningRate: learningRate),
      baseline: MovingAverage(momentum: momentum))
  }

  /// One run of REINFORCE.
  public struct Search: AskTellSearch {
    /// The dataset type.
    public typealias Benchmark = Vectors.Benchmark

    let strategy: Reinforce
    let benchmark: Benchmark
    var generator: SplitMix64
    var policy: SoftmaxPolicy
    var optimizer: AdamOptimizer
    var baseline: MovingAverage
    var actions: [Int: [Int]] = [:]
    var started = 0

    /// A configuration drawn from the policy, trained fully.
    public mutating func ask() -> TrialRequest<Benchmark.Configuration> {
      defer { started += 1 }
      let action = policy.sample(using: &generator)
      actions[started] = action
      let configuration = strategy.vectors.configuration(nearest: action.map(Double.init))
      return .train(Trial(id: started, configuration: configuration, epochs: benchmark.epochRange.upperBound))
    }

    /// One policy-gradient step on the result (rewards are negated where lower is better).
    public mutating func tell(_ result: TrialResult<Benchmark.Configuration>) {
      guard let action = actions.removeValue(forKey: result.trial.id) else { return }
      let reward = benchmark.direction == .higherIsBetter ? result.value : -result.value
      baseline.update(reward)
      policy.update(with: &optimizer, gradient: policy.lossGradient(action: action, advantage: reward - baseline.value))
    }
  }
}
