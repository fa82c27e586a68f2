import Foundation

/// Results written by parallel workers, one slot each, read once all have finished.
final class ParallelResults<Value: Sendable>: @unchecked Sendable {
  private var slots: [Value?]
  private let lock = NSLock()

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  /// Stores one worker's result.
  func set(_ index: Int, _ value: Value) { lock.withLock { slots[index] = value } }

  /// Every slot's value, in order.
  ///
  /// - Precondition: every slot was set.
  var values: [Value] {
    lock.withLock {
      let values = slots.compactMap { $0 }
      precondition(values.count == slots.count, "a parallel worker did not finish")
      return values
    }
  }
}
