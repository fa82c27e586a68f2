import Foundation
import TabularNAS

/// Best-so-far against cumulative cost, averaged over runs, drawn as a standalone SVG.
///
/// Each series is one algorithm's runs; at each cost on a log-spaced grid, a run's value is its
/// best validation value among the queries finished by then. The line is the mean over runs,
/// the band the 95 % interval of the mean (±1.96 standard errors). Grid points before every
/// run has a value are left out, so the mean never mixes in missing runs.
public struct TrajectoryPlot: Sendable {
  /// One algorithm's runs: (cumulative cost, best value so far) after each query.
  public struct Series: Sendable {
    /// The legend label.
    public let label: String
    /// Per run, its trajectory.
    public let runs: [[(cost: Double, best: Double?)]]

    /// Creates a series.
    public init(label: String, runs: [[(cost: Double, best: Double?)]]) {
      self.label = label
      self.runs = runs
    }
  }

  /// The series drawn.
  public let series: [Series]
  /// The x-axis label.
  public let costLabel: String
  /// The y-axis label.
  public let valueLabel: String
  /// The title.
  public let title: String

  /// Creates a plot.
  public init(series: [Series], costLabel: String, valueLabel: String, title: String) {
    self.series = series
    self.costLabel = costLabel
    self.valueLabel = valueLabel
    self.title = title
  }

  /// Mean and 95 % band of one series on a grid of costs (nil where some run has no value yet).
  func aggregate(_ series: Series, grid: [Double]) -> [(cost: Double, mean: Double, low: Double, high: Double)] {
    grid.compactMap { cost in
      var values: [Double] = []
      for run in series.runs {
        guard let last = run.lastIndex(where: { $0.cost <= cost }), let best = run[last].best else { return nil }
        values.append(best)
      }
      guard !values.isEmpty else { return nil }
      let (mean, error) = Metrics.meanAndStandardError(values)
      return (cost, mean, mean - 1.96 * error, mean + 1.96 * error)
    }
  }

