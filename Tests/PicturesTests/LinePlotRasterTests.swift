import Testing
@testable import Pictures

@Suite("LinePlot as PNG")
struct LinePlotRasterTests {
    @Test("a series is drawn in its colour, the background stays white")
    func raster() {
        var plot = LinePlot(title: "t", xLabel: "x", yLabel: "y")
        plot.add("line", [(x: 0, y: 0), (x: 1, y: 1)])
        let image = plot.pngImage()
        #expect(image.width == 640 && image.height == 400)
        let blue = (0..<image.width).contains { x in
            (0..<image.height).contains { y in image.pixel(x: x, y: y).map { $0 == (0x1f, 0x77, 0xb4) } ?? false }
        }
        #expect(blue)
        #expect(image.pixel(x: 5, y: 5).map { $0 == (255, 255, 255) } == true)
    }

    @Test("lines outside the image or through infinity are clipped, not trapped")
    func clipping() {
        var image = PNGImage(width: 4, height: 4)
        image.drawLine(-10, -10, 20, 20, (0, 0, 0), thickness: 3)
        image.drawLine(0, 0, .infinity, 1, (0, 0, 0))
        image.drawLine(0, 0, 1e300, 1, (0, 0, 0))
        #expect(image.pixel(x: 2, y: 2).map { $0 == (0, 0, 0) } == true)
    }
}
