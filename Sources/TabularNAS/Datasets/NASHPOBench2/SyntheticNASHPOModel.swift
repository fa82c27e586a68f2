import Foundation

/// The documented model behind the synthetic NAS-HPO-Bench-II table (see `Data/README.md`).
///
/// Pure functions of a cell's graph, the hyperparameters and seeded noise, chosen so that a
/// search behaves as on real data: structure sets the reachable accuracy (disconnected cells sit
/// at chance), the learning rate must match the batch size, seeds add noise, curves saturate,
/// 200-epoch values track 12-epoch ones, and time grows with convolutions and shrinks with
/// batch size.
struct SyntheticNASHPOModel {
  /// Chance accuracy on CIFAR-10, percent.
  static let chance = 10.0
  /// Images per epoch in the training, validation and test splits.
  static let trainImages = 40_000.0, evaluationImages = 10_000.0

  /// Structure-level quantities shared by every run of one cell class.
  struct CellProfile {
    let isConnected: Bool
    /// 0…1: how much the surviving operations can learn.
    let capacity: Double
    /// The accuracy reachable in 12 epochs at the best learning rate, percent.
    let ceiling: Double
    /// Relative compute per image (1 = stem and reduction cells only).
    let computeUnits: Double

    init(graph: CellGraph, classNoise: Double) {
      isConnected = graph.isConnected
      let convolutions = Double(graph.convolutionCount), poolings = Double(graph.poolingCount)
      capacity = 1 - exp(-(convolutions + 0.3 * poolings) / 1.5)
      let depth = Double(min(graph.depth, 3))
      // Deep cells without a shortcut train worse in 12 epochs; a shortcut helps.
      let shortcut = graph.hasInputShortcut ? 1.5 : (graph.depth >= 3 ? -2.0 : 0)
      let raw = 58 + 27 * capacity + 2 * depth / 3 + shortcut + 1.5 * classNoise
      ceiling = min(max(raw, 45), 93)
      computeUnits = 1 + 1.7 * convolutions + 0.3 * poolings
    }
  }

  /// log₂(lr / lr*), where the best learning rate grows linearly with the batch size.
  static func learningRateMismatch(learningRate: Double, batchSize: Int) -> Double {
    log2(learningRate / (0.1 * Double(batchSize) / 256))
  }

  /// The noise-free 12-epoch validation accuracy of a cell at some hyperparameters.
  static func expectedAccuracy(_ profile: CellProfile, mismatch: Double) -> Double {
    guard profile.isConnected else { return chance }
    let penalty = 0.035 * mismatch * mismatch
    return chance + (profile.ceiling - chance) * exp(-penalty)
  }

  /// The saturating learning-curve shape: 0 before training, 1 after 12 epochs.
  static func progress(epoch: Int, timeConstant: Double) -> Double {
    (1 - exp(-Double(epoch) / timeConstant)) / (1 - exp(-12 / timeConstant))
  }

  /// Epochs to learn most of what 12 epochs give: slower for large batches and small rates.
  static func timeConstant(batchSize: Int, mismatch: Double) -> Double {
    1.2 + 2.0 * (Double(batchSize) / 512).squareRoot() + 0.6 * max(0, -mismatch)
  }

  /// The expected 200-epoch test accuracy given the noise-free 12-epoch accuracy.
  static func surrogateAccuracy(expected12: Double, profile: CellProfile, mismatch: Double, noise: Double) -> Double {
    guard profile.isConnected else { return chance + 0.05 * noise }
    // 200 epochs close a share of the remaining error; under-trained settings gain most.
    let longTraining = 100 - (100 - expected12) * (0.62 - 0.04 * profile.capacity)
    // Long schedules reward larger learning rates than 12-epoch ones do.
    return min(longTraining + 0.6 * min(max(mismatch, -2), 2) + 0.7 * noise, 97)
  }

  /// Seconds per epoch of training (`images` of them) or of evaluation.
  static func epochSeconds(profile: CellProfile, batchSize: Int, images: Double, evaluation: Bool) -> Double {
    let perImage = 1.1e-4 * profile.computeUnits * (evaluation ? 1.0 / 3 : 1)
    let smallBatchPenalty = 1 + 6 / Double(batchSize).squareRoot()
    let steps = images / Double(batchSize)
    return images * perImage * smallBatchPenalty + steps * (evaluation ? 0.004 : 0.01)
  }

  /// Rounds an accuracy to what `images` images can show (k / images × 100), clamped to 0…100.
  static func quantized(_ accuracy: Double, images: Double) -> Double {
    (min(max(accuracy, 0), 100) / 100 * images).rounded() / (images / 100)
  }
}
