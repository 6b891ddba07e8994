//! `tongda` binary: a thin shim so that `cargo run --release -- <subcommand>`
//! works from the workspace root. All logic lives in `tongda-cli`.
fn main() -> std::process::ExitCode {
    tongda_cli::main()
}
