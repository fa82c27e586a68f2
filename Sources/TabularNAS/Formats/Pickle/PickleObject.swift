/// An object on the decoder's stack. Lists and dicts are reference boxes because pickle mutates
/// them after they are memoised; tuples are boxes so a loader can annotate a shared key once.
enum PickleObject {
  case none
  case bool(Bool)
  case int(Int)
  case float(Double)
  case string(String)
  case bytes([UInt8])
  case tuple(PickleTuple)
  /// A key tuple a streaming consumer resolved from its items as the pickle wrote it out
  /// (``PickleColumnConsumer/annotation(ofNewKey:_:)``): the annotation alone, no tuple kept —
  /// a file memoises one per run (145,584 in `bench12.pkl`).
  case resolvedKey(annotation: Int)
  case list(PickleList)
  case dict(PickleDict)
  /// A dict whose items went to a streaming consumer instead of being stored.
  case streamedDict(column: Int)
  /// An allowed global, not yet called.
  case global(PickleGlobal)
  /// A NumPy dtype under construction.
  case dtype(NumPyDType)
  /// The object with this id in the machine's arena of memoised objects (pushed by `BINGET`,
  /// so loading a shared object neither copies nor retains it).
  case ref(Int)

  var typeName: String {
    switch self {
    case .none: "NoneType"
    case .bool: "bool"
    case .int: "int"
    case .float: "float"
    case .string: "str"
    case .bytes: "bytes"
    case .tuple, .resolvedKey: "tuple"
    case .list: "list"
    case .dict, .streamedDict: "dict"
    case .global(let global): "global \(global)"
    case .dtype: "numpy.dtype"
    case .ref: "memo reference"
    }
  }
}

final class PickleTuple {
  var items: [PickleObject]
  /// Free for a consumer to cache what this key resolved to (-1 = nothing yet).
  var annotation = -1

  init(_ items: [PickleObject]) { self.items = items }
}

final class PickleList {
  var items: [PickleObject] = []
}

final class PickleDict {
  var items: [(key: PickleObject, value: PickleObject)] = []
}

/// The only globals a pickle may name: NumPy scalar reconstruction and protocol-2 bytes.
enum PickleGlobal: CustomStringConvertible {
  case numpyScalar
  case numpyDType
  case codecsEncode

  /// The encoding names `_codecs.encode` is accepted with (lowercased): latin-1's.
  static let latin1EncodingNames: Set<String> = ["latin1", "latin-1", "iso-8859-1"]

  init?(module: String, name: String) {
    switch (module, name) {
    case ("numpy.core.multiarray", "scalar"), ("numpy._core.multiarray", "scalar"): self = .numpyScalar
    case ("numpy", "dtype"): self = .numpyDType
    case ("_codecs", "encode"): self = .codecsEncode
    default: return nil
    }
  }

  var description: String {
    switch self {
    case .numpyScalar: "numpy.core.multiarray.scalar"
    case .numpyDType: "numpy.dtype"
    case .codecsEncode: "_codecs.encode"
    }
  }
}

/// A NumPy dtype as pickled: `dtype(code, False, True)` then `BUILD` with its byte order.
final class NumPyDType {
  let code: String
  var isBigEndian = false

  init(code: String) { self.code = code }
}

extension PickleObject {
  /// The object itself, or the arena object a reference stands for.
  @inline(__always)
  func resolved(in arena: UnsafeBufferPointer<PickleObject>) -> PickleObject {
    if case .ref(let id) = self { return arena[id] }
    return self
  }
}

extension Array where Element == PickleObject {
  /// The objects with every reference replaced by the arena object it stands for.
  ///
  /// A plain loop: `map(machine.resolve)` would capture (copy) the whole machine per call.
  func resolved(in arena: [PickleObject]) -> [PickleObject] {
    var result = self
    for index in result.indices {
      if case .ref(let id) = result[index] { result[index] = arena[id] }
    }
    return result
  }
}

extension PickleObject: CustomStringConvertible {
  /// A short Python-like rendering for error messages: tuples nested more than three deep show
  /// as `(…)` and at most eight items each, so a hostile key cannot exhaust the stack or memory.
  var description: String { rendered(depth: 0) }

  private func rendered(depth: Int) -> String {
    switch self {
    case .none: "NoneType"
    case .bool(let value): value ? "True" : "False"
    case .int(let value): String(value)
    case .float(let value): String(value)
    case .string(let value): "'\(value)'"
    case .bytes(let value): "b<\(value.count) bytes>"
    case .tuple(let tuple):
      depth >= 3
        ? "(…)"
        : "(" + (tuple.items.prefix(8).map { $0.rendered(depth: depth + 1) } + (tuple.items.count > 8 ? ["…"] : []))
          .joined(separator: ", ") + ")"
    case .resolvedKey: "(…)"
    default: typeName
    }
  }
}
