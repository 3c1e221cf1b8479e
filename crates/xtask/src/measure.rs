//! `cargo xtask measure -- PROGRAM ARGS…`: runs a program once, its output discarded, and
//! prints its wall time and peak resident memory as one line of JSON. bench/squiggle.mjs
//! weighs the whole model's `compute-demand run --samples 100000` with it; Node has no way to
//! read a child's peak memory.

use crate::Result;
use std::process::{Command, Stdio};
use std::time::Instant;

pub fn measure(args: &[String]) -> Result {
    let args = args.strip_prefix(&["--".to_string()]).unwrap_or(args);
    let (program, rest) = args
        .split_first()
        .ok_or("measure: which program? `cargo xtask measure -- PROGRAM ARGS…`")?;
    let start = Instant::now();
    let child = Command::new(program)
        .args(rest)
        .stdout(Stdio::null())
        .spawn()
        .map_err(|e| format!("measure: cannot start {program}: {e}"))?;
    let (status, max_rss_kib) = wait_with_peak_memory(child.id())?;
    let wall_ms = start.elapsed().as_secs_f64() * 1e3;
    if status != 0 {
        return Err(format!("measure: {program} exited with status {status}"));
    }
    println!("{{\"wall_ms\": {wall_ms:.3}, \"max_rss_kib\": {max_rss_kib}}}");
    Ok(())
}

/// Waits for the child `pid` and reads its resource usage: its exit status (or the signal
/// that ended it, negated) and its peak resident memory in KiB. `std::process::Child::wait`
/// does not give the usage; wait4 does, for that one child only.
fn wait_with_peak_memory(pid: u32) -> std::result::Result<(i32, i64), String> {
    let mut status: libc::c_int = 0;
    // SAFETY: an all-zero `rusage` is a valid value of this plain C struct, and wait4 writes
    // only into the two places it is given, both live for the call.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let waited = unsafe { libc::wait4(pid as libc::pid_t, &mut status, 0, &mut usage) };
    if waited < 0 {
        return Err(format!(
            "measure: wait4 failed: {}",
            std::io::Error::last_os_error()
        ));
    }
    let code = if libc::WIFEXITED(status) {
        libc::WEXITSTATUS(status)
    } else {
        -libc::WTERMSIG(status)
    };
    // Linux gives ru_maxrss in KiB.
    Ok((code, usage.ru_maxrss))
}
