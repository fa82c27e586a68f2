/// How ``CurveFeatureExtractor`` reads feature names (the last `.`-separated part counts, so
/// `net.depth` reads as `depth`).
enum FeatureNaming {
  /// Training hyperparameters; other features (and `…_l2` weight decays, also hyperparameters)
  /// describe the architecture.
  static let hyperparameters: Set<String> = [
    "lr", "base_lr", "ss", "weight_decay", "momentum", "batch_size", "lrn_scale", "lrn_pow",
  ]
  /// Features spanning orders of magnitude, which enter as logarithms when positive everywhere.
  static let logarithmic: Set<String> = ["lr", "base_lr", "batch_size", "num_params", "NumParams", "NumMACs"]
}
