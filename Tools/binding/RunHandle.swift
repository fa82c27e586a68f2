import TabularNAS

/// A NAS-HPO-Bench-II run owned by a C caller: the shared benchmark and this run's log.
final class RunHandle {
  var run: BenchmarkRun<NASHPOBench2>

  init(run: BenchmarkRun<NASHPOBench2>) { self.run = run }
}

/// An opened benchmark owned by a C caller.
final class BenchmarkHandle {
  let benchmark: NASHPOBench2

  init(benchmark: NASHPOBench2) { self.benchmark = benchmark }
}
