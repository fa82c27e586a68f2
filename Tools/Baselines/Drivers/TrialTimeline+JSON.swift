import TabularNAS

extension TrialTimeline {
  /// The timeline as per-run result files hold it: columns aligned with the log's entries.
  public var json: JSONValue {
    .object([
      .init("workers", .integer(workers)), .init("duration", .number(duration)), .init("busy_time", .number(busyTime)),
      .init("decision_time", .number(decisionTime)), .init("utilisation", .number(utilisation)),
      .init("trial", .array(records.map { .integer($0.trial) })), .init("worker", .array(records.map { .integer($0.worker) })),
      .init("start", .array(records.map { .number($0.start) })), .init("end", .array(records.map { .number($0.end) })),
      .init("epochs", .array(records.map { .integer($0.epochs) })),
      .init("trained_epochs", .array(records.map { .integer($0.trainedEpochs) })),
    ])
  }

  /// Reads a timeline back from ``json``.
  ///
  /// - Throws: ``TrajectoryFileError`` naming the field that is missing or malformed.
  public init(json: JSONValue) throws {
    func value<T>(_ name: String, _ read: (JSONValue) -> T?) throws -> T {
      guard let item = json[name] else { throw TrajectoryFileError.missingField("timeline." + name) }
      guard let typed = read(item) else { throw TrajectoryFileError.malformed(field: "timeline." + name, reason: "\(item.text) is not valid") }
      return typed
    }
    func column<T>(_ name: String, _ read: @escaping (JSONValue) -> T?) throws -> [T] {
      try value(name) { item in
        guard case .array(let items) = item else { return nil }
        let typed = items.compactMap(read)
        return typed.count == items.count ? typed : nil
      }
    }
    let trials = try column("trial", \.integer), workers = try column("worker", \.integer)
    let starts = try column("start", \.number), ends = try column("end", \.number)
    let epochs = try column("epochs", \.integer), trained = try column("trained_epochs", \.integer)
    for (name, count) in [("worker", workers.count), ("start", starts.count), ("end", ends.count), ("epochs", epochs.count), ("trained_epochs", trained.count)]
    where count != trials.count {
      throw TrajectoryFileError.lengthMismatch(field: "timeline." + name, count: count, expected: trials.count)
    }
    self.init(
      workers: try value("workers") { $0.integer.flatMap { $0 >= 1 ? $0 : nil } },
      records: trials.indices.map {
        Record(trial: trials[$0], worker: workers[$0], start: starts[$0], end: ends[$0], epochs: epochs[$0], trainedEpochs: trained[$0])
      },
      duration: try value("duration", \.number), busyTime: try value("busy_time", \.number),
      decisionTime: try value("decision_time", \.number))
  }
}
