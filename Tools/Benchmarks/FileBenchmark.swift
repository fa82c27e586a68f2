import TabularNAS

/// Opening NAS-HPO-Bench-II files and querying them, for comparison with the Python API.
///
/// Each call measures one thing in a fresh process, so resident memory is that of opening alone.
enum FileBenchmark {
  /// `open PATH [CACHE_DIR]`: seconds to open (through a cache folder when given), resident
  /// bytes afterwards and at the peak, and what the cache did, as JSON.
  @Sendable static func open(_ arguments: [String]) throws {
    guard let path = arguments.first, arguments.count <= 2 else { throw BenchmarkError.usage("open PATH [CACHE_DIR]") }
    let cache = arguments.count == 2 ? NativeFileCache(folder: arguments[1]) : nil
    let before = residentBytes()
    var outcome = "none"
    let start = ContinuousClock.now
    let bench = try NASHPOBench2(contentsOf: path, cache: cache) { result in
      switch result {
      case .hit: outcome = "hit"
      case .created: outcome = "created"
      case .rebuilt: outcome = "rebuilt"
      case .unavailable: outcome = "unavailable"
      }
    }
    let elapsed = seconds(ContinuousClock.now - start)
    let after = residentBytes()
    let peak = peakResidentBytes()
    // Then read every value once, as a long search eventually does.
    var sum = 0.0
    for key in bench.searchSpace {
      for seed in NASHPOSearchSpace.seeds { sum += try bench.query(key, mode: .test, iepoch: 11, seed: seed).cost ?? 0 }
      sum += try bench.query(key, epoch: 200).accuracy
    }
    let touched = residentBytes()
    print(
      #"{"seconds": \#(elapsed), "resident_bytes": \#(after), "resident_bytes_all_touched": \#(touched), "#
        + #""resident_bytes_before": \#(before), "peak_resident_bytes": \#(peak), "cache": "\#(outcome)", "#
        + #""checksum": \#(sum)}"#)
  }

  /// `logged-queries PATH COUNT`: nanoseconds per logged `queryByKey` with string keys, as JSON.
  @Sendable static func loggedQueries(_ arguments: [String]) throws {
    guard arguments.count == 2, let count = Int(arguments[1]) else { throw BenchmarkError.usage("logged-queries PATH COUNT") }
    let bench = try NASHPOBench2(contentsOf: arguments[0])
    var generator = SplitMix64(seed: 1)
    let keys = (0..<count).map { _ in bench.randomKey(using: &generator) }
    let codes = keys.map { $0.cell.description }
    var checksum = 0.0
    let elapsed = try measure(repetitions: 3) {
      var run = BenchmarkRun(benchmark: bench)
      for (key, code) in zip(keys, codes) {
        try run.queryByKey(cellcode: code, lr: key.learningRate, batchSize: key.batchSize)
      }
      checksum += run.totalCost
    }
    print(#"{"nanoseconds_per_query": \#(elapsed / Double(count) * 1e9), "checksum": \#(checksum)}"#)
  }
}

/// A benchmark called with the wrong arguments.
enum BenchmarkError: Error, CustomStringConvertible {
  case usage(String)

  var description: String {
    switch self {
    case .usage(let usage): "usage: TabNASBenchmarks \(usage)"
    }
  }
}
