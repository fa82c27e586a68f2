/// A problem with a NAS-HPO-Bench-II key, query or run; each case names what is allowed.
public enum NASHPOBench2Error: Error, Equatable, Sendable {
  /// The text is not a cell code `A|BC|DEF` with operations 0–3.
  case invalidCellCode(String)
  /// The learning rate is not one of the benchmark's eight.
  case unknownLearningRate(Double, allowed: [Double])
  /// The batch size is not one of the benchmark's six.
  case unknownBatchSize(Int, allowed: [Int])
  /// The training seed is not one of the benchmark's three.
  case unknownSeed(Int, allowed: [Int])
  /// The epoch is neither 12 (trained) nor 200 (surrogate).
  case unknownEpoch(Int, allowed: [Int])
  /// `iepoch` is outside 1…12.
  case iepochOutOfRange(Int, allowed: ClosedRange<Int>)
  /// `iepoch` was given with a 200-epoch query, which has no intermediate epochs.
  case iepochWithSurrogateEpoch(Int)
  /// A logged 200-epoch query needs a cost rule, or a search on it would never end.
  case surrogateCostUnavailable
  /// A flat index is outside the search space.
  case indexOutOfRange(Int, count: Int)
  /// A component index (cell, learning rate or batch size) is outside its range.
  case componentIndexOutOfRange(component: String, index: Int, count: Int)
  /// Files holding a subset lack a cell code, learning rate, batch size or seed; `held` lists
  /// what they hold.
  case notInFiles(component: String, value: String, held: [String])
  /// The files hold the key's cell, learning rate, batch size and seed, but no run of them.
  case runNotInFiles(String, seed: Int)
  /// The files hold no 200-epoch estimate (`avg_acc`) of the key.
  case surrogateNotInFiles(String)
  /// A subset was asked to keep none of a component's values.
  case emptySubset(String)
}

extension NASHPOBench2Error: CustomStringConvertible {
  /// A one-line explanation naming the offending value and the allowed ones.
  public var description: String {
    switch self {
    case .invalidCellCode(let text):
      "invalid cell code '\(text)': expected A|BC|DEF with each operation 0 (conv3x3), "
        + "1 (avgpool3x3), 2 (skip) or 3 (zero), e.g. 0|10|210"
    case .unknownLearningRate(let value, let allowed):
      "unknown learning rate \(value): choose one of \(list(allowed))"
    case .unknownBatchSize(let value, let allowed):
      "unknown batch size \(value): choose one of \(list(allowed))"
    case .unknownSeed(let value, let allowed):
      "unknown seed \(value): choose one of \(list(allowed))"
    case .unknownEpoch(let value, let allowed):
      "unknown epoch \(value): choose one of \(list(allowed)) (12 = trained, 200 = surrogate)"
    case .iepochOutOfRange(let value, let allowed):
      "iepoch \(value) is out of range: choose \(allowed.lowerBound)…\(allowed.upperBound)"
    case .iepochWithSurrogateEpoch(let value):
      "iepoch \(value) was given with epoch 200: only 12-epoch queries have intermediate epochs"
    case .surrogateCostUnavailable:
      "200-epoch queries have no measured cost: pass surrogateCost: .extrapolated "
        + "(CLI: --surrogate-cost extrapolated) to log them, or query without a log"
    case .indexOutOfRange(let value, let count):
      "index \(value) is out of range: choose 0…\(count - 1)"
    case .componentIndexOutOfRange(let component, let value, let count):
      "\(component) index \(value) is out of range: choose 0…\(count - 1)"
    case .notInFiles(let component, let value, let held):
      "\(component) \(value) is not in the files, which hold a subset: choose one of "
        + (held.count <= 12 ? list(held) : list(Array(held.prefix(8))) + ", … (\(held.count) in all; 'tabnas info --json' lists them)")
    case .runNotInFiles(let key, let seed):
      "the files hold no run of \(key) with seed \(seed) (bench12.pkl lacks it)"
    case .surrogateNotInFiles(let key):
      "the files hold no 200-epoch estimate of \(key) (avgaccs200.pkl lacks it)"
    case .emptySubset(let component):
      "a subset must keep at least one \(component)"
    }
  }

  private func list<T>(_ values: [T]) -> String {
    values.map { "\($0)" }.joined(separator: ", ")
  }
}
