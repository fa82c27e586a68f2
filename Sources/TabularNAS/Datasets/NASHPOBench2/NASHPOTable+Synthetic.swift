import Foundation

extension NASHPOTable {
  /// Generates the full synthetic table (1,011 classes × 8 × 6 × 3 seeds, every column).
  ///
  /// Deterministic: each run draws from its own generator derived from `seed` and the run's
  /// position, so the same seed always gives the same table, bit for bit.
  static func synthetic(seed: UInt64) -> NASHPOTable {
    let equivalence = CellEquivalence.standard
    let builder = Builder(
      classHashes: equivalence.graphs.map(\.description), cellClasses: equivalence.classIndices)
    let writer = builder.runs.columnWriter()
    // Classes write disjoint records, so they are generated in parallel.
    DispatchQueue.concurrentPerform(iterations: equivalence.classCount) { classIndex in
      let graph = equivalence.graphs[classIndex]
      var classGenerator = SplitMix64(seed: SplitMix64.derivedSeed(seed, classIndex))
      let profile = SyntheticNASHPOModel.CellProfile(graph: graph, classNoise: classGenerator.nextGaussian())
      for (lrIndex, learningRate) in NASHPOSearchSpace.learningRates.enumerated() {
        for (bsIndex, batchSize) in NASHPOSearchSpace.batchSizes.enumerated() {
          let setting = SyntheticSetting(profile: profile, learningRate: learningRate, batchSize: batchSize)
          var settingGenerator = SplitMix64(seed: SplitMix64.derivedSeed(seed, classIndex, lrIndex, bsIndex))
          builder.setSurrogate(
            setting.surrogateAccuracy(noise: settingGenerator.nextGaussian()),
            at: builder.surrogateIndex(classIndex: classIndex, learningRateIndex: lrIndex, batchSizeIndex: bsIndex))
          for seedIndex in NASHPOSearchSpace.seeds.indices {
            var generator = SplitMix64(
              seed: SplitMix64.derivedSeed(seed, classIndex, lrIndex, bsIndex, seedIndex))
            let record = builder.record(
              classIndex: classIndex, learningRateIndex: lrIndex, batchSizeIndex: bsIndex, seedIndex: seedIndex)
            setting.writeRun(record: record, into: writer, using: &generator)
          }
        }
      }
    }
    return builder.build()
  }
}

/// One cell class at one learning rate and batch size, ready to draw its seeded runs.
private struct SyntheticSetting {
  typealias Model = SyntheticNASHPOModel
  let profile: Model.CellProfile
  let batchSize: Int
  let mismatch: Double
  let expected: Double
  let trainSeconds: Double
  let evaluationSeconds: Double
  /// Noise-free per-epoch factors, shared by the three seeds.
  let shapes: [(progress: Double, overfitting: Double, wobble: Double)]

  init(profile: Model.CellProfile, learningRate: Double, batchSize: Int) {
    self.profile = profile
    self.batchSize = batchSize
    mismatch = Model.learningRateMismatch(learningRate: learningRate, batchSize: batchSize)
    expected = Model.expectedAccuracy(profile, mismatch: mismatch)
    trainSeconds = Model.epochSeconds(profile: profile, batchSize: batchSize, images: Model.trainImages, evaluation: false)
    evaluationSeconds = Model.epochSeconds(
      profile: profile, batchSize: batchSize, images: Model.evaluationImages, evaluation: true)
    let tau = Model.timeConstant(batchSize: batchSize, mismatch: mismatch)
    shapes = (1...NASHPOSearchSpace.trainedEpochs).map { epoch in
      let fraction: Double = Double(epoch) / 12
      let wobble: Double = 0.9 * exp(-Double(epoch) / 6) + 0.25
      return (Model.progress(epoch: epoch, timeConstant: tau), pow(fraction, 1.5), wobble)
    }
  }

  func surrogateAccuracy(noise: Double) -> Double {
    Model.surrogateAccuracy(expected12: expected, profile: profile, mismatch: mismatch, noise: noise)
  }

  /// Draws one seed's six curves and three totals.
  func writeRun(record: Int, into run: CurveStore.Builder.ColumnWriter, using generator: inout SplitMix64) {
    // Far too large a learning rate diverges on some seeds.
    let diverged = profile.isConnected && mismatch >= 4.5 && generator.nextUnitInterval() < 0.5
    let final = diverged ? Model.chance : expected + generator.nextGaussian(standardDeviation: 0.5)
    let machine = 1 + 0.05 * generator.nextGaussian()
    var sums = (train: 0.0, valid: 0.0, test: 0.0)
    func set(_ curve: NASHPOTable.Curve, _ epoch: Int, _ value: Double) {
      run.setValue(value, record: record, curve: curve.rawValue, epoch: epoch - 1)
    }
    func seconds(_ base: Double, warmup: Double) -> Double {
      base * machine * warmup * (1 + 0.03 * generator.nextGaussian())
    }
    for epoch in 1...NASHPOSearchSpace.trainedEpochs {
      let shape = shapes[epoch - 1]
      let clean = profile.isConnected ? Model.chance + (final - Model.chance) * shape.progress : Model.chance
      let gap = diverged ? 0 : (1.5 + 7 * profile.capacity) * shape.overfitting
      set(.trainAccuracy, epoch, Model.quantized(clean + gap + generator.nextGaussian(standardDeviation: 0.3), images: Model.trainImages))
      set(.validAccuracy, epoch, Model.quantized(clean + generator.nextGaussian(standardDeviation: shape.wobble), images: Model.evaluationImages))
      set(.testAccuracy, epoch, Model.quantized(clean - 0.4 + generator.nextGaussian(standardDeviation: 0.45), images: Model.evaluationImages))
      let warmup = epoch == 1 ? 1.12 : 1
      let train = seconds(trainSeconds, warmup: warmup)
      let valid = seconds(evaluationSeconds, warmup: warmup)
      let test = seconds(evaluationSeconds, warmup: warmup)
      set(.trainTime, epoch, train)
      set(.validTime, epoch, valid)
      set(.testTime, epoch, test)
      sums.train += train
      sums.valid += valid
      sums.test += test
    }
    // Recorded totals include start-up overhead, so they are not the sums of the epochs.
    run.setScalar(sums.train + 0.4, record: record, column: NASHPOTable.Total.train.rawValue)
    run.setScalar(sums.train + sums.valid + 0.6, record: record, column: NASHPOTable.Total.trainValid.rawValue)
    run.setScalar(sums.test + 0.2, record: record, column: NASHPOTable.Total.test.rawValue)
  }
}

extension NASHPOBench2 {
  /// The built-in synthetic NAS-HPO-Bench-II table, generated from a seed (labelled synthetic).
  ///
  /// The table for seed 0 is generated once per process and shared.
  /// - Complexity: About 10 M values; tens of milliseconds in a release build.
  public static func synthetic(seed: UInt64 = 0) -> NASHPOBench2 {
    seed == 0 ? defaultSynthetic : NASHPOBench2(table: .synthetic(seed: seed), source: .synthetic(seed: seed))
  }

  private static let defaultSynthetic = NASHPOBench2(table: .synthetic(seed: 0), source: .synthetic(seed: 0))
}
