/// Every column of NAS-HPO-Bench-II's `bench12.pkl` and `avgaccs200.pkl`, indexed by position.
///
/// Runs are records of a ``CurveStore`` numbered `((class × 8 + lr) × 6 + batch size) × 3 + seed`,
/// where `class` is the cell's hash class; each run holds six 12-epoch curves and three totals at
/// full `Double` precision. Cell codes map to classes through ``cellClasses`` (the file's
/// `cellinfo['hash']`), so answering a query needs no string or dictionary lookup. Files holding
/// a subset keep this layout; ``coverage`` says what they hold (cells they do not list map to
/// ``absentClass``, runs they lack hold NaN).
public struct NASHPOTable: Sendable {
  /// The per-epoch columns, in storage order; the file's names are `<name>_<epoch - 1>`.
  public enum Curve: Int, CaseIterable, Sendable {
    /// `train_acc_i`, percent.
    case trainAccuracy
    /// `valid_acc_i`, percent.
    case validAccuracy
    /// `test_acc_i`, percent.
    case testAccuracy
    /// `train_time_i`, seconds.
    case trainTime
    /// `valid_time_i`, seconds.
    case validTime
    /// `test_time_i`, seconds.
    case testTime

    /// The column prefix in the original files, e.g. `valid_acc`.
    public var columnPrefix: String {
      ["train_acc", "valid_acc", "test_acc", "train_time", "valid_time", "test_time"][rawValue]
    }

    /// The accuracy curve a query mode reads.
    public static func accuracy(for mode: DataSplit) -> Curve {
      switch mode {
      case .train: .trainAccuracy
      case .valid: .validAccuracy
      case .test: .testAccuracy
      }
    }
  }

  /// The per-run total columns, in storage order.
  public enum Total: Int, CaseIterable, Sendable {
    /// `total_train_time`, seconds.
    case train
    /// `total_trainval_time`, seconds.
    case trainValid
    /// `total_test_time`, seconds.
    case test

    /// The column name in the original files.
    public var columnName: String {
      ["total_train_time", "total_trainval_time", "total_test_time"][rawValue]
    }
  }

  /// The hash string of each class, as in `cellinfo['hash']`.
  public let classHashes: [String]
  /// The class of each cell code, indexed by ``CellCode/index`` (``absentClass`` when the files
  /// do not list the cell).
  public let cellClasses: [UInt16]
  /// The measured runs: 6 curves × 12 epochs and 3 totals per (class, lr, batch size, seed).
  public let runs: CurveStore
  let surrogateAccuracies: DoubleBuffer
  /// What the files hold: everything, or a subset of the cells, hyperparameters, seeds and runs.
  public let coverage: NASHPOCoverage

  /// Hyperparameter combinations per class (8 learning rates × 6 batch sizes).
  static let settingsPerClass = NASHPOSearchSpace.learningRates.count * NASHPOSearchSpace.batchSizes.count

  /// The number of hash classes.
  public var classCount: Int { classHashes.count }

  /// The run record of a key and seed position.
  @inline(__always)
  func record(of key: NASHPOKey, seedIndex: Int) -> Int {
    surrogateIndex(of: key) * NASHPOSearchSpace.seeds.count + seedIndex
  }

  /// The position of a key's class and hyperparameters in the surrogate column.
  @inline(__always)
  func surrogateIndex(of key: NASHPOKey) -> Int {
    let cellIndex = key.index / Self.settingsPerClass
    return Int(cellClasses[cellIndex]) * Self.settingsPerClass + key.index % Self.settingsPerClass
  }

  /// The 200-epoch surrogate test accuracy of a key (`avg_acc`).
  @inline(__always)
  public func surrogateAccuracy(of key: NASHPOKey) -> Double {
    surrogateAccuracies[surrogateIndex(of: key)]
  }

  /// One measured value of a run (epoch 1…12).
  public func value(_ curve: Curve, of key: NASHPOKey, seedIndex: Int, epoch: Int) -> Double {
    runs.value(record: record(of: key, seedIndex: seedIndex), curve: curve.rawValue, epoch: epoch - 1)
  }

  /// One total of a run.
  public func total(_ total: Total, of key: NASHPOKey, seedIndex: Int) -> Double {
    runs.scalar(record: record(of: key, seedIndex: seedIndex), column: total.rawValue)
  }
}

// MARK: - Building

extension NASHPOTable {
  /// Fills a table class by class; used by the synthetic generator and the file loaders.
  struct Builder: @unchecked Sendable {
    let classHashes: [String]
    let cellClasses: [UInt16]
    let runs: CurveStore.Builder
    private let surrogate: DoubleBuffer

    /// Creates a builder; `prefillNaN` as in ``CurveStore/Builder``.
    init(classHashes: [String], cellClasses: [UInt16], prefillNaN: Bool = true) {
      precondition(cellClasses.count == CellCode.count)
      precondition(cellClasses.allSatisfy { Int($0) < classHashes.count || $0 == NASHPOTable.absentClass })
      self.classHashes = classHashes
      self.cellClasses = cellClasses
      runs = CurveStore.Builder(
        recordCount: classHashes.count * NASHPOTable.settingsPerClass * NASHPOSearchSpace.seeds.count,
        curveNames: Curve.allCases.map(\.columnPrefix), epochCount: NASHPOSearchSpace.trainedEpochs,
        scalarNames: Total.allCases.map(\.columnName), prefillNaN: prefillNaN)
      surrogate = DoubleBuffer(count: classHashes.count * NASHPOTable.settingsPerClass, repeating: .nan)
    }

    /// The record of a class, hyperparameter positions and seed position.
    func record(classIndex: Int, learningRateIndex: Int, batchSizeIndex: Int, seedIndex: Int) -> Int {
      surrogateIndex(classIndex: classIndex, learningRateIndex: learningRateIndex, batchSizeIndex: batchSizeIndex)
        * NASHPOSearchSpace.seeds.count + seedIndex
    }

    /// The position in the surrogate column.
    func surrogateIndex(classIndex: Int, learningRateIndex: Int, batchSizeIndex: Int) -> Int {
      (classIndex * NASHPOSearchSpace.learningRates.count + learningRateIndex)
        * NASHPOSearchSpace.batchSizes.count + batchSizeIndex
    }

    /// Sets one surrogate accuracy.
    func setSurrogate(_ value: Double, at index: Int) {
      DoubleBuffer.Writer(buffer: surrogate).set(index, to: value)
    }

    /// The table, holding what `coverage` says.
    func build(coverage: NASHPOCoverage = .complete) -> NASHPOTable {
      NASHPOTable(
        classHashes: classHashes, cellClasses: cellClasses, runs: runs.build(),
        surrogateAccuracies: surrogate, coverage: coverage)
    }
  }
}
