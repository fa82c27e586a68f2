/// How a configuration that moves to a larger budget trains.
public enum PartialTraining: String, Sendable, CaseIterable {
  /// It resumes from the epochs it has and pays only the new ones (TabularNAS's default).
  case resume
  /// It trains again from scratch and pays every epoch (the NAS-HPO-Bench-II reference BOHB).
  case scratch

  /// For outputs: `partial training resumes` or `partial training from scratch`.
  public var label: String { self == .resume ? "partial training resumes" : "partial training from scratch" }
}
