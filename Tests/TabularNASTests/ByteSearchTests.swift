import Testing

@testable import TabularNAS

@Suite("Searching bytes")
struct ByteSearchTests {
  private func holds(_ text: String, _ pattern: String) -> Bool {
    Array(text.utf8).withUnsafeBytes { $0.contains(bytes: Array(pattern.utf8)) }
  }

  @Test("a pattern is found at the start, inside, at the very end, and after a false start")
  func findsEveryPlacement() {
    #expect(holds("scalar and more", "scalar"))
    #expect(holds("numpy.core.multiarray\nscalar\n", "scalar"))
    #expect(holds("ends with scalar", "scalar"))
    #expect(holds("scalscalar", "scalar"))
    #expect(holds("sssscalar", "scalar"))
  }

  @Test("a pattern absent, cut off at the end, longer than the bytes, or searched in nothing is not found")
  func findsNothingElse() {
    #expect(!holds("no such word", "scalar"))
    #expect(!holds("ends with scala", "scalar"))
    #expect(!holds("scal", "scalar"))
    #expect(!holds("", "scalar"))
    #expect(holds("anything", ""))
  }
}
