import Dispatch
import Foundation

/// The temporary files this process has open, so that an interrupted run leaves none behind.
///
/// Outputs register their temporary file while it exists. The library never changes how the host
/// process handles signals: a command-line tool opts in with `removeOnSignals()` (SIGINT, SIGTERM,
/// SIGHUP), which removes every registered file and then lets the signal end the process as it
/// would have.
public final class TemporaryFiles: @unchecked Sendable {
    /// The registry of this process.
    public static let shared = TemporaryFiles()

    private let lock = NSLock()
    private var paths: Set<String> = []
    private var sources: [DispatchSourceSignal] = []

    func register(_ path: String) {
        lock.lock(); defer { lock.unlock() }
        paths.insert(path)
    }

    func unregister(_ path: String) {
        lock.lock(); defer { lock.unlock() }
        paths.remove(path)
    }

    /// The temporary files registered now.
    public var registered: Set<String> {
        lock.lock(); defer { lock.unlock() }
        return paths
    }

    /// Removes every registered temporary file, and the files a library derived from one
    /// (`<temporary>.<suffix>`, e.g. libzip's scratch copy while it rewrites the archive).
    public func removeAll() {
        lock.lock(); defer { lock.unlock() }
        for p in paths {
            Syscalls.unlinkQuietly(p)
            let (directory, name) = OutputName.split(p)
            for entry in Syscalls.directoryEntries(directory) ?? [] where entry.hasPrefix(name + ".") {
                Syscalls.unlinkQuietly(directory == "." ? entry : directory + "/" + entry)
            }
        }
        paths.removeAll()
    }

    /// On SIGINT, SIGTERM or SIGHUP: remove every registered temporary file, then end the process by
    /// the same signal (exit status 128 + n to a shell). Call once, from `main`.
    public func removeOnSignals() {
        lock.lock(); defer { lock.unlock() }
        guard sources.isEmpty else { return }
        for number in [Syscalls.interrupt, Syscalls.terminate, Syscalls.hangUp] {
            Syscalls.ignore(number)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in
                self?.removeAll()
                Syscalls.reraise(number)
            }
            source.resume()
            sources.append(source)
        }
    }
}
