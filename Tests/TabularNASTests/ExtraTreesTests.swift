import Foundation
import Testing
@testable import TabularNAS

@Suite("Extra trees and the best-of-families selection")
struct ExtraTreesTests {
  /// A 1-D step with distinct inputs, a smooth second column and noise-free targets.
  private func step(rows: Int, seed: UInt64) -> (FeatureMatrix, [Double]) {
    var generator = SplitMix64(seed: seed)
    let x = FeatureMatrix(rows: (0..<rows).map { _ in [Double.random(in: -1...1, using: &generator), Double.random(in: 0...1, using: &generator)] })
    return (x, (0..<rows).map { x[$0, 0] > 0.2 ? 1 + x[$0, 1] : -1 })
  }

  @Test("random thresholds without bootstrap grow pure trees that reproduce every training row, deterministically")
  func extraTreesFitTrainingRows() throws {
    let (x, y) = step(rows: 60, seed: 3)
    let forest = RandomForest.extraTrees(trees: 20)
    #expect(forest.name == "extra-trees" && !forest.bootstrap && forest.tree.splitter == .random)
    let first = try forest.fit(x, y, seed: 4).predict(x)
    #expect(zip(first, y).allSatisfy { abs($0 - $1) < 1e-12 })
    let between = FeatureMatrix(rows: (0..<50).map { [Double($0) / 25 - 1, 0.5] })
    let seeded = try forest.fit(x, y, seed: 4).predict(between)
    #expect(seeded == (try forest.fit(x, y, seed: 4).predict(between)))
    #expect(seeded != (try forest.fit(x, y, seed: 5).predict(between)))
    // CART's thresholds are midpoints; random ones differ between training values.
    let cart = try RandomForest(trees: 20, bootstrap: false).fit(x, y, seed: 4).predict(between)
    #expect(cart != seeded)
    #expect(RandomForest().name == "random-forest")
  }

  @Test("a random split respects the fewest rows per leaf, and a constant feature is never split on")
  func randomSplitLimits() throws {
    let x = FeatureMatrix(rows: (0..<40).map { [7, Double($0)] })
    let y = (0..<40).map { Double($0) }
    let tree = DecisionTree(minSamplesLeaf: 8, splitter: .random)
    var generator = SplitMix64(seed: 11)
    let model = tree.grow(FeatureColumns(x), y, rows: Array(0..<40), using: &generator)
    // Every leaf holds at least 8 rows, so at most 5 distinct predictions over the 40 rows.
    #expect(Set(x.rowArrays.map { model.predict($0[...]) }).count <= 5)
    #expect(Set(x.rowArrays.map { model.predict($0[...]) }).count >= 2)
    // Thresholds between values whose difference overflows are still drawn inside the range.
    let wide = FeatureMatrix(rows: [[-1e308], [-1e307], [1e307], [1e308]])
    let fitted = try RandomForest.extraTrees(trees: 5).fit(wide, [1, 2, 3, 4], seed: 2)
    #expect(fitted.predict(wide) == [1, 2, 3, 4])
    var draws = SplitMix64(seed: 3)
    #expect((0..<1000).allSatisfy { _ in (-1e308..<1e308).contains(TreeBuilder.uniform(in: -1e308..<1e308, using: &draws)) })
  }

  @Test("extra-trees and best parse; best keeps the one member with the lowest cross-validated error")
  func bestOfFamilies() throws {
    #expect(try ModelFamily(parsing: "extra-trees") == .extraTrees)
    #expect(try ModelFamily(parsing: "best") == .best)
    #expect(ModelFamily.best.members == [.nuSVRRBF, .randomForest, .extraTrees, .gradientBoosting])
    #expect(ModelFamily.best.keepsBestMember && !ModelFamily.ensemble.keepsBestMember && !ModelFamily.best.isTunable)
    let (x, y) = step(rows: 45, seed: 8)
    let selection = ModelSelection(family: .best, draws: 2, folds: 3)
    let chosen = try selection.select(x, y, seed: 21)
    #expect(chosen.count == 1)
    let errors = try ModelFamily.best.members.enumerated().map { offset, member in
      try selection.search.with(family: member).selectScored(x, y, seed: ModelSelection.memberSeed(21, offset: offset))
    }
    let winner = try #require(errors.min { $0.error < $1.error })
    #expect(chosen[0].regressor.name == winner.pipeline.regressor.name)
    #expect(errors.allSatisfy { $0.error.isFinite && $0.error >= winner.error })
    #expect(try selection.fit(x, y, seed: 21).members.count == 1)
  }

  @Test("a sample sorted from the presorted rows is exactly a stable sort of it, ties and repeats included")
  func presortedSample() {
    var generator = SplitMix64(seed: 17)
    // Few distinct values, so most rows tie with others.
    let x = FeatureMatrix(rows: (0..<50).map { _ in (0..<3).map { _ in Double(Int.random(in: 0..<6, using: &generator)) } })
    let columns = FeatureColumns(x)
    for sample in [Array(0..<50), (0..<50).map { _ in Int.random(in: 0..<50, using: &generator) }, [7, 3, 7, 3, 49, 0]] {
      let expected = columns.values.flatMap { column in sample.sorted { column[$0] < column[$1] } }
      #expect(SampleOrder(sample, rowCount: 50).sorted(columns) == expected)
    }
  }
}
