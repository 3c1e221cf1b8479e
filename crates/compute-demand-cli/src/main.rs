//! `compute-demand`: the core model on the command line.
//!
//! A contract that users and tests script against: `--format json` prints plain numbers
//! under stable keys; bad input prints one line on stderr and exits non-zero.

mod args;
mod commands;

use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match args::parse() {
        Ok(cli) => cli,
        Err(exit) => return exit,
    };
    match commands::execute(cli) {
        Ok(output) => {
            print!("{output}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("compute-demand: error: {error}");
            ExitCode::from(1)
        }
    }
}
