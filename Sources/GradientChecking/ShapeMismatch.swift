/// An answer whose arrays do not have the network's shapes: a failed check, not a crash.
public struct ShapeMismatch: Error, Sendable, Equatable, CustomStringConvertible {
    /// The book's layer l, when one array is at fault.
    public var layer: Int?
    public var name: String
    public var expected: String
    public var received: String

    public var description: String {
        guard let layer else { return "\(name) has \(received), expected \(expected)" }
        return "\(name) (layer \(layer)) has shape \(received), expected \(expected)"
    }
}
