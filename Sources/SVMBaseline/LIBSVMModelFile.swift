import Files

/// A strict reader of LIBSVM's text model format, run before LIBSVM's own
/// `svm_load_model` sees a file.
///
/// LIBSVM 3.24 returns NULL for an unknown keyword or a number it cannot scan, but it
/// trusts the rest: `rho` before `nr_class` reads an uninitialised count, a `total_sv`
/// larger than the number of SV lines makes it `strtok` a NULL line, a line with too few
/// coefficients passes NULL to `strtod`, and a missing `label` or `nr_sv` is dereferenced
/// at prediction. So every file is checked here first, against what the format promises:
///
/// ```
/// svm_type c_svc            (or nu_svc: both classify)
/// kernel_type rbf           (linear, polynomial, rbf or sigmoid; not precomputed)
/// gamma 0.0012755102040816326
/// nr_class 10               (2…10 classes, labels distinct digits 0…9)
/// total_sv 12345
/// rho r₁ … r₄₅              (k(k − 1)/2 numbers; probA/probB optional, as many)
/// label 0 1 … 9
/// nr_sv n₀ … n₉             (k counts adding up to total_sv)
/// SV
/// c₁ … c₉ i:v i:v …         (total_sv lines: k − 1 coefficients, then pixel index 1…784
///                            strictly increasing, value; every number finite)
/// ```
///
/// One keyword per header line, each at most once, in an order where every count is
/// known before it is used. All allocation here is sized by the bytes actually read.
public struct LIBSVMModelFile: Equatable, Sendable {
    /// The class labels in the file's order.
    public var labels: [Int]
    /// Support vectors per class, in the order of `labels`.
    public var supportVectorsPerClass: [Int]
    /// The kernel named in the file.
    public var kernel: String
    /// γ (0 when the file gives none).
    public var gamma: Double

    /// The largest pixel index a digit model may use (28 × 28 pixels, 1-based).
    public static let maximumIndex = 784

    /// Checks `bytes`, the content of the model file `path`.
    ///
    /// - Throws: `FileError` naming the line and what is wrong with it.
    public init(checking bytes: [UInt8], path: String) throws(FileError) {
        func fail(_ line: Int?, _ problem: String) -> FileError {
            FileError(file: path, problem: (line.map { "line \($0): " } ?? "") + problem + " (not a LIBSVM digit model)")
        }
        guard !bytes.isEmpty else { throw FileError(file: path, problem: "empty file (not a LIBSVM model)") }
        if let bad = bytes.firstIndex(where: { $0 == 0 || $0 > 0x7E || ($0 < 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09) }) {
            let line = bytes[..<bad].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
            throw fail(line, "byte \(bad) is not printable ASCII")
        }
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
            line.split(whereSeparator: { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }).map { String(decoding: $0, as: UTF8.self) }
        }

