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
        // Asked for more threads than cores: train on them all the same (slower, as the
        // tools warn), rather than step aside at once.
        let busyCores = busyCores == .standard && PipelinedEpoch<Double>.exceedsCores(parts) ? nil : busyCores
        let carried = busyCores == .standard
        var backoff = carried ? BusyCores.resumed() : busyCores?.fresh ?? BusyCores.standard.fresh
        defer { if carried { BusyCores.keep(backoff) } }
        var reports: [EpochReport] = []
        batchesOnOneThread = 0
        for j in 0..<epochs {
            let start = ContinuousClock.now
            for (position, index) in shuffledOrder(count: n, generator: &generator).enumerated() {
                order.pointer[position] = index
            }
            let batches = Batches(order: order.pointer, count: n, size: miniBatchSize)
            switch uniqueParameters() {
            case .double(let p):
                batchesOnOneThread += Self.epoch(p.pointer, doubleWorkspaces, cost: cost, data: data, batches: batches, eta: eta,
                                                 decay: decay, nonZeros: nonZeros, busyCores: busyCores, backoff: &backoff,
                                                 onMiniBatch: onMiniBatch)
            case .float(let p):
                batchesOnOneThread += Self.epoch(p.pointer, floatWorkspaces, cost: cost, data: data, batches: batches, eta: eta,
                                                 decay: decay, nonZeros: nonZeros, busyCores: busyCores, backoff: &backoff,
                                                 onMiniBatch: onMiniBatch)
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
    /// `FirstLayerSweep`), and applied at the end of a run of batches. With several
    /// workspaces the threads train (`PipelinedEpoch`), except while `backoff` owes
    /// mini-batches to one thread: when they step aside for a busy machine (`busyCores`),
    /// one thread trains a stretch, with a workspace of all the first layer's rows
    /// (`nonZeros`: the most non-zero inputs in a batch), and then the threads try again.
    /// Returns the batches trained on one thread instead of the threads (0 without threads).
    static func epoch<S: FastScalar>(
        _ p: UnsafeMutablePointer<S>, _ workspaces: [BatchWorkspace<S>], cost: Cost, data: PackedDataSet,
        batches: Batches, eta: Double, decay: Double, nonZeros: Int, busyCores: BusyCores?,
        backoff: inout BusyCores.Backoff, onMiniBatch: ((Int, Int) -> Void)?
    ) -> Int {
        guard let first = workspaces.first else { return 0 }
        let batchCount = (batches.count + batches.size - 1) / batches.size
        guard workspaces.count > 1 else {
            oneThread(p, first, batches: batches, range: 0..<batchCount, cost: cost, data: data, eta: eta, decay: decay,
                      onMiniBatch: onMiniBatch)
            return 0
        }
        var done = 0, alone = 0
        var single: BatchWorkspace<S>?
        while done < batchCount {
            if backoff.owed == 0 {
                let stopped = PipelinedEpoch(workspaces, busyCores: busyCores).run(
                    p, cost: cost, data: data, batches: batches, from: done, eta: eta, decay: decay, onMiniBatch: onMiniBatch)
                if stopped == batchCount { break }
                if stopped > done {
                    busyCores?.steppedAside(afterRunning: stopped - done, &backoff)
                    done = stopped
                }
            }
            // The threads stepped aside (or there was no memory for their counters: then
            // one thread does the rest). The first stage's workspace holds only its rows:
            // one thread needs them all.
            let workspace = single ?? BatchWorkspace(layout: first.layout, capacity: first.capacity, nonZeros: nonZeros,
                                                     kernels: first.kernels)
            single = workspace
            let range = done..<(backoff.owed > 0 ? min(done + backoff.owed, batchCount) : batchCount)
            oneThread(p, workspace, batches: batches, range: range, cost: cost, data: data, eta: eta, decay: decay,
                      onMiniBatch: onMiniBatch)
            alone += range.count
            backoff.owed = max(backoff.owed - range.count, 0)
            done = range.upperBound
        }
        return alone
    }

    /// The mini-batches `range` of an epoch on one thread, with `workspace`.
    private static func oneThread<S: FastScalar>(
        _ p: UnsafeMutablePointer<S>, _ workspace: BatchWorkspace<S>, batches: Batches, range: Range<Int>, cost: Cost,
        data: PackedDataSet, eta: Double, decay: Double, onMiniBatch: ((Int, Int) -> Void)?
    ) {
        let n = batches.count, size = batches.size
        let batchCount = (n + size - 1) / size
        var pending: FirstLayerSweep<S>.Update?
        for index in range {
            let k = index * size, m = min(size, n - k)
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
