import Foundation

/// The JSON trace as scripts read it. Decoded with `JSONDecoder`, which reads every
/// Double exactly; on Linux `JSONSerialization` returns long decimals as
/// `NSDecimalNumber`, whose conversion to Double can be off by an ulp.
struct TraceJSON: Decodable {
    struct Layer: Decodable {
        var layer: Int
        var z, a, delta: [Double]
        var nabla_b: [Double]
        var nabla_w: [[Double]]
    }
    struct Check: Decodable {
        var max_relative_error: Double
        var passed: Bool
    }
    var sizes: [Int]
    var gradient_check: Check
    var cost: String
    var cost_value: Double
    var model: String?
    var seed: Int?
    var layers: [Layer]

    init(_ text: String) throws {
        self = try JSONDecoder().decode(TraceJSON.self, from: Data(text.utf8))
    }
}
