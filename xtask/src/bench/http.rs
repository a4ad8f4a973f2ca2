//! The load generator of the API benchmark: `clients` threads, each with one
//! keep-alive HTTP/1.1 connection to the server on loopback, sending GET
//! requests one after the other (the next as soon as the previous answer is
//! read in full) for a warm-up, then for the measured time. It counts the
//! answers, their bytes and their latency; any status but 200, a body without
//! `Content-Length` or a broken connection counts as an error. It is a few
//! dozen lines of std on purpose: the benchmark needs no HTTP client crate,
//! and a blocking thread per connection is about the cheapest client there is.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};

/// What the clients measured together.
pub struct Load {
    /// Answers with status 200 that started after the warm-up.
    pub requests: u64,
    /// Failed requests, warm-up included.
    pub errors: u64,
    /// Bytes of the bodies of the measured answers.
    pub body_bytes: u64,
    /// The measured time, in seconds.
    pub seconds: f64,
    /// The latency of each measured request, in microseconds, sorted.
    pub latencies_us: Vec<u64>,
    /// The first error seen, if any.
    pub first_error: Option<String>,
}

impl Load {
    pub fn per_second(&self) -> f64 {
        self.requests as f64 / self.seconds
    }

    /// The latency at quantile `q` (0 to 1), in milliseconds.
    pub fn latency_ms(&self, q: f64) -> f64 {
        quantile(&self.latencies_us, q) as f64 / 1000.0
    }
}

/// The value at quantile `q` of sorted `values` (nearest rank), 0 if empty.
pub fn quantile(values: &[u64], q: f64) -> u64 {
    if values.is_empty() {
        return 0;
    }
    let rank = ((q * values.len() as f64).ceil() as usize).clamp(1, values.len());
    values[rank - 1]
}

/// Sends GET requests for `paths` (client `i` starts at path `i` and goes
/// round) from `clients` connections for `warmup` then `measured`.
pub fn run(
    addr: SocketAddr,
    paths: &[String],
    clients: usize,
    warmup: Duration,
    measured: Duration,
) -> anyhow::Result<Load> {
    if paths.is_empty() {
        bail!("no path to request");
    }
    let start = Instant::now() + warmup;
    let end = start + measured;
    let results: Vec<anyhow::Result<ClientLoad>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..clients)
            .map(|client| scope.spawn(move || one_client(addr, paths, client, start, end)))
            .collect();
        handles
            .into_iter()
            .map(|handle| {
                handle
                    .join()
                    .unwrap_or_else(|_| Err(anyhow::anyhow!("a client thread panicked")))
            })
            .collect()
    });
    let mut load = Load {
        requests: 0,
        errors: 0,
        body_bytes: 0,
        seconds: measured.as_secs_f64(),
        latencies_us: Vec::new(),
        first_error: None,
    };
    for result in results {
        let client = result?;
        load.requests += client.latencies_us.len() as u64;
        load.errors += client.errors;
        load.body_bytes += client.body_bytes;
        load.latencies_us.extend(client.latencies_us);
        if load.first_error.is_none() {
            load.first_error = client.first_error;
        }
    }
    load.latencies_us.sort_unstable();
    Ok(load)
}

struct ClientLoad {
    latencies_us: Vec<u64>,
    errors: u64,
    body_bytes: u64,
    first_error: Option<String>,
}

fn one_client(
    addr: SocketAddr,
    paths: &[String],
    client: usize,
    start: Instant,
    end: Instant,
) -> anyhow::Result<ClientLoad> {
    let mut load = ClientLoad {
        latencies_us: Vec::new(),
        errors: 0,
        body_bytes: 0,
        first_error: None,
    };
    let mut connection = Connection::open(addr)?;
    let mut next = client % paths.len();
    loop {
        let sent = Instant::now();
        if sent >= end {
            return Ok(load);
        }
        let path = &paths[next];
        next = (next + 1) % paths.len();
        match connection.get(addr, path) {
            Ok(body_bytes) => {
                if sent >= start {
                    load.latencies_us.push(sent.elapsed().as_micros() as u64);
                    load.body_bytes += body_bytes as u64;
                }
            }
            Err(error) => {
                load.errors += 1;
                load.first_error
                    .get_or_insert_with(|| format!("GET {path}: {error:#}"));
                // The connection may be out of step: start a new one.
                connection = Connection::open(addr)?;
            }
        }
    }
}

