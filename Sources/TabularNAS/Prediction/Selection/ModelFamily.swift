import Foundation

/// A family of regressors with a space of hyperparameters for random search, named as on the
/// command line (`nu-svr-rbf`, `random-forest`, …).
///
/// Spaces assume standardised features and targets (see ``Pipeline``); γ is scaled by the
/// feature count, so it means the same for 5 features as for 300.
public enum ModelFamily: String, CaseIterable, Sendable {
  /// ν-SVR, RBF kernel: C ∈ [10⁻², 10³], ν ∈ [0.05, 1], γ·p ∈ [10⁻², 10] (log-uniform but ν).
  case nuSVRRBF = "nu-svr-rbf"
  /// ν-SVR, linear kernel: C ∈ [10⁻³, 10²], ν ∈ [0.05, 1].
  case nuSVRLinear = "nu-svr-linear"
  /// ν-SVR, polynomial kernel: degree 2 or 3, c₀ ∈ [0, 1], C and γ as for RBF.
  case nuSVRPolynomial = "nu-svr-poly"
  /// ε-SVR, RBF kernel: ε ∈ [10⁻³, 1] (in target standard deviations), C and γ as above.
  case epsilonSVRRBF = "epsilon-svr-rbf"
  /// ε-SVR, linear kernel.
  case epsilonSVRLinear = "epsilon-svr-linear"
  /// ε-SVR, polynomial kernel.
  case epsilonSVRPolynomial = "epsilon-svr-poly"
  /// Ordinary least squares (nothing to tune).
  case ols
  /// Ridge regression: λ ∈ [10⁻⁴, 10³].
  case ridge
  /// k-nearest neighbours: k ∈ 1…15.
  case knn
  /// A CART tree: depth 2…12 or unlimited, 1–8 rows per leaf.
  case decisionTree = "decision-tree"
  /// A random forest of 100 trees: 1/3, 1/2 or all features per split, 1–4 rows per leaf.
  case randomForest = "random-forest"
  /// Extra trees, 100 of them: random thresholds, every row, features and leaves as the forest.
  case extraTrees = "extra-trees"
  /// Gradient boosting: 50–300 stages, learning rate [0.01, 0.3], depth 2–4, subsample 0.7 or 1.
  case gradientBoosting = "gradient-boosting"
  /// The average of tuned ν-SVR (RBF), random forest and gradient boosting.
  case ensemble
  /// The one tuned pipeline, of ν-SVR (RBF), random forest, extra trees and gradient boosting,
  /// with the lowest cross-validated error.
  case best

  /// The families tuned for a prediction: the ensemble's or the best-of choice's members, or the
  /// family itself.
  public var members: [ModelFamily] {
    switch self {
    case .ensemble: [.nuSVRRBF, .randomForest, .gradientBoosting]
    case .best: [.nuSVRRBF, .randomForest, .extraTrees, .gradientBoosting]
    default: [self]
    }
  }

  /// Whether the prediction keeps only the member with the lowest cross-validated error
  /// (otherwise every member's prediction is averaged).
  public var keepsBestMember: Bool { self == .best }

  /// Parses a family name.
  ///
  /// - Throws: ``PredictionError/unknownName(_:kind:allowed:)``.
  public init(parsing name: String) throws {
    guard let family = ModelFamily(rawValue: name) else {
      throw PredictionError.unknownName(name, kind: "model", allowed: Self.allCases.map(\.rawValue))
    }
    self = family
  }

  /// Whether there is anything to tune.
  public var isTunable: Bool { self != .ols && members == [self] }

