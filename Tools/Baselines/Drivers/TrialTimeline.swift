/// Where and when each logged trial of a run ran on the simulated workers, one record per log
/// entry (in completion order), with how long the run lasted and how busy its workers were.
public struct TrialTimeline: Hashable, Sendable {
  /// One trial's stretch of training.
  public struct Record: Hashable, Sendable {
    /// The trial's id (a resumed trial repeats it).
    public let trial: Int
    /// The worker that ran it.
    public let worker: Int
    /// The simulated time training started (after any decision overhead).
    public let start: Double
    /// The simulated time it ended.
    public let end: Double
    /// The epochs it trained to.
    public let epochs: Int
    /// The epochs it had before (0 for a fresh trial).
    public let trainedEpochs: Int

    /// Creates a record.
    public init(trial: Int, worker: Int, start: Double, end: Double, epochs: Int, trainedEpochs: Int) {
      self.trial = trial
      self.worker = worker
      self.start = start
      self.end = end
      self.epochs = epochs
      self.trainedEpochs = trainedEpochs
    }
  }

  /// The number of workers.
  public let workers: Int
  /// The records, in completion order.
  public private(set) var records: [Record] = []
  /// The simulated time the run ended: the last completion, or the deadline of a time budget.
  public private(set) var duration: Double = 0
  /// The simulated time workers spent training, including trials a deadline cut.
  public private(set) var busyTime: Double = 0
  /// The simulated time charged for the search's decisions.
  public private(set) var decisionTime: Double = 0

  /// Creates an empty timeline.
  public init(workers: Int) { self.workers = workers }

  /// Creates a timeline from its parts (as read back from a file).
  public init(workers: Int, records: [Record], duration: Double, busyTime: Double, decisionTime: Double) {
    self.workers = workers
    self.records = records
    self.duration = duration
    self.busyTime = busyTime
    self.decisionTime = decisionTime
  }

  /// The share of worker time spent training, in 0…1.
  public var utilisation: Double { duration > 0 ? min(1, busyTime / (Double(workers) * duration)) : 0 }

  /// Appends a finished trial.
  mutating func append(_ record: Record) {
    records.append(record)
    busyTime += record.end - record.start
    duration = max(duration, record.end)
  }

  /// Notes training cut by a deadline, and the deadline as the end of the run.
  mutating func cut(busy: Double, deadline: Double) {
    busyTime += busy
    duration = max(duration, deadline)
  }

  /// Notes decision time charged to the clock.
  mutating func chargeDecision(_ time: Double) { decisionTime += time }
}
