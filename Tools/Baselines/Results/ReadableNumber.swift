import Foundation

/// Numbers rounded for people: a mean to the digits its standard error supports, other values
/// without floating-point noise. Files and `--json` keep full precision.
public enum ReadableNumber {
  /// The decimals that show a standard error to two significant digits (0 for errors of 10 or
  /// more), or `nil` for a zero or non-finite error, which supports no rounding.
  public static func decimals(forStandardError error: Double) -> Int? {
    guard error.isFinite, error > 0 else { return nil }
    return max(0, 1 - Int(floor(log10(error))))
  }

  /// A value with a fixed number of decimals, e.g. `83.87`.
  public static func fixed(_ value: Double, decimals: Int) -> String {
    value.isFinite ? String(format: "%.\(decimals)f", value) : "\(value)"
  }

  /// A value to six significant digits without trailing zeros, e.g. `30000`, `0.8384`, `86.26`.
  public static func plain(_ value: Double) -> String {
    guard value.isFinite else { return "\(value)" }
    guard value != 0 else { return "0" }
    let decimals = max(0, 5 - Int(floor(log10(abs(value)))))
    var text = String(format: "%.\(decimals)f", value)
    if text.contains(".") {
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    return text
  }

  /// `mean ± error` rounded to the error's two significant digits, and a formatter for other
  /// values measured alongside (quantiles, regret) at the same decimals.
  public static func measured(_ mean: Double, _ error: Double) -> (text: String, alike: (Double) -> String) {
    guard let decimals = decimals(forStandardError: error) else {
      return ("\(plain(mean)) ± \(plain(error))", plain)
    }
    return ("\(fixed(mean, decimals: decimals)) ± \(fixed(error, decimals: decimals))", { fixed($0, decimals: decimals) })
  }
}
