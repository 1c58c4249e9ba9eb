import CSpawn
import Foundation

/// A pipe whose two ends are close-on-exec from the moment they exist.
///
/// Foundation's `Pipe` is created without `O_CLOEXEC`, and on Linux `Process` closes the
/// parent's descriptors in the child from a list it reads *before* spawning. A pipe that
/// another thread opens in between is inherited by that unrelated child: the pipe then never
/// reports end-of-file while the child lives, and a reader waiting for it hangs. Tests start
/// many children in parallel, which made that race a hang in CI. Ends created close-on-exec
/// cannot leak into any program, whoever starts it: the child meant to have one gets it
/// through `dup2` onto 0, 1 or 2, which clears the flag on the copy only.
public final class ExecPipe: Sendable {
    /// The end the parent reads (a child's stdout or stderr).
    public let reading: FileHandle
    /// The end the parent writes (a child's stdin).
    public let writing: FileHandle

    public init() throws {
        var ends: [Int32] = [-1, -1]
        guard posture_pipe_cloexec(&ends) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EMFILE) }
        reading = FileHandle(fileDescriptor: ends[0], closeOnDealloc: true)
        writing = FileHandle(fileDescriptor: ends[1], closeOnDealloc: true)
    }
}
