/// NumPy's `argpartition` (introselect: median-of-three quickselect falling back to the median
/// of medians of five) as NumPy ≤ 1.24 runs it, so which of several equally distant rows a
/// nearest-neighbour query keeps is the one scikit-learn ≤ 1.0's brute-force search kept.
enum NumPyArgpartition {
  /// Reorders `order[0..<count]` so its element `kth` holds the value that sorting would put
  /// there, smaller-or-equal values before it and larger-or-equal after; ties land where NumPy's
  /// introselect puts them.
  ///
  /// - Precondition: `0 ≤ kth < count`.
  static func select(_ values: [Double], _ order: inout [Int], count: Int, kth: Int) {
    var selector = Selector(values: values, order: order, offset: 0)
    selector.introselect(count: count, kth: kth)
    order = selector.order
  }

  /// The rows of `values` with the k smallest values, as scikit-learn ≤ 1.0 ordered them:
  /// `argpartition(k − 1)`, its first k, then a stable sort by value.
  static func smallest(_ k: Int, of values: [Double]) -> [Int] {
    var order = Array(values.indices)
    select(values, &order, count: values.count, kth: k - 1)
    let nearest = Array(order.prefix(k))
    return NumPyArgsort.ascendingPositions(of: nearest.map { values[$0] }).map { nearest[$0] }
  }

  /// The algorithm's state: the values and the permutation of their positions being reordered.
  private struct Selector {
    let values: [Double]
    var order: [Int]
    var offset: Int

    func value(_ i: Int) -> Double { values[order[offset + i]] }
    mutating func swap(_ i: Int, _ j: Int) { order.swapAt(offset + i, offset + j) }

    mutating func introselect(count: Int, kth: Int) {
      var low = 0, high = count - 1
      if kth - low < 3 {
        dumbSelect(count: count, kth: kth)
        return
      }
      if kth == count - 1 {
        // The largest: the last maximum.
        var maximum = low
        for k in (low + 1)..<count where !numPyLess(value(k), value(maximum)) { maximum = k }
        swap(kth, maximum)
        return
      }
      var depthLimit = 2 * NumPyArgsort.mostSignificantBit(count)
      while low + 1 < high {
        var ll = low + 1, hh = high
        if depthLimit > 0 || hh - ll < 5 {
          medianOfThree(low, low + (high - low) / 2, high)
        } else {
          let saved = offset
          offset += ll
          let median = medianOfMediansOfFive(count: hh - ll)
          offset = saved
          swap(ll + median, low)
          ll -= 1
          hh += 1
        }
        depthLimit -= 1
        let pivot = value(low)
        while true {
          repeat { ll += 1 } while numPyLess(value(ll), pivot)
          repeat { hh -= 1 } while numPyLess(pivot, value(hh))
          if hh < ll { break }
          swap(ll, hh)
        }
        swap(low, hh)
        if hh >= kth { high = hh - 1 }
        if hh <= kth { low = ll }
      }
      if high == low + 1, numPyLess(value(high), value(low)) { swap(high, low) }
    }

    /// O(n·k) selection for a very small kth: the minimum of the rest, k + 1 times.
    mutating func dumbSelect(count: Int, kth: Int) {
      for i in 0...kth {
        var minimum = i
        for k in (i + 1)..<max(count, i + 1) where numPyLess(value(k), value(minimum)) { minimum = k }
        swap(i, minimum)
      }
    }

    /// Moves the median of three to `low` and the smallest to `low + 1`.
    mutating func medianOfThree(_ low: Int, _ middle: Int, _ high: Int) {
      if numPyLess(value(high), value(middle)) { swap(high, middle) }
      if numPyLess(value(high), value(low)) { swap(high, low) }
      if numPyLess(value(low), value(middle)) { swap(low, middle) }
      swap(middle, low + 1)
    }

    /// The position of the median of medians of groups of five (within `count`).
    mutating func medianOfMediansOfFive(count: Int) -> Int {
      let groups = count / 5
      for group in 0..<groups {
        let saved = offset
        offset += group * 5
        let median = medianOfFive()
        offset = saved
        swap(group * 5 + median, group)
      }
      if groups > 2 { introselect(count: groups, kth: groups / 2) }
      return groups / 2
    }

    /// The position of the median of five, sorting some of them on the way.
    mutating func medianOfFive() -> Int {
      if numPyLess(value(1), value(0)) { swap(1, 0) }
      if numPyLess(value(4), value(3)) { swap(4, 3) }
      if numPyLess(value(3), value(0)) { swap(3, 0) }
      if numPyLess(value(4), value(1)) { swap(4, 1) }
      if numPyLess(value(2), value(1)) { swap(2, 1) }
      if numPyLess(value(3), value(2)) { return numPyLess(value(3), value(1)) ? 1 : 3 }
      return 2
    }
  }
}
