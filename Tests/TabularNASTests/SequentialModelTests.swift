import Foundation
import Testing
@testable import TabularNAS

@Suite("Features, sequential regression models and experiments")
struct SequentialModelTests {
  /// A small learning-curve table: saturating curves whose final value depends on lr and depth.
  private func dataset(rows: Int = 60) throws -> LearningCurveDataset {
    var generator = SplitMix64(seed: 11)
    var text = "lr,depth,ss,acc_1,acc_2,acc_3,acc_4,acc_5,acc_6\n"
    for _ in 0..<rows {
      let lr = [0.001, 0.01, 0.1].randomElement(using: &generator) ?? 0.01
      let depth = Double(Int.random(in: 2...8, using: &generator))
      let ceiling = 0.5 + 0.04 * depth - 0.1 * abs(log10(lr) + 2) + Double.random(in: -0.02...0.02, using: &generator)
      let curve = (1...6).map { ceiling * (1 - exp(-Double($0) / 2)) + Double.random(in: -0.01...0.01, using: &generator) }
      text += "\(lr),\(depth),5000," + curve.map { "\($0)" }.joined(separator: ",") + "\n"
    }
    let files = try TemporaryFiles()
    defer { files.remove() }
    return try LearningCurveDataset(contentsOf: files.write("runs.csv", text))
  }

  @Test("features: observed values, first and second differences, AP and HP split by name, logs of learning rates")
  func features() throws {
    let data = try dataset()
    let extractor = try CurveFeatureExtractor(dataset: data, observedValues: 3)
    #expect(extractor.names == ["y1", "y2", "y3", "dy1", "dy2", "d2y2", "log(lr)", "depth", "ss"])
    let key = try data.configuration(checkedAt: 0)
    let curve = try data.curve(of: key)
    let row = try extractor.row(for: key)
    #expect(row[0..<3] == curve[0..<3])
    #expect(row[3] == curve[1] - curve[0] && row[5] == (curve[2] - curve[1]) - (curve[1] - curve[0]))
    #expect(row[6] == log(try #require(data.features(of: key).first)))
    #expect(try CurveFeatureExtractor(dataset: data, groups: .architecture, observedValues: 3).names == ["depth"])
    #expect(try CurveFeatureExtractor(dataset: data, groups: .hyperparameters, observedValues: 3).names == ["log(lr)", "ss"])
    #expect(throws: PredictionError.epochsOutOfRange(7, allowed: 1...6)) { try CurveFeatureExtractor(dataset: data, observedValues: 7) }
    #expect(throws: PredictionError.epochsOutOfRange(2, allowed: 3...3)) { try extractor.row(prefix: [0.1, 0.2], for: key) }
    #expect(throws: PredictionError.nonFiniteValue(row: 0, column: "y2")) { try extractor.row(prefix: [0.1, .nan, 0.2], for: key) }
    #expect(try CurveFeatureGroups(parsing: "ts,hp") == [.timeSeries, .hyperparameters])
    #expect(CurveFeatureGroups.all.combinations.map(\.description) == ["TS", "AP", "HP", "TS+AP", "TS+HP", "AP+HP", "TS+AP+HP"])
    #expect(throws: PredictionError.self) { try CurveFeatureGroups(parsing: "ts,arch") }
  }

  @Test("a sequential model predicts with a σ from leave-one-out residuals, better with more of the curve")
  func sequentialModel() throws {
    let data = try dataset()
    let keys = Array(data.configurations)
    let model = try SequentialRegressionModel(
      dataset: data, configurations: Array(keys.prefix(40)), observedCounts: [2, 5], family: .ridge, draws: 5)
    #expect(model.observedCounts == [2, 5])
    #expect(model.standardDeviations.allSatisfy { $0 > 0 && $0 < 0.1 })
    #expect(model.standardDeviations[1] < model.standardDeviations[0])
    let test = Array(keys.dropFirst(40))
    let predictions = try test.map { try model.predict($0, observedValues: 5).mean }
    #expect(Metrics.rSquared(predictions: predictions, truths: try test.map { try data.finalValue(of: $0) }) > 0.9)
    let prediction = try model.predict(test[0], observedValues: 2)
    #expect(prediction.probability(atMost: prediction.mean) == 0.5)
    #expect(prediction.probability(atMost: prediction.mean + 3 * prediction.standardDeviation) > 0.99)
    #expect(throws: PredictionError.epochsOutOfRange(3, allowed: 2...5)) { try model.predict(test[0], observedValues: 3) }
    #expect(throws: PredictionError.tooFewRows(2, needed: 3, reason: "a sequential regression model")) {
      try SequentialRegressionModel(dataset: data, configurations: Array(keys.prefix(2)), observedCounts: [2])
    }
  }

  @Test("the final-value experiment is deterministic: repeats do not depend on scheduling, a family's score not on which others run")
  func experiment() throws {
    let data = try dataset()
    let experiment = FinalValueExperiment(
      fraction: 0.5, trainingSize: 30, repeats: 3, models: [.ols, .knn], featureSets: [.all, .timeSeries], draws: 3)
    let first = try experiment.run(on: data), second = try experiment.run(on: data)
    #expect(first.observedValues == 3)
    #expect(first.rows.count == 4)
    #expect(first.rows.map(\.rSquared) == second.rows.map(\.rSquared))
    #expect(first.rows.allSatisfy { $0.rSquared.count == 3 && $0.summary.mean > 50 })
    let alone = try FinalValueExperiment(
      fraction: 0.5, trainingSize: 30, repeats: 3, models: [.knn], featureSets: [.all], draws: 3
    ).run(on: data)
    #expect(alone.rows[0].rSquared == first.rows[1].rSquared, "a family's score must not depend on the families beside it")
    #expect(throws: PredictionError.self) { try FinalValueExperiment(trainingSize: 60).run(on: data) }
    #expect(throws: PredictionError.self) { try FinalValueExperiment(fraction: 0).run(on: data) }
  }
}
