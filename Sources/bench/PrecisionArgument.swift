import ArgumentParser
import FastEngine

/// `--fast-precision double|float` and `--precision`: the fast engine's number type as a
/// flag. It lives here, where it is used, so `CommandLineSupport` (and every tool) does
/// not have to link `FastEngine`.
extension Precision: ExpressibleByArgument {
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}
