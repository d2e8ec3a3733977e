import ArgumentParser
import Foundation

/// A comma-separated list of numbers, e.g. `--input 0.5,0,1`.
struct NumberList {
    var values: [Double]

    static func parse(_ text: String) throws -> NumberList {
        let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let values = parts.compactMap(Double.init)
        guard !parts.isEmpty, values.count == parts.count, values.allSatisfy(\.isFinite) else {
            throw ValidationError("expected finite numbers separated by commas, got \"\(text)\"")
        }
        return NumberList(values: values)
    }
}
