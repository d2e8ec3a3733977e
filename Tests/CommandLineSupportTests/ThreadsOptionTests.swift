import Testing
import CommandLineSupport
import Localization

@Suite("--threads")
struct ThreadsOptionTests {
    @Test("more threads than cores gets a one-line warning in the user's language; up to the cores, none")
    func oversubscription() throws {
        let three = try ThreadsOption.parse(["--threads", "3"])
        #expect(three.count == 3)
        #expect(three.oversubscriptionWarning(cores: 2)
            == "warning: --threads 3 is more than the 2 cores here: the training threads wait for each other, so training will be several times slower than with --threads 2 (the weights are the same)")
        #expect(three.oversubscriptionWarning(language: .simplifiedChinese, cores: 2)?.hasPrefix("警告：--threads 3 多于本机的 2 个核心") == true)
        #expect(three.oversubscriptionWarning(cores: 3) == nil)
        #expect(try ThreadsOption.parse([]).oversubscriptionWarning(cores: 1) == nil, "the default is one per core")
    }

    @Test("mini-batches left to one thread by a busy machine get a one-line note in the user's language; none, no note")
    func busyCores() {
        #expect(ThreadsOption.busyCoresNote(batches: 512, threads: 2)
            == "note: other programs kept the cores busy, so 512 mini-batches trained on one thread instead of 2 (the weights are the same)")
        #expect(ThreadsOption.busyCoresNote(batches: 1, threads: 2)?.contains("1 mini-batch trained") == true)
        #expect(ThreadsOption.busyCoresNote(batches: 512, threads: 2, language: .simplifiedChinese)
            == "注意：其他程序占用了核心，因此有 512 个小批量数据改在一个线程上训练，而不是 2 个（权重完全相同）")
        #expect(ThreadsOption.busyCoresNote(batches: 0, threads: 2) == nil)
    }
}
