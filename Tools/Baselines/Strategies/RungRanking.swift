import TabularNAS

/// One ASHA rung's results, ranked best first (equal values: the earlier result first), split
/// into those waiting at the rung and those promoted out of it, so that finding the best
/// waiting result within the rung's top k takes a binary search.
struct RungRanking {
  /// A result at the rung.
  struct Entry {
    let trial: Int
    let value: Double
    /// The result's arrival at the rung, to break ties.
    let order: Int
  }

  let direction: MetricDirection
  /// Results not promoted, best last.
  private var waiting: [Entry] = []
  /// Results promoted, best first.
  private var promoted: [Entry] = []
  private var arrivals = 0

  init(direction: MetricDirection) { self.direction = direction }

  /// The number of results at the rung.
  var count: Int { waiting.count + promoted.count }

  /// Whether `a` ranks ahead of `b`.
  private func isAhead(_ a: Entry, of b: Entry) -> Bool {
    if direction.isImprovement(a.value, over: b.value) { return true }
    if direction.isImprovement(b.value, over: a.value) { return false }
    return a.order < b.order
  }

  /// The first index of `entries` where `predicate` holds (it must hold from some index on).
  private static func boundary(in entries: [Entry], where predicate: (Entry) -> Bool) -> Int {
    var low = 0, high = entries.count
    while low < high {
      let middle = (low + high) / 2
      if predicate(entries[middle]) { high = middle } else { low = middle + 1 }
    }
    return low
  }

  /// Adds a result; it waits at the rung.
  mutating func insert(trial: Int, value: Double) {
    let entry = Entry(trial: trial, value: value, order: arrivals)
    arrivals += 1
    waiting.insert(entry, at: Self.boundary(in: waiting) { isAhead($0, of: entry) })
  }

  /// The number of results strictly better than a value.
  func countBetter(than value: Double) -> Int {
    let inWaiting = waiting.count - Self.boundary(in: waiting) { direction.isImprovement($0.value, over: value) }
    let inPromoted = Self.boundary(in: promoted) { !direction.isImprovement($0.value, over: value) }
    return inWaiting + inPromoted
  }

  /// The best waiting trial, if it ranks within the top `k` of all the rung's results.
  func candidate(top k: Int) -> Int? {
    guard let best = waiting.last else { return nil }
    let ahead = Self.boundary(in: promoted) { !isAhead($0, of: best) }
    return ahead < k ? best.trial : nil
  }

  /// Promotes the best waiting trial (the ``candidate(top:)``).
  mutating func promoteBest() {
    guard let best = waiting.popLast() else { return }
    promoted.insert(best, at: Self.boundary(in: promoted) { !isAhead($0, of: best) })
  }
}
