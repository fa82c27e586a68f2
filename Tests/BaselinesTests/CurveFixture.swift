import Foundation
import TabularNAS

/// A small learning-curve dataset the baseline tests generate.
enum CurveFixture {
  /// Saturating curves over 10 epochs whose ceiling depends on the configuration's fields.
  static func saturating() throws -> LearningCurveDataset {
    var generator = SplitMix64(seed: 5)
    var text = "width,depth," + (1...10).map { "acc_\($0)" }.joined(separator: ",") + "\n"
    for _ in 0..<120 {
      let width = Double(Int.random(in: 1...8, using: &generator)), depth = Double(Int.random(in: 1...6, using: &generator))
      let ceiling = 0.3 + 0.05 * width + 0.03 * depth + Double.random(in: -0.01...0.01, using: &generator)
      text += "\(width),\(depth)," + (1...10).map { "\(ceiling * (1 - exp(-Double($0) / 3)))" }.joined(separator: ",") + "\n"
    }
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("tabnas-\(UUID().uuidString).csv").path
    try writeNewFile(Array(text.utf8), to: path)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try LearningCurveDataset(contentsOf: path)
  }
}
