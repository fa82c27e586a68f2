/// NumPy's summation of a contiguous float64 run (`pairwise_sum`): eight interleaved partial
/// sums per block of up to 128 values, halves above that — so a mean over the same values in the
/// same order rounds as `np.mean` does, and predictions that tie in NumPy tie here too.
enum NumPyPairwiseSum {
  /// The values' sum, in NumPy's order of additions.
  static func sum<C: RandomAccessCollection>(_ values: C) -> Double where C.Element == Double, C.Index == Int {
    sum(values, values.startIndex, values.count)
  }

  /// The mean, as `np.mean`: the pairwise sum divided by the count.
  static func mean<C: RandomAccessCollection>(_ values: C) -> Double where C.Element == Double, C.Index == Int {
    sum(values) / Double(values.count)
  }

  private static func sum<C: RandomAccessCollection>(_ a: C, _ start: Int, _ count: Int) -> Double
  where C.Element == Double, C.Index == Int {
    if count < 8 {
      // The reduction starts from the identity, 0, so −0.0 sums come out as +0.0, as in NumPy.
      var total = 0.0
      for i in start..<(start + count) { total += a[i] }
      return total
    }
    if count <= 128 {
      var r = (0..<8).map { a[start + $0] }
      var i = 8
      while i < count - count % 8 {
        for j in 0..<8 { r[j] += a[start + i + j] }
        i += 8
      }
      var total = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
      while i < count {
        total += a[start + i]
        i += 1
      }
      return total
    }
    var half = count / 2
    half -= half % 8
    return sum(a, start, half) + sum(a, start + half, count - half)
  }
}
