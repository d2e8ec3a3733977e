import Testing
import BackpropEngine
@testable import FastEngine

@Suite("FastNetwork: conversion and copies")
struct FastNetworkTests {
    @Test("Network → FastNetwork → Network gives back exactly the same numbers", arguments: testShapes)
    func roundTrip(sizes: [Int]) throws {
        for cost in Cost.allCases {
            let network = try Network(sizes: sizes, cost: cost, seed: 3)
            let back = FastNetwork(network).network
            #expect(back == network)
            #expect(back.parameters.map(\.bitPattern) == network.parameters.map(\.bitPattern))
        }
    }

    @Test("a copy is a value: training one copy leaves the other unchanged")
    func valueSemantics() throws {
        var generator = SeededGenerator(seed: 5)
        let network = try Network(sizes: [4, 6, 2], generator: &generator)
        let data = randomExamples(8, sizes: [4, 6, 2], generator: &generator)
        var trained = FastNetwork(network)
        let copy = trained
        try trained.sgd(trainingData: data, epochs: 2, miniBatchSize: 3, eta: 1, generator: &generator)
        #expect(copy.network == network)
        #expect(trained.network != network)
    }

    @Test("padding lanes stay exactly zero through training")
    func paddingStaysZero() throws {
        for precision in Precision.allCases {
            var generator = SeededGenerator(seed: 6)
            let sizes = [5, 3, 2]
            var fast = FastNetwork(try Network(sizes: sizes, generator: &generator), precision: precision)
            let data = randomExamples(10, sizes: sizes, generator: &generator)
            try fast.sgd(trainingData: data, epochs: 3, miniBatchSize: 4, eta: 2, lambda: 0.5, generator: &generator)
            let layout = fast.layout
            let padding: (Int) -> Double = { t in
                switch fast.storage {
                case .double(let p): p.pointer[t]
                case .float(let p): Double(p.pointer[t])
                }
            }
            for i in 0..<layout.layerCount {
                for k in 0..<sizes[i] {
                    for j in sizes[i + 1]..<layout.widths[i] {
                        #expect(padding(layout.weightOffsets[i] + k * layout.widths[i] + j) == 0, "\(precision)")
                    }
                }
                for j in sizes[i + 1]..<layout.widths[i] { #expect(padding(layout.biasOffsets[i] + j) == 0, "\(precision)") }
            }
        }
    }
}
