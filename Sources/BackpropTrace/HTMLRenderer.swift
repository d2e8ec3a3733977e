import BackpropEngine

/// The trace as one self-contained HTML page for the classroom: the network drawn in
/// the book's layout (`NetworkDrawing`), and one step per equation of the trace
/// document (plus the cost, the mini-batch's statements and the closing check), each
/// with its formula and numbers in MathML. The page's script highlights on the drawing
/// what the current step reads and writes; ←/→ or space step, the step list jumps,
/// printing gives the drawing and then one step per page.
///
/// Inline CSS and script only: nothing is fetched, so the page works offline.
/// Every number comes from the same `TraceDocument` and `ExampleTrace` as the text,
/// Markdown, LaTeX and JSON formats.
public struct HTMLRenderer: Sendable {
    public var text: PageText

    public init(text: PageText = .english) {
        self.text = text
    }

    /// The page.
    public func render(_ trace: TracedBackprop) -> String {
        let document = TraceDocument(trace, language: text.documentLanguage)
        let steps = PageStep.steps(document, trace: trace, text: text)
        let drawing = NetworkDrawing(trace.example, text: text)
        var opening: [String] = []
        if case .paragraph(let lines)? = document.sections.first?.blocks.first { opening = lines }
        let body = "data-known=\"\(escapeMarkup(PageStep.initiallyKnown(layers: trace.layerCount).joined(separator: " ")))\" data-step-of=\"\(escapeMarkup(text.stepOf))\""
        var html = text.pageStart(title: document.title, css: Self.css, bodyAttributes: body, lines: opening, lineClass: "opening")
        html += """
        <main>
        <nav id="steplist"><h2>\(escapeMarkup(text.stepsHeading))</h2><ol>

        """
        for (i, step) in steps.enumerated() {
            html += "<li><button type=\"button\" data-step=\"\(i)\">\(escapeMarkup(step.title))</button></li>\n"
        }
        html += "</ol><p class=\"keys\">\(escapeMarkup(text.keysHint))</p></nav>\n<div id=\"stage\">\n"
        // A tall drawing (summarised or long layers) keeps its size and scrolls, rather
        // than shrinking until its numbers cannot be read.
        let tall = drawing.height > 0.8 * drawing.width
        html += "<figure id=\"drawing\"\(tall ? " class=\"tall\"" : "")>\(drawing.svg(.page))</figure>\n"
        html += legend() + "\n<div id=\"controls\"><button type=\"button\" id=\"prev\">\(escapeMarkup(text.previous))</button>"
        html += "<span id=\"counter\"></span><button type=\"button\" id=\"next\">\(escapeMarkup(text.next))</button></div>\n<div id=\"steps\">\n"
        for (i, step) in steps.enumerated() { html += section(step, number: i + 1) }
        html += "</div>\n</div>\n</main>\n<script>\(Self.script)</script>\n</body>\n</html>\n"
        return html
    }

    private func section(_ step: PageStep, number: Int) -> String {
        var out = "<section class=\"step\" id=\"step-\(number)\" data-reads=\"\(step.marks.reads.joined(separator: " "))\" "
        out += "data-writes=\"\(step.marks.writes.joined(separator: " "))\" data-g=\"\(step.showsGradients ? 1 : 0)\">\n"
        if let title = step.section { out += "<h2>\(escapeMarkup(title))</h2>\n" }
        if let equation = step.equation {
            let label = equation.label.map { "<span class=\"label\">\(escapeMarkup($0))</span> " } ?? ""
            out += "<h3>\(label)<math>\(MathML.formula(equation.formula))</math></h3>\n"
            if let note = equation.note { out += "<p class=\"note\">\(escapeMarkup(note))</p>\n" }
            for row in equation.rows { out += "<div class=\"row\">\(MathML.block(MathML.row(row)))</div>\n" }
        } else {
            out += "<h3>\(escapeMarkup(step.title))</h3>\n"
            if let math = step.extraMath { out += "<div class=\"row\">\(MathML.block(math))</div>\n" }
            for line in step.lines { out += "<p>\(escapeMarkup(line))</p>\n" }
        }
        return out + "</section>\n"
    }

    private func legend() -> String {
        func swatch(_ style: String) -> String { "<svg width=\"34\" height=\"14\" aria-hidden=\"true\">\(style)</svg>" }
        let items: [(String, String)] = [
            (swatch("<line x1=\"2\" y1=\"7\" x2=\"32\" y2=\"7\" stroke=\"\(NetworkDrawing.positive)\" stroke-width=\"4\"/>"), text.legendPositive),
            (swatch("<line x1=\"2\" y1=\"7\" x2=\"32\" y2=\"7\" stroke=\"\(NetworkDrawing.negative)\" stroke-width=\"4\"/>"), text.legendNegative),
            (swatch("<line x1=\"2\" y1=\"7\" x2=\"32\" y2=\"7\" stroke=\"#555\" stroke-width=\"1\"/><line x1=\"2\" y1=\"11\" x2=\"32\" y2=\"11\" stroke=\"#555\" stroke-width=\"4\"/>"), text.legendThickness),
            (swatch("<rect x=\"1\" y=\"1\" width=\"16\" height=\"12\" fill=\"#fff\" stroke=\"#333\"/><rect x=\"17\" y=\"1\" width=\"16\" height=\"12\" fill=\"\(NetworkDrawing.mix(1))\" stroke=\"#333\"/>"), text.legendFill),
            (swatch("<rect x=\"2\" y=\"2\" width=\"30\" height=\"10\" fill=\"#ffe066\"/>"), text.legendReads),
            (swatch("<rect x=\"2\" y=\"2\" width=\"30\" height=\"10\" fill=\"#ffc9a8\"/>"), text.legendWrites),
            (swatch("<rect x=\"2\" y=\"2\" width=\"30\" height=\"10\" fill=\"#333\" opacity=\".13\"/>"), text.legendPending),
        ]
        return "<div id=\"legend\"><strong>\(escapeMarkup(text.legendHeading))</strong>"
            + items.map { "<span>\($0.0) \(escapeMarkup($0.1))</span>" }.joined() + "</div>"
    }

    static let css = """
    body{font-family:sans-serif;margin:0;color:#111;background:#fff}
    header{padding:.6rem 1.2rem;border-bottom:1px solid #ccc}
    header h1{font-size:1.35rem;margin:.2rem 0}
    .opening{margin:.1rem 0;font-size:.85rem;color:#444;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
    main{display:grid;grid-template-columns:minmax(14rem,20rem) 1fr;gap:1rem;padding:.6rem 1.2rem}
    #steplist ol{padding-left:1.6rem;margin:.3rem 0;max-height:78vh;overflow-y:auto;position:relative}
    #stage{min-width:0}
    #steplist h2{font-size:1rem;margin:.2rem 0}
    #steplist button{border:0;background:none;text-align:left;padding:.15rem .3rem;font:inherit;font-size:.85rem;cursor:pointer;border-radius:4px}
    #steplist button.current{background:#ffe066;font-weight:700}
    .keys{font-size:.8rem;color:#555}
    #drawing{margin:0;text-align:center}
    #drawing svg{max-width:100%;height:auto;max-height:54vh}
    #drawing.tall{max-height:58vh;overflow-y:auto}
    #drawing.tall svg{max-height:none}
    #legend{display:flex;flex-wrap:wrap;gap:.3rem 1rem;font-size:.8rem;margin:.3rem 0;align-items:center}
    #legend span{display:inline-flex;align-items:center;gap:.3rem}
    #controls{display:flex;gap:1rem;align-items:center;margin:.4rem 0}
    #controls button{font-size:1rem;padding:.2rem .8rem}
    .step{display:none;border-top:2px solid #ddd;padding-top:.3rem}
    .step.current{display:block}
    .step h2{font-size:1rem;color:#555;margin:.2rem 0}
    .step h3{font-size:1.3rem;margin:.3rem 0}
    .step .label{display:inline-block;background:#263238;color:#fff;border-radius:4px;padding:0 .4rem;margin-right:.4rem;font-size:1rem}
    .step .row{overflow-x:auto;font-size:1.15rem;margin:.4rem 0}
    .note{color:#444;font-style:italic}
    math mtd{padding:.12rem .45rem}
    mtable.matrix{border-left:2px solid #111;border-right:2px solid #111;padding:.1rem .15rem;margin:0 .15rem;background:linear-gradient(#111,#111) top left/7px 2px no-repeat,linear-gradient(#111,#111) bottom left/7px 2px no-repeat,linear-gradient(#111,#111) top right/7px 2px no-repeat,linear-gradient(#111,#111) bottom right/7px 2px no-repeat}
    .shape{font-size:.75em;color:#555}
    @media print{
      nav,#controls{display:none}
      main{display:block}
      #drawing{break-after:page}
      #drawing svg,#drawing.tall svg{max-height:19cm;width:auto;max-width:100%}
      #drawing.tall{max-height:none;overflow:visible}
      .step{display:block;break-after:page;border:0}
      .net .pending{opacity:1}
    }
    """

    static let script = """
    (function(){
    var steps=Array.prototype.slice.call(document.querySelectorAll('section.step'));
    var buttons=Array.prototype.slice.call(document.querySelectorAll('#steplist button'));
    var svg=document.querySelector('#drawing svg');
    var qs=Array.prototype.slice.call(svg.querySelectorAll('.q'));
    var initial=document.body.dataset.known.split(' ');
    var current=0;
    function keys(s,name){return (s.dataset[name]||'').split(' ').filter(function(x){return x.length>0;});}
    function show(i){
      i=Math.max(0,Math.min(steps.length-1,i));current=i;
      var known={};initial.forEach(function(k){known[k]=true;});
      for(var n=0;n<=i;n++){keys(steps[n],'writes').forEach(function(k){known[k]=true;});}
      var reads={},writes={};
      keys(steps[i],'reads').forEach(function(k){reads[k]=true;});
      keys(steps[i],'writes').forEach(function(k){writes[k]=true;});
      qs.forEach(function(e){var k=e.dataset.k;
        e.classList.toggle('pending',!known[k]);
        e.classList.toggle('read',!!reads[k]&&!writes[k]);
        e.classList.toggle('write',!!writes[k]);});
      svg.classList.toggle('gmode',steps[i].dataset.g==='1');
      steps.forEach(function(s,n){s.classList.toggle('current',n===i);});
      buttons.forEach(function(b,n){b.classList.toggle('current',n===i);
        if(n===i){b.setAttribute('aria-current','step');}else{b.removeAttribute('aria-current');}});
      var li=buttons[i].parentNode,ol=li.parentNode;
      if(li.offsetTop<ol.scrollTop||li.offsetTop+li.offsetHeight>ol.scrollTop+ol.clientHeight){ol.scrollTop=li.offsetTop-ol.clientHeight/2;}
      var parts=document.body.dataset.stepOf.split('%d');
      document.getElementById('counter').textContent=parts[0]+(i+1)+(parts[1]||'')+steps.length+(parts[2]||'');
      document.body.dataset.current=String(i);
      try{history.replaceState(null,'','#step='+(i+1));}catch(e){}
    }
    document.addEventListener('keydown',function(e){
      if(e.key==='ArrowRight'||e.key===' '||e.key==='PageDown'){show(current+1);e.preventDefault();}
      else if(e.key==='ArrowLeft'||e.key==='PageUp'){show(current-1);e.preventDefault();}
      else if(e.key==='Home'){show(0);e.preventDefault();}
      else if(e.key==='End'){show(steps.length-1);e.preventDefault();}
    });
    buttons.forEach(function(b,n){b.addEventListener('click',function(){show(n);b.blur();});});
    document.getElementById('prev').addEventListener('click',function(){show(current-1);});
    document.getElementById('next').addEventListener('click',function(){show(current+1);});
    var m=/^#step=(\\d+)$/.exec(location.hash);
    show(m?Number(m[1])-1:0);
    })();
    """
}
