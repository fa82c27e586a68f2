import Foundation
import TabularNAS
import Testing
@testable import TabNASBinding

@Suite("The C interface of the in-process transport")
struct BindingTests {
  /// Calls a function that writes a message into a buffer of `capacity` bytes; returns the status and the message.
  private func withMessage(capacity: Int32 = 256, _ body: (UnsafeMutablePointer<CChar>) -> Int32) -> (Int32, String) {
    let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(max(capacity, 1)))
    defer { buffer.deallocate() }
    buffer[0] = 0
    let status = body(buffer)
    return (status, String(cString: buffer))
  }

  @Test("opens, queries, logs, reports results and errors like the library")
  func roundTrip() throws {
    var handle: UnsafeMutableRawPointer?
    #expect(withMessage { tabnasNASHPOOpen(nil, &handle, $0, 256) }.0 == 0)
    let benchmark = try #require(handle)
    defer { tabnasNASHPOClose(benchmark) }
    let run = tabnasNASHPORunStart(benchmark, 1)
    defer { tabnasNASHPORunClose(run) }
    var accuracy = 0.0, cost = 0.0
    let status = withMessage { message in
      "0|10|210".withCString { tabnasNASHPOQuery(benchmark, run, $0, 0.1, 256, 12, 1, 6, 222, &accuracy, &cost, message, 256) }
    }
    #expect(status.0 == 0)
    let expected = try NASHPOBench2.synthetic().query(NASHPOKey(cellcode: "0|10|210", lr: 0.1, batchSize: 256), iepoch: 6)
    #expect(accuracy == expected.value && cost == expected.cost)
    #expect(tabnasNASHPORunTotalCost(run) == cost)
    // epoch 200, unlogged: no cost.
    _ = withMessage { message in
      "0|10|210".withCString { tabnasNASHPOQuery(benchmark, nil, $0, 0.1, 256, 200, 2, 0, 222, &accuracy, &cost, message, 256) }
    }
    #expect(cost.isNaN)
    let log = try #require(tabnasNASHPORunLog(run))
    #expect(String(cString: log).contains(#""total_cost""#))
    tabnasFree(log)
    let results = withMessage { message in
      [12, 200].map(Int64.init).withUnsafeBufferPointer { epochs -> Int32 in
        guard let text = tabnasNASHPORunResults(run, epochs.baseAddress!, 2, 2, 222, message, 256) else { return 1 }
        defer { tabnasFree(text) }
        return String(cString: text).contains(#""final_accs""#) ? 0 : 1
      }
    }
    #expect(results.0 == 0)
    tabnasNASHPORunReset(run)
    #expect(tabnasNASHPORunTotalCost(run) == 0)
  }

  @Test("bad arguments fail with a message cut to the buffer, and log nothing")
  func errors() throws {
    var handle: UnsafeMutableRawPointer?
    _ = withMessage { tabnasNASHPOOpen(nil, &handle, $0, 256) }
    let benchmark = try #require(handle)
    defer { tabnasNASHPOClose(benchmark) }
    let run = tabnasNASHPORunStart(benchmark, 0)
    defer { tabnasNASHPORunClose(run) }
    var accuracy = 0.0, cost = 0.0
    for (cellcode, mode, capacity) in [("9|99|999", Int32(1), Int32(256)), ("0|10|210", 7, 256), ("9|99|999", 1, 8)] {
      let (status, message) = withMessage(capacity: capacity) { message in
        cellcode.withCString { tabnasNASHPOQuery(benchmark, run, $0, 0.1, 256, 12, mode, 0, 222, &accuracy, &cost, message, capacity) }
      }
      #expect(status == 1 && !message.isEmpty && message.utf8.count < Int(capacity))
    }
    #expect(tabnasNASHPORunTotalCost(run) == 0)
    let (status, message) = withMessage { buffer in "/no/such/folder".withCString { tabnasNASHPOOpen($0, &handle, buffer, 256) } }
    #expect(status == 1 && message.contains("/no/such/folder"))
  }
}