/// One keep-alive connection and the bytes read past the last answer.
struct Connection {
    stream: TcpStream,
    buffer: Vec<u8>,
}

impl Connection {
    fn open(addr: SocketAddr) -> anyhow::Result<Connection> {
        let stream =
            TcpStream::connect(addr).with_context(|| format!("cannot connect to {addr}"))?;
        stream.set_nodelay(true)?;
        stream.set_read_timeout(Some(Duration::from_secs(30)))?;
        Ok(Connection {
            stream,
            buffer: Vec::with_capacity(1 << 16),
        })
    }

    /// Sends one GET and reads its answer; the body's size when the status
    /// is 200.
    fn get(&mut self, addr: SocketAddr, path: &str) -> anyhow::Result<usize> {
        let request = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nAccept: */*\r\n\r\n");
        self.stream.write_all(request.as_bytes())?;
        let head_end = loop {
            if let Some(at) = find(&self.buffer, b"\r\n\r\n") {
                break at + 4;
            }
            self.fill()?;
        };
        let head = std::str::from_utf8(&self.buffer[..head_end]).context("a non-UTF-8 head")?;
        let status = head
            .split(' ')
            .nth(1)
            .context("no status line")?
            .to_string();
        let length: usize = head
            .lines()
            .find_map(|line| {
                let (name, value) = line.split_once(':')?;
                name.eq_ignore_ascii_case("content-length")
                    .then(|| value.trim().parse().ok())?
            })
            .context("an answer without Content-Length")?;
        while self.buffer.len() < head_end + length {
            self.fill()?;
        }
        self.buffer.drain(..head_end + length);
        if status != "200" {
            bail!("status {status}");
        }
        Ok(length)
    }

    fn fill(&mut self) -> anyhow::Result<()> {
        let mut chunk = [0u8; 1 << 16];
        let read = self.stream.read(&mut chunk)?;
        if read == 0 {
            bail!("the server closed the connection");
        }
        self.buffer.extend_from_slice(&chunk[..read]);
        Ok(())
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::BufRead;
    use std::net::TcpListener;

    #[test]
    fn quantiles_take_the_nearest_rank() {
        let values = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
        assert_eq!(quantile(&values, 0.5), 50);
        assert_eq!(quantile(&values, 0.95), 100);
        assert_eq!(quantile(&values, 0.0), 10);
        assert_eq!(quantile(&[], 0.5), 0);
    }

    #[test]
    fn answers_are_read_in_full_on_one_connection() {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let server = std::thread::spawn(move || {
            let (stream, _) = listener.accept().unwrap();
            let mut reader = std::io::BufReader::new(stream.try_clone().unwrap());
            let mut writer = stream;
            for (index, body) in ["hello", "", "a longer body"].iter().enumerate() {
                let mut line = String::new();
                loop {
                    line.clear();
                    reader.read_line(&mut line).unwrap();
                    if line == "\r\n" {
                        break;
                    }
                }
                let status = if index == 1 {
                    "404 Not Found"
                } else {
                    "200 OK"
                };
                let answer = format!(
                    "HTTP/1.1 {status}\r\ncontent-length: {}\r\n\r\n{body}",
                    body.len()
                );
                writer.write_all(answer.as_bytes()).unwrap();
            }
        });
        let mut connection = Connection::open(addr).unwrap();
        assert_eq!(connection.get(addr, "/a").unwrap(), 5);
        let error = connection.get(addr, "/b").unwrap_err();
        assert_eq!(error.to_string(), "status 404");
        assert_eq!(connection.get(addr, "/c").unwrap(), 13);
        server.join().unwrap();
    }
}
