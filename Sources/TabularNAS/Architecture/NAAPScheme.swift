import Foundation

/// NAAP-440's `generated_schemes.json`: one list of convolution layers per scheme, in the
/// table's `ModelId` order (scheme i is `ModelId` i + 1).
public enum NAAPSchemes {
  private struct Layer: Decodable {
    let kernel_size: Int
    let width: Int
    let stride: Int
    let residual: Bool
  }

  /// Loads every scheme as an architecture of convolutions.
  ///
  /// - Throws: ``DatasetFileError`` when the file is missing, unreadable, not the expected JSON,
  ///   or has an empty or non-positive layer.
  public static func load(contentsOf path: String) throws -> [NetworkArchitecture] {
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      if !FileManager.default.fileExists(atPath: path) { throw DatasetFileError.missing(path: path) }
      throw DatasetFileError.unreadable(path: path, reason: error.localizedDescription)
    }
    let schemes: [[Layer]]
    do {
      schemes = try JSONDecoder().decode([[Layer]].self, from: data)
    } catch {
      throw DatasetFileError.schema(
        path: path, reason: "expected a list of layer lists with kernel_size, width, stride, residual (\(error))")
    }
    return try schemes.enumerated().map { position, layers in
      guard layers.allSatisfy({ $0.kernel_size > 0 && $0.width > 0 && $0.stride > 0 }) else {
        throw DatasetFileError.schema(path: path, reason: "scheme \(position) has a non-positive size")
      }
      do {
        return try NetworkArchitecture(
          layers: layers.map {
            .convolution(filters: $0.width, kernelSize: $0.kernel_size, stride: $0.stride, isResidual: $0.residual)
          })
      } catch {
        throw DatasetFileError.schema(path: path, reason: "scheme \(position) has no layers")
      }
    }
  }
}
