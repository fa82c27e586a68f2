import TabularNAS

extension PredictCommand {
  /// The NAAP-440 protocol report.
  func runNAAPProtocol(on data: LearningCurveDataset, console: Console) throws {
    console.print("not yet")
  }
}
