import Baselines
import Foundation
import Testing
import TabularNAS

@Suite("Early stopping with sequential regression models")
struct EarlyStoppingTests {
  private func dataset() throws -> LearningCurveDataset { try CurveFixture.saturating() }

  @Test("stops poor configurations early, trains the best fully, and pays only for epochs trained")
  func speedup() throws {
    let data = try dataset()
    let search = EarlyStoppingSearch<LearningCurveDataset>(threshold: 0.99, fullyTrained: 30, family: .ridge, draws: 3)
    let outcome = try search.search(on: data, budget: .infinity, seed: 1)
    #expect(outcome.tried.count == 120)
    #expect(!outcome.stopped.isEmpty)
    #expect(outcome.epochsTrained < 120 * 10)
    #expect(outcome.run.totalCost == Double(outcome.epochsTrained))
    let finals = try Array(data.configurations).map { try data.finalValue(of: $0) }
    let best = try #require(finals.indices.max { finals[$0] < finals[$1] })
    #expect(!outcome.stopped.contains(Array(data.configurations)[best]))
    #expect(outcome.run.log.best?.value == finals[best])
    let report = try EarlyStoppingExperiment(search: search, orderings: 3, seed: 2).run(on: data)
    #expect(report.allSatisfy { $0.speedup > 1 && $0.bestTrainedFully })
    let again = try EarlyStoppingExperiment(search: search, orderings: 3, seed: 2).run(on: data)
    #expect(report.map(\.epochsTrained) == again.map(\.epochsTrained))
  }

  @Test("with evolution the search proposes neighbours and stays within one configuration of the budget")
  func evolution() throws {
    let data = try dataset()
    let order = EarlyStoppingSearch<LearningCurveDataset>.Order.evolution(populationSize: 10, sampleSize: 3, rule: try NearestConfigurations(dataset: data))
    let search = EarlyStoppingSearch(fullyTrained: 20, family: .ridge, draws: 3, order: order)
    #expect(search.name == "srm-evolution")
    let outcome = try search.search(on: data, budget: 600, seed: 4)
    let costs = outcome.run.log.totalCosts
    #expect(outcome.run.totalCost >= 600 && costs[costs.count - 2] < 600)
    #expect(outcome.tried.count > 60)
    let run = try search.run(on: data, budget: 600, seed: 4)
    #expect(run.log.values == outcome.run.log.values)
  }

  @Test("f-Hyperband stays within one query of the budget, is deterministic, and stops some configurations early")
  func fastHyperband() throws {
    let data = try dataset()
    let search = FastHyperband<LearningCurveDataset>(threshold: 0.9, burnIn: 20, kappa: 0.3, family: .ridge, draws: 3)
    let run = try search.run(on: data, budget: 1000, seed: 6)
    let costs = run.log.totalCosts
    #expect(costs.last.map { $0 >= 1000 } ?? false && costs[costs.count - 2] < 1000)
    #expect(try search.run(on: data, budget: 1000, seed: 6).log.values == run.log.values)
    let plain = try Hyperband<LearningCurveDataset>().run(on: data, budget: 1000, seed: 6)
    // Early stopping saves epochs, so the same budget reaches more distinct configurations.
    #expect(Set(run.log.keys).count > Set(plain.log.keys).count)
  }

  @Test("resuming training charges only the new epochs")
  func resume() throws {
    let data = try dataset()
    var run = BenchmarkRun(benchmark: data)
    let key = try data.configuration(checkedAt: 0)
    try run.resume(key, from: 0, to: 3)
    try run.resume(key, from: 3, to: 10)
    #expect(run.log.entries.map(\.cost) == [3, 7])
    #expect(run.log.entries.map(\.epochs) == [3, 10])
    #expect(throws: PredictionError.tooFewRows(120, needed: 201, reason: "early stopping after 200 full trainings")) {
      try EarlyStoppingExperiment(search: EarlyStoppingSearch<LearningCurveDataset>(fullyTrained: 200)).run(on: data)
    }
  }
}

@Suite("Early stopping on NAS-HPO-Bench-II")
struct NASHPOEarlyStoppingTests {
  static let bench = NASHPOBench2.synthetic(seed: 3)

  @Test("the cell, learning rate and batch size are features; the curve is the validation accuracy per epoch")
  func features() throws {
    let key = try NASHPOKey(cellcode: "0|12|233", lr: 0.1, batchSize: 64)
    let row = try Self.bench.features(of: key)
    #expect(row.count == Self.bench.featureNames.count && row.count == 26)
    #expect(row.prefix(24).reduce(0, +) == 6)
    #expect(row[0] == 1 && row[4 + 1] == 1 && row[8 + 2] == 1 && row[12 + 2] == 1 && row[16 + 3] == 1 && row[20 + 3] == 1)
    #expect(Array(row.suffix(2)) == [0.1, 64])
    let curve = try Self.bench.curve(of: key)
    #expect(curve.count == 12)
    #expect(try curve == (1...12).map { try Self.bench.queryByKey(cellcode: "0|12|233", lr: 0.1, batchSize: 64, iepoch: $0).accuracy })
    #expect(try Self.bench.finalValue(of: key) == curve[11])
    let extractor = try CurveFeatureExtractor(dataset: Self.bench, groups: .hyperparameters, observedValues: 2)
    #expect(extractor.names == ["log(lr)", "log(batch_size)"])
  }

  @Test("the early-stopping search stops configurations, pays only for epochs trained and is deterministic")
  func earlyStopping() throws {
    let search = EarlyStoppingSearch<NASHPOBench2>(threshold: 0.95, fullyTrained: 20, family: .ridge, draws: 3)
    let outcome = try search.search(on: Self.bench, budget: 60_000, seed: 1)
    #expect(!outcome.stopped.isEmpty)
    #expect(outcome.tried.count > 100)
    let charged = try outcome.run.log.entries.reduce(0.0) { total, entry in
      total + (try Self.bench.query(entry.key, epochs: entry.epochs).cost ?? 0)
    }
    #expect(charged > outcome.run.totalCost)  // resumed queries pay only their new epochs
    #expect(try search.search(on: Self.bench, budget: 60_000, seed: 1).run.log.values == outcome.run.log.values)
  }

  @Test("f-Hyperband evaluates Hyperband's configurations for less compute")
  func fastHyperband() throws {
    let plain = try Hyperband<NASHPOBench2>(iterations: 6).run(on: Self.bench, budget: .infinity, seed: 8)
    let fast = try FastHyperband<NASHPOBench2>(iterations: 6, burnIn: 10, kappa: 0.34, family: .ridge, draws: 3)
      .run(on: Self.bench, budget: .infinity, seed: 8)
    #expect(Set(fast.log.keys) == Set(plain.log.keys))
    #expect(fast.totalCost < plain.totalCost)
  }
}
