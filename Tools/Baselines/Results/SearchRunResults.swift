import TabularNAS

/// One run's results as its `seed{i}` file holds them: the trajectories (`get_results`) and,
/// for a run on simulated workers, the timeline of its trials. The trajectories' fields read
/// through (`run.values`, `run.totalCosts`, …).
@dynamicMemberLookup
public struct SearchRunResults<Key: TrajectoryKey>: Sendable, Equatable {
  /// The trajectories and final values.
  public let results: TrajectoryResults<Key>
  /// Where and when each trial ran (`nil` for the sequential driver).
  public let timeline: TrialTimeline?

  /// Creates a run's results.
  public init(results: TrajectoryResults<Key>, timeline: TrialTimeline? = nil) {
    self.results = results
    self.timeline = timeline
  }

  /// A field of the trajectories.
  public subscript<Value>(dynamicMember field: KeyPath<TrajectoryResults<Key>, Value>) -> Value { results[keyPath: field] }

  /// The JSON file: `get_results` with `final_epochs` and `dataset`, plus `timeline` when there is one.
  public var json: JSONValue {
    guard let timeline, case .object(let members) = results.json else { return results.json }
    return .object(members + [.init("timeline", timeline.json)])
  }

  /// Reads a JSON file written as ``json``.
  ///
  /// - Throws: ``TrajectoryFileError`` naming a missing or malformed field, or a timeline whose
  ///   records do not match the log's entries.
  public init(json: JSONValue) throws {
    let results = try TrajectoryResults<Key>(json: json)
    let timeline = try json["timeline"].map(TrialTimeline.init(json:))
    if let timeline, timeline.records.count != results.values.count {
      throw TrajectoryFileError.lengthMismatch(field: "timeline.trial", count: timeline.records.count, expected: results.values.count)
    }
    self.init(results: results, timeline: timeline)
  }

  /// The best validation value so far against the x axis: cumulative cost, or simulated time
  /// (`nil` without a timeline).
  public func bestSoFar(against axis: TrajectoryAxis) -> [(cost: Double, best: Double?)]? {
    switch axis {
    case .cost: return Array(zip(results.totalCosts, results.bestValues))
    case .time: return timeline.map { Array(zip($0.records.map(\.end), results.bestValues)) }
    }
  }
}
