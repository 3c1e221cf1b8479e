//! `compute-demand`: the core model on the command line.
//!
//! A contract that users and tests script against: `--format json` prints plain numbers
//! under stable keys; bad input prints one line on stderr and exits non-zero.

mod args;
mod commands;

use std::io::Write;
use std::process::ExitCode;

/// mimalloc rather than the system's allocator: a 100,000-draw run allocates some 40 MB in a
/// few large buffers, which mimalloc maps in huge pages (about 200 page faults a run against
/// glibc's 21,000, a fifth of the run's time: 146 against 184 ms, BENCHMARKS.md §0).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match args::parse() {
        Ok(cli) => cli,
        Err(exit) => return exit,
    };
    match commands::execute(cli) {
        Ok(output) => {
            // A reader that stops early (`| head`) closes the pipe: that ends the output, it
            // is not an error worth a message, let alone a panic.
            let mut stdout = std::io::stdout().lock();
            match stdout
                .write_all(output.as_bytes())
                .and_then(|()| stdout.flush())
            {
                Ok(()) => ExitCode::SUCCESS,
                Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(error) => {
                    eprintln!("compute-demand: error: cannot write the output: {error}");
                    ExitCode::from(1)
                }
            }
        }
        Err(error) => {
            eprintln!("compute-demand: error: {error}");
            ExitCode::from(1)
        }
    }
}
