@preconcurrency import Glibc

/// Parses decimal numbers from raw bytes, correctly rounded like Python's `float`.
///
/// Most cells of a learning-curve file have at most 19 significant digits and a small exponent:
/// those take Clinger's exact fast path (an integer mantissa of at most 2⁵³ times or divided by
/// an exactly representable power of ten rounds once, hence correctly). Anything longer falls
/// back to `strtod` on a terminated copy, after the syntax has been checked here.
enum DecimalParser {
  private static let exactPowersOfTen: [Double] = (0...22).map { exponent in
    var value = 1.0
    for _ in 0..<exponent { value *= 10 }  // every step is exact up to 1e22
    return value
  }

  /// The number a field holds, or `nil` when it is not a decimal number.
  ///
  /// Accepts an optional sign, digits with an optional point, an optional exponent, surrounding
  /// spaces, and `nan`, `inf` or `infinity` in any case; rejects hexadecimal and empty text.
  static func parse(_ field: UnsafeRawBufferPointer) -> Double? {
    var start = 0, end = field.count
    while start < end && (field[start] == .space || field[start] == .tab) { start += 1 }
    while end > start && (field[end - 1] == .space || field[end - 1] == .tab) { end -= 1 }
    guard start < end else { return nil }
    var position = start
    let isNegative = field[position] == .minus
    if isNegative || field[position] == .plus { position += 1 }
    var mantissa: UInt64 = 0, significantDigits = 0
    let integer = takeDigits(field, &position, end, &mantissa, &significantDigits)
    var exponent = integer.dropped, sawDigit = integer.seen > 0, isTruncated = integer.dropped > 0
    if position < end && field[position] == .point {
      position += 1
      let fraction = takeDigits(field, &position, end, &mantissa, &significantDigits)
      exponent -= fraction.seen - fraction.dropped
      sawDigit = sawDigit || fraction.seen > 0
      isTruncated = isTruncated || fraction.dropped > 0
    }
    guard sawDigit else { return special(field, from: position, to: end, isNegative: isNegative) }
    if position < end && (field[position] == .lowercaseE || field[position] == .uppercaseE) {
      position += 1
      var exponentIsNegative = false
      if position < end && (field[position] == .minus || field[position] == .plus) {
        exponentIsNegative = field[position] == .minus
        position += 1
      }
      var written = 0, sawExponentDigit = false
      while position < end, case let digit = field[position] &- .zero, digit < 10 {
        written = min(written * 10 + Int(digit), 1_000_000)  // beyond any double's range
        sawExponentDigit = true
        position += 1
      }
      guard sawExponentDigit else { return nil }
      exponent += exponentIsNegative ? -written : written
    }
    guard position == end else { return nil }
    if mantissa == 0 { return isNegative ? -0.0 : 0.0 }
    if !isTruncated && mantissa <= 1 << 53 && exponent >= -22 && exponent <= 22 {
      let magnitude = Double(mantissa)
      let value = exponent < 0 ? magnitude / powerOfTen(-exponent) : magnitude * powerOfTen(exponent)
      return isNegative ? -value : value
    }
    return correctlyRounded(field, from: start, to: end)
  }

  /// Accumulates a run of digits into the mantissa: leading zeros are skipped, digits beyond 19
  /// significant ones are dropped (the exact fallback then decides).
  ///
  /// - Returns: How many digits were seen and how many of them were dropped.
  @inline(__always)
  private static func takeDigits(
    _ field: UnsafeRawBufferPointer, _ position: inout Int, _ end: Int, _ mantissa: inout UInt64,
    _ significantDigits: inout Int
  ) -> (seen: Int, dropped: Int) {
    let start = position
    var dropped = 0
    while position < end, case let digit = field[position] &- .zero, digit < 10 {
      if significantDigits == 19 {
        dropped += 1
      } else if mantissa != 0 || digit != 0 {
        mantissa = mantissa &* 10 &+ UInt64(digit)
        significantDigits += 1
      }
      position += 1
    }
    return (position - start, dropped)
  }

  /// 10^exponent for 0…22, each exactly representable.
  @inline(__always)
  private static func powerOfTen(_ exponent: Int) -> Double {
    return exactPowersOfTen[exponent]
  }

  /// `nan`, `inf` and `infinity` in any case, signed or not.
  private static func special(_ field: UnsafeRawBufferPointer, from start: Int, to end: Int, isNegative: Bool)
    -> Double?
  {
    guard end - start <= 8 else { return nil }  // longer than "infinity": no need to look
    let word = String(decoding: UnsafeRawBufferPointer(rebasing: field[start..<end]), as: UTF8.self).lowercased()
    switch word {
    case "nan": return .nan
    case "inf", "infinity": return isNegative ? -.infinity : .infinity
    default: return nil
    }
  }

  /// The C library's correctly rounded conversion, for long mantissas and large exponents.
  private static func correctlyRounded(_ field: UnsafeRawBufferPointer, from start: Int, to end: Int) -> Double? {
    let length = end - start
    return withUnsafeTemporaryAllocation(of: CChar.self, capacity: length + 1) { text -> Double? in
      guard let base = text.baseAddress else { return nil }
      for offset in 0..<length { base[offset] = CChar(bitPattern: field[start + offset]) }
      base[length] = 0
      var stop: UnsafeMutablePointer<CChar>?
      let value = strtod(base, &stop)
      return stop == base + length ? value : nil
    }
  }
}

extension DecimalParser {
  /// The number a string holds, or `nil`; the same rules as for raw bytes.
  static func parse(_ text: String) -> Double? {
    var text = text
    return text.withUTF8 { parse(UnsafeRawBufferPointer($0)) }
  }
}
