// libFuzzer entry point for the pickle decoder (see Tools/fuzz/run.sh). Compiled together with
// the library's sources, so it exercises the public decoder and the streaming machine with each
// memo policy (every entry, scanned, speculative).

/// Streams every column item, resolving keys as a loader would.
private struct FuzzConsumer: PickleColumnConsumer {
  var items = 0
  mutating func beginColumn(_ column: Int, named name: String) {}
  mutating func consume(column: Int, key: PickleObject, value: PickleObject, arena: UnsafeBufferPointer<PickleObject>) {
    _ = key.resolved(in: arena).description
    _ = value.resolved(in: arena).description
    items += 1
  }
  /// Half the new keys (by their text's length) are built resolved, as a loader's are.
  mutating func annotation(ofNewKey text: String, _ numbers: (PickleObject, PickleObject, PickleObject?)) -> Int? {
    text.utf8.count.isMultiple(of: 2) ? text.utf8.count : nil
  }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPickle(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  let bytes = UnsafeRawBufferPointer(start: data, count: size)
  _ = try? PickleDecoder().decode(bytes)
  for memo in [PickleMemoPolicy.all, .scanned, .speculative] {
    var machine = PickleMachine(bytes, consumer: FuzzConsumer(), memo: memo)
    _ = try? machine.run()
    machine.releaseContainers()
  }
  return 0
}
