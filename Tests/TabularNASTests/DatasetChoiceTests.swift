import Testing
@testable import TabularNAS

@Suite("The dataset registry")
struct DatasetChoiceTests {
  @Test("names map to datasets; unknown names list every allowed one")
  func names() throws {
    #expect(try DatasetChoice(parsing: "nashpobench2").hasNativeFormat)
    #expect(try !DatasetChoice(parsing: "baker:lstm_ptb").hasNativeFormat)
    #expect(try !DatasetChoice(parsing: "csv:x.csv").accepts(.data))
    #expect(throws: RegistryError.unknownDataset("baker:nope", allowed: DatasetChoice.allowedNames)) {
      try DatasetChoice(parsing: "baker:nope")
    }
    #expect(DatasetChoice.allowedNames.hasPrefix("nashpobench2, baker:metaqnn_cifar10") && DatasetChoice.allowedNames.contains("naap440"))
    #expect(DatasetChoice.allowedNames.hasSuffix(" or csv:PATH"))
  }

  @Test("each dataset accepts only its own opening options")
  func options() throws {
    let nas = try DatasetChoice(parsing: "nashpobench2"), curves = try DatasetChoice(parsing: "naap440")
    #expect(DatasetOption.allCases.filter(nas.accepts) == [.data, .syntheticSeed, .surrogateCost, .finalEpochs, .cacheDirectory, .noCache])
    #expect(DatasetOption.allCases.filter(curves.accepts) == [.data, .cost])
    #expect(DatasetChoice.expectation(of: .cost, for: "NumMACs*epochs") == nil)
    #expect(DatasetChoice.expectation(of: .cost, for: "macs") == "epochs or COLUMN*epochs")
    #expect(throws: RegistryError.optionNotAccepted(option: "cost", dataset: "nashpobench2")) {
      try nas.open(DatasetOpenOptions(cost: "epochs"))
    }
  }

  @Test("opening NAS-HPO-Bench-II applies the seed and the surrogate-cost rule; a bad rule names the allowed ones")
  func openNASHPOBench2() throws {
    let choice = try DatasetChoice(parsing: "nashpobench2")
    let opened = try choice.open(DatasetOpenOptions(syntheticSeed: 3, surrogateCost: "extrapolated"))
    let bench = try #require(opened as? NASHPOBench2)
    #expect(bench.source == .synthetic(seed: 3) && bench.surrogateCost == .extrapolated)
    #expect(throws: RegistryError.invalidOption(option: "surrogate-cost", value: "free", allowed: ["unavailable", "extrapolated"])) {
      try choice.open(DatasetOpenOptions(surrogateCost: "free"))
    }
  }

  @Test("requests parse from JSON objects with errors that name the field")
  func requests() throws {
    let bench = NASHPOBench2.synthetic()
    let request = try bench.request(
      from: JSONValue(parsing: Array(#"{"cellcode": "0|10|210", "lr": 0.1, "batch_size": 256.0, "iepoch": 3, "mode": "test"}"#.utf8)))
    #expect(request.key == (try NASHPOKey(cellcode: "0|10|210", lr: 0.1, batchSize: 256)) && request.iepoch == 3 && request.mode == .test)
    #expect(throws: RequestError.notAnObject) { try bench.request(from: .array([])) }
    #expect(throws: RequestError.wrongKind(field: "lr", expected: "a number")) {
      try bench.request(from: .object([.init("cellcode", .string("0|10|210")), .init("lr", .string("fast"))]))
    }
    #expect(throws: RequestError.wrongKind(field: "batch_size", expected: "an integer")) {
      try bench.request(
        from: .object([.init("cellcode", .string("0|10|210")), .init("lr", .number(0.1)), .init("batch_size", .number(256.5))]))
    }
    #expect("\(RequestError.missingFields("cellcode (string), lr and batch_size (numbers)"))" == "needs cellcode (string), lr and batch_size (numbers)")
    let answer = try bench.answer(request)
    #expect(answer.line["accuracy"] == .number(try bench.query(request.key, mode: .test, iepoch: 3).value))
    #expect(NASHPOBench2.requestFields.filter { $0.requirement == .required }.map(\.key) == ["cellcode", "lr", "batch_size"])
  }

  @Test("request fields parse command-line text by kind")
  func fieldKinds() {
    let field = RequestField("batch-size", kind: .integer, expecting: "an integer", help: "")
    #expect(field.key == "batch_size")
    #expect(field.jsonValue(parsing: "64") == .integer(64) && field.jsonValue(parsing: "6.4") == nil)
    #expect(RequestField("lr", kind: .number, expecting: "", help: "").jsonValue(parsing: "0.1") == .number(0.1))
  }

  @Test("a dataset without a native format says so")
  func noNativeFormat() throws {
    let files = try TemporaryFiles()
    defer { files.remove() }
    let data = try LearningCurveDataset(contentsOf: files.write("c.csv", "acc_1,acc_2\n0.1,0.2\n"))
    #expect(throws: RegistryError.noNativeFormat(dataset: data.name)) { try data.writeNativeFile(to: files.folder + "/x") }
  }
}
