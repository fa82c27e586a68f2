import Baselines
import Foundation
import TabularNAS
import Testing
@testable import tabnas

@Suite("tabnas serve")
struct ServeTests {
  static let bench = NASHPOBench2.synthetic()

  /// Sends lines to one session and returns the parsed responses.
  private func exchange(_ lines: [String], session: inout ServeSession<NASHPOBench2>) throws -> [JSONValue] {
    try lines.map { try JSONValue(parsing: Array(session.respond(to: $0).utf8)) }
  }

  private func errorKind(_ response: JSONValue) -> String? {
    guard response["ok"] == .bool(false), case .string(let kind) = response["error"]?["kind"] ?? .null else { return nil }
    return kind
  }

  static let query = #"{"cellcode": "0|10|210", "lr": 0.1, "batch_size": 256}"#

  @Test("every error path answers a typed error and changes nothing", arguments: [
    ("garbage", "malformed"), ("[1, 2]", "malformed"), (#"{"id": 1}"#, "bad_parameter"), (#"{"op": "fly"}"#, "unknown_op"),
    (#"{"op": 7}"#, "bad_parameter"), (#"{"op": "run.query", "run": 99, "query": {}}"#, "unknown_session"),
    (#"{"op": "run.results", "run": "one"}"#, "bad_parameter"), (#"{"op": "query"}"#, "bad_parameter"),
    (#"{"op": "query", "query": {"cellcode": "0|10|210"}}"#, "bad_request"),
    (#"{"op": "query", "query": {"cellcode": "9|10|210", "lr": 0.1, "batch_size": 256}}"#, "query"),
    (#"{"op": "query", "queries": [\#(query), {"cellcode": 1}]}"#, "batch"),
    (#"{"op": "configuration", "index": 196608}"#, "bad_parameter"),
    (#"{"op": "query", "columns": {"cellcode": ["0|10|210"], "lr": [0.1, 0.2], "batch_size": [256]}}"#, "bad_parameter"),
    (#"{"op": "run.query", "run": 1, "columns": {"cellcode": ["0|10|210", "0|10|210"], "lr": [0.1, 7], "batch_size": [256, 256]}}"#, "batch"), (#"{"op": "workers.start", "workers": 0}"#, "bad_parameter"),
    (#"{"op": "workers.start", "workers": 2, "budget": {"money": 3}}"#, "bad_parameter"),
    (#"{"op": "workers.next", "session": 5}"#, "unknown_session"), (#"{"op": "run.close", "run": 3}"#, "unknown_session"),
  ])
  func errors(line: String, kind: String) throws {
    var session = ServeSession(benchmark: Self.bench)
    let responses = try exchange([#"{"op": "run.start"}"#, line, #"{"op": "run.log", "run": 1}"#], session: &session)
    #expect(errorKind(responses[1]) == kind, "\(responses[1].text)")
    #expect(responses[2]["acc_trans"] == .array([]))
  }

  @Test("two runs never see each other's queries; a failed batch logs nothing; reset and close")
  func runsAreSeparate() throws {
    var session = ServeSession(benchmark: Self.bench)
    let other = #"{"cellcode": "1|23|012", "lr": 0.025, "batch_size": 64}"#
    let responses = try exchange(
      [
        #"{"op": "run.start"}"#, #"{"op": "run.start"}"#, #"{"op": "run.query", "run": 1, "query": \#(Self.query)}"#,
        #"{"op": "run.query", "run": 2, "queries": [\#(other), \#(other)]}"#,
        #"{"op": "run.query", "run": 1, "queries": [\#(other), {"cellcode": "x"}]}"#,
        #"{"op": "run.log", "run": 1}"#, #"{"op": "run.log", "run": 2}"#, #"{"op": "run.results", "run": 1}"#,
        #"{"op": "run.reset", "run": 2}"#, #"{"op": "run.log", "run": 2}"#, #"{"op": "run.close", "run": 2}"#,
        #"{"op": "run.log", "run": 2}"#,
      ], session: &session)
    guard case .array(let first) = responses[5]["acc_trans"] ?? .null, case .array(let second) = responses[6]["acc_trans"] ?? .null
    else { Issue.record("no logs"); return }
    #expect(first.count == 1 && second.count == 2)
    #expect(errorKind(responses[4]) == "batch")
    var run = BenchmarkRun(benchmark: Self.bench)
    try run.query(NASHPOKey(cellcode: "0|10|210", lr: 0.1, batchSize: 256))
    #expect(responses[7]["results"] == (try run.results()).json)
    #expect(responses[9]["acc_trans"] == .array([]))
    #expect(errorKind(responses[11]) == "unknown_session")
  }

  @Test("a columnar batch answers as columns, the same values as one query at a time")
  func columns() throws {
    var session = ServeSession(benchmark: Self.bench)
    let responses = try exchange(
      [
        #"{"op": "query", "columns": {"cellcode": ["0|10|210", "1|23|012"], "lr": [0.1, 0.025], "batch_size": [256, 64], "iepoch": [3, 12]}}"#,
        #"{"op": "query", "query": {"cellcode": "1|23|012", "lr": 0.025, "batch_size": 64}}"#,
      ], session: &session)
    guard case .array(let accuracies) = responses[0]["columns"]?["accuracy"] ?? .null else { Issue.record("no columns"); return }
    #expect(accuracies.count == 2 && accuracies[1] == responses[1]["result"]?["accuracy"])
  }

  @Test("simulated workers driven from outside match the library's workers")
  func workers() throws {
    var session = ServeSession(benchmark: Self.bench)
    var lines = [#"{"op": "workers.start", "workers": 2, "budget": {"trials": 3}}"#]
    lines += (0..<2).map { #"{"op": "workers.submit", "session": 1, "trial": \#($0), "index": \#($0 * 1000), "epochs": 4}"# }
    lines += [
      #"{"op": "workers.submit", "session": 1, "trial": 9, "index": 5}"#, #"{"op": "workers.next", "session": 1}"#,
      #"{"op": "workers.submit", "session": 1, "trial": 2, "index": 7}"#, #"{"op": "workers.next", "session": 1}"#,
      #"{"op": "workers.submit", "session": 1, "trial": 3, "index": 8}"#,
      #"{"op": "workers.submit", "session": 1, "trial": 0, "index": 0, "epochs": 12}"#,
      #"{"op": "workers.next", "session": 1}"#, #"{"op": "workers.next", "session": 1}"#, #"{"op": "workers.next", "session": 1}"#,
      #"{"op": "workers.results", "session": 1}"#,
    ]
    let responses = try exchange(lines, session: &session)
    #expect(errorKind(responses[3]) == "workers")  // both workers busy
    #expect(errorKind(responses[7]) == "budget")  // a fourth new trial
    #expect(responses[8]["ok"] == .bool(true))  // trial 0 resumes
    #expect(responses[11]["completion"] == .null)
    var pool = WorkerPool(benchmark: Self.bench, workers: 2)
    for (id, index) in [(0, 0), (1, 1000)] { try pool.submit(Trial(id: id, configuration: Self.bench.configuration(at: index), epochs: 4)) }
    _ = try pool.complete()
    try pool.submit(Trial(id: 2, configuration: Self.bench.configuration(at: 7), epochs: 12))
    let second = try pool.complete()
    try pool.submit(Trial(id: 0, configuration: Self.bench.configuration(at: 0), epochs: 12))
    while try pool.complete() != nil {}
    #expect(responses[6]["completion"]?["trial"] == .integer(second?.trial.id ?? -1))
    #expect(responses[12]["results"]?["timeline"] == pool.timeline.json)
  }

  @Test("the command answers every line, survives garbage, and ends with its input")
  func command() throws {
    final class Lines: @unchecked Sendable { var text = "" }
    let captured = Lines()
    let capture = Console(output: { captured.text += $0 }, error: { _ in })
    var arguments = Arguments([])
    let lines = ["", "{", "\u{FFFD}\u{0}", #"{"id": "a", "op": "hello"}"#, String(repeating: "[", count: 100_000), #"{"id": 2, "op": "describe"}"#]
    try ServeCommand(parsing: &arguments).serve(Self.bench, lines: lines, console: capture)
    let responses = try captured.text.split(separator: "\n").map { try JSONValue(parsing: Array($0.utf8)) }
    #expect(responses.count == 5)
    #expect(responses[2]["protocol"] == .integer(1) && responses[2]["id"] == .string("a"))
    #expect(responses[4]["configurations"] == .integer(196_608) && responses[4]["cost_unit"] == .string("seconds"))
    #expect(responses.prefix(2).allSatisfy { errorKind($0) == "malformed" } && errorKind(responses[3]) == "malformed")
  }
}
