#!/usr/bin/env python3
"""Open a classroom page in a real headless Chromium and report what the browser shows.

Usage: drive.py PAGE.html SCREENSHOT.png [--keys N]

Talks to Chromium over the DevTools protocol on a pipe (--remote-debugging-pipe:
commands on fd 3, replies on fd 4, NUL-separated JSON), so it needs nothing beyond the
Python standard library. One browser per call, a temporary profile, killed on exit or
after the overall timeout. Prints one JSON object on stdout:

  steps            number of section.step elements after the script ran
  current          index of the step shown (the script's body[data-current])
  current_after    the same after one real ArrowRight key press (Input.dispatchKeyEvent)
  visible_steps    how many steps are displayed (should be 1)
  numbers          [[data-v, text], ...] of every .num element (MathML and SVG)
  resources        performance.getEntriesByType('resource').length
  requests         URLs the page requested other than itself (Network domain)
  remote_urls      src/href attributes starting with http:, https: or //
  heat_cells       number of .heat-cell elements (gradcheck pages)
  colours          distinct colours in the screenshot
  pdf_pages        pages when printed (Page.printToPDF, the print CSS)
"""
import base64
import json
import re
import os
import shutil
import signal
import struct
import subprocess
import sys
import tempfile
import time
import zlib

TIMEOUT = 40.0


def distinct_colours(png):
    """Decodes an 8-bit RGB/RGBA PNG (what Chromium writes) and counts its colours."""
    assert png[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width, height, ctype = 8, b"", 0, 0, 0
    while pos < len(png):
        (length,) = struct.unpack(">I", png[pos:pos + 4])
        kind = png[pos + 4:pos + 8]
        data = png[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, ctype = struct.unpack(">IIBB", data[:10])
            assert depth == 8 and ctype in (2, 6), "unexpected PNG type"
        elif kind == b"IDAT":
            idat += data
        pos += 12 + length
    bpp = 3 if ctype == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    previous = bytearray(stride)
    colours = set()
    i = 0
    for _ in range(height):
        f = raw[i]
        line = bytearray(raw[i + 1:i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = previous[x]
            c = previous[x - bpp] if x >= bpp else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        for x in range(0, stride, bpp):
            colours.add(bytes(line[x:x + 3]))
        previous = line
    return len(colours)


class Browser:
    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="classroom-chromium-")
        to_browser_r, self.to_browser = os.pipe()
        self.from_browser, from_browser_w = os.pipe()
        binary = shutil.which("chromium") or shutil.which("chromium-browser")
        if binary is None:
            raise SystemExit("drive.py: chromium is not installed (apt-get install chromium)")
        args = [binary, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
                "--user-data-dir=" + self.profile, "--no-first-run", "--hide-scrollbars",
                "--window-size=1400,1000", "about:blank"]

        def fds():
            # Copies first: a pipe may already sit on fd 3 or 4, and dup2 onto itself
            # would leave it close-on-exec.
            read_end, write_end = os.dup(to_browser_r), os.dup(from_browser_w)
            os.dup2(read_end, 3)
            os.dup2(write_end, 4)

        # Chromium's own temporary directory (org.chromium.Chromium.*, its singleton
        # socket) goes inside the profile too: a killed browser cannot remove it itself.
        environment = dict(os.environ, TMPDIR=self.profile)
        self.process = subprocess.Popen(args, preexec_fn=fds, close_fds=False, stdin=subprocess.DEVNULL,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                        start_new_session=True, env=environment)
        os.close(to_browser_r)
        os.close(from_browser_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []
        self.deadline = time.monotonic() + TIMEOUT

    def close(self):
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait(timeout=10)
        shutil.rmtree(self.profile, ignore_errors=True)

    def read_message(self):
        while b"\0" not in self.buffer:
            if time.monotonic() > self.deadline:
                raise TimeoutError("chromium did not answer in time")
            chunk = os.read(self.from_browser, 1 << 20)
            if not chunk:
                raise RuntimeError("chromium closed the pipe (crashed?)")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def send(self, method, params=None, session=None):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        while True:
            reply = self.read_message()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_event(self, method):
        for i, event in enumerate(self.events):
            if event.get("method") == method:
                return self.events.pop(i)
        while True:
            event = self.read_message()
            if event.get("method") == method:
                return event
            self.events.append(event)


def main():
    page, screenshot = os.path.abspath(sys.argv[1]), sys.argv[2]
    url = "file://" + page
    browser = Browser()
    try:
        targets = browser.send("Target.getTargets")["targetInfos"]
        target = next(t["targetId"] for t in targets if t["type"] == "page")
        session = browser.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Network"):
            browser.send(domain + ".enable", session=session)
        browser.send("Page.navigate", {"url": url}, session=session)
        browser.wait_event("Page.loadEventFired")

        def evaluate(expression):
            result = browser.send("Runtime.evaluate", {"expression": expression, "returnByValue": True}, session=session)
            if "exceptionDetails" in result:
                raise RuntimeError(f"script error: {result['exceptionDetails']}")
            return result["result"].get("value")

        report = evaluate("""(() => ({
            steps: document.querySelectorAll('section.step').length,
            current: document.body.dataset.current === undefined ? null : Number(document.body.dataset.current),
            visible_steps: Array.from(document.querySelectorAll('section.step')).filter(s => getComputedStyle(s).display !== 'none').length,
            numbers: Array.from(document.querySelectorAll('.num')).map(e => [e.getAttribute('data-v'), e.textContent]),
            resources: performance.getEntriesByType('resource').length,
            remote_urls: Array.from(document.querySelectorAll('[src],[href]')).map(e => e.getAttribute('src') || e.getAttribute('href')).filter(u => /^(https?:)?\\/\\//i.test(u)),
            heat_cells: document.querySelectorAll('.heat-cell').length,
            math: document.querySelectorAll('math').length,
        }))()""")
        for key_type in ("keyDown", "keyUp"):
            browser.send("Input.dispatchKeyEvent", {"type": key_type, "key": "ArrowRight", "code": "ArrowRight",
                                                    "windowsVirtualKeyCode": 39, "nativeVirtualKeyCode": 39},
                         session=session)
        report["current_after"] = evaluate("document.body.dataset.current === undefined ? null : Number(document.body.dataset.current)")
        report["visible_after"] = evaluate("Array.from(document.querySelectorAll('section.step')).filter(s => getComputedStyle(s).display !== 'none').map(s => s.id)")
        shot = browser.send("Page.captureScreenshot", {"format": "png"}, session=session)["data"]
        png = base64.b64decode(shot)
        with open(screenshot, "wb") as f:
            f.write(png)
        report["colours"] = distinct_colours(png)
        pdf = base64.b64decode(browser.send("Page.printToPDF", {"displayHeaderFooter": False}, session=session)["data"])
        report["pdf_pages"] = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        report["requests"] = [e["params"]["request"]["url"] for e in browser.events
                              if e.get("method") == "Network.requestWillBeSent"
                              and e["params"]["request"]["url"] != url]
        print(json.dumps(report))
    finally:
        browser.close()


if __name__ == "__main__":
    main()
