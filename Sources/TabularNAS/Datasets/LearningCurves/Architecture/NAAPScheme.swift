/// NAAP-440's `generated_schemes.json`: one list of convolution layers per scheme, in the
/// table's `ModelId` order (scheme i is `ModelId` i + 1).
public enum NAAPSchemes {
  /// Loads every scheme as an architecture of convolutions.
  ///
  /// - Throws: ``DatasetFileError`` when the file is missing, unreadable, not the expected JSON,
  ///   or has an empty or non-positive layer.
  public static func load(contentsOf path: String) throws -> [NetworkArchitecture] {
    let document: JSONValue
    do {
      document = try JSONValue(parsing: try readBytes(of: path))
    } catch let error as JSONParseError {
      throw DatasetFileError.schema(path: path, reason: "\(error)")
    }
    guard case .array(let schemes) = document else {
      throw DatasetFileError.schema(path: path, reason: "expected a JSON list of layer lists")
    }
    return try schemes.enumerated().map { position, scheme in
      guard case .array(let layers) = scheme, !layers.isEmpty else {
        throw DatasetFileError.schema(path: path, reason: "scheme \(position) is not a non-empty list of layers")
      }
      return try NetworkArchitecture(layers: layers.map { try layer($0, scheme: position, path: path) })
    }
  }

  /// One `{"kernel_size", "width", "stride", "residual"}` object as a convolution.
  private static func layer(_ value: JSONValue, scheme: Int, path: String) throws -> ArchitectureLayer {
    func positive(_ key: String) -> Int? {
      guard case .integer(let number)? = value[key], number > 0 else { return nil }
      return number
    }
    guard let kernel = positive("kernel_size"), let width = positive("width"), let stride = positive("stride"),
      case .bool(let residual)? = value["residual"]
    else {
      throw DatasetFileError.schema(
        path: path,
        reason: "scheme \(scheme): a layer needs positive integers kernel_size, width, stride and a boolean residual")
    }
    return .convolution(filters: width, kernelSize: kernel, stride: stride, isResidual: residual)
  }
}
