import ArgumentParser
import CommandLineSupport
import Datasets
import MNISTLab
import Rendering
import SVMBaseline

/// `mnist baselines`: what guessing and average darkness score, the bar to beat; with
/// `--svm`, the chapter's support vector machine (LIBSVM) instead.
struct BaselinesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baselines",
        abstract: "Score random guessing and the average-darkness classifier on the test set; --svm: the chapter's SVM."
    )

    @OptionGroup var data: DataOptions

    @OptionGroup var seedOption: SeedOption

    @OptionGroup var output: FormatOption

    @OptionGroup var language: LanguageOption

    @Flag(help: "Train and score the chapter's SVM (LIBSVM C-SVC, RBF kernel, one-vs-one; minutes on the full set).")
    var svm = false

    @Option(help: "The SVM's C (penalty of a margin violation).")
    var svmC = SVMParameters.book.c

    @Option(help: "The SVM's RBF γ in K(x, z) = exp(−γ‖x − z‖²) (default 1/784).")
    var svmGamma = SVMParameters.book.gamma

    @Option(help: "Train the SVM on only the first N of the 50,000 training images.")
    var limit: Int?

    @Option(help: "Save the trained SVM to FILE in LIBSVM's model format, atomically.")
    var saveSvm: String?

    @Option(help: "Load an SVM from FILE (LIBSVM's model format) instead of training one.")
    var loadSvm: String?

    func validate() throws {
        let svmFlags = [("--svm-c", svmC != SVMParameters.book.c), ("--svm-gamma", svmGamma != SVMParameters.book.gamma),
                        ("--limit", limit != nil), ("--save-svm", saveSvm != nil)]
        if !svm, loadSvm == nil, let flag = svmFlags.first(where: \.1) {
            throw ValidationError("\(flag.0) needs --svm")
        }
        try requirePositive(svmC, "--svm-c")
        try requirePositive(svmGamma, "--svm-gamma")
        if let limit, !(2...MNISTShape.trainingCount).contains(limit) {
            throw ValidationError("--limit must be between 2 and \(MNISTShape.trainingCount)")
        }
        if loadSvm != nil, let flag = svmFlags.first(where: \.1) {
            throw ValidationError("\(flag.0) is for training; --load-svm reads a trained model")
        }
    }

    func run() throws {
        guard svm || loadSvm != nil else {
            let splits = try data.load()
            try reportingFailures {
                try BaselineSession.run(data: splits, seed: seedOption.seed, format: output.format, language: language.language)
            }
            return
        }
        let mnist = try data.loadMNIST()
        var options = SVMSession.Options()
        options.parameters.c = svmC
        options.parameters.gamma = svmGamma
        options.limit = limit
        options.language = language.language
        options.load = loadSvm
        options.save = saveSvm
        Interruption.install()
        try reportingFailures {
            try SVMSession.run(mnist: mnist, options: options, seed: seedOption.seed, format: output.format)
        }
    }
}
