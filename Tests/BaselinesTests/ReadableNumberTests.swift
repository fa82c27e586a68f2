import Testing
@testable import Baselines

@Suite("Numbers for people")
struct ReadableNumberTests {
  @Test("a mean is rounded to the two significant digits of its standard error", arguments: [
    (83.8656, 0.26017109056087756, "83.87 ± 0.26"), (30048.29173356897, 7.434339528472265, "30048.3 ± 7.4"),
    (0.83842, 0.0011, "0.8384 ± 0.0011"), (1234.5, 25.2, "1234 ± 25"), (86.5, 0, "86.5 ± 0"),
  ] as [(Double, Double, String)])
  func measured(mean: Double, error: Double, text: String) {
    #expect(ReadableNumber.measured(mean, error).text == text)
  }

  @Test("values measured alongside take the mean's decimals; plain values lose floating-point noise")
  func alike() {
    #expect(ReadableNumber.measured(83.8656, 0.26).alike(5.634399999999999) == "5.63")
    #expect(ReadableNumber.plain(30000) == "30000" && ReadableNumber.plain(5.634399999999999) == "5.6344")
    #expect(ReadableNumber.plain(89.5) == "89.5" && ReadableNumber.plain(0.000123456789) == "0.000123457")
    #expect(ReadableNumber.plain(.infinity) == "inf" && ReadableNumber.decimals(forStandardError: .nan) == nil)
  }
}
