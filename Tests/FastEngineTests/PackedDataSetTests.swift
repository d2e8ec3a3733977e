import Testing
import BackpropEngine
@testable import FastEngine

@Suite("PackedDataSet: sparse packing, checked shapes")
struct PackedDataSetTests {
    @Test("keeps exactly the non-zero inputs, in order, with their targets")
    func packsNonZeros() {
        let examples = [Example(x: [0, 0.5, 0, 1], y: [1, 0]), Example(x: [0, 0, 0, 0], y: [0, 1]),
                        Example(x: [0.25, 0, 0, 0], y: [0, 1])]
        let set = PackedDataSet(examples, sizes: [4, 3, 2])
        #expect(set.count == 3)
        #expect(set.firstMismatch == nil)
        #expect(Array(set.rowStarts.buffer) == [0, 2, 2, 3])
        #expect(Array(set.indices.buffer) == [1, 3, 0])
        #expect(set.codes.buffer.map { set.table.pointer[Int($0)] } == [0.5, 1, 0.25])
        #expect(set.codes.buffer.map { set.floatTable.pointer[Int($0)] } == [0.5, 1, 0.25])
        #expect(Array(set.targets.buffer) == [1, 0, 0, 1, 0, 1])
        #expect(set.density == 0.25)
        #expect(set.nonZeros(inBatchesOf: 2) == 3)
        #expect(set.nonZerosPerInput == [1, 1, 0, 1])
    }

    @Test("the codebook keeps every value's exact bits, however many distinct values there are")
    func codebookIsExact() {
        var generator = SeededGenerator(seed: 9)
        // 40,000 distinct values (past several doublings of the hash table), each repeated.
        let values = (0..<40_000).map { _ in generator.nextUniform() + 1e-300 }
        let examples = stride(from: 0, to: values.count, by: 100).map { start in
            Example(x: Vector(Array(values[start..<start + 100]) + Array(values[start..<start + 100])), y: [1])
        }
        let set = PackedDataSet(examples, sizes: [200, 1])
        #expect(set.table.count == 40_000)
        let unpacked = set.codes.buffer.map { set.table.pointer[Int($0)].bitPattern }
        #expect(unpacked == examples.flatMap { $0.x.elements.map(\.bitPattern) })
        var codebook = ValueCodebook()
        #expect(codebook.code(-0.5) == codebook.code(-0.5) && codebook.code(0.5) != codebook.code(-0.5))
    }

    @Test("more inputs than 16-bit indices can name are refused")
    func tooManyInputs() throws {
        let sizes = [PackedDataSet.maximumInputs + 1, 2, 1]
        let set = PackedDataSet([Example(x: Vector(Array(repeating: 1, count: sizes[0])), y: [1])], sizes: sizes)
        #expect(set.firstMismatch == 0)
        #expect(set.codes.count == 0)
        var generator = SeededGenerator(seed: 1)
        var fast = FastNetwork(try Network(sizes: sizes, generator: &generator))
        #expect(throws: TrainingError.self) {
            try fast.sgd(trainingSet: set, epochs: 1, miniBatchSize: 1, eta: 1, generator: &generator)
        }
        #expect(fast.evaluate(PackedDataSet([LabeledExample(x: Vector(Array(repeating: 1, count: sizes[0])), label: 0)], sizes: sizes)) == nil)
    }

    @Test("packing from closures trains exactly like packing from [Example]")
    func closuresEqualArrays() throws {
        var generator = SeededGenerator(seed: 12)
        let sizes = [8, 5, 3]
        let network = try Network(sizes: sizes, generator: &generator)
        let data = randomExamples(30, sizes: sizes, generator: &generator)
        let test = data.map { LabeledExample(x: $0.x, label: $0.y.argmax) }
        let packed = PackedDataSet(count: data.count, sizes: sizes, input: { data[$0].x }, target: { data[$0].y })
        let packedTest = PackedDataSet(count: test.count, sizes: sizes, input: { test[$0].x }, label: { test[$0].label })
        var a = FastNetwork(network), b = FastNetwork(network)
        var g1 = generator, g2 = generator
        let r1 = try a.sgd(trainingData: data, epochs: 2, miniBatchSize: 4, eta: 1, testData: test, generator: &g1)
        let r2 = try b.sgd(trainingSet: packed, epochs: 2, miniBatchSize: 4, eta: 1, testSet: packedTest, generator: &g2)
        #expect(a.network == b.network)
        #expect(r1.map(\.correct) == r2.map(\.correct))
        #expect(b.evaluate(packedTest) == b.network.evaluate(test))
    }

    @Test("sets that do not fit the network are refused, never read out of bounds")
    func mismatches() throws {
        var generator = SeededGenerator(seed: 2)
        var fast = FastNetwork(try Network(sizes: [3, 2, 2], generator: &generator))
        let short = PackedDataSet([Example(x: [1, 0, 1], y: [1, 0]), Example(x: [1], y: [0, 1])], sizes: [3, 2, 2])
        #expect(short.firstMismatch == 1)
        #expect(throws: TrainingError.self) {
            try fast.sgd(trainingSet: short, epochs: 1, miniBatchSize: 1, eta: 1, generator: &generator)
        }
        let wide = PackedDataSet([Example(x: [1, 0, 1, 1], y: [1, 0])], sizes: [4, 2, 2])
        #expect(throws: TrainingError.self) {
            try fast.sgd(trainingSet: wide, epochs: 1, miniBatchSize: 1, eta: 1, generator: &generator)
        }
        let labeled = PackedDataSet([LabeledExample(x: [1, 0, 1], label: 0)], sizes: [3, 2, 2])
        #expect(throws: TrainingError.self) {
            try fast.sgd(trainingSet: labeled, epochs: 1, miniBatchSize: 1, eta: 1, generator: &generator)
        }
        #expect(fast.evaluate(PackedDataSet([LabeledExample(x: [1, 0, 1, 1], label: 0)], sizes: [4, 2, 2])) == nil)
        #expect(fast.evaluate(labeled) != nil)
    }
}