        var seen: Set<String> = []
        var svmType: String?
        var kernel: String?
        var classes: Int?
        var total: Int?
        var labels: [Int]?
        var perClass: [Int]?
        var gamma = 0.0
        var lineNumber = 0
        var reachedSV = false
        func count(_ name: String, _ value: Int?, _ line: Int) throws(FileError) -> Int {
            guard let value else { throw fail(line, "\(name) must come before this line") }
            return value
        }
        header: while lineNumber < lines.count {
            let tokens = lines[lineNumber]
            lineNumber += 1
            guard let keyword = tokens.first else { continue }
            guard seen.insert(keyword).inserted else { throw fail(lineNumber, "'\(keyword)' appears twice") }
            let values = Array(tokens.dropFirst())
            switch keyword {
            case "svm_type":
                guard values.count == 1, ["c_svc", "nu_svc"].contains(values[0]) else {
                    throw fail(lineNumber, "svm_type must be c_svc or nu_svc (a classifier), got '\(values.joined(separator: " "))'")
                }
                svmType = values[0]
            case "kernel_type":
                guard values.count == 1, ["linear", "polynomial", "rbf", "sigmoid"].contains(values[0]) else {
                    throw fail(lineNumber, "kernel_type must be linear, polynomial, rbf or sigmoid, got '\(values.joined(separator: " "))'")
                }
                kernel = values[0]
            case "degree":
                _ = try Self.integers(values, count: 1, range: -1_000...1_000, line: lineNumber, fail)
            case "gamma":
                gamma = try Self.numbers(values, count: 1, line: lineNumber, fail)[0]
            case "coef0":
                _ = try Self.numbers(values, count: 1, line: lineNumber, fail)
            case "nr_class":
                classes = try Self.integers(values, count: 1, range: 2...10, line: lineNumber, fail)[0]
            case "total_sv":
                total = try Self.integers(values, count: 1, range: 1...Int(Int32.max), line: lineNumber, fail)[0]
            case "rho", "probA", "probB":
                let k = try count("nr_class", classes, lineNumber)
                _ = try Self.numbers(values, count: k * (k - 1) / 2, line: lineNumber, fail)
            case "label":
                let k = try count("nr_class", classes, lineNumber)
                let digits = try Self.integers(values, count: k, range: 0...9, line: lineNumber, fail)
                guard Set(digits).count == k else { throw fail(lineNumber, "the labels must be different digits") }
                labels = digits
            case "nr_sv":
                let k = try count("nr_class", classes, lineNumber)
                let counts = try Self.integers(values, count: k, range: 0...Int(Int32.max), line: lineNumber, fail)
                guard counts.reduce(0, +) == (try count("total_sv", total, lineNumber)) else {
                    throw fail(lineNumber, "nr_sv adds up to \(counts.reduce(0, +)), not total_sv")
                }
                perClass = counts
            case "SV":
                guard values.isEmpty else { throw fail(lineNumber, "nothing may follow SV on its line") }
                reachedSV = true
                break header
            default:
                throw fail(lineNumber, "unknown keyword '\(keyword.prefix(40))'")
            }
        }
        guard reachedSV else { throw fail(nil, "no SV line") }
        for (name, present) in [("svm_type", svmType != nil), ("kernel_type", kernel != nil), ("rho", seen.contains("rho")),
                                ("label", labels != nil), ("nr_sv", perClass != nil)] where !present {
            throw fail(nil, "the header has no \(name)")
        }
        guard let classes, let total, let labels, let perClass, let kernel else { throw fail(nil, "incomplete header") }
        // LIBSVM leaves a missing kernel parameter uninitialised.
        let needed = ["polynomial": ["gamma", "degree", "coef0"], "rbf": ["gamma"], "sigmoid": ["gamma", "coef0"]][kernel] ?? []
        if let missing = needed.first(where: { !seen.contains($0) }) { throw fail(nil, "the \(kernel) kernel needs \(missing)") }

        var vectors = 0
        while lineNumber < lines.count {
            let tokens = lines[lineNumber]
            lineNumber += 1
            if tokens.isEmpty, lines[lineNumber...].allSatisfy(\.isEmpty) { break }
            guard vectors < total else { throw fail(lineNumber, "more support vectors than total_sv (\(total))") }
            guard tokens.count >= classes - 1 else {
                throw fail(lineNumber, "expected \(classes - 1) coefficients, found \(tokens.count)")
            }
            _ = try Self.numbers(Array(tokens.prefix(classes - 1)), count: classes - 1, line: lineNumber, fail)
            var previous = 0
            for pair in tokens.dropFirst(classes - 1) {
                let parts = pair.split(separator: ":", omittingEmptySubsequences: false)
                guard parts.count == 2, let index = Int(parts[0]), let value = Double(parts[1]), value.isFinite else {
                    throw fail(lineNumber, "'\(pair.prefix(40))' is not index:value")
                }
                guard index > previous, index <= Self.maximumIndex else {
                    throw fail(lineNumber, "pixel indices must increase within 1…\(Self.maximumIndex), got \(index) after \(previous)")
                }
                previous = index
            }
            vectors += 1
        }
        guard vectors == total else { throw fail(nil, "total_sv is \(total) but the file has \(vectors) support vectors (truncated?)") }

        self.labels = labels
        self.supportVectorsPerClass = perClass
        self.kernel = kernel
        self.gamma = gamma
    }

    /// `count` finite numbers.
    private static func numbers(
        _ values: [String], count: Int, line: Int, _ fail: (Int?, String) -> FileError
    ) throws(FileError) -> [Double] {
        guard values.count == count else { throw fail(line, "expected \(count) numbers, found \(values.count)") }
        var result: [Double] = []
        for text in values {
            guard let value = Double(text), value.isFinite else { throw fail(line, "'\(text.prefix(40))' is not a finite number") }
            result.append(value)
        }
        return result
    }

    /// `count` whole numbers in `range`.
    private static func integers(
        _ values: [String], count: Int, range: ClosedRange<Int>, line: Int, _ fail: (Int?, String) -> FileError
    ) throws(FileError) -> [Int] {
        guard values.count == count else { throw fail(line, "expected \(count) whole numbers, found \(values.count)") }
        var result: [Int] = []
        for text in values {
            guard let value = Int(text), range.contains(value) else {
                throw fail(line, "'\(text.prefix(40))' is not a whole number in \(range.lowerBound)…\(range.upperBound)")
            }
            result.append(value)
        }
        return result
    }
}
