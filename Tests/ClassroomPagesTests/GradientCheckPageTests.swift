import BackpropEngine
import BackpropTrace
import ClassroomPages
import Foundation
import GradientChecking
import Testing
import TestSupport

/// `GradientCheckPage`: a heat-map cell per checked entry, failing cells outlined, the
/// diagnosis hidden for exercises, and the page in a real headless Chromium.
@Suite(.serialized) struct GradientCheckPageTests {
    private func report(gradient: GradientFunction) throws -> GradientCheckReport {
        var generator = SeededGenerator(seed: 1)
        let network = try Network(sizes: [2, 3, 1], generator: &generator)
        let batch = SyntheticBatch.make(sizes: network.sizes, count: 4, density: 1, generator: &generator)
        return GradientChecker().check(network: network, batch: batch, gradient: gradient, generator: &generator)
    }

    @Test func bugPageInTheBrowser() throws {
        let report = try report(gradient: BackpropBug.wrongActivation.gradient)
        #expect(!report.passed)
        let html = GradientCheckPage().render(report, context: ["network: [2,3,1]"], picture: true)
        #expect(html.contains("<math"))
        #expect(html.contains("BP4"))
        #expect(html.components(separatedBy: "stroke=\"#b00\"").count - 1 == report.failing)
        let shown = try TemporaryDirectory.with(prefix: "classroom-pages") { directory in
            try Child.browse(URL(fileURLWithPath: directory.write("bug.html", Data(html.utf8))))
        }
        #expect(shown.heat_cells == 13, "one cell per weight and bias of [2, 3, 1]")
        #expect(shown.resources == 0)
        #expect(shown.requests.isEmpty)
        #expect(shown.remote_urls.isEmpty)
        #expect(shown.colours > 50)
    }

    @Test func gradcheckWritesThePage() throws {
        let result = try Child.run(try Child.product("gradcheck"), ["--bug", "wrong-activation", "--format", "html"])
        #expect(result.status == 1, "the check fails, as with --format text")
        #expect(result.stdout.hasPrefix("<!DOCTYPE html>"), "nothing before the page on stdout")
        #expect(result.stdout.components(separatedBy: "class=\"heat-cell\"").count - 1 == 13)
        #expect(result.stdout.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"errors\""), "--bug draws the network")
        #expect(result.stdout.contains("likely culprit"))
        let mystery = try Child.run(try Child.product("gradcheck"), ["--mystery", "1", "--format", "html"])
        #expect(mystery.status == 1)
        #expect(!mystery.stdout.contains("likely culprit"))
        #expect(!mystery.stdout.contains("wrong-activation"), "the page does not name the mystery bug")
    }

    @Test func mysteryKeepsTheDiagnosis() throws {
        let report = try report(gradient: BackpropBug.noHiddenSigmaPrime.gradient)
        let html = GradientCheckPage().render(report, diagnose: false, picture: true)
        #expect(!html.contains("likely culprit"))
        #expect(html.contains(PageText.english.mysteryHidden.replacingOccurrences(of: "—", with: "—")))
    }

    @Test func anyGradientUnderTest() throws {
        // A gradient from elsewhere that is twice the true one: every entry fails.
        let doubled: GradientFunction = { network, batch, lambda, n in
            2 * TextbookGradient.mean(network: network, batch: batch, lambda: lambda, n: n)
        }
        let report = try report(gradient: doubled)
        let html = GradientCheckPage().render(report, subject: "my gradient")
        #expect(html.contains("Gradient check: my gradient against"))
        #expect(html.components(separatedBy: "class=\"heat-cell\"").count - 1 == 13)
        let passing = GradientCheckPage().render(try self.report(gradient: TextbookGradient.mean))
        #expect(passing.contains("PASS: backprop agrees"))
        #expect(!passing.contains("stroke=\"#b00\""))
    }

    @Test func pageInChinese() throws {
        // `gradcheck --format html --lang zh-Hans`: the page's prose, the oracles and the
        // diagnosis in Chinese; the numbers and the equation's symbols as in English.
        let report = try report(gradient: BackpropBug.wrongSign.gradient)
        let chinese = GradientCheckPage(text: .chinese).render(report)
        let english = GradientCheckPage().render(report)
        #expect(chinese.contains("梯度检验：反向传播 对照 有限差分"))
        #expect(chinese.contains("每个偏置的梯度都恰好是正确值的 −1 倍"))
        #expect(!chinese.contains("finite differences"))
        #expect(english.contains("Gradient check: backprop against finite differences"))
        let numbers = { (html: String) in html.matches(of: /-?\d+\.\d+e[-+]\d+/).map { String($0.0) } }
        #expect(numbers(chinese) == numbers(english))
    }
}
