import Glibc

/// The one place BackpropLab starts a program: `posix_spawnp` from an argv (no shell
/// between us and the program), SIGPIPE, SIGTERM and SIGINT at their defaults and no
/// signal blocked in the child, optionally in a process group of its own (so that a
/// signal to the group reaches everything it starts). `ChildProcess` (line exchanges)
/// and `RunningProgram` (run to completion, or watch while it runs) both start here.
enum Spawn {
    /// Where one of the child's standard streams goes.
    enum Stream: Equatable {
        /// A pipe to us; its other end is returned non-blocking and close-on-exec.
        case pipe
        /// `/dev/null`.
        case nullDevice
        /// Ours (the terminal, typically).
        case inherit
    }

    /// A started child: its id and our ends of its pipes (-1 where the stream is not a pipe).
    struct Child {
        let pid: pid_t
        let input: Int32
        let output: Int32
        let errors: Int32
    }

    /// Starts `arguments[0]` (looked up in PATH when it has no slash) with the rest as
    /// its arguments. `environment` nil passes ours; `directory` nil keeps ours.
    static func start(_ arguments: [String], environment: [String: String]? = nil, directory: String? = nil,
                      input: Stream, output: Stream, errors: Stream,
                      ownProcessGroup: Bool = true) throws(ChildProcessError) -> Child {
        guard let program = arguments.first, !program.isEmpty else {
            throw .launchFailed(program: "", reason: "no program given")
        }
        // A write to a program that has exited must be an error (EPIPE), not our death.
        signal(SIGPIPE, SIG_IGN)
        let streams = [input, output, errors]

        var pipes: [[Int32]] = []
        func closeAll() { for p in pipes { for fd in p where fd >= 0 { close(fd) } } }
        for stream in streams {
            var fds: [Int32] = [-1, -1]
            if stream == .pipe {
                guard pipe(&fds) == 0 else {
                    closeAll()
                    throw .launchFailed(program: program, reason: "no pipe: \(String(cString: strerror(errno)))")
                }
                for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
            }
            pipes.append(fds)
        }
        // The child reads stdin from pipes[0][0] and writes stdout/stderr to pipes[1|2][1].
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (fd, stream) in streams.enumerated() {
            switch stream {
            case .pipe: posix_spawn_file_actions_adddup2(&actions, pipes[fd][fd == 0 ? 0 : 1], Int32(fd))
            case .nullDevice: posix_spawn_file_actions_addopen(&actions, Int32(fd), "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
            case .inherit: break
            }
        }
        if let directory {
            var info = stat()
            guard stat(directory, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
                closeAll()
                throw .launchFailed(program: program, reason: "no directory \(directory)")
            }
            guard let changeDirectory = changeDirectoryAction() else {
                closeAll()
                throw .launchFailed(program: program, reason: "this C library cannot start a program in another directory")
            }
            _ = changeDirectory(&actions, directory)
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        let group = ownProcessGroup ? POSIX_SPAWN_SETPGROUP : 0
        posix_spawnattr_setflags(&attributes, Int16(group | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        posix_spawnattr_setpgroup(&attributes, 0)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        sigaddset(&defaults, SIGTERM)
        sigaddset(&defaults, SIGINT)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)

        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        let envp: [UnsafeMutablePointer<CChar>?]? = environment.map { $0.map { strdup("\($0.key)=\($0.value)") } + [nil] }
        defer { for p in envp ?? [] { free(p) } }
        var child: pid_t = 0
        let result = envp.map { posix_spawnp(&child, program, &actions, &attributes, argv, $0) }
            ?? posix_spawnp(&child, program, &actions, &attributes, argv, environ)
        for (fd, ends) in pipes.enumerated() where ends[0] >= 0 { close(ends[fd == 0 ? 0 : 1]) }
        let ours = pipes.enumerated().map { fd, ends in ends[fd == 0 ? 1 : 0] }
        guard result == 0 else {
            for fd in ours where fd >= 0 { close(fd) }
            let reason = result == ENOENT ? "no such program (not found in PATH)" : String(cString: strerror(result))
            throw .launchFailed(program: program, reason: reason)
        }
        for fd in ours where fd >= 0 { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        return Child(pid: child, input: ours[0], output: ours[1], errors: ours[2])
    }

    /// glibc's `posix_spawn_file_actions_addchdir_np` (2.29 and later), looked up at run
    /// time because Swift's Glibc module does not export it.
    private static func changeDirectoryAction()
        -> (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32)? {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addchdir_np") else {
            return nil
        }
        return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32).self)
    }
}
