/// How a learning-curve dataset defines a configuration's final value, the target of
/// prediction and the value a search reports.
public enum FinalValueRule: Equatable, Sendable, CustomStringConvertible {
  /// The metric after the last epoch (Baker et al. 2018 predict this).
  case lastEpoch
  /// A column of the file, e.g. NAAP-440's `MaxAccuracy` (the best epoch's accuracy).
  case column(String)

  /// `last epoch` or `column MaxAccuracy`.
  public var description: String {
    switch self {
    case .lastEpoch: "last epoch"
    case .column(let name): "column \(name)"
    }
  }
}
