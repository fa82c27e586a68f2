// libFuzzer entry point for the text formats (see Tools/fuzz/run.sh): the CSV reader through
// windows of several sizes, the learning-curve loader, the JSON parser and the MetaQNN parser.
// The first byte picks the window size; the rest is the input for every parser.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzText(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  guard size > 0 else { return 0 }
  let bytes = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
  let windowSize = Int(data[0] % 16) + 1
  _ = try? CSVReader(bytes: bytes, windowSize: windowSize).forEachRecord { record in
    for column in 0..<record.count {
      _ = record.number(at: column)
      _ = try? record.text(at: column)
    }
  }
  if let data = try? LearningCurveDataset(bytes: bytes, path: "fuzz.csv") {
    for key in data.configurations {
      _ = try? data.query(key, epochs: data.epochRange.upperBound)
      _ = try? data.answer(data.request(from: .object([.init("index", .integer(key.index))])))
      _ = try? data.features(of: key)
      _ = try? data.finalValue(of: key)
    }
  }
  _ = try? JSONValue(parsing: bytes)
  _ = try? NetworkArchitecture(metaQNN: String(decoding: bytes, as: UTF8.self))
  return 0
}
