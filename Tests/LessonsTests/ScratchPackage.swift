import Foundation
import TestSupport

/// A throwaway package root with a `.build/<configuration>` directory, removed on deinit.
final class ScratchPackage {
    let root: URL

    init() throws {
        root = try TemporaryDirectory(prefix: "lessons-test").url
        try FileManager.default.createDirectory(at: root.appendingPathComponent("lessons"), withIntermediateDirectories: true)
        try Data("// swift-tools-version:6.1\n".utf8).write(to: root.appendingPathComponent("Package.swift"))
    }

    /// Writes an executable shell script `.build/<configuration>/<name>`.
    func addExecutable(_ name: String, configuration: String = "debug", script: String) throws {
        let dir = root.appendingPathComponent(".build").appendingPathComponent(configuration)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let url = dir.appendingPathComponent(name)
        try Data(("#!/bin/sh\n" + script + "\n").utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
    }

    /// Writes `lessons/<name>`.
    func addLesson(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: root.appendingPathComponent("lessons").appendingPathComponent(name))
    }

    deinit { try? FileManager.default.removeItem(at: root) }
}
