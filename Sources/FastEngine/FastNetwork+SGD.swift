import BackpropEngine

extension FastNetwork: MiniBatchTrainer {
    /// The fast engine trains on packed storage (see `PackedDataSet`).
    public static func trainingSet(_ trainingData: [Example], sizes: [Int]) -> PackedDataSet {
        PackedDataSet(trainingData, sizes: sizes)
    }

    /// The fast engine evaluates packed storage with labels.
    public static func testSet(_ testData: [LabeledExample], sizes: [Int]) -> PackedDataSet {
        PackedDataSet(testData, sizes: sizes)
    }

    /// Trains by mini-batch stochastic gradient descent on data packed beforehand (see
    /// `PackedDataSet`; `sgd(trainingData:…)` packs `[Example]` and calls this):
    /// `Network.sgd` exactly — same arguments, same shuffles from `generator`
    /// (`shuffledOrder`), same mini-batches, same update
    /// w → (1 − ηλ/n)w − (η/m)Σₓ∇wₓ, b → b − (η/m)Σₓ∇bₓ, same reports and errors —
    /// computed a mini-batch at a time in matrix form (see `BatchWorkspace`). Packing
    /// once lets sets too large to hold as `[Example]` as well, such as full MNIST, train
    /// in 200 MB.
    ///
    /// Nothing is allocated inside the mini-batch loop. Evaluation after each epoch uses
    /// every core.
    ///
    /// - Parameters:
    ///   - data: the training examples, packed for this network.
    ///   - epochs: how many passes over the training data.
    ///   - miniBatchSize: m, the examples averaged for each step (the last mini-batch of
    ///     an epoch may be smaller).
    ///   - eta: the learning rate η.
    ///   - lambda: the L2 regularization parameter λ (0 for chapter 1's plain SGD).
    ///   - test: a set packed with labels to evaluate after each epoch, or nil for none.
    ///   - generator: the source of every shuffle; the same seed gives the same run.
    ///   - onEpoch: called after every epoch, e.g. to print the report.
    ///   - onMiniBatch: called after every mini-batch with (done, total) for progress bars.
    /// - Returns: one report per epoch.
    /// - Throws: `TrainingError.invalidHyperparameters` for bad hyper-parameters or an
    ///   example whose x or y does not fit the network; `.nonFinite` as soon as an epoch
    ///   leaves a NaN or ∞ weight.
    @discardableResult
    public mutating func sgd(
        trainingSet data: PackedDataSet,
        epochs: Int,
        miniBatchSize: Int,
        eta: Double,
        lambda: Double = 0,
        testSet test: PackedDataSet? = nil,
        generator: inout SeededGenerator,
        onEpoch: (EpochReport) -> Void = { _ in },
        onMiniBatch: ((Int, Int) -> Void)? = nil
    ) throws(TrainingError) -> [EpochReport] {
        try TrainingError.check(epochs: epochs, miniBatchSize: miniBatchSize, eta: eta, lambda: lambda)
        let (inputs, outputs) = (layout.sizes[0], layout.sizes[layout.sizes.count - 1])
        guard inputs <= PackedDataSet.maximumInputs else {
            throw .invalidHyperparameters("the fast engine takes at most \(PackedDataSet.maximumInputs) inputs (16-bit indices); the network \(sizes) has \(inputs): use the textbook engine")
        }
        if let bad = data.firstMismatch {
            throw .invalidHyperparameters("training example \(bad) does not fit the network \(sizes): it needs \(inputs) inputs and \(outputs) outputs")
        }
        guard data.inputSize == inputs, data.outputSize == outputs || data.count == 0 else {
            throw .invalidHyperparameters("the training set was packed for \(data.inputSize) inputs and \(data.outputSize) outputs; the network \(sizes) has \(inputs) and \(outputs)")
        }
        if let test, !fits(test) {
            throw .invalidHyperparameters("the test set was not packed with labels for the network \(sizes)")
        }
        let n = data.count
        let capacity = min(miniBatchSize, n), nonZeros = data.nonZeros(inBatchesOf: miniBatchSize)
        let parts = n > 0 ? Self.trainingThreads(threads, miniBatchSize: miniBatchSize) : 1
        let doubleWorkspaces = precision == .double ? Self.workspaces(Double.self, layout: layout, capacity: capacity,
                                                                      nonZeros: nonZeros, kernels: kernels, parts: parts, data: data) : []
        let floatWorkspaces = precision == .float ? Self.workspaces(Float.self, layout: layout, capacity: capacity,
                                                                    nonZeros: nonZeros, kernels: kernels, parts: parts, data: data) : []
        let order = AlignedBuffer<Int>(count: n, repeating: 0)
        let decay = 1 - eta * lambda / Double(max(n, 1))
        var reports: [EpochReport] = []
        for j in 0..<epochs {
            let start = ContinuousClock.now
            for (position, index) in shuffledOrder(count: n, generator: &generator).enumerated() {
                order.pointer[position] = index
            }
            let batches = Batches(order: order.pointer, count: n, size: miniBatchSize)
            switch uniqueParameters() {
            case .double(let p):
                Self.epoch(p.pointer, doubleWorkspaces, cost: cost, data: data, batches: batches, eta: eta, decay: decay, onMiniBatch: onMiniBatch)
            case .float(let p):
                Self.epoch(p.pointer, floatWorkspaces, cost: cost, data: data, batches: batches, eta: eta, decay: decay, onMiniBatch: onMiniBatch)
            }
            let elapsed = start.duration(to: .now)
            guard isFinite else { throw .nonFinite(epoch: j, eta: eta) }
            let report = EpochReport(
                epoch: j,
                correct: test.map { evaluate(packed: $0) },
                total: test?.count ?? 0,
                seconds: elapsed.inSeconds
            )
            onEpoch(report)
            reports.append(report)
        }
        return reports
    }

