/// The feature groups of Baker et al. (2018, §3.1): the observed time series (TS) with its
/// first and second differences, architecture parameters (AP) and hyperparameters (HP).
public struct CurveFeatureGroups: OptionSet, Hashable, Sendable, CustomStringConvertible {
  /// The raw bits.
  public let rawValue: Int
  /// Creates groups from bits.
  public init(rawValue: Int) { self.rawValue = rawValue }

  /// Observed curve values, their first and second differences.
  public static let timeSeries = CurveFeatureGroups(rawValue: 1)
  /// Architecture parameters: numeric configuration fields that are not hyperparameters, and
  /// derived architecture features.
  public static let architecture = CurveFeatureGroups(rawValue: 2)
  /// Training hyperparameters (`lr`, `base_lr`, `ss`, weight decays, …).
  public static let hyperparameters = CurveFeatureGroups(rawValue: 4)
  /// All three.
  public static let all: CurveFeatureGroups = [.timeSeries, .architecture, .hyperparameters]

  private static let names: [(String, CurveFeatureGroups)] = [("ts", .timeSeries), ("ap", .architecture), ("hp", .hyperparameters)]

  /// Parses `ts,ap,hp` (any non-empty subset, any order).
  ///
  /// - Throws: ``PredictionError/unknownName(_:kind:allowed:)``.
  public init(parsing text: String) throws {
    var groups: CurveFeatureGroups = []
    for word in text.split(separator: ",") {
      guard let group = Self.names.first(where: { $0.0 == word })?.1 else {
        throw PredictionError.unknownName(String(word), kind: "feature group", allowed: Self.names.map(\.0))
      }
      groups.insert(group)
    }
    guard !groups.isEmpty else { throw PredictionError.unknownName(text, kind: "feature group", allowed: Self.names.map(\.0)) }
    self = groups
  }

  /// Every non-empty combination of these groups, smallest first (an ablation's rows).
  public var combinations: [CurveFeatureGroups] {
    let members = Self.names.map(\.1).filter(contains)
    return (1..<(1 << members.count)).map { mask in
      CurveFeatureGroups(members.indices.filter { mask & (1 << $0) != 0 }.map { members[$0] })
    }.sorted { ($0.rawValue.nonzeroBitCount, $0.rawValue) < ($1.rawValue.nonzeroBitCount, $1.rawValue) }
  }

  /// `TS+AP+HP`.
  public var description: String {
    Self.names.filter { contains($0.1) }.map { $0.0.uppercased() }.joined(separator: "+")
  }
}
