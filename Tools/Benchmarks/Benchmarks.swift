@preconcurrency import Glibc

/// Benchmarks for TabularNAS; run with `swift run -c release TabNASBenchmarks [name…]`.
///
/// Figures are printed, never asserted: machines are noisy, so each benchmark reports ratios
/// of variants measured side by side in the same process.
@main
enum Benchmarks {
  static let all: [(name: String, run: @Sendable () throws -> Void)] = [
    ("query", QueryBenchmark.run)
  ]

  static func main() {
    let names = Array(CommandLine.arguments.dropFirst())
    let selected = names.isEmpty ? all : all.filter { names.contains($0.name) }
    guard !selected.isEmpty else {
      fputs("usage: TabNASBenchmarks [\(all.map(\.name).joined(separator: "|"))]…\n", stderr)
      exit(64)
    }
    for benchmark in selected {
      do {
        try benchmark.run()
      } catch {
        fputs("error: \(benchmark.name): \(error)\n", stderr)
        exit(1)
      }
    }
  }
}

/// Times a closure: the best of several repetitions, in seconds.
func measure(repetitions: Int = 5, _ body: () throws -> Void) rethrows -> Double {
  var best = Double.infinity
  for _ in 0..<repetitions {
    let start = ContinuousClock.now
    try body()
    let elapsed = ContinuousClock.now - start
    best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
  }
  return best
}
