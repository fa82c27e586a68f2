/// A learning-curve benchmark (NAAP-440 or a Baker et al. file) in an immutable columnar store.
///
/// One row per trained network: its curves (one value per epoch, `[row][curve][epoch]` in a
/// ``CurveStore``), its numeric fields as the store's scalars, and its text fields
/// dictionary-coded. Shared freely between threads; each search keeps its own log.
///
/// ```swift
/// let data = try LearningCurveDataset(named: "baker:metaqnn_cifar10", dataFolder: "../shared/data")
/// let result = try data.query(data.configuration(at: 0), epochs: 5)   // value after 5 epochs, cost 5
/// ```
public struct LearningCurveDataset: Sendable {
  /// What the file means.
  public let descriptor: LearningCurveDescriptor
  /// The file the data came from.
  public let path: String
  /// The training epochs the curve columns stand for, e.g. `1...20` or `0...140`.
  public let epochRange: ClosedRange<Int>
  /// Every non-curve column, in header order.
  public let fields: [ConfigurationField]
  /// The parsed architecture of each configuration, where the file has one.
  public let architectures: [NetworkArchitecture]?
  /// What a query costs (default: epochs trained).
  public internal(set) var costRule: CurveCostRule = .epochs

  let store: CurveStore
  let metricCurve: Int
  let ids: [Int]
  let positionByID: [Int: Int]
  /// Per field: its scalar column in the store (numbers) or its dictionary-coded text.
  let fieldStorage: [FieldStorage]
  var costScalar: Int?
  /// The scalar column of a ``FinalValueRule/column(_:)`` rule, checked numeric on loading.
  let finalScalar: Int?

  /// Where one field's values live.
  enum FieldStorage: Sendable {
    /// A scalar column of the store.
    case scalar(Int)
    /// The distinct values and each row's code.
    case text(values: [String], codes: [Int32])
  }

  init(
    descriptor: LearningCurveDescriptor, path: String, epochRange: ClosedRange<Int>, fields: [ConfigurationField],
    architectures: [NetworkArchitecture]?, store: CurveStore, metricCurve: Int, ids: [Int],
    fieldStorage: [FieldStorage]
  ) {
    self.descriptor = descriptor
    self.path = path
    self.epochRange = epochRange
    self.fields = fields
    self.architectures = architectures
    self.store = store
    self.metricCurve = metricCurve
    self.ids = ids
    self.fieldStorage = fieldStorage
    if case .column(let name) = descriptor.finalValue { finalScalar = store.scalarIndex(named: name) } else { finalScalar = nil }
    positionByID = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
  }

  /// The number of configurations (rows).
  public var configurationCount: Int { store.recordCount }

  /// The curve names, e.g. `["acc"]` or `["LossMean", "LossMedian", "Accuracy"]`.
  public var curveNames: [String] { store.curveNames }


  /// The memory the values occupy, in bytes.
  public var byteCount: Int { store.byteCount }
}
