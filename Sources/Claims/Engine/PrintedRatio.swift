// Ratios under the printed-table rule (../shared/claims/mappo.md): a relative gain is not a
// decimal, so it is computed on outward-rounded double intervals (`PrintedInterval`), which
// enclose the exact range over the printed inputs. Each form is written so that every input
// appears once (no dependency widening): 100·(M/B − 1) rather than 100·(M − B)/B.
import Foundation

extension PrintedInterval {
  /// The relative gain in percent of `new` over `base`, 100·(new/base − 1), over the
  /// printed intervals. Precondition: `base` does not contain 0.
  public static func relativePercent(new: DecimalInterval, base: DecimalInterval) -> PrintedInterval {
    let hundred = PrintedInterval(exactly: 100)
    return hundred * (new.interval / base.interval - PrintedInterval(exactly: 1))
  }

  /// A printed difference as a percentage of a printed base, 100·delta/base.
  /// Precondition: `base` does not contain 0.
  public static func percent(of delta: DecimalInterval, base: DecimalInterval) -> PrintedInterval {
    PrintedInterval(exactly: 100) * (delta.interval / base.interval)
  }

  /// Whether this interval intersects the interval of a printed decimal.
  public func matches(_ printed: DecimalInterval) -> Bool { matches(printed.interval) }

  /// A readable enclosure: the lower bound rounded down and the upper rounded up to
  /// `places` decimals, e.g. "[94.27, 94.39]" (still an enclosure of the exact range).
  public func enclosure(places: Int = 2) -> String {
    let scale = pow(10.0, Double(places))
    let lo = Int((lower * scale).nextDown.rounded(.down))
    let hi = Int((upper * scale).nextUp.rounded(.up))
    return "[\(DecimalInterval.fixed(lo, places: places, keep: places)), "
      + "\(DecimalInterval.fixed(hi, places: places, keep: places))]"
  }

  /// The interval of max(X₁, …, X_n).
  public static func maximum(_ xs: [PrintedInterval]) -> PrintedInterval? {
    guard let lo = xs.map(\.lower).max(), let hi = xs.map(\.upper).max() else { return nil }
    return PrintedInterval(lower: lo, upper: hi)
  }
}
