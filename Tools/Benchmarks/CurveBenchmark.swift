import Foundation
import TabularNAS

/// Loading the learning-curve files, for comparison with pandas `read_csv` on the same files.
enum CurveBenchmark {
  /// `curves FOLDER REPETITIONS`: median seconds to read every CSV below FOLDER with the CSV
  /// reader (every cell converted to a number where it is one, as `read_csv` does), and to load
  /// every learning-curve file into its dataset; as JSON.
  @Sendable static func run(_ arguments: [String]) throws {
    guard arguments.count == 2, let repetitions = Int(arguments[1]), repetitions > 0 else {
      throw BenchmarkError.usage("curves FOLDER REPETITIONS")
    }
    let folder = arguments[0]
    let csvFiles = try csvPaths(in: folder)
    let curveFiles = csvFiles.filter { path in
      LearningCurveDescriptor.known.contains { path.hasSuffix("/" + $0.relativePath) }
    }
    var checksum = 0.0
    let parse = try median(repetitions) {
      for path in csvFiles {
        try CSVReader(path: path).forEachRecord { record in
          for column in 0..<record.count {
            if let number = record.number(at: column) { checksum += number } else { checksum += Double(try record.text(at: column).utf8.count) }
          }
        }
      }
    }
    let load = try median(repetitions) {
      for path in curveFiles { checksum += Double(try LearningCurveDataset(contentsOf: path).configurationCount) }
    }
    let bytes = try csvFiles.reduce(0) { $0 + ((try FileManager.default.attributesOfItem(atPath: $1)[.size] as? Int) ?? 0) }
    print(
      #"{"csv_files": \#(csvFiles.count), "curve_files": \#(curveFiles.count), "bytes": \#(bytes), "#
        + #""parse_seconds": \#(parse), "load_seconds": \#(load), "checksum": \#(checksum)}"#)
  }

  /// Every `.csv` file below a folder, sorted.
  static func csvPaths(in folder: String) throws -> [String] {
    guard let walker = FileManager.default.enumerator(atPath: folder) else { throw DatasetFileError.missing(path: folder) }
    return walker.compactMap { $0 as? String }.filter { $0.hasSuffix(".csv") }.sorted().map { folder + "/" + $0 }
  }

  /// The median time of several repetitions, in seconds.
  static func median(_ repetitions: Int, _ body: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<repetitions {
      let start = ContinuousClock.now
      try body()
      times.append(seconds(ContinuousClock.now - start))
    }
    return times.sorted()[times.count / 2]
  }
}
