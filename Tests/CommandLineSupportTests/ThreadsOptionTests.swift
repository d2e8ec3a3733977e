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
}
