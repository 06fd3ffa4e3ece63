//! Writes the hostile input files of the reliability tests into a directory:
//! `cargo run --example gen_hostile -- /tmp/hostile && newsdex index -L /tmp/hostile`.

#[path = "../tests/hostile_gen/mod.rs"]
mod hostile_gen;

fn main() {
    let Some(dir) = std::env::args_os().nth(1) else {
        eprintln!("usage: gen_hostile DIR");
        std::process::exit(1);
    };
    let cases = hostile_gen::generate(std::path::Path::new(&dir));
    for c in &cases {
        println!("{:40} {} docs, reasons {:?}", c.name, c.docs, c.reasons);
    }
}
