import Foundation
import TabularNAS

/// A small NAAP-style table written to a temporary file, removed by the caller.
func writeCurveTable() throws -> String {
  let path = FileManager.default.temporaryDirectory.appendingPathComponent("tabnas-\(UUID().uuidString).csv").path
  let text = "ModelId,IsTest,NumMACs,MaxAccuracy,e1LossMean,e1Accuracy,e2LossMean,e2Accuracy\n"
    + "7,0,100,0.5,2.0,0.4,1.5,0.5\n9,1,300,0.6,1.8,0.6,1.9,0.55\n"
  try writeNewFile(Array(text.utf8), to: path)
  return path
}
