/// A header name that marks a curve column, split into its curve and its epoch number.
///
/// Three conventions are recognised: `acc_N` and `ep_N` (Baker et al. 2018), and `eN<Metric>`
/// with a capitalised metric (NAAP-440's `e12Accuracy`, `e12LossMean`). The number is the one
/// written in the header; which training epoch it stands for is the descriptor's business.
struct CurveColumnName: Equatable {
  /// The curve the column belongs to: `acc`, `ep`, `Accuracy`, `LossMean`, …
  let curve: String
  /// The number in the header.
  let number: Int

  /// Recognises a curve column, or returns `nil` for any other name.
  init?(_ name: String) {
    let scalars = Array(name.unicodeScalars)
    for prefix in ["acc", "ep"] where name.hasPrefix(prefix + "_") {
      let digits = scalars.dropFirst(prefix.count + 1)
      guard let number = Self.number(digits) else { return nil }
      self.init(curve: prefix, number: number)
      return
    }
    guard scalars.first == "e" else { return nil }
    let digits = scalars.dropFirst().prefix { ("0"..."9").contains($0) }
    let metric = scalars.dropFirst(1 + digits.count)
    guard let number = Self.number(digits), let first = metric.first, ("A"..."Z").contains(first),
      metric.allSatisfy({ $0.properties.isAlphabetic && $0.isASCII })
    else { return nil }
    self.init(curve: String(String.UnicodeScalarView(metric)), number: number)
  }

  init(curve: String, number: Int) {
    self.curve = curve
    self.number = number
  }

  /// Decimal digits without a sign or a leading zero (except `0` itself).
  private static func number(_ digits: ArraySlice<Unicode.Scalar>) -> Int? {
    guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ ("0"..."9").contains($0) }),
      digits.count == 1 || digits.first != "0"
    else { return nil }
    return Int(String(String.UnicodeScalarView(digits)))
  }
}
