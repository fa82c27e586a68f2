import Baselines
import TabularNAS

/// The early-stopping options `search` and `speedup` share, parsed and validated by one set of
/// rules: `--margin`, `--checkpoints`, `--model`, `--fully-trained`.
struct EarlyStoppingOptions {
  static let usage = """
      --margin δ             margin in metric units [0]
      --checkpoints LIST     fractions of the curve (f-hyperband: up to rᵢ) where a configuration
                             may stop [srm 0.05,0.1,0.2,…,0.9; f-hyperband 0.1,0.25,0.5,0.75]
      --model NAME           regression family of the stopping models [nu-svr-rbf]
      --fully-trained N      configurations trained fully before the models are fitted [50]
    """

  var margin: Double?
  var checkpoints: [Double]?
  var model: ModelFamily?
  var fullyTrained: Int?

  /// The options given, as settings.
  var given: [SearchSetting] {
    [(SearchSetting.margin, margin != nil), (.checkpoints, checkpoints != nil), (.model, model != nil),
     (.fullyTrained, fullyTrained != nil)].filter(\.1).map(\.0)
  }

  init(parsing arguments: inout Arguments) throws {
    margin = try arguments.option(
      SearchSetting.margin.rawValue, as: { Double($0).flatMap { $0 >= 0 && $0.isFinite ? $0 : nil } }, expecting: "a number ≥ 0")
    checkpoints = try arguments.list(
      SearchSetting.checkpoints.rawValue, as: { OptionValue.openFraction(String($0)) }, expecting: "fractions in (0, 1)")
    model = try arguments.option(
      SearchSetting.model.rawValue, as: ModelFamily.init(rawValue:), expecting: ModelFamily.allCases.map(\.rawValue).joined(separator: ", "))
    fullyTrained = try arguments.option(
      SearchSetting.fullyTrained.rawValue, as: { Int($0).flatMap { $0 >= 5 ? $0 : nil } }, expecting: "an integer ≥ 5")
  }

  /// Copies the given values into search settings.
  func apply(to settings: inout SearchSettings) {
    settings.margin = margin
    settings.checkpoints = checkpoints
    settings.model = model
    settings.fullyTrained = fullyTrained
  }
}
