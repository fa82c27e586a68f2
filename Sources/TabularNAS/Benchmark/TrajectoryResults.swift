/// A finished run's results, with exactly the fields of the reference `get_results`.
public struct TrajectoryResults<Key: TrajectoryKey>: Sendable, Equatable {
  /// The values in query order (`acc_trans`).
  public let values: [Double]
  /// The keys in query order (`key_trans`).
  public let keys: [Key]
  /// The best validation value after each query (`best_acc_trans`); `nil` before the first.
  public let bestValues: [Double?]
  /// The best validation key after each query (`best_key_trans`); `nil` before the first.
  public let bestKeys: [Key?]
  /// The cumulative cost after each query (`total_cost_trans`).
  public let totalCosts: [Double]
  /// The final values of the best key, one per entry of ``finalEpochs`` (`final_accs`).
  public let finalValues: [Double]
  /// The epochs at which ``finalValues`` were read (e.g. 12 and 200).
  public let finalEpochs: [Int]
  /// The dataset's label, naming its source.
  public let dataset: String

  /// Creates results from their fields.
  public init(
    values: [Double], keys: [Key], bestValues: [Double?], bestKeys: [Key?], totalCosts: [Double], finalValues: [Double],
    finalEpochs: [Int], dataset: String
  ) {
    self.values = values
    self.keys = keys
    self.bestValues = bestValues
    self.bestKeys = bestKeys
    self.totalCosts = totalCosts
    self.finalValues = finalValues
    self.finalEpochs = finalEpochs
    self.dataset = dataset
  }

  /// Collects a log's trajectories with the final values of its best key.
  public init(log: TrajectoryLog<Key>, finalValues: [Double], finalEpochs: [Int], dataset: String) {
    self.init(
      values: log.values, keys: log.keys, bestValues: log.bestValues, bestKeys: log.bestKeys, totalCosts: log.totalCosts,
      finalValues: finalValues, finalEpochs: finalEpochs, dataset: dataset)
  }

  /// The results as JSON with the reference key names, plus `dataset` and `final_epochs`.
  public var json: JSONValue {
    .object([
      .init("acc_trans", .array(values.map(JSONValue.number))),
      .init("key_trans", .array(keys.map(\.jsonObject))),
      .init("best_acc_trans", .array(bestValues.map(\.json))),
      .init("best_key_trans", .array(bestKeys.map { $0?.jsonObject ?? .null })),
      .init("total_cost_trans", .array(totalCosts.map(JSONValue.number))),
      .init("final_accs", .array(finalValues.map(JSONValue.number))),
      .init("final_epochs", .array(finalEpochs.map(JSONValue.integer))),
      .init("dataset", .string(dataset)),
    ])
  }
}
