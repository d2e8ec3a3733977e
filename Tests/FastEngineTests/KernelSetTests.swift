import Testing
import BackpropEngine
import Foundation
@testable import FastEngine

/// Both compiled kernel sets — the one `automatic` picks on this CPU (AVX2 + FMA here)
/// and the baseline one every x86-64 runs — trained against the textbook engine, bit for
/// bit: the choice of instructions must never change a number.
@Suite("Kernel sets: AVX2 and baseline both equal the textbook, bit for bit")
struct KernelSetTests {
    static let sets: [KernelSet] = [.automatic, .baseline]

    @Test("the sets say what they are and why")
    func names() {
        #expect(KernelSet.baseline.name.contains("baseline") || KernelSet.baseline.name == "portable")
        #expect(!KernelSet.automatic.reason.isEmpty)
        #expect(KernelSet.automatic.description.hasPrefix(KernelSet.automatic.name + " ("))
    }

    @Test("the machine line names the cores and the reported extensions, consistent with the choice")
    func machine() {
        let machine = KernelSet.machine
        let cores = ProcessInfo.processInfo.activeProcessorCount
        #expect(machine.contains(", \(cores) core"))
        #expect(machine.contains(", reports "))
        // The AVX2 set runs only where the CPU reports both AVX2 and FMA.
        if KernelSet.automatic.name == "avx2+fma" { #expect(machine.contains("avx2, fma")) }
        if !machine.contains("avx2, fma") { #expect(KernelSet.automatic.name != "avx2+fma") }
    }

    /// Several blocks of first-layer rows (150 inputs), batches the sweep regroups (10)
    /// and batches it does not (70), hidden layers narrower and wider than 32 columns,
    /// both costs, with and without weight decay.
    @Test("SGD with each set gives the textbook's weights", arguments: sets, [(45, 10), (150, 70)])
    func sameWeights(kernels: KernelSet, run: (count: Int, batch: Int)) throws {
        for sizes in [[150, 20, 5], [150, 40, 5], [7, 9, 2, 4]] {
            for cost in Cost.allCases {
                for lambda in [0.0, 0.9] {
                    var generator = SeededGenerator(seed: UInt64(run.count + run.batch))
                    let network = try Network(sizes: sizes, cost: cost, generator: &generator)
                    let data = randomExamples(run.count, sizes: sizes, generator: &generator)
                    let both = try BothEngines(network, data, generator: generator, epochs: 2, miniBatchSize: run.batch,
                                               eta: 0.5, lambda: lambda, kernels: kernels)
                    let (fast, textbook) = (both.fast.network.parameters, both.textbook.parameters)
                    #expect(fast.map(\.bitPattern) == textbook.map(\.bitPattern), "\(kernels.name), \(sizes), \(cost), λ = \(lambda)")
                    #expect(fast != network.parameters, "training moved the weights")
                }
            }
        }
    }

    @Test("σ of each set is the textbook σ on the edge cases", arguments: sets)
    func sigmoid(kernels: KernelSet) {
        let inputs: [Double] = [0, -0.0, .infinity, -.infinity, .nan, 1000, -1000, 1e-300, -1e-17, 0.5, -3, 37, -745, 710, 2, -2]
        for start in stride(from: 0, to: inputs.count, by: 8) {
            let z = Kernels.D8(inputs[start..<start + 8]), s = VectorExp.sigmoid(z, kernels: kernels)
            for lane in 0..<8 {
                let expected = BackpropEngine.sigmoid(z[lane])
                #expect(s[lane].bitPattern == expected.bitPattern || (s[lane].isNaN && expected.isNaN), "σ(\(z[lane]))")
            }
        }
    }

    @Test("Float training and evaluation agree between the sets, bit for bit", arguments: [(45, 10), (150, 70)])
    func floatAgrees(count: Int, batch: Int) throws {
        var generator = SeededGenerator(seed: 5)
        let network = try Network(sizes: [150, 40, 5], generator: &generator)
        let data = randomExamples(count, sizes: [150, 40, 5], generator: &generator)
        let test = data.map { LabeledExample(x: $0.x, label: $0.y.elements.firstIndex(of: 1) ?? 0) }
        var results: [[UInt64]] = [], correct: [Int] = []
        for kernels in Self.sets {
            var fast = FastNetwork(network, precision: .float, kernels: kernels), g = generator
            try fast.sgd(trainingData: data, epochs: 2, miniBatchSize: batch, eta: 0.5, lambda: 0.3, generator: &g)
            results.append(fast.network.parameters.map(\.bitPattern))
            correct.append(fast.evaluate(test))
        }
        #expect(results[0] == results[1])
        #expect(correct[0] == correct[1])
    }
}