    /// The mini-batches of one epoch: `order[k ..< k + size]` for k = 0, size, 2·size, …
    struct Batches {
        var order: UnsafePointer<Int>
        var count: Int
        var size: Int
    }

    /// The workspaces of one training call: one, or one per thread (`PipelinedEpoch`).
    static func workspaces<S: FastScalar>(_: S.Type, layout: FastLayout, capacity: Int, nonZeros: Int, kernels: KernelSet,
                                          parts: Int, data: PackedDataSet) -> [BatchWorkspace<S>] {
        guard parts > 1 else { return [BatchWorkspace(layout: layout, capacity: capacity, nonZeros: nonZeros, kernels: kernels)] }
        return PipelinedEpoch<S>.workspaces(layout: layout, capacity: capacity, kernels: kernels, parts: parts, data: data)
    }

    /// One epoch of mini-batch steps on the parameters at `p`. The first layer's update
    /// of each batch is left pending until the next batch's feedforward (see
    /// `FirstLayerSweep`), and applied at the end.
    static func epoch<S: FastScalar>(
        _ p: UnsafeMutablePointer<S>, _ workspaces: [BatchWorkspace<S>], cost: Cost, data: PackedDataSet,
        batches: Batches, eta: Double, decay: Double, onMiniBatch: ((Int, Int) -> Void)?
    ) {
        guard var workspace = workspaces.first else { return }
        if workspaces.count > 1 {
            if PipelinedEpoch(workspaces).run(p, cost: cost, data: data, batches: batches, eta: eta, decay: decay,
                                             onMiniBatch: onMiniBatch) {
                return
            }
            // No memory for the counters: one thread, which must compute all of the first
            // layer's rows, not only the first stage's.
            workspace = BatchWorkspace(layout: workspace.layout, capacity: workspace.capacity,
                                       nonZeros: data.nonZeros(inBatchesOf: batches.size), kernels: workspace.kernels)
        }
        let n = batches.count, size = batches.size
        let batchCount = (n + size - 1) / size
        var pending: FirstLayerSweep<S>.Update?
        for (index, k) in stride(from: 0, to: n, by: size).enumerated() {
            let m = min(size, n - k)
            let batch = batches.order + k
            workspace.forward(parameters: p, data: data, batch: batch, m: m, after: pending,
                              upcoming: batch + m, upcomingCount: min(size, n - k - m),
                              aheadCount: max(0, min(size, n - k - m - size)))
            workspace.backward(parameters: p, data: data, batch: batch, m: m, cost: cost)
            pending = workspace.descend(p, decay: S(decay), step: S(eta / Double(m)), data: data, batch: batch, m: m)
            onMiniBatch?(index + 1, batchCount)
        }
        workspace.finish(pending)
    }
}
