@preconcurrency import Glibc
import TabularNAS

/// Benchmarks for TabularNAS; run with `swift run -c release TabNASBenchmarks <name> [args…]`.
///
/// Figures are printed, never asserted: machines are noisy, so each benchmark reports ratios
/// of variants measured side by side in the same run (`Tools/nashpobench2/compare_with_python.py`
/// puts these next to the Python API's figures).
@main
enum Benchmarks {
  static let all: [(name: String, usage: String, run: @Sendable ([String]) throws -> Void)] = [
    ("query", "query", { _ in try QueryBenchmark.run() }),
    ("open", "open PATH [CACHE_DIR]  (a pickle folder or a native file, through a cache folder; prints JSON)", FileBenchmark.open),
    ("logged-queries", "logged-queries PATH COUNT  (prints JSON)", FileBenchmark.loggedQueries),
    ("curves", "curves FOLDER REPETITIONS  (learning-curve CSVs; prints JSON)", CurveBenchmark.run),
    ("svr", SVRBenchmark.usage, SVRBenchmark.run),
    ("tune", TuningBenchmark.usage, TuningBenchmark.run),
  ]

  static func main() {
    let arguments = Array(CommandLine.arguments.dropFirst())
    let name = arguments.first ?? "query"
    guard let benchmark = all.first(where: { $0.name == name }) else {
      fputs("usage: TabNASBenchmarks \(all.map(\.usage).joined(separator: " | "))\n", stderr)
      exit(64)
    }
    do {
      try benchmark.run(Array(arguments.dropFirst()))
    } catch {
      fputs("error: \(benchmark.name): \(error)\n", stderr)
      exit(1)
    }
  }
}

/// Times a closure: the best of several repetitions, in seconds.
func measure(repetitions: Int = 5, _ body: () throws -> Void) rethrows -> Double {
  var best = Double.infinity
  for _ in 0..<repetitions {
    let start = ContinuousClock.now
    try body()
    best = min(best, seconds(ContinuousClock.now - start))
  }
  return best
}

/// Reads a regression CSV (a header line, then features… and the target on each row).
func regressionProblem(at path: String) throws -> (features: FeatureMatrix, targets: [Double]) {
  var rows: [[Double]] = []
  try CSVReader(path: path).forEachRecord { record in
    guard record.line > 1 else { return }
    rows.append(try (0..<record.count).map { try record.requiredNumber(at: $0, name: "column \($0 + 1)") })
  }
  return (FeatureMatrix(rows: rows.map { Array($0.dropLast()) }), rows.map { $0.last ?? 0 })
}

/// A duration in seconds.
func seconds(_ duration: Duration) -> Double {
  Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
}

/// The process's peak resident memory so far, in bytes (`VmHWM` in `/proc/self/status`).
func peakResidentBytes() -> Int {
  guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
    let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
    let kibibytes = Int(line.split(separator: " ").dropFirst().first ?? "")
  else { return -1 }
  return kibibytes * 1024
}

/// The process's resident memory now, in bytes (from `/proc/self/statm`).
func residentBytes() -> Int {
  guard let file = fopen("/proc/self/statm", "r") else { return -1 }
  defer { fclose(file) }
  var size = 0, resident = 0
  guard withUnsafeMutablePointer(to: &size, { size in
    withUnsafeMutablePointer(to: &resident) { resident in
      withVaList([size, resident]) { vfscanf(file, "%ld %ld", $0) }
    }
  }) == 2 else { return -1 }
  return resident * Int(sysconf(Int32(_SC_PAGESIZE)))
}
