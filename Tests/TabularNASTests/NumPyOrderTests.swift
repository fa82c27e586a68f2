import Foundation
import Testing
@testable import TabularNAS

/// NumPy 1.23's orders of ties, from `Tools/prediction/make_numpy_order_fixture.py`.
@Suite("NumPy's sort, partition and mean, tie for tie")
struct NumPyOrderTests {
  struct Case {
    let values: [Double]
    let kth: Int
    let argsort: [Int]
    let argpartition: [Int]
    let meanBits: UInt64
  }

  static func cases() throws -> [Case] {
    let data = Data(try Fixture.bytes("numpy-order.json"))
    let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let list = try #require(root["cases"] as? [[String: Any]])
    return try list.map { item in
      let values = try #require(item["values"] as? [String]).map { try #require(Double($0)) }
      let mean = try #require(item["mean"] as? String)
      return Case(
        values: values, kth: try #require(item["kth"] as? Int), argsort: try #require(item["argsort"] as? [Int]),
        argpartition: try #require(item["argpartition"] as? [Int]), meanBits: try #require(UInt64(mean, radix: 16)))
    }
  }

  @Test("argsort keeps ties where NumPy's introsort leaves them (120 arrays, some with NaN)")
  func argsort() throws {
    let cases = try Self.cases()
    #expect(cases.count == 120)
    #expect(cases.contains { $0.values.count > 40 } && cases.contains { $0.values.contains(where: \.isNaN) })
    for (number, testCase) in cases.enumerated() {
      #expect(NumPyArgsort.ascendingPositions(of: testCase.values) == testCase.argsort, "case \(number)")
    }
  }

  @Test("argpartition leaves the whole permutation as NumPy's introselect does")
  func argpartition() throws {
    for (number, testCase) in try Self.cases().enumerated() {
      var order = Array(testCase.values.indices)
      NumPyArgpartition.select(testCase.values, &order, count: order.count, kth: testCase.kth)
      #expect(order == testCase.argpartition, "case \(number), kth \(testCase.kth)")
    }
  }

  @Test("the pairwise mean has NumPy's bits")
  func pairwiseMean() throws {
    for (number, testCase) in try Self.cases().enumerated() {
      let mean = NumPyPairwiseSum.mean(testCase.values)
      let expected = Double(bitPattern: testCase.meanBits)
      #expect(mean.bitPattern == expected.bitPattern || (mean.isNaN && expected.isNaN), "case \(number)")
    }
  }

  @Test("the k smallest come as scikit-learn ≤ 1.0's brute-force search took them (NumPy 1.23)")
  func smallest() {
    // np.argpartition(d, k − 1)[:k], then sorted by d: which equal values are kept, and their order.
    #expect(NumPyArgpartition.smallest(3, of: [1, 1, 1, 1, 1, 1, 0]) == [6, 1, 2])
    #expect(NumPyArgpartition.smallest(5, of: [2, 1, 1, 3, 1, 0, 1, 1, 2]) == [5, 1, 6, 7, 4])
  }
}
