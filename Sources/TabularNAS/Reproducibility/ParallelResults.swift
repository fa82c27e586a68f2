import Foundation

/// Results written by parallel workers, one slot each, read once all have finished.
///
/// Shared with the baselines (`package`): forests, experiments and search runs all use it.
package final class ParallelResults<Value: Sendable>: @unchecked Sendable {
  private var slots: [Value?]
  private var finished = 0
  private let lock = NSLock()

  package init(count: Int) { slots = Array(repeating: nil, count: count) }

  /// Stores one worker's result; returns how many results are stored so far.
  @discardableResult
  package func set(_ index: Int, _ value: Value) -> Int {
    lock.withLock {
      slots[index] = value
      finished += 1
      return finished
    }
  }

  /// Every slot's value, in order.
  ///
  /// - Precondition: every slot was set.
  package var values: [Value] {
    lock.withLock {
      let values = slots.compactMap { $0 }
      precondition(values.count == slots.count, "a parallel worker did not finish")
      return values
    }
  }
}
