import Foundation
import Localization

/// An answer whose arrays do not have the network's shapes: a failed check, not a crash.
public struct ShapeMismatch: Error, Sendable, Equatable, CustomStringConvertible {
    /// The book's layer l, when one array is at fault.
    public var layer: Int?
    public var name: String
    public var expected: String
    public var received: String

    /// The mismatch in `language`: the array names and shapes are the same in both.
    public func description(_ language: Language) -> String {
        guard language == .simplifiedChinese else { return description }
        let expected = Self.chinese(expected), received = Self.chinese(received)
        guard let layer else { return "\(name) 有 \(received)，应为 \(expected)" }
        return "\(name)（第 \(layer) 层）的形状是 \(received)，应为 \(expected)"
    }

    /// `expected` or `received` (as `ReceivedGradient` writes them) in Chinese:
    /// "3 arrays (layers 2…4)" is 3 个数组（第 2…4 层）, "(2, 4), the shape of
    /// weights[1]" is (2, 4)，即 weights[1] 的形状, "(4, 1) or (4,)" is (4, 1) 或 (4,).
    static func chinese(_ shape: String) -> String {
        shape.replacing(/([0-9]+) arrays \(layers 2…([0-9]+)\)/) { "\($0.output.1) 个数组（第 2…\($0.output.2) 层）" }
            .replacing(/([0-9]+) arrays/) { "\($0.output.1) 个数组" }
            .replacing(/, the shape of (.+)/) { "，即 \($0.output.1) 的形状" }
            .replacingOccurrences(of: ") or (", with: ") 或 (")
    }

    public var description: String {
        guard let layer else { return "\(name) has \(received), expected \(expected)" }
        return "\(name) (layer \(layer)) has shape \(received), expected \(expected)"
    }
}
