/// The most epochs each distinct configuration has trained in a search, in first-seen order
/// (so models fitted on it do not depend on hashing).
struct TrainingRecord<Configuration: Hashable> {
  private var order: [Configuration] = []
  private var epochs: [Configuration: Int] = [:]

  /// Notes that a configuration has trained `epochs` epochs.
  mutating func record(_ configuration: Configuration, epochs trained: Int) {
    if let previous = epochs[configuration] {
      epochs[configuration] = max(previous, trained)
    } else {
      order.append(configuration)
      epochs[configuration] = trained
    }
  }

  /// The configurations that have trained at least `minimum` epochs, in first-seen order.
  func configurations(trainedTo minimum: Int) -> [Configuration] {
    order.filter { epochs[$0, default: 0] >= minimum }
  }
}