  /// The SVG document.
  public var svg: String {
    // The legend column widens to its longest entry (about 7.2 px a character at 13 px).
    let longest = series.map { "\($0.label) (\($0.runs.count) runs)".count }.max() ?? 0
    let right = max(200, 62 + 7.2 * Double(longest)).rounded(.up)
    let (width, height) = (680 + right, 540.0)
    let (left, top, bottom) = (80.0, 50.0, 70.0)
    let costs = series.flatMap { $0.runs.flatMap { $0.map(\.cost) } }.filter { $0 > 0 }
    let lowCost = costs.min() ?? 1, highCost = max(costs.max() ?? 10, lowCost * 10)
    let grid = (0...200).map { lowCost * pow(highCost / lowCost, Double($0) / 200) }
    let curves = series.map { aggregate($0, grid: grid) }
    let values = curves.flatMap { $0.flatMap { [$0.low, $0.high] } }.filter(\.isFinite)
    var lowValue = values.min() ?? 0, highValue = values.max() ?? 1
    if highValue - lowValue < 1e-12 { (lowValue, highValue) = (lowValue - 1, highValue + 1) }
    let padding = (highValue - lowValue) * 0.05
    (lowValue, highValue) = (lowValue - padding, highValue + padding)
    let plotWidth = width - left - right, plotHeight = height - top - bottom
    func x(_ cost: Double) -> Double { left + plotWidth * log(cost / lowCost) / log(highCost / lowCost) }
    func y(_ value: Double) -> Double { top + plotHeight * (1 - (value - lowValue) / (highValue - lowValue)) }
    func number(_ value: Double) -> String { String(format: "%.1f", value) }
    let palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"]
    var svg = """
      <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" font-family="Helvetica, Arial, sans-serif" font-size="13">
      <rect width="100%" height="100%" fill="white"/>
      <text x="\(number(left + plotWidth / 2))" y="28" text-anchor="middle" font-size="16">\(escape(title))</text>
      <rect x="\(number(left))" y="\(number(top))" width="\(number(plotWidth))" height="\(number(plotHeight))" fill="none" stroke="#333"/>

      """
    var decade = floor(log10(lowCost))
    while pow(10, decade) <= highCost {
      let cost = pow(10, decade)
      if cost >= lowCost {
        svg += "<line x1=\"\(number(x(cost)))\" y1=\"\(number(top))\" x2=\"\(number(x(cost)))\" y2=\"\(number(top + plotHeight))\" stroke=\"#ddd\"/>\n"
        svg += "<text x=\"\(number(x(cost)))\" y=\"\(number(top + plotHeight + 18))\" text-anchor=\"middle\">10<tspan dy=\"-6\" font-size=\"10\">\(Int(decade))</tspan></text>\n"
      }
      decade += 1
    }
    let ticks = Self.ticks(from: lowValue, to: highValue)
    for value in ticks.values {
      svg += "<line x1=\"\(number(left))\" y1=\"\(number(y(value)))\" x2=\"\(number(left + plotWidth))\" y2=\"\(number(y(value)))\" stroke=\"#eee\"/>\n"
      svg += "<text x=\"\(number(left - 8))\" y=\"\(number(y(value) + 4))\" text-anchor=\"end\">\(String(format: "%.\(ticks.decimals)f", value))</text>\n"
    }
    svg += "<text x=\"\(number(left + plotWidth / 2))\" y=\"\(number(height - 20))\" text-anchor=\"middle\">\(escape(costLabel)) (log scale)</text>\n"
    svg += "<text transform=\"translate(22 \(number(top + plotHeight / 2))) rotate(-90)\" text-anchor=\"middle\">\(escape(valueLabel))</text>\n"
    for (index, (item, curve)) in zip(series, curves).enumerated() where !curve.isEmpty {
      let color = palette[index % palette.count]
      let upper = curve.map { "\(number(x($0.cost))),\(number(y($0.high)))" }
      let lower = curve.reversed().map { "\(number(x($0.cost))),\(number(y($0.low)))" }
      svg += "<polygon points=\"\((upper + lower).joined(separator: " "))\" fill=\"\(color)\" fill-opacity=\"0.18\" stroke=\"none\"/>\n"
      svg += "<polyline points=\"\(curve.map { "\(number(x($0.cost))),\(number(y($0.mean)))" }.joined(separator: " "))\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\"/>\n"
      let legendY = top + 20 + Double(index) * 22
      svg += "<line x1=\"\(number(width - right + 16))\" y1=\"\(number(legendY))\" x2=\"\(number(width - right + 40))\" y2=\"\(number(legendY))\" stroke=\"\(color)\" stroke-width=\"3\"/>\n"
      svg += "<text x=\"\(number(width - right + 46))\" y=\"\(number(legendY + 4))\">\(escape(item.label)) (\(item.runs.count) runs)</text>\n"
    }
    svg += "<text x=\"\(number(width - right + 16))\" y=\"\(number(top + 20 + Double(series.count) * 22 + 6))\" font-size=\"11\" fill=\"#555\">line: mean; band: 95 % of the mean</text>\n"
    return svg + "</svg>\n"
  }

  /// Round tick values inside `low…high`, three to six, spaced 1, 2 or 5 × 10ᵏ apart, and the
  /// decimals that print them exactly.
  static func ticks(from low: Double, to high: Double) -> (values: [Double], decimals: Int) {
    let rough = (high - low) / 6
    let power = pow(10, floor(log10(rough)))
    let step = [1.0, 2, 5, 10].map { $0 * power }.first { $0 >= rough } ?? 10 * power
    let first = (low / step).rounded(.up)
    let values = stride(from: first, through: (high / step).rounded(.down), by: 1).map { $0 * step }
    return (values, max(0, -Int(floor(log10(step) + 1e-9))))
  }

  private func escape(_ text: String) -> String {
    text.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;")
  }
}
