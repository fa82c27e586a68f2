/// A decoded Python object: the data a pickle may carry, and nothing that can run.
public indirect enum PickleValue: Equatable, Sendable {
  /// `None`.
  case none
  /// `True` or `False`.
  case bool(Bool)
  /// An `int` (or a NumPy integer scalar) that fits 64 bits.
  case int(Int)
  /// A `float` (or a NumPy `float64`/`float32` scalar, widened exactly).
  case float(Double)
  /// A `str`.
  case string(String)
  /// A `bytes` or `bytearray`.
  case bytes([UInt8])
  /// A `tuple`.
  case tuple([PickleValue])
  /// A `list`.
  case list([PickleValue])
  /// A `dict`, in insertion order.
  case dict([Entry])

  /// One key–value pair of a dict.
  public struct Entry: Equatable, Sendable {
    /// The key.
    public let key: PickleValue
    /// The value.
    public let value: PickleValue

    /// Creates an entry.
    public init(_ key: PickleValue, _ value: PickleValue) {
      self.key = key
      self.value = value
    }
  }

  /// The value stored under a string key, when this is a dict that has it.
  public subscript(key: String) -> PickleValue? {
    guard case .dict(let entries) = self else { return nil }
    return entries.last { $0.key == .string(key) }?.value
  }

  /// The number as a `Double`, for `float`, `int` and `bool` values.
  public var doubleValue: Double? {
    switch self {
    case .float(let value): value
    case .int(let value): Double(value)
    case .bool(let value): value ? 1 : 0
    default: nil
    }
  }

  /// The number as an `Int`, for `int` and `bool` values and integral floats.
  public var intValue: Int? {
    switch self {
    case .int(let value): value
    case .bool(let value): value ? 1 : 0
    case .float(let value): Int(exactly: value)
    default: nil
    }
  }

  /// The Python type name, for error messages.
  public var typeName: String {
    switch self {
    case .none: "NoneType"
    case .bool: "bool"
    case .int: "int"
    case .float: "float"
    case .string: "str"
    case .bytes: "bytes"
    case .tuple: "tuple"
    case .list: "list"
    case .dict: "dict"
    }
  }
}
