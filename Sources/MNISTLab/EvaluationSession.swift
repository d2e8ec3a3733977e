import BackpropEngine
import Files
import Foundation
import Localization
import Rendering

/// `mnist evaluate --model FILE`: scores a saved network and shows its mistakes.
public enum EvaluationSession {
    /// Loads the model, checks it fits MNIST, then loads the data (`data`, called only
    /// for a good model, so a bad model file fails fast), evaluates the model on `set` and
    /// prints the result; with `pngPath`, writes the misclassified digits as a PNG grid
    /// (atomically).
    ///
    /// - Throws: `ModelFileError` for a bad model file or one whose sizes do not fit MNIST.
    @discardableResult
    public static func run(
        modelPath: String, data: () throws -> DigitSplits, set: EvaluationSet, pngPath: String?, show: Int,
        format: OutputFormat, language: Language = .english, print: (String) -> Void = { Swift.print($0) }
    ) throws -> Evaluation.Report {
        let network = try ModelFile.load(from: modelPath)
        guard network.sizes.first == 784, network.sizes.last == 10 else {
            throw ModelFileError(file: modelPath, problem: "has sizes \(network.sizes); an MNIST model needs 784 inputs and 10 outputs")
        }
        let heldOut = try data().heldOut(set)
        let evaluation = Evaluation(network: network, data: heldOut)
        if let pngPath {
            let png: Data
            do {
                png = try evaluation.mistakesPNG(data: heldOut).pngData()
            } catch {
                throw ModelFileError(file: pngPath, problem: "could not be encoded: \(error)")
            }
            try AtomicFile.write(png, to: pngPath)
        }
        let report = evaluation.report(model: modelPath, sizes: network.sizes, set: set, png: pngPath)
        switch format {
        case .json:
            print(try OutputFormat.json(report))
        case .text:
            let text = evaluation.text(model: modelPath, network: network, set: set, data: heldOut, show: show, language: language)
            print(text.hasSuffix("\n") ? String(text.dropLast()) : text)
            if let pngPath {
                print(language.text("wrote \(pngPath): \(evaluation.mistakes.count) misclassified digits",
                                    "已写入 \(pngPath)：\(evaluation.mistakes.count) 个分错的数字"))
            }
        }
        return report
    }
}
