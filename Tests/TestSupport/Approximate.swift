/// The tests' approximate comparisons, one definition each.

/// |a − b| ≤ tolerance · max(floor, |a|, |b|), or a == b: a relative tolerance for
/// large values and (with the default floor 1) an absolute one near 0, where a
/// relative error means nothing. `floor: 0` makes it purely relative. The default
/// 1e-12 is about 4500 ulps at 1: room for a different summation order over the
/// tests' small nets, far below any real mistake.
public func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-12, floor: Double = 1) -> Bool {
    a == b || abs(a - b) <= tolerance * max(floor, abs(a), abs(b))
}

/// `close` entry by entry; false when the lengths differ.
public func close(_ u: [Double], _ v: [Double], _ tolerance: Double = 1e-12, floor: Double = 1) -> Bool {
    u.count == v.count && zip(u, v).allSatisfy { close($0, $1, tolerance, floor: floor) }
}

/// The largest |a − b| over two lists, divided by the largest magnitude in either:
/// a relative error for the whole list, so entries near 0 are judged on the list's
/// own scale. Infinity when the lengths differ.
public func relativeError(_ a: [Double], _ b: [Double]) -> Double {
    guard a.count == b.count else { return .infinity }
    let scale = max(a.map(abs).max() ?? 0, b.map(abs).max() ?? 0, .leastNormalMagnitude)
    return zip(a, b).map { abs($0 - $1) }.max().map { $0 / scale } ?? 0
}
