import Files
import BackpropEngine
import Foundation
import Testing
import TestSupport
@testable import SVMBaseline

/// Broken LIBSVM model files: each is refused with one line naming the file, before
/// LIBSVM's own reader (which crashes on some of them) sees it.
@Suite struct ModelFileTests {
    /// The tiny model's file as text.
    static func savedModel() throws -> String {
        try TemporaryDirectory.with(prefix: "SVMBaselineTests") { directory in
            let path = directory.file("svm.model")
            try tinyModel.get().save(to: path)
            return try String(contentsOfFile: path, encoding: .utf8)
        }
    }

    /// Writes `text` to a fresh file and loads it.
    static func load(_ bytes: [UInt8]) throws -> Result<SVMModel, FileError> {
        try TemporaryDirectory.with(prefix: "SVMBaselineTests") { directory in
            let path = try directory.write("bad.model", Data(bytes))
            return Result { () throws(FileError) in try SVMModel.load(from: path) }
        }
    }

    /// `text` with its header line starting with `keyword` replaced by `replacement`
    /// (nil: removed).
    static func header(_ text: String, _ keyword: String, _ replacement: String?) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let index = lines.firstIndex { $0.hasPrefix(keyword + " ") || $0 == keyword } ?? 0
        if let replacement { lines[index] = replacement } else { lines.remove(at: index) }
        return lines.joined(separator: "\n")
    }

    @Test func theSavedFileIsAccepted() throws {
        let text = try Self.savedModel()
        #expect(text.hasPrefix("svm_type c_svc\nkernel_type rbf\ngamma 0.0012755102040816"))
        #expect(text.contains("\nlabel 0 1 2 3 4 5 6 7 8 9\n"))
        let checked = try LIBSVMModelFile(checking: Array(text.utf8), path: "m")
        #expect(checked.labels == Array(0..<10))
    }

    @Test(arguments: Corruption.allCases)
    func brokenFilesAreRefused(corruption: Corruption) throws {
        let result = try Self.load(Array(corruption.apply(to: try Self.savedModel()).utf8))
        guard case .failure(let error) = result else {
            Issue.record("\(corruption): accepted")
            return
        }
        #expect(error.description.hasSuffix("bad.model: " + error.problem))
        #expect(error.problem.contains(corruption.message), "\(corruption): \(error.problem)")
        #expect(!error.description.contains("\n"))
    }

    /// 150 seeded random corruptions (bytes flipped, deleted, or the file cut): each
    /// either loads — then it must also predict without trouble — or is refused with an
    /// error. What must never happen is a crash inside LIBSVM, which would end this test
    /// process.
    @Test func randomCorruptionsNeverCrash() throws {
        let test = SparseDigits(try realMNIST.get().testSet, indices: Array(0..<20))
        let original = Array(try Self.savedModel().utf8)
        var generator = SeededGenerator(seed: 18)
        var refused = 0
        for trial in 0..<150 {
            var bytes = original
            let position = Int(generator.next() % UInt64(bytes.count))
            switch trial % 3 {
            case 0: bytes[position] = UInt8(truncatingIfNeeded: generator.next())
            case 1: bytes.remove(at: position)
            default: bytes.removeSubrange(position...)
            }
            switch try Self.load(bytes) {
            case .success(let model): _ = model.predictAll(test, threads: 1)
            case .failure: refused += 1
            }
        }
        #expect(refused > 50, "most corruptions are detectable; \(refused) of 150 were refused")
    }

    @Test func missingAndUnreadableFiles() throws {
        let missing = Result { () throws(FileError) in try SVMModel.load(from: "/nonexistent/svm.model") }
        #expect(throws: FileError(file: "/nonexistent/svm.model", problem: "no such file")) { try missing.get() }
        try TemporaryDirectory.with(prefix: "SVMBaselineTests") { directory in
            #expect(throws: FileError.self) { try SVMModel.load(from: directory.path) }
        }
    }
}

extension String {
    /// This model text with its last support-vector line replaced.
    func replacingLastVector(with line: String) -> String {
        var lines = split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        lines[lines.count - 1] = line
        return lines.joined(separator: "\n") + "\n"
    }
}

