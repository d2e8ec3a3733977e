/// Every piece of prose the classroom pages (`--format html|svg` of `backprop-trace`,
/// `gradcheck --format html`) show, in one place, so that a translation (`--lang`)
/// replaces this one value. Equations and numbers are not prose: they come from the
/// trace document.
public struct PageText: Sendable {
    /// The HTML `lang` attribute.
    public var language = "en"
    public var stepsHeading = "Steps"
    public var keysHint = "← / → or space: step · Home / End: first / last · click a step to jump"
    public var previous = "← previous"
    public var next = "next →"
    public var stepOf = "step %d of %d"
    public var legendHeading = "Legend"
    public var legendPositive = "positive w (or ∂C/∂w)"
    public var legendNegative = "negative w (or ∂C/∂w)"
    public var legendThickness = "thickness: size |w| (|∂C/∂w| on gradient steps), relative to the largest"
    public var legendFill = "neuron fill: activation a, from 0 (white) to 1 (dark)"
    public var legendReads = "read by this step"
    public var legendWrites = "written by this step"
    public var legendPending = "faded: not computed yet"
    public var summarised = "%d more"
    public var oneNeuron = "%d neuron"
    public var neurons = "%d neurons"
    public var summaryBand = "%@ (%d×%d): every edge summarised, from %@ to %@"
    public var costStep = "Cost"
    public var checkStep = "Check against finite differences"
    public var noteHeading = "Note"
    public var layerLabel = "layer %d"
    public var inputLabel = "input, l = 1"
    public var outputLabel = "output, l = L = %d"
    public var maxRelativeError = "largest relative error"
    public var costBefore = "before the step"
    public var costAfter = "after the step"
    // gradcheck's page
    public var checkTitle = "Gradient check: %@ against %@"
    public var heatHeading = "Relative error of every weight and bias, per layer"
    public var heatCaption = "colour: log₁₀ of |a − n| / max(|a|, |n|, atol/rtol), green up to rtol, orange to red above; a cell with a dark red outline fails (both errors above the tolerances); hover a cell for its values"
    public var heatScale = "relative error"
    public var verdictPass = "PASS: %@ agrees with %@ on all %d %@"
    public var verdictFail = "FAIL: %d of %d %@ disagree"
    public var diagnosisHeading = "Diagnosis"
    public var firstLayer = "first disagreeing layer: %d (backprop runs from layer L = %d down to 2)"
    public var culprit = "likely culprit"
    public var why = "why"
    public var pictureHeading = "The network the student studies"
    public var pictureCaption = "edges: the relative error of ∂C/∂w for that weight; neuron outline: of ∂C/∂b (red: fails)"
    public var blockCaption = "%@ (%@): %d checked, %d failing, largest relative error %@"
    public var cellTip = "%@: %@ under test, %@ reference, relative error %@"
    public var entries = "entries"
    public var directions = "directions"
    public var directionsNote = "directional mode: each cell is one random unit direction, not one entry"
    public var mysteryHidden = "Which equation is wrong? The page, like the text report, keeps the diagnosis for --guess."

    /// The English text.
    public static let english = PageText()

    public init() {}

    /// `format` with `%d` and `%@` replaced, in order, by `arguments`.
    public func fill(_ format: String, _ arguments: CustomStringConvertible...) -> String {
        var out = ""
        var rest = Substring(format)
        var next = arguments.makeIterator()
        while let range = rest.range(of: "%") {
            out += rest[..<range.lowerBound]
            let after = rest[range.upperBound...]
            if after.hasPrefix("d") || after.hasPrefix("@") {
                out += next.next().map { $0.description } ?? ""
                rest = after.dropFirst()
            } else {
                out += "%"
                rest = after
            }
        }
        return out + rest
    }

    /// The start of a page, up to and including `<body…>` and a header with `title` and
    /// `lines` under it: UTF-8, a viewport for projectors and phones, and `css` inline.
    public func pageStart(title: String, css: String, bodyAttributes: String = "", lines: [String], lineClass: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escapeMarkup(title))</title>
        <style>\(css)</style>
        </head>
        <body\(bodyAttributes.isEmpty ? "" : " " + bodyAttributes)>
        <header><h1>\(escapeMarkup(title))</h1>
        \(lines.map { "<p class=\"\(lineClass)\" title=\"\(escapeMarkup($0))\">\(escapeMarkup($0))</p>" }.joined(separator: "\n"))
        </header>

        """
    }
}
