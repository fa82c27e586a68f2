/// What a learning-curve file means: which curve is the metric, its direction, how header
/// numbers map to training epochs, and how the final value is defined.
///
/// Column roles still come from the header (see ``CurveHeaderLayout``); the descriptor only
/// adds what a header cannot say. Known files have one each (``known``); any other file with
/// the same conventions gets a ``generic(name:header:)`` one.
public struct LearningCurveDescriptor: Equatable, Sendable {
  /// The short name used on the command line, e.g. `baker:metaqnn_cifar10`.
  public var name: String
  /// A readable title with the source.
  public var title: String
  /// The file's path below a data folder, e.g. `baker/metaqnn_cifar10.csv`.
  public var relativePath: String
  /// The curve whose values are the metric (`acc`, `ep`, `Accuracy`).
  public var curve: String
  /// What the values measure, with units, e.g. `validation accuracy (fraction)`.
  public var metric: String
  /// Whether larger or smaller values are better (perplexity: smaller).
  public var direction: MetricDirection
  /// How many epochs each network was trained: the last curve column is after this many.
  /// `nil` takes header numbers as epoch counts.
  public var trainedEpochs: Int?
  /// Whether the first curve column is the untrained network (epoch 0); `nil` when the source
  /// does not say, and then the header decides.
  public var startsUntrained: Bool?
  /// How the final value is defined.
  public var finalValue: FinalValueRule
  /// A column of unique integer configuration ids (NAAP-440's `ModelId`); otherwise the id of
  /// a configuration is its 0-based row position.
  public var idColumn: String?
  /// A 0/1 column marking held-out test rows (NAAP-440's `IsTest`).
  public var splitColumn: String?
  /// A column of MetaQNN layer strings to parse into architecture features.
  public var architectureColumn: String?
  /// The name of a JSON file of per-configuration layer lists beside the table (NAAP-440's
  /// `generated_schemes.json`).
  public var schemesFile: String?
  /// Numeric columns that make sense as a cost per epoch (``CurveCostRule/epochsTimes(column:)``).
  public var costColumns: [String]

  /// Creates a descriptor; every field not given takes the plain convention.
  public init(
    name: String, title: String, relativePath: String, curve: String, metric: String, direction: MetricDirection,
    trainedEpochs: Int? = nil, startsUntrained: Bool? = nil, finalValue: FinalValueRule = .lastEpoch,
    idColumn: String? = nil, splitColumn: String? = nil, architectureColumn: String? = nil,
    schemesFile: String? = nil, costColumns: [String] = []
  ) {
    self.name = name
    self.title = title
    self.relativePath = relativePath
    self.curve = curve
    self.metric = metric
    self.direction = direction
    self.trainedEpochs = trainedEpochs
    self.startsUntrained = startsUntrained
    self.finalValue = finalValue
    self.idColumn = idColumn
    self.splitColumn = splitColumn
    self.architectureColumn = architectureColumn
    self.schemesFile = schemesFile
    self.costColumns = costColumns
  }
}
