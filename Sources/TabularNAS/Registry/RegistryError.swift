/// A dataset name, option or capability the registry cannot honour.
public enum RegistryError: Error, Equatable, Sendable, CustomStringConvertible {
  /// No dataset has this name.
  case unknownDataset(String, allowed: String)
  /// An option's value is not one of the allowed ones.
  case invalidOption(option: String, value: String, allowed: [String])
  /// An opening option the dataset does not take.
  case optionNotAccepted(option: String, dataset: String)
  /// The dataset has no native file format.
  case noNativeFormat(dataset: String)

  /// What was wrong and what is allowed.
  public var description: String {
    switch self {
    case .unknownDataset(let name, let allowed): "unknown dataset '\(name)': choose \(allowed)"
    case .invalidOption(let option, let value, let allowed):
      "--\(option) '\(value)' is not allowed: choose one of \(allowed.joined(separator: ", "))"
    case .optionNotAccepted(let option, let dataset): "option --\(option) does not apply to dataset \(dataset)"
    case .noNativeFormat(let dataset):
      "dataset \(dataset) has no native format: its files load in milliseconds, so open them directly"
    }
  }
}
