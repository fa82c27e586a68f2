import TabularNAS

extension ReplayCommand {
  /// Replays `{"config": ID, "epoch": K}` lines (or `"index"`) on a learning-curve dataset.
  func replayLearningCurves(console: Console) throws {
    let lines = try scriptLines()
    let data = try dataset.openLearningCurves()
    var run = BenchmarkRun(benchmark: data)
    var answers: [String] = []
    for (number, line) in lines {
      do {
        let (key, epoch) = try curveQuery(line, in: data)
        let result = logRun ? try run.query(key, epochs: epoch) : try data.query(key, epoch: epoch)
        answers.append(JSONValue.object([.init("value", .number(result.value)), .init("cost", result.cost.json)]).text)
      } catch let error as CommandError {
        throw error
      } catch {
        throw CommandError.badQuery(line: number, reason: "\(error)")
      }
    }
    console.print(answers.joined(separator: "\n"))
    guard wantsResults else { return }
    try writeResults(try run.results(), log: run.log)
  }

  /// The key and epoch of one script line.
  private func curveQuery(_ line: String, in data: LearningCurveDataset) throws -> (LearningCurveKey, Int?) {
    let object = try JSONValue(parsing: Array(line.utf8))
    func integer(_ name: String) throws -> Int? {
      switch object[name] {
      case nil, .null?: return nil
      case .integer(let value)?: return value
      default: throw ReplayLineError.notAnInteger(name)
      }
    }
    guard case .object = object else { throw ReplayLineError.notAnObject }
    switch (try integer("config"), try integer("index")) {
    case (let id?, nil): return (try data.key(id: id), try integer("epoch"))
    case (nil, let index?): return (try data.key(at: index), try integer("epoch"))
    default: throw ReplayLineError.needsConfiguration
    }
  }
}

/// A learning-curve replay line that is not a query.
private enum ReplayLineError: Error, CustomStringConvertible {
  case notAnObject
  case notAnInteger(String)
  case needsConfiguration

  var description: String {
    switch self {
    case .notAnObject: "not a JSON object"
    case .notAnInteger(let name): "'\(name)' must be an integer"
    case .needsConfiguration: "needs exactly one of 'config' (an id) and 'index' (a row position)"
    }
  }
}