  /// The family's default regressor (scikit-learn's defaults where they exist).
  public func defaultRegressor(featureCount: Int) -> any Regressor {
    let gamma = 1 / Double(max(featureCount, 1))
    switch self {
    case .nuSVRRBF: return SupportVectorRegressor(loss: .nu(0.5), kernel: .rbf(gamma: gamma))
    case .nuSVRLinear: return SupportVectorRegressor(loss: .nu(0.5), kernel: .linear)
    case .nuSVRPolynomial: return SupportVectorRegressor(loss: .nu(0.5), kernel: .polynomial(gamma: gamma, coef0: 0, degree: 3))
    case .epsilonSVRRBF: return SupportVectorRegressor(loss: .epsilon(0.1), kernel: .rbf(gamma: gamma))
    case .epsilonSVRLinear: return SupportVectorRegressor(loss: .epsilon(0.1), kernel: .linear)
    case .epsilonSVRPolynomial:
      return SupportVectorRegressor(loss: .epsilon(0.1), kernel: .polynomial(gamma: gamma, coef0: 0, degree: 3))
    case .ols: return LinearRegression()
    case .ridge: return LinearRegression(ridge: 1)
    case .knn: return NearestNeighbors(neighbors: 5)
    case .decisionTree: return DecisionTree()
    case .randomForest: return RandomForest()
    case .extraTrees: return RandomForest.extraTrees()
    case .gradientBoosting, .ensemble, .best: return GradientBoosting()
    }
  }

  /// A regressor with hyperparameters drawn from the family's space.
  public func randomRegressor<G: RandomNumberGenerator>(featureCount: Int, using generator: inout G) -> any Regressor {
    func logUniform(_ low: Double, _ high: Double) -> Double {
      Foundation.exp(Double.random(in: Foundation.log(low)...Foundation.log(high), using: &generator))
    }
    let p = Double(max(featureCount, 1))
    let penalty = logUniform(1e-2, 1e3)
    let gamma = logUniform(1e-2, 10) / p
    let nu = Double.random(in: 0.05...1, using: &generator)
    let epsilon = logUniform(1e-3, 1)
    let polynomial = Kernel.polynomial(
      gamma: gamma, coef0: Double.random(in: 0...1, using: &generator), degree: Int.random(in: 2...3, using: &generator))
    switch self {
    case .nuSVRRBF: return SupportVectorRegressor(loss: .nu(nu), penalty: penalty, kernel: .rbf(gamma: gamma))
    case .nuSVRLinear: return SupportVectorRegressor(loss: .nu(nu), penalty: penalty / 1000, kernel: .linear)
    case .nuSVRPolynomial: return SupportVectorRegressor(loss: .nu(nu), penalty: penalty, kernel: polynomial)
    case .epsilonSVRRBF: return SupportVectorRegressor(loss: .epsilon(epsilon), penalty: penalty, kernel: .rbf(gamma: gamma))
    case .epsilonSVRLinear: return SupportVectorRegressor(loss: .epsilon(epsilon), penalty: penalty / 10, kernel: .linear)
    case .epsilonSVRPolynomial: return SupportVectorRegressor(loss: .epsilon(epsilon), penalty: penalty, kernel: polynomial)
    case .ols: return LinearRegression()
    case .ridge: return LinearRegression(ridge: logUniform(1e-4, 1e3))
    case .knn: return NearestNeighbors(neighbors: Int.random(in: 1...15, using: &generator))
    case .decisionTree:
      let depth = Int.random(in: 2...13, using: &generator)
      return DecisionTree(maxDepth: depth == 13 ? nil : depth, minSamplesLeaf: [1, 2, 4, 8].randomElement(using: &generator) ?? 1)
    case .randomForest:
      return RandomForest(
        trees: 100,
        tree: DecisionTree(
          minSamplesLeaf: [1, 2, 4].randomElement(using: &generator) ?? 1,
          maxFeatures: [1.0 / 3, 0.5, 1].randomElement(using: &generator) ?? 1))
    case .extraTrees:
      return RandomForest.extraTrees(
        minSamplesLeaf: [1, 2, 4].randomElement(using: &generator) ?? 1,
        maxFeatures: [1.0 / 3, 0.5, 1].randomElement(using: &generator) ?? 1)
    case .gradientBoosting, .ensemble, .best:
      return GradientBoosting(
        stages: [50, 100, 200, 300].randomElement(using: &generator) ?? 100, learningRate: logUniform(0.01, 0.3),
        subsample: [0.7, 1].randomElement(using: &generator) ?? 1,
        tree: DecisionTree(maxDepth: Int.random(in: 2...4, using: &generator)))
    }
  }
}
