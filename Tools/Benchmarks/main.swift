import TabularNAS
import Foundation
let t0 = Date()
print(CellEquivalence.standard.classCount, Date().timeIntervalSince(t0))
let t1 = Date()
let b = NASHPOBench2.synthetic()
print("gen", Date().timeIntervalSince(t1))
for code in ["0|10|210", "3|33|333", "2|22|222", "0|00|000", "1|11|111"] {
  for lr in [0.003125, 0.025, 0.1, 0.4] {
    let r = try! b.queryByKey(cellcode: code, lr: lr, batchSize: 256)
    let r2 = try! b.queryByKey(cellcode: code, lr: lr, batchSize: 256, epoch: 200)
    print(code, lr, r.accuracy, r.cost!, r2.accuracy)
  }
}
