/// A key tuple a pickle wrote out in full, as unmemoised pickles write every key: a text and two
/// or three numbers (`(hash, lr, batch_size[, seed])`), read in place without building the tuple.
struct PickleFlatKey {
  /// The text's bytes, in the file (ASCII, so valid UTF-8).
  let text: UnsafeRawBufferPointer
  /// The numbers after the text (`.float` or `.int`), the third `nil` in a three-item key.
  let numbers: (PickleObject, PickleObject, PickleObject?)

  /// The key as the tuple the general path would have built.
  var tuple: PickleObject {
    var items: [PickleObject] = [.string(String(decoding: text, as: UTF8.self)), numbers.0, numbers.1]
    if let third = numbers.2 { items.append(third) }
    return .tuple(PickleTuple(items))
  }
}

extension PickleColumnConsumer {
  /// One item whose key the pickle wrote out in full; by default, the tuple is built and passed
  /// to ``consume(column:key:value:arena:)``.
  mutating func consume(
    column: Int, flatKey: PickleFlatKey, value: PickleObject, arena: UnsafeBufferPointer<PickleObject>
  ) throws {
    try consume(column: column, key: flatKey.tuple, value: value, arena: arena)
  }
}
