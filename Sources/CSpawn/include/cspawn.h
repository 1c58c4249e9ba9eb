#ifndef POSTURE_CSPAWN_H
#define POSTURE_CSPAWN_H

#include <sys/types.h>

/// Creates a pipe whose two ends are close-on-exec from the start (pipe2 with O_CLOEXEC).
/// Returns 0, or -1 with errno set. Swift's Glibc module does not export pipe2.
int posture_pipe_cloexec(int ends[2]);

/// Starts `path` with `argv` and `envp` (NULL-terminated), in `directory` when not NULL, with
/// `stdin_fd`, `stdout_fd` and `stderr_fd` as its 0, 1 and 2, and no other descriptor: every
/// descriptor from 3 up is closed in the child, whatever its close-on-exec flag. Signal mask
/// and dispositions are reset, so a child of a thread that blocks SIGTERM still dies of it.
/// Returns 0 and sets `*pid`, or an errno value.
int posture_spawn(pid_t *pid, const char *path, char *const argv[], char *const envp[], const char *directory,
                  int stdin_fd, int stdout_fd, int stderr_fd);

#endif