/// One way to break a model file, and what the refusal says.
enum Corruption: String, CaseIterable, Sendable {
    case empty, notAModel, truncatedHeader, truncatedInTheVectors, oneVectorMissing, totalTooLarge
    case nrClassMissing, rhoBeforeNrClass, labelMissing, labelNotADigit, labelsRepeated, nrSVShort
    case rhoNotANumber, gammaNaN, gammaMissing, precomputedKernel, regressionModel, keywordTwice
    case binaryJunk, pixelIndex785, indicesOutOfOrder, coefficientsMissing, valueNotANumber

    func apply(to text: String) -> String {
        let header = ModelFileTests.header
        switch self {
        case .empty: return ""
        case .notAModel: return "{\"sizes\": [784, 30, 10]}\n"
        case .truncatedHeader: return text.components(separatedBy: "\nSV\n")[0] + "\n"
        case .truncatedInTheVectors: return String(text.prefix(text.utf8.count * 2 / 3))
        case .oneVectorMissing:
            let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
            return lines.dropLast().joined(separator: "\n") + "\n"
        case .totalTooLarge: return header(text, "total_sv", "total_sv 2147483647")
        case .nrClassMissing: return header(text, "nr_class", nil)
        case .rhoBeforeNrClass: return header(header(text, "nr_class", nil), "svm_type", "svm_type c_svc\nrho 1")
        case .labelMissing: return header(text, "label", nil)
        case .labelNotADigit: return header(text, "label", "label 0 1 2 3 4 5 6 7 8 10")
        case .labelsRepeated: return header(text, "label", "label 0 1 2 3 4 5 6 7 8 8")
        case .nrSVShort: return header(text, "nr_sv", "nr_sv 1 2")
        case .rhoNotANumber: return header(text, "rho", "rho x")
        case .gammaNaN: return header(text, "gamma", "gamma nan")
        case .gammaMissing: return header(text, "gamma", nil)
        case .precomputedKernel: return header(text, "kernel_type", "kernel_type precomputed")
        case .regressionModel: return header(text, "svm_type", "svm_type epsilon_svr")
        case .keywordTwice: return header(text, "gamma", "gamma 1\ngamma 2")
        case .binaryJunk: return String(decoding: [0x80, 0xFF, 0x00] + Array(text.utf8), as: UTF8.self)
        case .pixelIndex785: return text.replacingLastVector(with: "1 2 3 4 5 6 7 8 9 785:1")
        case .indicesOutOfOrder: return text.replacingLastVector(with: "1 2 3 4 5 6 7 8 9 10:1 5:1")
        case .coefficientsMissing: return text.replacingLastVector(with: "1 2 3")
        case .valueNotANumber: return text.replacingLastVector(with: "1 2 3 4 5 6 7 8 9 10:x")
        }
    }

    /// A part of the one-line refusal.
    var message: String {
        switch self {
        case .empty: "empty file"
        case .notAModel: "unknown keyword"
        case .truncatedHeader: "no SV line"
        case .truncatedInTheVectors: "(not a LIBSVM digit model)"
        case .oneVectorMissing: "support vectors (truncated?)"
        case .totalTooLarge: "nr_sv adds up to"
        case .nrClassMissing, .rhoBeforeNrClass: "nr_class must come before"
        case .labelMissing: "no label"
        case .labelNotADigit: "not a whole number in 0…9"
        case .labelsRepeated: "different digits"
        case .nrSVShort: "expected 10 whole numbers"
        case .rhoNotANumber: "expected 45 numbers"
        case .gammaNaN: "not a finite number"
        case .gammaMissing: "the rbf kernel needs gamma"
        case .precomputedKernel: "kernel_type must be"
        case .regressionModel: "svm_type must be c_svc or nu_svc"
        case .keywordTwice: "appears twice"
        case .binaryJunk: "not printable ASCII"
        case .pixelIndex785: "1…784"
        case .indicesOutOfOrder: "must increase"
        case .coefficientsMissing: "expected 9 coefficients"
        case .valueNotANumber: "is not index:value"
        }
    }
}
