import Foundation
import BackpropEngine

/// A cost shaped like a bowl, C(v) = ½(a·v₁² + b·v₂²): the picture of chapter 1's
/// gradient-descent section, where a ball rolls down to the minimum at v = (0, 0).
public struct Bowl: Sendable, Equatable {
    /// The curvature along v₁.
    public var a: Double
    /// The curvature along v₂ (a ≠ b makes an elongated bowl).
    public var b: Double

    public init(a: Double = 2, b: Double = 4) {
        self.a = a
        self.b = b
    }

    /// C(v) = ½(a·v₁² + b·v₂²).
    public func cost(_ v: Vector) -> Double {
        0.5 * (a * v[0] * v[0] + b * v[1] * v[1])
    }

    /// ∇C = (∂C/∂v₁, ∂C/∂v₂) = (a·v₁, b·v₂).
    public func gradient(_ v: Vector) -> Vector {
        [a * v[0], b * v[1]]
    }

    /// The formula, for printing: `C(v) = v₁² + 2v₂²` for a = 2, b = 4.
    public var formula: String {
        func term(_ c: Double, _ name: String) -> String {
            let half = c / 2
            if half == 1 { return name }
            return (half == half.rounded() ? String(Int(half)) : String(half)) + name
        }
        return "C(v) = \(term(a, "v₁²")) + \(term(b, "v₂²"))"
    }

    /// The points where C(v) = `level`: an ellipse, as `count` + 1 points (closed).
    public func levelCurve(_ level: Double, count: Int = 72) -> [(x: Double, y: Double)] {
        guard level > 0, a > 0, b > 0, count > 0 else { return [] }
        let (rx, ry) = ((2 * level / a).squareRoot(), (2 * level / b).squareRoot())
        return (0...count).map { k in
            let t = 2 * Double.pi * Double(k) / Double(count)
            return (rx * cos(t), ry * sin(t))
        }
    }
}
