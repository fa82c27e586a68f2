import Baselines
import Foundation
import Testing
import TabularNAS

@Suite("Ask/tell searches on simulated workers")
struct SimulatedWorkersTests {
  static let bench = NASHPOBench2.synthetic()

  /// Every algorithm, with settings that make the early-stopping ones stop things.
  static let algorithms: [(SearchAlgorithm, SearchSettings)] = SearchAlgorithm.allCases.map { algorithm in
    var settings = SearchSettings()
    if algorithm == .fastHyperband { settings.burnIn = 5 }
    if algorithm == .earlyStoppingRandom || algorithm == .earlyStoppingEvolution { settings.fullyTrained = 8 }
    return (algorithm, settings)
  }

  @Test("with one worker every algorithm logs exactly what the sequential driver logs", arguments: algorithms)
  func oneWorkerIsSequential(algorithm: SearchAlgorithm, settings: SearchSettings) throws {
    let sequential = SearchRunner(algorithm: algorithm, settings: settings, budget: 6000, seed: 3)
    let simulated = SearchRunner(algorithm: algorithm, settings: settings, budget: .cost(6000), seed: 3, workers: 1)
    let one = try simulated.run(on: Self.bench, runs: 0..<4, jobs: 2)
    #expect(try sequential.run(on: Self.bench, runs: 0..<4, jobs: 2).map(\.results) == one.map(\.results))
    #expect(one.allSatisfy { $0.timeline?.workers == 1 })
    let curves = try CurveFixture.saturating()
    guard ![.reinforce, .randomThenEvolution, .bohbThenEvolution].contains(algorithm) else {
      // These need a product of choices; a table of rows is refused the same way by both drivers.
      #expect(throws: SearchError.self) { try sequential.run(on: curves, budget: .cost(80), runs: 0..<1) }
      #expect(throws: SearchError.self) { try simulated.run(on: curves, budget: .cost(80), runs: 0..<1) }
      return
    }
    #expect(
      try sequential.run(on: curves, budget: .cost(80), runs: 0..<3).map(\.results)
        == simulated.run(on: curves, budget: .cost(80), runs: 0..<3).map(\.results))
  }

  /// Checks a run's timeline against its log and the benchmark.
  private func checkInvariants<B: TabularBenchmark>(_ run: SearchRunResults<B.Configuration>, on benchmark: B, workers: Int) throws {
    let timeline = try #require(run.timeline)
    #expect(timeline.records.count == run.values.count)
    // Told in completion order.
    #expect(zip(timeline.records, timeline.records.dropFirst()).allSatisfy { $0.end <= $1.end })
    // No worker runs two trials at once.
    for worker in 0..<workers {
      let mine = timeline.records.filter { $0.worker == worker }.sorted { $0.start < $1.start }
      #expect(zip(mine, mine.dropFirst()).allSatisfy { $0.end <= $1.start })
    }
    #expect(timeline.records.allSatisfy { (0..<workers).contains($0.worker) })
    // A resumed trial continues from the epochs it had and pays only the new ones.
    var trained: [Int: Int] = [:]
    let costs = zip(run.totalCosts, [0] + run.totalCosts.dropLast()).map { $0 - $1 }
    for (record, (key, cost)) in zip(timeline.records, zip(run.keys, costs)) {
      #expect(record.trainedEpochs == trained[record.trial, default: 0])
      trained[record.trial] = record.epochs
      let full = try benchmark.query(key, epochs: record.epochs).cost ?? 0
      let paid = record.trainedEpochs == 0 ? 0 : try benchmark.query(key, epochs: record.trainedEpochs).cost ?? 0
      #expect(abs(cost - (full - paid)) <= 1e-6 * max(1, full))
      #expect(abs(record.end - record.start - (full - paid)) <= 1e-6 * max(1, full))
    }
  }

  @Test("no worker runs two trials at once, results come in completion order, resumed trials pay only new epochs")
  func invariants() throws {
    for (algorithm, settings) in Self.algorithms {
      for workers in [2, 3, 8] {
        let runner = SearchRunner(algorithm: algorithm, settings: settings, budget: .time(4000), seed: UInt64(workers), workers: workers)
        for run in try runner.run(on: Self.bench, runs: 0..<6) {
          try checkInvariants(run, on: Self.bench, workers: workers)
          #expect(run.timeline?.records.allSatisfy { $0.end <= 4000 } == true)
        }
      }
    }
    let curves = try CurveFixture.saturating()
    for algorithm in [SearchAlgorithm.asha, .asynchronousHyperband, .hyperband, .earlyStoppingEvolution] {
      var settings = SearchSettings()
      settings.fullyTrained = algorithm == .earlyStoppingEvolution ? 8 : nil
      let runner = SearchRunner(algorithm: algorithm, settings: settings, budget: .cost(150), seed: 9, workers: 4)
      for run in try runner.run(on: curves, runs: 0..<6) { try checkInvariants(run, on: curves, workers: 4) }
    }
  }

  @Test("the same seed gives the same runs whatever the number of threads")
  func jobsDoNotMatter() throws {
    let runner = SearchRunner(algorithm: .asha, settings: SearchSettings(), budget: .time(5000), seed: 11, workers: 8)
    #expect(try runner.run(on: Self.bench, runs: 0..<8, jobs: 1) == runner.run(on: Self.bench, runs: 0..<8, jobs: 4))
  }

  @Test("budgets of trials and cost bound what starts; a fixed overhead delays every start")
  func budgets() throws {
    let trials = try SearchRunner(algorithm: .asha, settings: SearchSettings(), budget: .trials(30), seed: 1, workers: 4)
      .run(on: Self.bench, runs: 0..<3)
    #expect(trials.allSatisfy { Set($0.timeline?.records.map(\.trial) ?? []).count == 30 })
    let cost = try SearchRunner(algorithm: .random, settings: SearchSettings(), budget: .cost(5000), seed: 1, workers: 4)
      .run(on: Self.bench, runs: 0..<3)
    // Trials start while finished plus running cost is below the budget.
    #expect(cost.allSatisfy { run in
      let total = run.totalCosts.last ?? 0, last = (run.totalCosts.dropLast().last ?? 0)
      return total >= 5000 && run.totalCosts.count > 1 && last < 5000 + 4 * 2000
    })
    let charged = try SearchRunner(
      algorithm: .random, settings: SearchSettings(), budget: .trials(12), seed: 1, workers: 3, overhead: .fixed(7)
    ).run(on: Self.bench, runs: 0..<1)[0]
    let timeline = try #require(charged.timeline)
    #expect(timeline.decisionTime == 12 * 7)
    #expect(timeline.records.filter { $0.start < 7 }.isEmpty)
    // N workers spend a time budget N times over, so its bound is divided by N.
    let curves = try CurveFixture.saturating()
    let limit = 10.0 * 120 * 10
    #expect(try SearchRunner(algorithm: .random, settings: SearchSettings(), budget: .time(limit), seed: 1, workers: 1).budget(on: curves) == .time(limit))
    #expect(throws: SearchError.budgetUnreachable(limit, maximum: limit / 4, unit: "epochs")) {
      try SearchRunner(algorithm: .random, settings: SearchSettings(), budget: .time(limit), seed: 1, workers: 4).budget(on: curves)
    }
    let measured = SearchRunner(algorithm: .random, settings: SearchSettings(), budget: .trials(5), seed: 1, workers: 2, overhead: .measured)
    #expect(throws: SearchError.self) { try measured.budget(on: CurveFixture.saturating()) }
    let timed = try #require(try measured.run(on: Self.bench, runs: 0..<1)[0].timeline)
    #expect(timed.decisionTime > 0 && timed.records.allSatisfy { $0.start > 0 })
  }

  @Test("synchronous Hyperband lets workers wait for a rung; ASHA keeps them busy")
  func synchronousWaits() throws {
    let hyperband = try SearchRunner(algorithm: .hyperband, settings: SearchSettings(), budget: .time(20_000), seed: 2, workers: 8)
      .run(on: Self.bench, runs: 0..<4)
    let asha = try SearchRunner(algorithm: .asha, settings: SearchSettings(), budget: .time(20_000), seed: 2, workers: 8)
      .run(on: Self.bench, runs: 0..<4)
    let utilisation = { (runs: [SearchRunResults<NASHPOKey>]) in runs.compactMap(\.timeline?.utilisation).reduce(0, +) / 4 }
    #expect(utilisation(hyperband) < 0.8)
    #expect(utilisation(asha) > 0.99)
    // Its decisions do not depend on completion order: 8 workers train what one does.
    for algorithm in [SearchAlgorithm.hyperband, .successiveHalving] {
      var settings = SearchSettings()
      settings.iterations = 1
      let trained = { (workers: Int?) in
        try SearchRunner(algorithm: algorithm, settings: settings, budget: nil, seed: 6, workers: workers, overhead: .none)
          .run(on: Self.bench, runs: 0..<2).map { run in Set(zip(run.keys, run.values).map { "\($0.0)@\($0.1)" }) }
      }
      #expect(try trained(8) == trained(nil))
    }
  }

  @Test("ASHA promotes only trials in the top 1/η of their rung when promoted")
  func ashaPromotes() throws {
    let run = try SearchRunner(algorithm: .asha, settings: SearchSettings(), budget: .trials(200), seed: 4, workers: 4)
      .run(on: Self.bench, runs: 0..<1)[0]
    let records = try #require(run.timeline).records
    let rungs = try AsynchronousHyperband<NASHPOBench2>().rungs(on: Self.bench)
    #expect(rungs == [1, 3, 9, 12])
    #expect(Set(records.map(\.epochs)).isSubset(of: Set(rungs)))
    for (index, record) in records.enumerated() where record.trainedEpochs > 0 {
      // Results of the rung it came from, known when it was promoted (it started after them).
      let rung = records[..<index].enumerated().filter { $0.element.epochs == record.trainedEpochs && $0.element.end <= record.start }
      let mine = try #require(rung.first { $0.element.trial == record.trial })
      let better = rung.filter { run.values[$0.offset] > run.values[mine.offset] }.count
      #expect(better < rung.count / 3 + 1)
    }
  }

  /// A user's search: random configurations, two at a time at most, waiting otherwise.
  struct PairSearch: AskTellSearch {
    typealias Benchmark = NASHPOBench2
    let benchmark: NASHPOBench2
    var generator = SplitMix64(seed: 1)
    var running = 0, started = 0
    mutating func ask() -> TrialRequest<NASHPOKey> {
      guard started < 10 else { return running == 0 ? .finished : .wait }
      guard running < 2 else { return .wait }
      defer { (running, started) = (running + 1, started + 1) }
      return .train(Trial(id: started, configuration: benchmark.randomConfiguration(using: &generator), epochs: 12))
    }
    mutating func tell(_ result: TrialResult<NASHPOKey>) { running -= 1 }
  }

  @Test("a user's own search plugs into the drivers; waiting with nothing running is an error")
  func userSearch() throws {
    var search = PairSearch(benchmark: Self.bench)
    let run = try SimulatedWorkers(workers: 5, budget: .cost(.infinity)).run(&search, on: Self.bench)
    #expect(run.run.log.count == 10)
    #expect(Set(run.timeline.records.map(\.worker)) == [0, 1])
    struct Stuck: AskTellSearch {
      mutating func ask() -> TrialRequest<NASHPOKey> { .wait }
      mutating func tell(_ result: TrialResult<NASHPOKey>) {}
      typealias Benchmark = NASHPOBench2
    }
    var stuck = Stuck()
    #expect(throws: SearchError.stalled(runningTrials: 0)) { try SimulatedWorkers(workers: 2, budget: .trials(3)).run(&stuck, on: Self.bench) }
    #expect(throws: SearchError.stalled(runningTrials: 0)) { try SequentialDriver(budget: 10).run(&stuck, on: Self.bench) }
  }

  @Test("a worker pool refuses busy workers, a trial still training and a trial that does not train forward")
  func poolErrors() throws {
    var pool = WorkerPool(benchmark: Self.bench, workers: 1)
    let key = Self.bench.configuration(at: 3)
    try pool.submit(Trial(id: 0, configuration: key, epochs: 4))
    #expect(throws: SearchError.noFreeWorker(workers: 1)) { try pool.submit(Trial(id: 1, configuration: key, epochs: 4)) }
    var two = WorkerPool(benchmark: Self.bench, workers: 2)
    try two.submit(Trial(id: 0, configuration: key, epochs: 4))
    #expect(throws: SearchError.trialRunning(id: 0)) { try two.submit(Trial(id: 0, configuration: key, epochs: 8)) }
    _ = try pool.complete()
    #expect(throws: SearchError.trialNotForward(id: 0, epochs: 4, trained: 4)) { try pool.submit(Trial(id: 0, configuration: key, epochs: 4)) }
    #expect(pool.runningCount == 0 && pool.startedTrials == 1)
    #expect("\(SearchError.trialNotForward(id: 0, epochs: 4, trained: 4))".contains("has trained 4 already"))
  }

  @Test("timelines round-trip through results files and shard reports merge with their worker figures")
  func timelineFiles() throws {
    let runner = SearchRunner(algorithm: .asha, settings: SearchSettings(), budget: .time(3000), seed: 5, workers: 4)
    let runs = try runner.run(on: Self.bench, runs: 0..<4)
    let reread = try runs.map { try SearchRunResults<NASHPOKey>(json: JSONValue(parsing: Array($0.json.text.utf8))) }
    #expect(reread == runs)
    var broken = runs[0].json.text
    broken = broken.replacingOccurrences(of: "\"worker\": [", with: "\"worker\": [\"x\", ")
    #expect(throws: TrajectoryFileError.self) { try SearchRunResults<NASHPOKey>(json: JSONValue(parsing: Array(broken.utf8))) }
    func report(_ range: Range<Int>) -> SearchReport {
      SearchReport(
        algorithm: "asha", dataset: "d", budget: 3000, costUnit: "seconds", seed: 5, finalEpochs: [12], direction: .higherIsBetter,
        totalRuns: 4, firstRun: range.lowerBound,
        summary: SearchSummary(results: Array(runs[range]), datasetBest: 90, direction: .higherIsBetter),
        workers: WorkerSummary(timelines: runs[range].compactMap(\.timeline), budget: .time(3000), overhead: .none))
    }
    #expect(try SearchReport.merging([("a", report(0..<1)), ("b", report(1..<4))]) == report(0..<4))
    #expect(try SearchReport(json: JSONValue(parsing: Array(report(0..<4).json.text.utf8)), path: "s") == report(0..<4))
    // A summary whose worker figures do not match its runs is refused by name.
    let shortened = report(0..<4).json.text.replacingOccurrences(of: #""utilisations": ["#, with: #""utilisations": [0.5, "#)
    #expect(throws: ResultsFolderError.self) { try SearchReport(json: JSONValue(parsing: Array(shortened.utf8)), path: "s") }
  }
}
