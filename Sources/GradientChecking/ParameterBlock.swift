import BackpropEngine

/// Whether a parameter is a weight wˡⱼₖ or a bias bˡⱼ.
public enum ParameterKind: String, Sendable, Codable, CaseIterable {
    case weight = "w"
    case bias = "b"
}

/// One layer's weights or biases, as a block of `Network.parameters`.
///
/// The book numbers layers with the input as layer 1, so blocks exist for l = 2…L.
/// Within a weight block, entry i is wˡⱼₖ with j = i / columns, k = i % columns
/// (row-major, as `Matrix` stores it); within a bias block entry i is bˡⱼ with j = i.
public struct ParameterBlock: Sendable, Equatable, Hashable {
    /// The book's layer number l (2…L).
    public let layer: Int
    public let kind: ParameterKind
    /// Where the block starts in `Network.parameters` (and `Gradient.flattened`).
    public let offset: Int
    /// Neurons in layer l.
    public let rows: Int
    /// Neurons in layer l − 1 for weights; 1 for biases.
    public let columns: Int

    /// How many entries the block has.
    public var count: Int { rows * columns }

    /// The book's (j, k) of entry `i`; k is `nil` for a bias.
    public func position(_ i: Int) -> (j: Int, k: Int?) {
        kind == .bias ? (i, nil) : (i / columns, i % columns)
    }

    /// Entry `i` in the book's notation: `(l, j, k)` for wˡⱼₖ, `(l, j)` for bˡⱼ (0-based j, k).
    public func label(_ i: Int) -> String {
        let (j, k) = position(i)
        return k.map { "(\(layer), \(j), \($0))" } ?? "(\(layer), \(j))"
    }
}

extension Network {
    /// The parameter blocks in the order of `parameters`: for l = 2…L, bˡ then wˡ.
    public var parameterBlocks: [ParameterBlock] {
        var blocks: [ParameterBlock] = []
        var offset = 0
        for (index, w) in weights.enumerated() {
            let l = index + 2
            blocks.append(ParameterBlock(layer: l, kind: .bias, offset: offset, rows: w.rows, columns: 1))
            offset += w.rows
            blocks.append(ParameterBlock(layer: l, kind: .weight, offset: offset, rows: w.rows, columns: w.columns))
            offset += w.rows * w.columns
        }
        return blocks
    }
}
