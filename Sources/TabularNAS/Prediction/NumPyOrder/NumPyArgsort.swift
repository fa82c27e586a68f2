/// NumPy's default `argsort` (`kind='quicksort'`: introsort) as NumPy ≤ 1.24 runs it, so rows
/// that tie keep the order scikit-learn pipelines and pandas' `sort_values` gave them.
///
/// The order of tied values is part of a published result whenever a method depends on row
/// order (libsvm's working-set choice, a nearest-neighbour tie): NAAP-440's script sorts its
/// table by `MaxAccuracy` before anything else.
enum NumPyArgsort {
  /// Partitions of more than this many elements are split; smaller ones are insertion-sorted.
  static let smallPartition = 15

  /// The positions of `values` in ascending order, ties as NumPy's introsort leaves them.
  ///
  static func ascendingPositions(of values: [Double]) -> [Int] {
    var order = Array(values.indices)
    guard values.count > 1 else { return order }
    var stack: [(low: Int, high: Int, depth: Int)] = []
    var low = 0, high = values.count - 1
    var depth = 2 * mostSignificantBit(values.count)
    while true {
      if depth < 0 {
        heapsort(values, &order, low...high)
      } else {
        while high - low > smallPartition {
          let pivot = partition(values, &order, low, high)
          depth -= 1
          // The larger side waits on the stack.
          if pivot - low < high - pivot {
            stack.append((pivot + 1, high, depth))
            high = pivot - 1
          } else {
            stack.append((low, pivot - 1, depth))
            low = pivot + 1
          }
        }
        insertionSort(values, &order, low...high)
      }
      guard let next = stack.popLast() else { return order }
      (low, high, depth) = next
    }
  }

  /// The index of the highest set bit (`npy_get_msb`).
  static func mostSignificantBit(_ count: Int) -> Int { Int.bitWidth - 1 - count.leadingZeroBitCount }

  /// Median-of-three partition of `order[low...high]`; returns the pivot's final position.
  private static func partition(_ values: [Double], _ order: inout [Int], _ low: Int, _ high: Int) -> Int {
    let middle = low + (high - low) >> 1
    if numPyLess(values[order[middle]], values[order[low]]) { order.swapAt(middle, low) }
    if numPyLess(values[order[high]], values[order[middle]]) { order.swapAt(high, middle) }
    if numPyLess(values[order[middle]], values[order[low]]) { order.swapAt(middle, low) }
    let pivot = values[order[middle]]
    var i = low, j = high - 1
    order.swapAt(middle, j)
    while true {
      repeat { i += 1 } while numPyLess(values[order[i]], pivot)
      repeat { j -= 1 } while numPyLess(pivot, values[order[j]])
      if i >= j { break }
      order.swapAt(i, j)
    }
    order.swapAt(i, high - 1)
    return i
  }

  /// Stable insertion sort of `order[range]`.
  private static func insertionSort(_ values: [Double], _ order: inout [Int], _ range: ClosedRange<Int>) {
    guard range.count > 1 else { return }
    for i in (range.lowerBound + 1)...range.upperBound {
      let moving = order[i], value = values[moving]
      var j = i
      while j > range.lowerBound, numPyLess(value, values[order[j - 1]]) {
        order[j] = order[j - 1]
        j -= 1
      }
      order[j] = moving
    }
  }

  /// NumPy's `aheapsort`, the fallback once the partitions recurse too deep.
  private static func heapsort(_ values: [Double], _ order: inout [Int], _ range: ClosedRange<Int>) {
    // One-based heap over order[range]: a(k) is order[range.lowerBound + k - 1].
    let base = range.lowerBound - 1
    func siftDown(_ moving: Int, from start: Int, count: Int) {
      var i = start, j = start << 1
      while j <= count {
        if j < count, numPyLess(values[order[base + j]], values[order[base + j + 1]]) { j += 1 }
        guard numPyLess(values[moving], values[order[base + j]]) else { break }
        order[base + i] = order[base + j]
        i = j
        j += j
      }
      order[base + i] = moving
    }
    var count = range.count
    for l in stride(from: count >> 1, to: 0, by: -1) { siftDown(order[base + l], from: l, count: count) }
    while count > 1 {
      let moving = order[base + count]
      order[base + count] = order[base + 1]
      count -= 1
      siftDown(moving, from: 1, count: count)
    }
  }
}
