import Synchronization

/// LIBSVM 3.24's `svm_load_model` and `svm_save_model` switch the whole process to the
/// "C" locale with `setlocale(LC_ALL, "C")` while they scan or print numbers, then
/// restore (and free) the previous locale name. `setlocale` is not thread-safe: two
/// models loaded or saved at once on two threads (the test suite does it; a library
/// user may) free each other's locale data — heap corruption, then a crash in `strtod`.
/// Every call into LIBSVM's file functions goes through `exclusive`, one at a time.
enum LIBSVMLocale {
    private static let lock = Mutex(())

    /// Runs `body` while no other LIBSVM file function runs.
    static func exclusive<T>(_ body: () -> T) -> T {
        lock.withLock { _ in body() }
    }
}
