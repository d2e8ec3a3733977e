import BackpropEngine
import Datasets
import FastEngine

extension MNISTSet {
    /// Images `range` of this set packed for the fast engine as training data — x the
    /// pixels ÷ 255, y the one-hot digit — read one image at a time straight from the raw
    /// bytes, never held as `[Example]` (full MNIST's 50,000 would be 320 MB of Doubles).
    /// `range` must lie within the set. The one way `mnist train` and `bench` pack MNIST.
    public func packedTraining(_ range: Range<Int>, sizes: [Int]) -> PackedDataSet {
        PackedDataSet(count: range.count, sizes: sizes, input: { input(range.lowerBound + $0) },
                      target: { Vector.oneHot(label(range.lowerBound + $0), count: 10) })
    }

    /// Images `range` of this set packed for the fast engine as held-out data: x and the
    /// digit's label (see `packedTraining`).
    public func packedLabeled(_ range: Range<Int>, sizes: [Int]) -> PackedDataSet {
        PackedDataSet(count: range.count, sizes: sizes, input: { input(range.lowerBound + $0) },
                      label: { label(range.lowerBound + $0) })
    }
}
