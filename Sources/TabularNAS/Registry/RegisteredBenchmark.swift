/// A dataset the registry can open and every command can drive without naming it: it parses
/// query requests (from command-line options or JSON lines), answers them, describes itself,
/// and reports a run's results.
///
/// Generic code receives the dataset the user chose as `any RegisteredBenchmark` from
/// ``DatasetChoice/open(_:)`` and passes it to a function generic over this protocol, which
/// then runs on the concrete type.
public protocol RegisteredBenchmark: LearningCurveBenchmark {
  /// One query as the dataset understands it (a configuration plus its query options).
  associatedtype Request: Sendable

  /// The fields of a request, as command-line options and JSON keys.
  static var requestFields: [RequestField] { get }

  /// Parses a request from a JSON object (a replay line, or command-line options turned
  /// into one by their ``RequestField``s).
  ///
  /// - Throws: ``RequestError`` for a malformed object; the dataset's error for values it
  ///   does not hold.
  func request(from object: JSONValue) throws -> Request
  /// Answers a request without logging it.
  ///
  /// - Throws: The dataset's error for an invalid request.
  func answer(_ request: Request) throws -> QueryAnswer
  /// Answers a request and logs it in a run; nothing is logged when it throws.
  ///
  /// - Throws: The dataset's error for an invalid request or one a run cannot log.
  func answer(_ request: Request, loggingIn run: inout BenchmarkRun<Self>) throws -> QueryAnswer
  /// A run's results, with final values at other epochs where the dataset offers a choice
  /// (``DatasetChoice/accepts(_:)`` with ``DatasetOption/finalEpochs``).
  ///
  /// - Throws: ``BenchmarkError/noValidationQuery(loggedQueries:)`` and the dataset's errors.
  func results(of run: BenchmarkRun<Self>, finalEpochs: [Int]?) throws -> TrajectoryResults<Configuration>
  /// A run's results with the final values a JSON object asks for: `final_epochs` (a list of
  /// epochs, where the dataset offers a choice), and the dataset's own options.
  ///
  /// - Throws: ``RequestError`` for a malformed object, and as ``results(of:finalEpochs:)``.
  func results(of run: BenchmarkRun<Self>, options object: JSONValue) throws -> TrajectoryResults<Configuration>
  /// What the dataset holds, for `tabnas info`.
  ///
  /// - Throws: The dataset's errors reading its configurations.
  func information() throws -> DatasetInformation
  /// Writes the dataset to a native file, where it has a native format.
  ///
  /// - Throws: ``RegistryError/noNativeFormat(dataset:)`` by default; the dataset's export errors.
  func writeNativeFile(to path: String) throws
}

extension RegisteredBenchmark {
  /// Reads `final_epochs` and nothing else.
  public func results(of run: BenchmarkRun<Self>, options object: JSONValue) throws -> TrajectoryResults<Configuration> {
    try results(of: run, finalEpochs: object.requestIntegers("final_epochs"))
  }

  /// No native format: the source files load fast enough.
  public func writeNativeFile(to path: String) throws { throw RegistryError.noNativeFormat(dataset: name) }
}

/// An answered request, rendered for people and programs. The terminal lines and the full
/// JSON are built only when read, so a server answering many queries renders only ``line``.
public struct QueryAnswer: Sendable {
  private let renderText: @Sendable () -> [String]
  private let renderJSON: @Sendable () -> JSONValue
  /// The value and cost only, one JSON line per query in a replay.
  public let line: JSONValue

  /// Aligned lines for a terminal.
  public var text: [String] { renderText() }
  /// Everything about the answer: the key, the query options, the value and cost, the dataset.
  public var json: JSONValue { renderJSON() }

  /// Creates an answer; `text` and `json` are rendered when read.
  public init(
    text: @autoclosure @escaping @Sendable () -> [String], json: @autoclosure @escaping @Sendable () -> JSONValue, line: JSONValue
  ) {
    renderText = text
    renderJSON = json
    self.line = line
  }
}

/// A dataset's description, rendered for people and programs.
public struct DatasetInformation: Sendable {
  /// Aligned lines for a terminal.
  public let text: [String]
  /// The same as a JSON object.
  public let json: JSONValue

  /// Creates a description.
  public init(text: [String], json: JSONValue) {
    self.text = text
    self.json = json
  }
}
