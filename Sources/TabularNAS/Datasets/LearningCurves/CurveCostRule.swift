/// What a learning-curve query costs: training is simulated, so the cost is what it would
/// have taken to train the configuration for the epochs asked.
public enum CurveCostRule: Equatable, Sendable, CustomStringConvertible {
  /// One unit per epoch trained (epoch 0, the untrained model, is free). The default.
  case epochs
  /// A numeric configuration column times the epochs, e.g. NAAP-440's `NumMACs` × epochs, so
  /// large networks cost more.
  case epochsTimes(column: String)

  /// `epochs` or `NumMACs × epochs`.
  public var description: String {
    switch self {
    case .epochs: "epochs"
    case .epochsTimes(let column): "\(column) × epochs"
    }
  }

  /// Parses `epochs` or `COLUMN*epochs` (the CLI's spelling).
  ///
  /// - Throws: ``LearningCurveError/unknownCostRule(_:)``.
  public init(parsing text: String) throws {
    if text == "epochs" {
      self = .epochs
    } else if text.hasSuffix("*epochs"), text.count > 7 {
      self = .epochsTimes(column: String(text.dropLast(7)))
    } else {
      throw LearningCurveError.unknownCostRule(text)
    }
  }
}
